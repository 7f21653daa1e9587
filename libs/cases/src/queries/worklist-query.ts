import { Inject, Injectable } from '@nestjs/common';
import { describeStateValue, FINAL_STATES } from '@charterflow/procedure';
import { Actor, CALENDAR_PROVIDER, CalendarProvider, Clock } from '@charterflow/kernel';
import { cellContextOf, OrganisationsService, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { CasesRepository, WorklistRow } from '../repositories/cases.repository';
import { byUrgency, countsOf, PendingLimit, WorklistCase, WorklistItem, worklistItemOf, WorklistReason } from '../worklist/worklist';

/** At most this many active cases are read for one worklist (earliest pending limit first); more sets `truncated`. */
export const WORKLIST_MAX_CASES = 2000;

export interface WorklistPage {
  items: WorklistItem[];
  counts: Record<WorklistReason, number>;
  /** True when the subtree held more active cases than one worklist reads; narrow it with `organisationId`. */
  truncated: boolean;
}

/** The signed-in account's worklist (api.md v1.1 `GET /worklist`), over its scope or one unit of it. */
@Injectable()
export class WorklistQuery {
  constructor(
    private readonly clock: Clock,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
    private readonly organisations: OrganisationsService,
    private readonly cases: CasesRepository,
  ) {}

  async forActor(actor: Actor, scope: Scope = WHOLE_TREE, filter: { organisationId?: string } = {}): Promise<WorklistPage> {
    let pathPrefix = scope.pathPrefix;
    if (filter.organisationId !== undefined) {
      pathPrefix = (await this.organisations.scopeOf(filter.organisationId, scope)).pathPrefix;
    }
    const rows = await this.cases.findActiveForWorklist({ pathPrefix, finalStates: FINAL_STATES, limit: WORKLIST_MAX_CASES + 1 });
    const today = this.clock.today();
    const who = { organisationId: actor.organisationId, roles: actor.roles };
    const items = rows
      .slice(0, WORKLIST_MAX_CASES)
      .map((row) => worklistItemOf(toWorklistCase(row), who, today, this.calendars.calendarFor(cellContextOf(row.chain).provinceId)))
      .filter((i): i is WorklistItem => i !== null)
      .sort(byUrgency);
    return { items, counts: countsOf(items), truncated: rows.length > WORKLIST_MAX_CASES };
  }
}

function toWorklistCase(row: WorklistRow): WorklistCase {
  const d = describeStateValue(row.machineVersion, row.stateValue);
  return {
    caseId: row.id,
    candidateName: row.candidateName,
    organisationId: row.organisationId,
    state: d.state,
    allowedEvents: d.allowedEvents,
    deadlines: row.deadlines as PendingLimit[],
    chain: row.chain,
  };
}
