import { describeStoredMachine } from '@charterflow/procedure';
import { CaseListRow, CaseRow } from '../repositories/cases.repository';
import { DeadlineRow } from '../repositories/deadlines.repository';
import { CaseView } from './case.views';

/** What a case view is made of: the row's own fields and the stored machine snapshot (`snapshot.machine`). */
export type ViewedCase = Omit<CaseListRow, 'deadlines'>;

/** A case row and its deadlines (rows of other cases are ignored) as the API shows the case. */
export function toCaseView(row: CaseRow, deadlines: readonly DeadlineRow[]): CaseView {
  return viewOf({ ...row, machine: (row.snapshot as { machine?: unknown } | null)?.machine }, deadlines.filter((x) => x.caseId === row.id));
}

/** A case of a page as the API shows it. */
export function toListedCaseView(row: CaseListRow): CaseView {
  return viewOf(row, row.deadlines);
}

function viewOf(row: ViewedCase, deadlines: readonly DeadlineRow[]): CaseView {
  const d = describeStoredMachine(row.machineVersion, row.machine);
  return {
    id: row.id,
    state: d.state,
    stateDetail: d.stateDetail,
    version: row.version,
    procedureVersion: row.procedureVersion,
    machineVersion: row.machineVersion,
    organisationId: row.organisationId,
    candidate: d.candidate,
    facts: d.facts,
    allowedEvents: d.allowedEvents,
    deadlines: deadlines.map(({ caseId: _caseId, ...view }) => view),
    membership: d.membership,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
