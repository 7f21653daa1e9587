import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeadlineRecord } from '@charterflow/procedure';
import { DeadlineView } from '../views/case.views';
import { inTransaction, onItsOwn, type PreparedStatement, type RowOf } from '@charterflow/database';
import { DEADLINES_TABLE } from '../tables';

/** `DeadlineView` plus the case it belongs to. */
export interface DeadlineRow extends DeadlineView {
  caseId: string;
}

/** The row as declared in tables.ts; kind, status narrowed to what the column's writers put there. */
export type RawDeadline = Omit<Pick<RowOf<typeof DEADLINES_TABLE>, 'id' | 'case_id' | 'key' | 'kind' | 'base_on' | 'due_on' | 'original_due_on' | 'extended_by' | 'status' | 'source' | 'rule_set' | 'opened_on' | 'closed_on' | 'late_working_days' | 'reference'>, 'kind' | 'status'> & { kind: DeadlineView['kind']; status: DeadlineView['status'] };

const RECORD_COLUMNS = `kind, base_on, due_on, original_due_on, extended_by, status, source, rule_set, opened_on, closed_on, late_working_days, reference`;

/**
 * Delivery marks a deadline `missed` when its limit passes (ADR 0007 §5) while the engine still holds it open: keep
 * `missed` unless the due date moved (an extension reopens it). Used in the SET and the change check alike, so an
 * unrelated step does not rewrite the row.
 */
const KEPT_STATUS = `CASE WHEN deadlines.status = 'missed' AND EXCLUDED.status = 'open' AND EXCLUDED.due_on = deadlines.due_on THEN 'missed' ELSE EXCLUDED.status END`;

/**
 * The deadline records of a JSON array (the parameter `records`) inserted as rows written at `now`: for the case in
 * `caseId`, or, when it is null, for the case each record names in its `caseId` (the new cases of an import's batch);
 * nothing is written unless `guard` holds.
 */
function insertSql(p: { caseId: string | null; records: string; now: string }, guard = 'true'): string {
  return `INSERT INTO deadlines (case_id, key, ${RECORD_COLUMNS}, updated_at, opened_at)
       SELECT ${p.caseId === null ? 'r."caseId"' : `${p.caseId}::uuid`}, r.key, r.kind, r."baseOn", r."dueOn", r."originalDueOn", r."extendedBy", r.status, r.source, r."ruleSet",
              r."openedOn", r."closedOn", r."lateWorkingDays", r.reference, ${p.now}::timestamptz, ${p.now}::timestamptz
       FROM jsonb_to_recordset(${p.records}::jsonb) AS r("caseId" uuid, key text, kind text, "baseOn" date, "dueOn" date, "originalDueOn" date,
            "extendedBy" integer, status text, source text, "ruleSet" text, "openedOn" date, "closedOn" date,
            "lateWorkingDays" integer, reference text)
       WHERE ${guard}`;
}

/**
 * Inserts new keys (with `opened_at`, the instant the limit came into being, kept afterwards: ADR 0015), updates changed
 * rows (only when something changed), leaves the others alone. The records come as a JSON array in the parameter
 * `records`, for the case in `caseId`, written at `now`; nothing is written unless `guard` holds.
 */
function upsertSql(p: { caseId: string; records: string; now: string }, guard = 'true'): string {
  return `${insertSql(p, guard)}
       ON CONFLICT (case_id, key) DO UPDATE SET
         kind = EXCLUDED.kind, base_on = EXCLUDED.base_on, due_on = EXCLUDED.due_on, original_due_on = EXCLUDED.original_due_on,
         extended_by = EXCLUDED.extended_by, status = ${KEPT_STATUS}, source = EXCLUDED.source, rule_set = EXCLUDED.rule_set,
         opened_on = EXCLUDED.opened_on, closed_on = EXCLUDED.closed_on, late_working_days = EXCLUDED.late_working_days,
         reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at
       WHERE (deadlines.${RECORD_COLUMNS.split(', ').join(', deadlines.')})
             IS DISTINCT FROM (${RECORD_COLUMNS.split(', ').map((c) => (c === 'status' ? KEPT_STATUS : `EXCLUDED.${c}`)).join(', ')})`;
}

const INSERT_FOR_NEW_CASES_SQL = insertSql({ caseId: null, records: '$1', now: '$2' });
const UPSERT_SQL = upsertSql({ caseId: '$1', records: '$2', now: '$3' });

/**
 * The upsert as a CTE named `up` (for the statement that stores a step), and every deadline of the case as it stands
 * after it, as the rows `all_deadlines`: the rows the upsert touched come from its RETURNING, the others from the
 * table (a statement does not see its own writes).
 */
export function upsertAndListSql(p: { caseId: string; records: string; now: string }, guard: string): { cte: string; rows: string } {
  return {
    cte: `up AS (${upsertSql(p, guard)} RETURNING id, case_id, key, ${RECORD_COLUMNS})`,
    rows: `(SELECT * FROM up
            UNION ALL
            SELECT id, case_id, key, ${RECORD_COLUMNS} FROM deadlines d WHERE d.case_id = ${p.caseId}::uuid AND d.key NOT IN (SELECT key FROM up)) AS all_deadlines`,
  };
}

/** The order the deadlines of one case are shown in: the order they were opened. */
export const DEADLINE_ORDER = 'opened_on, due_on, key';

/** The columns of a deadline row as `RawDeadline` names them. */
const ROW_COLUMNS = `id, case_id, key, ${RECORD_COLUMNS}`;

/** The deadlines of some cases, read with every case view: prepared once per connection. */
const LIST_BY_CASES: PreparedStatement = {
  name: 'deadlines_list_by_cases',
  text: `SELECT ${ROW_COLUMNS} FROM deadlines WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, ${DEADLINE_ORDER}`,
};

/**
 * The deadline rows of the case whose id is the SQL expression `caseId`, as one JSON array of `RawDeadline` objects in
 * the order `listByCases` gives (a page of cases reads its cases' deadlines in its own statement: one JSON value per
 * case instead of a row per deadline). Read each element with `toDeadlineRow`.
 */
export function deadlinesJsonOf(caseId: string): string {
  return `(SELECT coalesce(json_agg(d ORDER BY ${DEADLINE_ORDER}), '[]') FROM (SELECT ${ROW_COLUMNS} FROM deadlines WHERE case_id = ${caseId}) d)`;
}

/** The aggregate's deadline records as the JSON array the upsert reads. */
export function deadlinesJson(records: readonly DeadlineRecord[]): string {
  return JSON.stringify(records.map((r) => ({ ...r, extendedBy: r.extendedBy ?? 0 })));
}

function upsertParams(caseId: string, records: readonly DeadlineRecord[], now: Date): unknown[] {
  return [caseId, deadlinesJson(records), now];
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
    const records = cases.flatMap((c) => c.records.map((r) => ({ ...r, caseId: c.caseId })));
    if (records.length === 0) return;
    await m.query(INSERT_FOR_NEW_CASES_SQL, [deadlinesJson(records), now]);
  }

  /** Deadlines of the given cases, per case in the order they were opened. */
  async listByCases(caseIds: readonly string[], m?: EntityManager): Promise<DeadlineRow[]> {
    if (caseIds.length === 0) return [];
    const run = m ? inTransaction(m) : onItsOwn(this.dataSource);
    return (await run<RawDeadline>(LIST_BY_CASES, [caseIds])).map(toDeadlineRow);
  }
}

export function toDeadlineRow(r: RawDeadline): DeadlineRow {
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
