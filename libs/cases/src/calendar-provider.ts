import { WorkingDayCalendar } from '@charterflow/procedure';

/** Injection token of the `CalendarProvider` (the calendar module's CalendarService implements it). */
export const CALENDAR_PROVIDER = Symbol('CALENDAR_PROVIDER');

/** Hands out the working-day calendars in force (they change when an administrator edits a year). */
export interface CalendarProvider {
  /** The calendar of the organisations of a province (its own arrangement where it has one, else the national one); null: national. */
  calendarFor(provinceId: string | null): WorkingDayCalendar;
  /** Every calendar in force, for bounds that must hold whichever one applies. */
  allCalendars(): WorkingDayCalendar[];
}
