import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '@charterflow/organisations';
import { CasePosition } from '../list/cursor';
import { inTransaction, onItsOwn, PreparedStatement, RowOf } from '@charterflow/database';
import { CASES_TABLE } from '../tables';
import { deadlinesJsonOf, DeadlineRow, RawDeadline, toDeadlineRow } from './deadlines.repository';

/** A `cases` row as the service uses it. */
export interface CaseRow {
  id: string;
  organisationId: string;
  state: string;
  snapshot: unknown;
  machineVersion: number;
  procedureVersion: string;
  version: number;
  candidate: unknown;
  lastSeq: number;
  lastHash: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A case as a page of cases shows it: the stored machine snapshot alone (`snapshot -> 'machine'`: the aggregate's
 * own deadline records are not read, the deadline rows are) and the case's deadline rows.
 */
export interface CaseListRow extends Pick<CaseRow, 'id' | 'organisationId' | 'machineVersion' | 'procedureVersion' | 'version' | 'createdAt' | 'updatedAt'> {
  machine: unknown;
  deadlines: DeadlineRow[];
}

/**
 * A case of a page before it is read: its id, its position in the list and its stamp (`CASE_STAMP`), which changes
 * whenever anything the listed case is made of changes.
 */
export interface ListedCaseStamp {
  id: string;
  createdAt: Date;
  stamp: string;
}

/** A listed case read whole, with the stamp of what was read. */
export interface StampedCaseListRow extends CaseListRow {
  stamp: string;
}

export interface NewCaseRow extends Omit<CaseRow, 'version' | 'updatedAt'> {
  searchText: string;
  /** An imported case: the office's own identifier (unique in its province), the province and the hash of the imported row. */
  externalId?: string | null;
  importProvinceId?: string | null;
  importHash?: string | null;
}

/** The new state written by one accepted step; applied only when the row still has `expectedVersion`. */
export interface CaseStepUpdate {
  id: string;
  expectedVersion: number;
  state: string;
  snapshot: unknown;
  machineVersion: number;
  procedureVersion: string;
  lastSeq: number;
  lastHash: string;
  updatedAt: Date;
  /** A transfer (TRANSFERRED) moves the case to this cell; absent: the case stays where it is. */
  organisationId?: string;
}

export interface CaseQuery {
  state?: string;
  /** Organisation path prefix: the case's organisation lies in that subtree. */
  pathPrefix?: string;
  /** Has a pending deadline (open, or marked missed with its step not recorded) due on or before this date. */
  dueBefore?: string;
  /** LIKE pattern over search_text. */
  searchPattern?: string;
  after?: CasePosition;
  limit: number;
}

const COLUMNS = `c.id, c.organisation_id, c.state, c.snapshot, c.machine_version, c.procedure_version, c.version, c.candidate,
  c.last_seq, c.last_hash, c.created_at, c.updated_at`;

/**
 * A deadline `d` whose step is not recorded yet: open, or marked missed by delivery when its day passed while the
 * engine still holds it (ADR 0007 §5). Overdue cases are exactly those with such a limit before today.
 */
const PENDING_DEADLINE = `d.closed_on IS NULL AND d.status IN ('open', 'missed')`;

/** The chain of the organisation whose path is `path` (root first, itself last) as JSON `ChainNode`s, with the E7 flags (ADR 0014). */
const chainOf = (path: string) => `(SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'authorisedToAdmit', a.authorised_to_admit,
                                                 'hasYouthUnion', a.has_youth_union, 'hasTradeUnion', a.has_trade_union,
                                                 'ruleProfile', a.rule_profile) ORDER BY length(a.path))
               FROM organisations a WHERE a.id = ANY (string_to_array(trim(both '/' from ${path}), '/')::uuid[]))`;

/** The chain of the organisation `o`. */
const CHAIN_OF_O = chainOf('o.path');

const LOCK_WITH_CHAIN: PreparedStatement = {
  name: 'cases_lock_with_chain',
  text: `SELECT ${COLUMNS}, ${CHAIN_OF_O} AS chain
         FROM (SELECT set_config('lock_timeout', $2, true)) AS bound (lock_timeout)
         CROSS JOIN cases c JOIN organisations o ON o.id = c.organisation_id
         WHERE c.id = $1 AND bound.lock_timeout IS NOT NULL
         FOR UPDATE OF c`,
};

const FIND_WITH_CHAIN: PreparedStatement = {
  name: 'cases_find_with_chain',
  text: `SELECT ${COLUMNS}, ${CHAIN_OF_O} AS chain FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1`,
};

/** One organisation of a case's chain: the bodies that may act and the facts the rules read (E7 flags included). */
type ChainRow = { id: string; kind: OrganisationKind; authorisedToAdmit: boolean; hasYouthUnion: boolean; hasTradeUnion: boolean; ruleProfile: string };

/** A case as the worklist reads it: no history, only what decides whether it needs attention. */
export interface WorklistRow {
  id: string;
  organisationId: string;
  machineVersion: number;
  /** The stored machine's state value (`snapshot.machine.value`), not the whole snapshot. */
  stateValue: unknown;
  candidateName: string;
  chain: ChainRow[];
  deadlines: { kind: string; dueOn: string; status: string; closedOn: string | null }[];
}

/** The row as declared in tables.ts. */
type RawCase = Pick<RowOf<typeof CASES_TABLE>, 'id' | 'organisation_id' | 'state' | 'snapshot' | 'machine_version' | 'procedure_version' | 'version' | 'candidate' | 'last_seq' | 'last_hash' | 'created_at' | 'updated_at'>;
type RawListCase = Pick<RawCase, 'id' | 'organisation_id' | 'machine_version' | 'procedure_version' | 'version' | 'created_at' | 'updated_at'> & {
  machine: unknown;
  deadlines: RawDeadline[];
  stamp: string;
};

/**
 * The stamp of the case row `c` and its deadline rows: the transaction ids that wrote the row versions read (`xmin`),
 * the case's then its deadlines' in key order. Every write of a row — a step, a deadline marked missed by delivery
 * (which does not move the case's version), an import, a repair in SQL — gives it a new `xmin`; an inserted or
 * deleted deadline changes the list. Equal stamps therefore mean the same rows, and a listed case described once may
 * be shown again while its stamp holds (ADR 0029 decision 11).
 */
const CASE_STAMP = `c.xmin::text || '/' || coalesce((SELECT string_agg(d.xmin::text, ',' ORDER BY d.key) FROM deadlines d WHERE d.case_id = c.id), '')`;

/** Reads the listed cases whose ids are $1, whole (prepared once per connection). */
const LISTED_CASES: PreparedStatement = {
  name: 'cases_listed',
  text: `SELECT c.id, c.organisation_id, c.snapshot -> 'machine' AS machine, c.machine_version, c.procedure_version, c.version,
                c.created_at, c.updated_at, ${deadlinesJsonOf('c.id')} AS deadlines, ${CASE_STAMP} AS stamp
         FROM cases c WHERE c.id = ANY ($1::uuid[])`,
};

/** The only place that reads or writes `cases`. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts several new cases in one statement (an import's batch). */
  async insertMany(m: EntityManager, rows: readonly NewCaseRow[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO cases (id, organisation_id, state, snapshot, machine_version, procedure_version, version, candidate,
                          search_text, last_seq, last_hash, created_at, updated_at, external_id, import_hash, import_province_id)
       SELECT r.id, r.organisation_id, r.state, r.snapshot, r.machine_version, r.procedure_version, 1, r.candidate,
              r.search_text, r.last_seq, r.last_hash, r.created_at, r.created_at, r.external_id, r.import_hash, r.import_province_id
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id uuid, state text, snapshot jsonb, machine_version int, procedure_version text,
            candidate jsonb, search_text text, last_seq int, last_hash text, created_at timestamptz, external_id text, import_hash text, import_province_id uuid)`,
      [
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            organisation_id: row.organisationId,
            state: row.state,
            snapshot: row.snapshot,
            machine_version: row.machineVersion,
            procedure_version: row.procedureVersion,
            candidate: row.candidate,
            search_text: row.searchText,
            last_seq: row.lastSeq,
            last_hash: row.lastHash,
            created_at: row.createdAt.toISOString(),
            external_id: row.externalId ?? null,
            import_hash: row.importHash ?? null,
            import_province_id: row.importProvinceId ?? null,
          })),
        ),
      ],
    );
  }

  async insert(m: EntityManager, row: NewCaseRow): Promise<void> {
    await m.query(
      `INSERT INTO cases (id, organisation_id, state, snapshot, machine_version, procedure_version, version, candidate,
                          search_text, last_seq, last_hash, created_at, updated_at, external_id, import_hash, import_province_id)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, 1, $7::jsonb, $8, $9, $10, $11, $11, $12, $13, $14)`,
      [
        row.id,
        row.organisationId,
        row.state,
        JSON.stringify(row.snapshot),
        row.machineVersion,
        row.procedureVersion,
        JSON.stringify(row.candidate),
        row.searchText,
        row.lastSeq,
        row.lastHash,
        row.createdAt,
        row.externalId ?? null,
        row.importHash ?? null,
        row.importProvinceId ?? null,
      ],
    );
  }

  /**
   * Imported cases by their external ids, keyed `externalIdKey(province, externalId)`: id and the hash of the row
   * they came from. An external id is unique within the province the case was imported into.
   */
  async findByExternalIds(externalIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, { id: string; importHash: string | null }>> {
    if (externalIds.length === 0) return new Map();
    const rows: { id: string; external_id: string; import_province_id: string | null; import_hash: string | null }[] = await m.query(
      `SELECT id, external_id, import_province_id, import_hash FROM cases WHERE external_id = ANY($1::text[])`,
      [externalIds],
    );
    return new Map(rows.map((r) => [externalIdKey(r.import_province_id, r.external_id), { id: r.id, importHash: r.import_hash }]));
  }

  /** The case, or null when unknown or, given `pathPrefix`, when its organisation lies outside that subtree. */
  async findById(id: string, m: EntityManager = this.dataSource.manager, pathPrefix: string | null = null): Promise<CaseRow | null> {
    const rows: RawCase[] =
      pathPrefix === null
        ? await m.query(`SELECT ${COLUMNS} FROM cases c WHERE c.id = $1`, [id])
        : await m.query(
            `SELECT ${COLUMNS} FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1 AND o.path LIKE $2 || '%'`,
            [id, pathPrefix],
          );
    return rows.length ? toRow(rows[0]) : null;
  }

  /**
   * The case with the chain of its cell (root first, the cell last), the case row locked (only it, not the
   * organisations) until the caller's transaction ends: what a step reads before deciding (the rules' organisation
   * facts and the bodies that may act). One statement also bounds how long the transaction waits for a row lock to
   * `lockWaitMs` (PostgreSQL then answers 55P03): `set_config('lock_timeout', …, true)` is `SET LOCAL lock_timeout`,
   * run by the one-row subquery `bound` that is joined to the case, so it has run before the join yields the row the
   * `FOR UPDATE` locks (rows are locked as the plan returns them). Null, and nothing locked, when there is no such case.
   */
  async lockWithChain(m: EntityManager, id: string, lockWaitMs: number): Promise<{ row: CaseRow; chain: ChainRow[] } | null> {
    const rows = await inTransaction(m)<RawCase & { chain: ChainRow[] }>(LOCK_WITH_CHAIN, [id, lockWait(lockWaitMs)]);
    return rows.length ? { row: toRow(rows[0]), chain: rows[0].chain } : null;
  }

  /** The case with the chain of its cell, as `lockWithChain` reads it, without locking anything. */
  async findWithChain(id: string): Promise<{ row: CaseRow; chain: ChainRow[] } | null> {
    const rows = await onItsOwn(this.dataSource)<RawCase & { chain: ChainRow[] }>(FIND_WITH_CHAIN, [id]);
    return rows.length ? { row: toRow(rows[0]), chain: rows[0].chain } : null;
  }

  /**
   * Locks the case rows among `ids` until the caller's transaction ends, one after the other in id order (so two
   * callers locking overlapping sets never deadlock), each wait bounded by `lockWaitMs` as in `lockWithChain`;
   * answers the ids that exist.
   */
  async lockIds(m: EntityManager, ids: readonly string[], lockWaitMs: number): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await m.query(
      `SELECT c.id FROM (SELECT set_config('lock_timeout', $2, true)) AS bound (lock_timeout)
       CROSS JOIN cases c
       WHERE c.id = ANY($1::uuid[]) AND bound.lock_timeout IS NOT NULL
       ORDER BY c.id FOR UPDATE OF c`,
      [[...new Set(ids)], lockWait(lockWaitMs)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The cases of a subtree (every case when `pathPrefix` is null) not in one of `finalStates` or still holding a
   * pending limit (a full member's recognition not yet announced), with their cell's
   * chain and their pending deadlines (not closed by a step), earliest pending due date first, at most `limit`.
   */
  async findActiveForWorklist(q: { pathPrefix: string | null; finalStates: readonly string[]; limit: number }): Promise<WorklistRow[]> {
    // The chain of each organisation is built once and sent with its first case only: the cases of one cell share it.
    const rows: {
      id: string;
      organisation_id: string;
      machine_version: number;
      state_value: unknown;
      candidate_name: string | null;
      chain: WorklistRow['chain'] | null;
      deadlines: WorklistRow['deadlines'] | null;
    }[] =
      await this.dataSource.query(
        `WITH w AS (
           SELECT c.id, c.organisation_id, o.path, c.machine_version, c.state_value,
                  c.candidate->>'fullName' AS candidate_name, p.deadlines, p.first_due
           FROM cases c
           JOIN organisations o ON o.id = c.organisation_id
           LEFT JOIN LATERAL (
             SELECT json_agg(json_build_object('kind', d.kind, 'dueOn', d.due_on, 'status', d.status, 'closedOn', d.closed_on) ORDER BY d.due_on) AS deadlines,
                    min(d.due_on) AS first_due
             FROM deadlines d WHERE d.case_id = c.id AND ${PENDING_DEADLINE}
           ) p ON true
           WHERE ($1::text IS NULL OR o.path LIKE $1 || '%') AND (NOT (c.state = ANY ($2::text[])) OR p.first_due IS NOT NULL)
           ORDER BY p.first_due NULLS LAST, c.id
           LIMIT $3
         )
         SELECT w.id, w.organisation_id, w.machine_version, w.state_value, w.candidate_name, w.deadlines,
                CASE WHEN row_number() OVER (PARTITION BY w.organisation_id) = 1 THEN ${chainOf('w.path')} END AS chain
         FROM w
         ORDER BY w.first_due NULLS LAST, w.id`,
        [q.pathPrefix, [...q.finalStates], q.limit],
      );
    const chains = new Map<string, WorklistRow['chain']>();
    for (const r of rows) if (r.chain) chains.set(r.organisation_id, r.chain);
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      machineVersion: r.machine_version,
      stateValue: r.state_value,
      candidateName: r.candidate_name ?? '',
      chain: chains.get(r.organisation_id) ?? [],
      deadlines: r.deadlines ?? [],
    }));
  }

  /**
   * One page ordered by (created_at, id), after `after` when given: each case's id, position and stamp only. The page is
   * chosen from the rows' plain columns; the stamps are read for its cases alone.
   */
  async page(q: CaseQuery): Promise<ListedCaseStamp[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (q.state !== undefined) where.push(`c.state = ${param(q.state)}`);
    if (q.pathPrefix !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM organisations o WHERE o.id = c.organisation_id AND o.path LIKE ${param(q.pathPrefix)} || '%')`);
    }
    if (q.dueBefore !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND ${PENDING_DEADLINE} AND d.due_on <= ${param(q.dueBefore)}::date)`);
    }
    if (q.searchPattern !== undefined) where.push(`c.search_text LIKE ${param(q.searchPattern)}`);
    if (q.after) where.push(`(c.created_at, c.id) > (${param(q.after.createdAt)}::timestamptz, ${param(q.after.id)}::uuid)`);
    const rows: { id: string; created_at: Date; stamp: string }[] = await this.dataSource.query(
      `SELECT p.id, p.created_at, ${CASE_STAMP} AS stamp
       FROM (SELECT c.id, c.created_at FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY c.created_at, c.id LIMIT ${param(q.limit)}) p
       JOIN cases c ON c.id = p.id
       ORDER BY p.created_at, p.id`,
      params,
    );
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, stamp: r.stamp }));
  }

  /**
   * The listed cases whose ids are given, whole: each with its stored machine snapshot (`snapshot -> 'machine'`, not
   * the aggregate's copy of its deadline records), its deadline rows and the stamp of what was read, in one statement.
   * An id with no case is left out.
   */
  async listed(ids: readonly string[]): Promise<StampedCaseListRow[]> {
    if (ids.length === 0) return [];
    const rows = await onItsOwn(this.dataSource)<RawListCase>(LISTED_CASES, [ids]);
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      machine: r.machine,
      machineVersion: r.machine_version,
      procedureVersion: r.procedure_version,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deadlines: r.deadlines.map(toDeadlineRow),
      stamp: r.stamp,
    }));
  }
}

function toRow(r: RawCase): CaseRow {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    state: r.state,
    snapshot: r.snapshot,
    machineVersion: r.machine_version,
    procedureVersion: r.procedure_version,
    version: r.version,
    candidate: r.candidate,
    lastSeq: r.last_seq,
    lastHash: r.last_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The key of an imported case among the external ids: its province and its id there. */
export function externalIdKey(provinceId: string | null, externalId: string): string {
  return `${provinceId ?? ''}/${externalId}`;
}

/**
 * The versioned update of one step: `UPDATE … SET version = version + 1 WHERE id = $1 AND version = $2`, the new values
 * in $3…$10 (`stepUpdateParams`); a row that no longer has that version is left alone.
 */
export const STEP_UPDATE_SQL = `UPDATE cases c SET state = $3, snapshot = $4::jsonb, machine_version = $5, procedure_version = $6,
              last_seq = $7, last_hash = $8, updated_at = $9, version = c.version + 1,
              organisation_id = COALESCE($10::uuid, c.organisation_id)
       WHERE c.id = $1 AND c.version = $2 AND set_config('lock_timeout', $11, true) IS NOT NULL`;

/**
 * The parameters $1…$11 of STEP_UPDATE_SQL. The last bounds the wait for the row's lock to `lockWaitMs` (as
 * `lockWithChain` does; 55P03 when it runs out), set before the row is updated: for an update run on its own,
 * outside a transaction that already holds the lock.
 */
export function stepUpdateParams(u: CaseStepUpdate, lockWaitMs: number): unknown[] {
  return [
    u.id,
    u.expectedVersion,
    u.state,
    JSON.stringify(u.snapshot),
    u.machineVersion,
    u.procedureVersion,
    u.lastSeq,
    u.lastHash,
    u.updatedAt,
    u.organisationId ?? null,
    lockWait(lockWaitMs),
  ];
}

/** A lock wait as `lock_timeout` takes it: whole milliseconds, at least one (0 would mean no bound). */
function lockWait(ms: number): string {
  return String(Math.max(1, Math.floor(ms)));
}
