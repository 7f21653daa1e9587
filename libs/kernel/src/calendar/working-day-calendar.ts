import { BusinessDate } from '../time/business-date';

/** Official civil-service arrangements for one year (procedure doc §7.2), kept as data in config/calendar. */
export interface CalendarYearOverrides {
  year: number;
  /** Weekdays that are days off (holidays, Tết, compensatory and swapped days). */
  daysOff: { date: BusinessDate; name: string }[];
  /** Saturdays or Sundays that are working days (make-up days of a swap). */
  workingDays: { date: BusinessDate; name: string }[];
  /** Where the arrangement was announced. */
  source: string;
}

/** A holiday not (yet) in the holiday library, in force for baseline years from `effectiveFrom`. */
export interface ExtraHoliday {
  /** `MM-DD`, e.g. `11-24`. */
  monthDay: string;
  /** Vietnamese first: `Ngày Văn hóa Việt Nam / Vietnam Culture Day`. */
  name: string;
  /** First date on which the holiday counts. */
  effectiveFrom: BusinessDate;
}

/** What a calendar is built from (plain data): the same calendar can be built again from it in another thread. */
export interface WorkingDayCalendarDefinition {
  overrides: readonly CalendarYearOverrides[];
  extraHolidays: readonly ExtraHoliday[];
}

/**
 * The working-day calendar of procedure doc §1 and §7 (libs/procedure builds it). Counting starts the day after the
 * trigger: `addWorkingDays('2026-01-15', 45) === '2026-03-26'`.
 */
export interface WorkingDayCalendar {
  isWorkingDay(date: BusinessDate): boolean;
  /** The N-th working day after `from` (N ≥ 0; N = 0 returns `from`). */
  addWorkingDays(from: BusinessDate, n: number): BusinessDate;
  /** Number of working days d with `from` < d ≤ `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: BusinessDate, to: BusinessDate): number;
  /** Days off and make-up working days in force for a year (overrides, or the holiday baseline). */
  describeYear(year: number): { year: number; daysOff: { date: BusinessDate; name: string }[]; workingDays: { date: BusinessDate; name: string }[]; source: string };
  /** What it was built from, when it can be built again elsewhere (absent from a hand-made test calendar). */
  readonly definition?: WorkingDayCalendarDefinition;
}

/** Injection token of the `CalendarProvider` (libs/calendar's CalendarService implements it). */
export const CALENDAR_PROVIDER = Symbol('CALENDAR_PROVIDER');

/** Hands out the working-day calendars in force (they change when an administrator edits a year). */
export interface CalendarProvider {
  /** The calendar of the organisations of a province (its own arrangement where it has one, else the national one); null: national. */
  calendarFor(provinceId: string | null): WorkingDayCalendar;
  /** Every calendar in force, for bounds that must hold whichever one applies. */
  allCalendars(): WorkingDayCalendar[];
}
