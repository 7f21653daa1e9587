import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@charterflow/calendar';
import { ApiErrors } from '../common/openapi/api-errors.decorator';
import { CalendarYearDto, ReplaceCalendarYearDto } from './dto/calendar-year.dto';
import { WorkingDaysAnswerDto, WorkingDaysQuery } from './dto/working-days.query';
import { ParseYearPipe } from './year.pipe';
import { RequirePermission } from '../auth/access.decorators';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  // Declared before `:year` so that the literal path wins.
  @Get('working-days')
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: 'The N-th working day after a date (counting starts the day after)' })
  @ApiOkResponse({ type: WorkingDaysAnswerDto })
  @ApiErrors(400)
  workingDays(@Query() query: WorkingDaysQuery): WorkingDaysAnswerDto {
    return { from: query.from, add: query.add, date: this.calendar.calendar().addWorkingDays(query.from, query.add) };
  }

  @Get(':year')
  @RequirePermission('calendar.read')
  @ApiOperation({ summary: 'Days off and make-up working days in force for a year' })
  @ApiParam({ name: 'year', example: 2026 })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiErrors(400)
  describe(@Param('year', ParseYearPipe) year: number) {
    return this.calendar.describeYear(year);
  }

  @Put(':year')
  @RequirePermission('calendar.manage')
  @ApiOperation({ summary: 'Replace a year’s days off and make-up working days (from the official announcement)' })
  @ApiParam({ name: 'year', example: 2027 })
  @ApiOkResponse({ type: CalendarYearDto, description: 'The year as now in force' })
  @ApiErrors(400)
  replace(@Param('year', ParseYearPipe) year: number, @Body() dto: ReplaceCalendarYearDto) {
    return this.calendar.replaceYear(year, {
      daysOff: dto.daysOff.map(({ date, name }) => ({ date, name })),
      workingDays: dto.workingDays.map(({ date, name }) => ({ date, name })),
      source: dto.source,
    });
  }
}
