import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeadlineRecord } from '@charterflow/procedure';
import { DeadlineView } from '../views/case.views';
import type { RowOf } from '@charterflow/database';
import { DEADLINES_TABLE } from '../tables';

/** `DeadlineView` plus the case it belongs to. */
export interface DeadlineRow extends DeadlineView {
  caseId: string;
}

/** The row as declared in tables.ts; kind, status narrowed to what the column's writers put there. */
type RawDeadline = Omit<Pick<RowOf<typeof DEADLINES_TABLE>, 'id' | 'case_id' | 'key' | 'kind' | 'base_on' | 'due_on' | 'original_due_on' | 'extended_by' | 'status' | 'source' | 'rule_set' | 'opened_on' | 'closed_on' | 'late_working_days' | 'reference'>, 'kind' | 'status'> & { kind: DeadlineView['kind']; status: DeadlineView['status'] };

const RECORD_COLUMNS = `kind, base_on, due_on, original_due_on, extended_by, status, source, rule_set, opened_on, closed_on, late_working_days, reference`;

/**
 * Delivery marks a deadline `missed` when its limit passes (ADR 0007 §5) while the engine still holds it open: keep
 * `missed` unless the due date moved (an extension reopens it). Used in the SET and the change check alike, so an
 * unrelated step does not rewrite the row.
 */
const KEPT_STATUS = `CASE WHEN deadlines.status = 'missed' AND EXCLUDED.status = 'open' AND EXCLUDED.due_on = deadlines.due_on THEN 'missed' ELSE EXCLUDED.status END`;

/**
 * Inserts new keys (with `opened_at`, the instant the limit came into being, kept afterwards: ADR 0015), updates changed
 * rows (only when something changed), leaves the others alone.
 */
/** The records of `$2` (JSON, each a `DeadlineRecord`, with `caseId` when `$1` is null) as deadline rows at `$3`. */
const INSERT_SQL = `INSERT INTO deadlines (case_id, key, ${RECORD_COLUMNS}, updated_at, opened_at)
       SELECT coalesce($1::uuid, r."caseId"), r.key, r.kind, r."baseOn", r."dueOn", r."originalDueOn", r."extendedBy", r.status, r.source, r."ruleSet",
              r."openedOn", r."closedOn", r."lateWorkingDays", r.reference, $3::timestamptz, $3::timestamptz
       FROM jsonb_to_recordset($2::jsonb) AS r("caseId" uuid, key text, kind text, "baseOn" date, "dueOn" date, "originalDueOn" date,
            "extendedBy" integer, status text, source text, "ruleSet" text, "openedOn" date, "closedOn" date,
            "lateWorkingDays" integer, reference text)`;

const UPSERT_SQL = `${INSERT_SQL}
       ON CONFLICT (case_id, key) DO UPDATE SET
         kind = EXCLUDED.kind, base_on = EXCLUDED.base_on, due_on = EXCLUDED.due_on, original_due_on = EXCLUDED.original_due_on,
         extended_by = EXCLUDED.extended_by, status = ${KEPT_STATUS}, source = EXCLUDED.source, rule_set = EXCLUDED.rule_set,
         opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on, late_working_days = EXCLUDED.late_working_days,
         reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at
       WHERE (deadlines.${RECORD_COLUMNS.split(', ').join(', deadlines.')})
             IS DISTINCT FROM (${RECORD_COLUMNS.split(', ').map((c) => (c === 'status' ? KEPT_STATUS : `EXCLUDED.${c}`)).join(', ')})`;

function upsertParams(caseId: string, records: readonly DeadlineRecord[], now: Date): unknown[] {
  return [caseId, JSON.stringify(records.map((r) => ({ ...r, extendedBy: r.extendedBy ?? 0 }))), now];
}

/** The only place that touches `deadlines`. */
@Injectable()
export class DeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes the aggregate's deadline records in one statement: new keys are inserted, changed ones updated (their
   * `updated_at` moves only when something changed, so a reconciler can watch it), unchanged ones left alone.
   */
  async upsertAll(m: EntityManager, caseId: string, records: readonly DeadlineRecord[], now: Date): Promise<void> {
    if (records.length === 0) return;
    await m.query(UPSERT_SQL, upsertParams(caseId, records, now));
  }

  /** Inserts the deadlines of several new cases in one statement (an import's batch). */
  async insertForNewCases(m: EntityManager, cases: readonly { caseId: string; records: readonly DeadlineRecord[] }[], now: Date): Promise<void> {
    const records = cases.flatMap((c) => c.records.map((r) => ({ ...r, caseId: c.caseId, extendedBy: r.extendedBy ?? 0 })));
    if (records.length === 0) return;
    await m.query(INSERT_SQL, [null, JSON.stringify(records), now]);
  }

  /**
   * `upsertAll`, answering every deadline of the case as it stands after the write, in the same statement: the rows
   * the upsert touched come from its RETURNING, the others from the table (a statement does not see its own writes).
   */
  async upsertAllAndList(m: EntityManager, caseId: string, records: readonly DeadlineRecord[], now: Date): Promise<DeadlineRow[]> {
    if (records.length === 0) return this.listByCases([caseId], m);
    const rows: RawDeadline[] = await m.query(
      `WITH up AS (${UPSERT_SQL} RETURNING id, case_id, key, ${RECORD_COLUMNS})
       SELECT * FROM (
         SELECT * FROM up
         UNION ALL
         SELECT id, case_id, key, ${RECORD_COLUMNS} FROM deadlines d WHERE d.case_id = $1 AND d.key NOT IN (SELECT key FROM up)
       ) AS all_rows
       ORDER BY opened_on, due_on, key`,
      upsertParams(caseId, records, now),
    );
    return rows.map(toDeadlineRow);
  }

  /** Deadlines of the given cases, per case in the order they were opened. */
  async listByCases(caseIds: readonly string[], m: EntityManager = this.dataSource.manager): Promise<DeadlineRow[]> {
    if (caseIds.length === 0) return [];
    const rows: RawDeadline[] = await m.query(
      `SELECT id, case_id, key, ${RECORD_COLUMNS} FROM deadlines WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, opened_on, due_on, key`,
      [caseIds],
    );
    return rows.map(toDeadlineRow);
  }
}

function toDeadlineRow(r: RawDeadline): DeadlineRow {
  return {
    id: r.id,
    caseId: r.case_id,
    key: r.key,
    kind: r.kind,
    baseOn: r.base_on,
    dueOn: r.due_on,
    originalDueOn: r.original_due_on,
    extendedBy: r.extended_by,
    status: r.status,
    source: r.source,
    ruleSet: r.rule_set,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    lateWorkingDays: r.late_working_days,
    reference: r.reference,
  };
}
