import type { PreparedStatement, RunPrepared } from '@charterflow/database';
import { DeadlineRecord } from '@charterflow/procedure';
import { CaseEventRow, eventsJson, insertEventsSql } from './case-events.repository';
import { CaseStepUpdate, STEP_UPDATE_SQL, stepUpdateParams } from './cases.repository';
import { DEADLINE_ORDER, DeadlineRow, deadlinesJson, RawDeadline, toDeadlineRow, upsertAndListSql } from './deadlines.repository';

/** What storing a step wrote: the case's new version and all its deadlines as they stand after it. */
export interface StoredStep {
  version: number;
  deadlines: DeadlineRow[];
}

/**
 * Stores one step on an existing case in ONE statement: the versioned update of `cases`, the history rows appended to
 * `case_events` and the deadlines upserted, as data-modifying CTEs, answering the new version and every deadline of
 * the case (ordered as `listByCases` orders them). The history rows and the deadlines are written only when the update
 * matched the version (they read the CTE `stepped`), so a lost version race writes nothing and answers null. The
 * tables' own triggers run as for separate statements (the case marked for the compliance audit, the delivery outbox
 * row, the deadline generation). Each table's SQL is its repository's; this only joins them. Run in the caller's
 * transaction or on its own (its own transaction then); either way the wait for the case row's lock is bounded by
 * `lockWaitMs`.
 */
export async function storeStep(
  run: RunPrepared,
  step: { update: CaseStepUpdate; events: readonly CaseEventRow[]; deadlines: readonly DeadlineRecord[]; lockWaitMs: number },
): Promise<StoredStep | null> {
  const rows = await run<Partial<RawDeadline> & { version: number }>(STORE_STEP, [
    ...stepUpdateParams(step.update, step.lockWaitMs),
    eventsJson(step.events),
    deadlinesJson(step.deadlines),
  ]);
  if (rows.length === 0) return null;
  return {
    version: rows[0].version,
    deadlines: rows.filter((r) => r.id !== null && r.id !== undefined).map((r) => toDeadlineRow(r as RawDeadline)),
  };
}

/** $1…$11 are the update's (the case id is $1, the instant $9); the history rows $12, the deadline records $13. */
const STORE_STEP: PreparedStatement = (() => {
  const stepped = 'EXISTS (SELECT 1 FROM stepped)';
  const deadlines = upsertAndListSql({ caseId: '$1', records: '$13', now: '$9' }, stepped);
  return {
    name: 'cases_store_step',
    text: `WITH stepped AS (${STEP_UPDATE_SQL} RETURNING c.version),
          history AS (${insertEventsSql('$12', stepped)}),
          ${deadlines.cte}
     SELECT s.version, all_deadlines.*
     FROM stepped s LEFT JOIN ${deadlines.rows} ON true
     ORDER BY ${DEADLINE_ORDER.split(', ')
       .map((c) => `all_deadlines.${c}`)
       .join(', ')}`,
  };
})();
