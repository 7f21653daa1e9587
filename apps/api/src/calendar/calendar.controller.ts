import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@charterflow/calendar';
import { OrganisationsService, provinceOfPath, Scope } from '@charterflow/organisations';
import { RequirePermission } from '../auth/access.decorators';
import { CurrentScope } from '../auth/current-principal.decorator';
import { YearParam } from '../common/http/year-param';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { CalendarScopeQuery, CalendarYearDto, ReplaceCalendarYearDto } from './dto/calendar-year.dto';
import { WorkingDaysAnswerDto, WorkingDaysQuery } from './dto/working-days.query';
import { DomainException } from '@charterflow/kernel';

const ORGANISATION_QUERY = {
  name: 'organisationId',
  required: false,
  description: 'Whose calendar: the province of this organisation of your subtree (default: your own province; the national calendar for an account over the whole tree)',
};

/**
 * The working-day calendars. Reading: the calendar in force for an organisation is its province's. Changing (ADR
 * 0003, ADR 0009): the national calendar only by an administrator over the whole tree; a province's own arrangement
 * of a year only by an administrator whose subtree holds that province.
 */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly organisations: OrganisationsService,
  ) {}

  // Declared before `:year` so that the literal path wins.
  @Get('working-days')
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: 'The N-th working day after a date (counting starts the day after), on the calendar of a province' })
  @ApiOkResponse({ type: WorkingDaysAnswerDto })
  @ApiErrors(400, 404)
  async workingDays(@Query() query: WorkingDaysQuery, @CurrentScope() scope: Scope): Promise<WorkingDaysAnswerDto> {
    const provinceId = await this.readProvince(query.organisationId, scope);
    return { from: query.from, add: query.add, date: this.calendar.calendarFor(provinceId).addWorkingDays(query.from, query.add) };
  }

  @Get(':year')
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: 'Days off and make-up working days in force for a year, and whose arrangement they are' })
  @ApiParam({ name: 'year', example: 2026 })
  @ApiQuery(ORGANISATION_QUERY)
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiErrors(400, 404)
  async describe(@YearParam() year: number, @Query() query: CalendarScopeQuery, @CurrentScope() scope: Scope): Promise<CalendarYearDto> {
    return this.calendar.describeYear(year, await this.readProvince(query.organisationId, scope));
  }

  @Put(':year')
  @RequirePermission('calendar.manage')
  @ApiOperation({
    summary: 'Replace a year’s days off and make-up working days (from the official announcement)',
    description: 'Without `organisationId`: the national calendar (administrators over the whole tree only). With the id of a province: that province’s own arrangement of the year, which replaces the national one for its organisations.',
  })
  @ApiParam({ name: 'year', example: 2027 })
  @ApiQuery({ name: 'organisationId', required: false, description: 'A province of your subtree; absent: the national calendar' })
  @ApiOkResponse({ type: CalendarYearDto, description: 'The year as now in force in that scope' })
  @ApiErrors(400, 403, 404)
  async replace(@YearParam() year: number, @Query() query: CalendarScopeQuery, @Body() dto: ReplaceCalendarYearDto, @CurrentScope() scope: Scope) {
    const provinceId = await this.changedProvince(query.organisationId, scope);
    return this.calendar.replaceYear(
      year,
      { daysOff: dto.daysOff.map(({ date, name }) => ({ date, name })), workingDays: dto.workingDays.map(({ date, name }) => ({ date, name })), source: dto.source },
      provinceId,
    );
  }

  @Delete(':year')
  @RequirePermission('calendar.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a province’s own arrangement of a year (the national one applies again), or the national entry of a year (the official table applies again)' })
  @ApiParam({ name: 'year', example: 2027 })
  @ApiQuery({ name: 'organisationId', required: false, description: 'A province of your subtree; absent: the national calendar' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 403, 404)
  async remove(@YearParam() year: number, @Query() query: CalendarScopeQuery, @CurrentScope() scope: Scope): Promise<void> {
    const provinceId = await this.changedProvince(query.organisationId, scope);
    if (!(await this.calendar.removeYear(year, provinceId))) throw DomainException.notFound('Calendar entry', String(year));
  }

  /** The province whose calendar a reader asks for: that of the named organisation, else the reader's own (null: national). */
  private async readProvince(organisationId: string | undefined, scope: Scope): Promise<string | null> {
    if (organisationId !== undefined) return provinceOfPath((await this.organisations.get(organisationId, scope)).path);
    return scope.pathPrefix === null ? null : provinceOfPath(scope.pathPrefix);
  }

  /** The scope a change applies to, if the caller may change it: null for the national calendar, else a province id. */
  private async changedProvince(organisationId: string | undefined, scope: Scope): Promise<string | null> {
    if (organisationId === undefined) {
      if (scope.pathPrefix !== null) {
        throw new DomainException('FORBIDDEN', 'Only an administrator over the whole tree may change the national calendar; name your province (organisationId) to change its own.', {
          permission: 'calendar.national',
        });
      }
      return null;
    }
    const organisation = await this.organisations.get(organisationId, scope);
    if (organisation.kind !== 'province') {
      throw DomainException.validation([{ field: 'organisationId', message: 'a calendar of its own belongs to a province: name the province' }]);
    }
    return organisation.id;
  }
}
