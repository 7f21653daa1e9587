import { WorkingDayCalendar } from '@charterflow/procedure';

/** Injection token of the `CalendarProvider` (the calendar module's CalendarService implements it). */
export const CALENDAR_PROVIDER = Symbol('CALENDAR_PROVIDER');

/** Hands out the working-day calendar in force (it may change when an administrator edits a year). */
export interface CalendarProvider {
  calendar(): WorkingDayCalendar;
}
