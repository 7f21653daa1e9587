import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import {
  BusinessDate,
  CalendarYearDescription,
  CalendarYearOverrides,
  createWorkingDayCalendar,
  WorkingDayCalendar,
} from '@charterflow/procedure';
import { ADMINISTRATOR_SOURCE, CALENDAR_MODULE_OPTIONS, CalendarModuleOptions } from './calendar.constants';
import { CalendarOverridesRepository } from './calendar-overrides.repository';
import { CalendarValidationError, validateCalendarYear } from './calendar-validation';
import { loadOfficialCalendars } from './official-calendars';

export interface ReplaceCalendarYearInput {
  daysOff: { date: BusinessDate; name: string }[];
  workingDays: { date: BusinessDate; name: string }[];
  source?: string;
}

/**
 * The working-day calendar in force: the official files of config/calendar, where a `calendar_overrides` row for a
 * year replaces the file's entry for that year; years in neither use the holiday baseline.
 *
 * Each process holds its own copy: a replacement made through another process is seen here after `reload()`.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private current?: WorkingDayCalendar;
  /** The entries in force by year (files, then database rows over them). */
  private years = new Map<number, CalendarYearOverrides>();
  private readonly options: CalendarModuleOptions;

  constructor(
    private readonly repository: CalendarOverridesRepository,
    @Optional() @Inject(CALENDAR_MODULE_OPTIONS) options?: CalendarModuleOptions,
  ) {
    this.options = options ?? {};
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** Re-reads the official files and the database rows and rebuilds the calendar. */
  async reload(): Promise<void> {
    const official = loadOfficialCalendars(this.options.officialCalendarDir);
    const rows = await this.repository.findAll();
    const byYear = new Map<number, CalendarYearOverrides>(official.map((o) => [o.year, o]));
    for (const row of rows) {
      byYear.set(row.year, validateCalendarYear(row.overrides, { expectedYear: row.year, origin: `calendar_overrides row for ${row.year}` }));
    }
    this.current = this.build([...byYear.values()]);
    this.years = byYear;
  }

  calendar(): WorkingDayCalendar {
    if (!this.current) throw new Error('CalendarService is not loaded yet: onModuleInit() or reload() must run first');
    return this.current;
  }

  describeYear(year: number): CalendarYearDescription {
    return this.calendar().describeYear(year);
  }

  /**
   * Replaces one year's days off and make-up working days (administrator, from the year's official announcement).
   * Throws `CalendarValidationError` (field + message) when the input breaks a calendar rule; nothing is stored then.
   */
  async replaceYear(year: number, input: ReplaceCalendarYearInput): Promise<CalendarYearDescription> {
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new CalendarValidationError([{ field: 'year', message: `year must be a four-digit whole number, got ${String(year)}` }]);
    }
    const body: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
    const entry = validateCalendarYear(
      { year, daysOff: body.daysOff, workingDays: body.workingDays, source: body.source === undefined ? ADMINISTRATOR_SOURCE : body.source },
      { expectedYear: year },
    );
    const row = await this.repository.upsert(year, entry);
    const years = new Map(this.years);
    years.set(row.year, validateCalendarYear(row.overrides, { expectedYear: year, origin: `calendar_overrides row for ${year}` }));
    this.current = this.build([...years.values()]);
    this.years = years;
    return this.current.describeYear(year);
  }

  private build(overrides: CalendarYearOverrides[]): WorkingDayCalendar {
    return createWorkingDayCalendar(overrides, { extraHolidays: this.options.extraHolidays });
  }
}
