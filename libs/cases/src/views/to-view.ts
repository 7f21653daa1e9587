import { describe, restoreAggregate } from '@charterflow/procedure';
import { CaseRow } from '../repositories/cases.repository';
import { DeadlineRow } from '../repositories/deadlines.repository';
import { CaseView } from './case.views';

/** A case row and its deadlines (rows of other cases are ignored) as the API shows the case. */
export function toCaseView(row: CaseRow, deadlines: readonly DeadlineRow[]): CaseView {
  const d = describe(restoreAggregate(row.snapshot));
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
    deadlines: deadlines.filter((x) => x.caseId === row.id).map(({ caseId: _caseId, ...view }) => view),
    membership: d.membership,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
