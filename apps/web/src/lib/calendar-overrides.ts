/** A day of a year's arrangement: its date (`YYYY-MM-DD`) and its name, Vietnamese first. */
export interface CalendarDay {
  date: string;
  name: string;
}

/** A year's overrides as `PUT /calendar/{year}` takes them. */
export interface YearOverrides {
  daysOff: CalendarDay[];
  workingDays: CalendarDay[];
  source?: string;
}

export type OverrideKind = 'dayOff' | 'workingDay';

/** Saturday or Sunday (the date read as a calendar day, no time zone). */
export function isWeekend(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 || day === 6;
}

/** Why a day cannot be added to the year's overrides (a translation key), or null when it can. */
export function overrideProblem(year: number, current: YearOverrides, kind: OverrideKind, day: CalendarDay): string | null {
  if (day.name.trim() === '') return 'admin.calendar.nameRequired';
  if (Number(day.date.slice(0, 4)) !== year) return 'admin.calendar.otherYear';
  if ([...current.daysOff, ...current.workingDays].some((d) => d.date === day.date)) return 'admin.calendar.already';
  if (kind === 'dayOff' && isWeekend(day.date)) return 'admin.calendar.dayOffWeekend';
  if (kind === 'workingDay' && !isWeekend(day.date)) return 'admin.calendar.workingDayWeekday';
  return null;
}

const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);

/** The overrides with one day added to its list, each list in date order. */
export function withDay(current: YearOverrides, kind: OverrideKind, day: CalendarDay): YearOverrides {
  const entry = { date: day.date, name: day.name.trim() };
  return kind === 'dayOff'
    ? { ...current, daysOff: [...current.daysOff, entry].sort(byDate) }
    : { ...current, workingDays: [...current.workingDays, entry].sort(byDate) };
}

/** The overrides without the day of that date. */
export function withoutDay(current: YearOverrides, date: string): YearOverrides {
  return { ...current, daysOff: current.daysOff.filter((d) => d.date !== date), workingDays: current.workingDays.filter((d) => d.date !== date) };
}

/**
 * Which calendar an administrator keeps: the national one over the whole tree (no `organisationId`), its province's
 * own arrangement at a province (`organisationId` = the province), none below a province (it only reads its own).
 */
export function keptCalendar(organisationId: string | null, kind: string | null): { editable: boolean; organisationId?: string } {
  if (organisationId === null) return { editable: true };
  return kind === 'province' ? { editable: true, organisationId } : { editable: false };
}
