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
