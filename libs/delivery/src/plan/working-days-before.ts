import { addDays, assertCalendarDate, BusinessDate, WorkingDayCalendar } from '@charterflow/procedure';

/** More than a year of days off in a row would be a broken calendar, not a long holiday. */
const MAX_LOOK_BACK_DAYS = 3_660;

/**
 * "D − n working days": the n-th working day counting back from the day before `date`. It is the inverse of the
 * calendar's `addWorkingDays` for a working `date`: addWorkingDays(workingDaysBefore(d, n), n) === d.
 *
 * Uses only the calendar in force (days off, compensatory days and make-up Saturdays all count) and its counting
 * functions, which are table look-ups, instead of walking day by day: the planner runs for every open deadline.
 */
export function workingDaysBefore(calendar: WorkingDayCalendar, date: BusinessDate, n: number): BusinessDate {
  assertCalendarDate(date);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`number of working days must be a whole number ≥ 1, got ${String(n)}`);
  const last = addDays(date, -1);
  // A start `from` with at least n working days in (from, last]; two calendar days per working day is ample.
  let back = 2 * n + 10;
  let from = addDays(date, -back);
  let count = calendar.workingDaysBetween(from, last);
  while (count < n) {
    back += 2 * (n - count) + 10;
    if (back > MAX_LOOK_BACK_DAYS) throw new RangeError(`fewer than ${n} working days in the ${MAX_LOOK_BACK_DAYS} days before ${date}`);
    from = addDays(date, -back);
    count = calendar.workingDaysBetween(from, last);
  }
  // (from, last] holds `count` working days; the (count − n + 1)-th of them leaves exactly n from itself to `last`.
  return calendar.addWorkingDays(from, count - n + 1);
}
