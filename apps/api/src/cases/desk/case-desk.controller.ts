import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseQueries, isPending } from '@charterflow/cases';
import { Actor, CALENDAR_PROVIDER, CalendarProvider, Clock } from '@charterflow/kernel';
import { cellContextOf, OrganisationsService, type Scope } from '@charterflow/organisations';
import { mayRecord } from '@charterflow/procedure';
import { RequirePermission } from '../../auth/access.decorators';
import { CurrentActor, CurrentScope } from '../../auth/current-principal.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { uuidParam } from '../../common/validation/parse-uuid.pipe';
import { CaseDeskDto } from './case-desk.dto';

/**
 * The case as one account works on it (the staff application's case page): the steps of `allowedEvents` its body
 * may record, and each limit with the working days left or late on the case's own calendar.
 */
@ApiTags('cases')
@Controller('cases')
export class CaseDeskController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
  ) {}

  @Get(':id/desk')
  @RequirePermission('cases.read')
  @ApiOperation({ summary: 'What the signed-in account may record on a case now, and its limits in working days' })
  @ApiOkResponse({ type: CaseDeskDto })
  @ApiErrors(400, 404)
  async desk(@Param('id', uuidParam()) id: string, @CurrentActor() actor: Actor, @CurrentScope() scope: Scope): Promise<CaseDeskDto> {
    const view = await this.cases.get(id, scope);
    const chain = await this.organisations.chainOf(view.organisationId);
    const calendar = this.calendars.calendarFor(cellContextOf(chain).provinceId);
    const today = this.clock.today();
    const who = { organisationId: actor.organisationId, roles: actor.roles };
    return {
      today,
      recordableEvents: view.allowedEvents.filter((type) => mayRecord(who, type, chain).allowed),
      limits: view.deadlines.map((d) => {
        const pending = isPending({ kind: d.kind, dueOn: d.dueOn, status: d.status, closedOn: d.closedOn });
        return {
          deadlineId: d.id,
          kind: d.kind,
          dueOn: d.dueOn,
          status: d.status,
          workingDaysLeft: pending && d.dueOn >= today ? calendar.workingDaysBetween(today, d.dueOn) : null,
          workingDaysLate: pending && d.dueOn < today ? Math.max(1, calendar.workingDaysBetween(d.dueOn, today)) : null,
        };
      }),
    };
  }
}
