import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import {
  BusinessDate,
  CalendarYearDescription,
  CalendarYearOverrides,
  createWorkingDayCalendar,
  WorkingDayCalendar,
} from '@charterflow/procedure';
import { ADMINISTRATOR_SOURCE, CALENDAR_MODULE_OPTIONS, CalendarModuleOptions } from './calendar.constants';
import { CalendarOverrideRow, CalendarOverridesRepository } from './calendar-overrides.repository';
import { CalendarValidationError, validateCalendarYear } from './calendar-validation';
import { CALENDAR_YEARS } from './calendar-years';
import { loadOfficialCalendars } from './official-calendars';

export interface ReplaceCalendarYearInput {
  daysOff: { date: BusinessDate; name: string }[];
  workingDays: { date: BusinessDate; name: string }[];
  source?: string;
}

/** A year of a calendar as now in force, and whose arrangement it is. */
export interface ScopedCalendarYear extends CalendarYearDescription {
  /** `national`, or `province` when the province's own arrangement replaces the national one for that year. */
  scope: 'national' | 'province';
  /** The province whose calendar was asked for (null: the national calendar). */
  provinceId: string | null;
}

/**
 * The working-day calendars in force. The national calendar is the official files of config/calendar, where a
 * national `calendar_overrides` row for a year replaces the file's entry for that year; years in neither use the
 * holiday baseline. A province may have rows of its own: for the organisations of that province such a row replaces
 * the national arrangement of its year (ADR 0003). Cases, deadlines and the audit use the calendar of the case's
 * province (`calendarFor`).
 *
 * Each process holds its own copy: a replacement made through another process is seen here after `reload()`.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private national?: WorkingDayCalendar;
  /** The national entries in force by year (files, then national rows over them). */
  private nationalYears = new Map<number, CalendarYearOverrides>();
  /** Each province's own entries by year. */
  private provinceYears = new Map<string, Map<number, CalendarYearOverrides>>();
  /** Built lazily per province with entries of its own; dropped when anything changes. */
  private provinceCalendars = new Map<string, WorkingDayCalendar>();
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

  /** Re-reads the official files and the database rows and rebuilds the calendars. */
  async reload(): Promise<void> {
    const official = loadOfficialCalendars(this.options.officialCalendarDir);
    const rows = await this.repository.findAll();
    const national = new Map<number, CalendarYearOverrides>(official.map((o) => [o.year, o]));
    const provinces = new Map<string, Map<number, CalendarYearOverrides>>();
    for (const row of rows) {
      const entry = validateRow(row);
      if (row.provinceId === null) national.set(row.year, entry);
      else provinces.set(row.provinceId, (provinces.get(row.provinceId) ?? new Map<number, CalendarYearOverrides>()).set(row.year, entry));
    }
    this.install(national, provinces);
  }

  /** The national calendar. */
  calendar(): WorkingDayCalendar {
    if (!this.national) throw new Error('CalendarService is not loaded yet: onModuleInit() or reload() must run first');
    return this.national;
  }

  /** The calendar in force for the organisations of `provinceId`: the national one unless the province has entries of its own. */
  calendarFor(provinceId: string | null): WorkingDayCalendar {
    const national = this.calendar();
    if (provinceId === null) return national;
    const own = this.provinceYears.get(provinceId);
    if (!own) return national;
    let built = this.provinceCalendars.get(provinceId);
    if (!built) {
      built = this.build(new Map([...this.nationalYears, ...own]));
      this.provinceCalendars.set(provinceId, built);
    }
    return built;
  }

  /** Every calendar in force (the national one and each province's), for bounds that must hold whichever applies. */
  allCalendars(): WorkingDayCalendar[] {
    return [this.calendar(), ...[...this.provinceYears.keys()].map((p) => this.calendarFor(p))];
  }

  describeYear(year: number, provinceId: string | null = null): ScopedCalendarYear {
    const own = provinceId !== null && !!this.provinceYears.get(provinceId)?.has(year);
    return { ...this.calendarFor(provinceId).describeYear(year), scope: own ? 'province' : 'national', provinceId };
  }

  /**
   * Replaces one year's days off and make-up working days, nationally (`provinceId` null) or for one province, from
   * the year's official announcement. Who may do which is the caller's to check. Throws `CalendarValidationError`
   * (field + message) when the input breaks a calendar rule; nothing is stored then.
   */
  async replaceYear(year: number, input: ReplaceCalendarYearInput, provinceId: string | null = null): Promise<ScopedCalendarYear> {
    if (!CALENDAR_YEARS.includes(year)) {
      throw new CalendarValidationError([{ field: 'year', message: `year must be a whole number from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}, got ${String(year)}` }]);
    }
    const body: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
    const entry = validateCalendarYear(
      { year, daysOff: body.daysOff, workingDays: body.workingDays, source: body.source === undefined ? ADMINISTRATOR_SOURCE : body.source },
      { expectedYear: year },
    );
    const row = await this.repository.upsert(provinceId, year, entry);
    const national = new Map(this.nationalYears);
    const provinces = new Map(this.provinceYears);
    if (provinceId === null) national.set(year, validateRow(row));
    else provinces.set(provinceId, new Map(provinces.get(provinceId) ?? []).set(year, validateRow(row)));
    this.install(national, provinces);
    return this.describeYear(year, provinceId);
  }

  /**
   * Removes a province's own arrangement of a year (the national one applies again), or the national row of a year
   * (the official file or the baseline applies again). False when there was none.
   */
  async removeYear(year: number, provinceId: string | null = null): Promise<boolean> {
    if (!(await this.repository.remove(provinceId, year))) return false;
    await this.reload();
    return true;
  }

  private install(national: Map<number, CalendarYearOverrides>, provinces: Map<string, Map<number, CalendarYearOverrides>>): void {
    this.national = this.build(national);
    this.nationalYears = national;
    this.provinceYears = provinces;
    this.provinceCalendars = new Map();
  }

  private build(years: Map<number, CalendarYearOverrides>): WorkingDayCalendar {
    return createWorkingDayCalendar([...years.values()], { extraHolidays: this.options.extraHolidays });
  }
}

function validateRow(row: CalendarOverrideRow): CalendarYearOverrides {
  const where = row.provinceId === null ? `national calendar_overrides row for ${row.year}` : `calendar_overrides row of province ${row.provinceId} for ${row.year}`;
  return validateCalendarYear(row.overrides, { expectedYear: row.year, origin: where });
}
