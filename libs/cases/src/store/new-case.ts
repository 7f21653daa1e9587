import { CaseAggregate, DeadlineRecord, describe } from '@charterflow/procedure';
import { chainSteps, Step } from '../history/chain-steps';
import { GENESIS_HASH } from '../history/hash-chain';
import type { CaseEventRow } from '../repositories/case-events.repository';
import type { NewCaseRow } from '../repositories/cases.repository';
import { searchText } from '../search/search-text';

/**
 * A new case and the rows it is stored as. Pure (no database, no framework): an import prepares its rows in a
 * replay thread (ADR 0028).
 */

/** A case to insert: the aggregate after its accepted steps (CASE_OPENED first). */
export interface NewCase {
  id: string;
  organisationId: string;
  aggregate: CaseAggregate;
  steps: readonly Step[];
  deadlines: readonly DeadlineRecord[];
  recordedAt: Date;
  /** An imported case: the office's identifier (unique in its province), the province and the source row's hash. */
  imported?: { externalId: string; provinceId: string | null; rowHash: string };
}

/**
 * A new case as the rows `importIn` stores: numbered and hashed before any transaction opens, so a batch's
 * transaction holds only its statements (an import prepares the next batch while the current one commits).
 */
export interface PreparedCase {
  row: NewCaseRow;
  history: CaseEventRow[];
  deadlines: readonly DeadlineRecord[];
}

/** The rows of a new case; writes nothing. */
export function prepareCase(c: NewCase): PreparedCase {
  const history = chainSteps(c.id, 0, GENESIS_HASH, c.steps, c.recordedAt);
  return { row: newCaseRow(c, history), history, deadlines: c.deadlines };
}

/** The row of a new case whose history is `rows`. */
export function newCaseRow(c: NewCase, rows: readonly CaseEventRow[]): NewCaseRow {
  const description = describe(c.aggregate);
  return {
    id: c.id,
    organisationId: c.organisationId,
    state: description.state,
    snapshot: c.aggregate,
    machineVersion: c.aggregate.machineVersion,
    procedureVersion: c.aggregate.procedureVersion,
    candidate: description.candidate,
    searchText: searchText(description.candidate.fullName),
    lastSeq: rows.length,
    lastHash: rows[rows.length - 1].hash,
    createdAt: c.recordedAt,
    externalId: c.imported?.externalId ?? null,
    importProvinceId: c.imported?.provinceId ?? null,
    importHash: c.imported?.rowHash ?? null,
  };
}
