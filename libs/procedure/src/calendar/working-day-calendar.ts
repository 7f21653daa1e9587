import Holidays from 'date-holidays';
import { CalendarYearOverrides, ExtraHoliday, WorkingDayCalendar, WorkingDayCalendarDefinition } from '../model/calendar';
import { BusinessDate } from '../model/dates';
import { assertCalendarDate, dayOfWeek, fromUtcDate, isCalendarDate, parts, toUtcDate } from './business-date';

/**
 * The civil-service working-day calendar of procedure doc §1 and §7.
 *
 * Working day = Monday–Friday, minus the days off, plus the make-up working days of the year.
 *
 * - A year with an entry in `overrides` (the official announcement kept in config/calendar or set by an
 *   administrator) takes its days off and make-up days from that entry only; the holiday library is not consulted
 *   for that year, because it is wrong for some years (Tết 2025, §7.3).
 * - A year without an entry uses a baseline: the public holidays of the `date-holidays` package (LC Art. 112(1)),
 *   plus the adjoining National Day day, plus the compensatory days of LC Art. 111(3), plus the configured
 *   `extraHolidays` in force (e.g. Vietnam Culture Day once the Labour Code is amended).
 *
 * Per-year tables are built lazily on first use and cached for the life of the calendar.
 *
 * The calendar computes any four-digit year; what a request may ask of it is bounded at the edge (business dates
 * are 1900–2100, see `isBusinessDate`), so that no caller makes it build centuries of tables.
 */

export interface WorkingDayCalendarOptions {
  extraHolidays?: readonly ExtraHoliday[];
}

export type CalendarYearDescription = ReturnType<WorkingDayCalendar['describeYear']>;

export const BASELINE_CALENDAR_SOURCE = 'date-holidays baseline';

/** Largest N accepted by `addWorkingDays` (about ten years); procedure time limits are at most a few hundred. */
export const MAX_WORKING_DAYS_TO_ADD = 2_500;

const DAY_MS = 86_400_000;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Bilingual names for the library's public-holiday rules (VN.yaml of date-holidays 3.37). */
const HOLIDAY_NAMES: Record<string, { vi: string; en: string }> = {
  '01-01': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  'vietnamese 1-0-1': { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  '1 day before vietnamese 1-0-1 P5D': { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  'vietnamese 3-0-10': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration" },
  '04-30': { vi: 'Ngày Giải phóng miền Nam, thống nhất đất nước', en: 'Reunification Day' },
  '05-01': { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' },
  '09-02': { vi: 'Quốc khánh', en: 'National Day' },
};
const NATIONAL_DAY_ADJOINING = { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjoining day)' };

interface Name {
  vi: string;
  en: string;
}

interface YearTable {
  year: number;
  /** Epoch day (days since 1970-01-01) of 1 January. */
  start: number;
  /** 1 when the day at that index of the year is a working day. */
  working: Uint8Array;
  /** cumulative[i] = number of working days among indexes 0 … i-1. */
  cumulative: Int32Array;
  description: CalendarYearDescription;
}

export function createWorkingDayCalendar(overrides: readonly CalendarYearOverrides[], options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const overridesByYear = new Map<number, CalendarYearOverrides>();
  for (const entry of overrides) {
    checkOverrideEntry(entry);
    if (overridesByYear.has(entry.year)) throw new RangeError(`calendar overrides: year ${entry.year} is given twice`);
    overridesByYear.set(entry.year, entry);
  }
  const extraHolidays = (options.extraHolidays ?? []).map(checkExtraHoliday);
  const tables = new Map<number, YearTable>();
  const definition: WorkingDayCalendarDefinition = { overrides: [...overridesByYear.values()], extraHolidays };

  function table(year: number): YearTable {
    let t = tables.get(year);
    if (!t) {
      const override = overridesByYear.get(year);
      t = buildTable(year, override ? describeOverride(override) : describeBaseline(year, extraHolidays));
      tables.set(year, t);
    }
    return t;
  }

  function locate(date: BusinessDate): { t: YearTable; index: number } {
    const day = epochDay(date);
    const t = table(parts(date).year);
    return { t, index: day - t.start };
  }

  return {
    definition,

    isWorkingDay(date) {
      const { t, index } = locate(assertCalendarDate(date));
      return t.working[index] === 1;
    },

    addWorkingDays(from, n) {
      assertCalendarDate(from, 'from');
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`number of working days must be a whole number ≥ 0, got ${String(n)}`);
      if (n > MAX_WORKING_DAYS_TO_ADD) throw new RangeError(`number of working days must be at most ${MAX_WORKING_DAYS_TO_ADD}, got ${n}`);
      if (n === 0) return from;
      let { t, index } = locate(from);
      let remaining = n;
      // Skip whole years using the cumulative counts, then scan the last year day by day.
      let available = t.cumulative[t.working.length] - t.cumulative[index + 1];
      while (remaining > available) {
        remaining -= available;
        if (t.year >= 9999) throw new RangeError('working-day count runs past the year 9999');
        t = table(t.year + 1);
        index = -1;
        available = t.cumulative[t.working.length];
      }
      const working = t.working;
      let i = index;
      while (remaining > 0) {
        i += 1;
        remaining -= working[i];
      }
      return fromEpochDay(t.start + i);
    },

    workingDaysBetween(from, to) {
      assertCalendarDate(from, 'from');
      assertCalendarDate(to, 'to');
      if (to <= from) return 0;
      const a = locate(from);
      const b = locate(to);
      if (a.t.year === b.t.year) return a.t.cumulative[b.index + 1] - a.t.cumulative[a.index + 1];
      let count = a.t.cumulative[a.t.working.length] - a.t.cumulative[a.index + 1];
      for (let year = a.t.year + 1; year < b.t.year; year += 1) {
        const t = table(year);
        count += t.cumulative[t.working.length];
      }
      return count + b.t.cumulative[b.index + 1];
    },

    describeYear(year) {
      if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must be a four-digit year, got ${String(year)}`);
      const d = table(year).description;
      return { year: d.year, daysOff: d.daysOff.map((x) => ({ ...x })), workingDays: d.workingDays.map((x) => ({ ...x })), source: d.source };
    },
  };
}

function buildTable(year: number, description: CalendarYearDescription): YearTable {
  const start = epochDay(`${pad(year, 4)}-01-01`);
  const length = epochDay(`${pad(year + 1, 4)}-01-01`) - start;
  const off = new Set(description.daysOff.map((d) => epochDay(d.date) - start));
  const makeUp = new Set(description.workingDays.map((d) => epochDay(d.date) - start));
  const working = new Uint8Array(length);
  const cumulative = new Int32Array(length + 1);
  for (let i = 0; i < length; i += 1) {
    const weekday = isWeekdayIndex(start + i);
    working[i] = makeUp.has(i) || (weekday && !off.has(i)) ? 1 : 0;
    cumulative[i + 1] = cumulative[i] + working[i];
  }
  return { year, start, working, cumulative, description };
}

function describeOverride(entry: CalendarYearOverrides): CalendarYearDescription {
  const byDate = (a: { date: BusinessDate }, b: { date: BusinessDate }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return {
    year: entry.year,
    daysOff: entry.daysOff.map((d) => ({ date: d.date, name: d.name })).sort(byDate),
    workingDays: entry.workingDays.map((d) => ({ date: d.date, name: d.name })).sort(byDate),
    source: `official override: ${entry.source}`,
  };
}

let holidayLibrary: Holidays | undefined;
/** Library results by year, shared by all calendars (computing lunar dates takes tens of milliseconds a year). */
const libraryCache = new Map<number, ReadonlyArray<readonly [BusinessDate, Name]>>();

/** Public holidays of the library for a year, one row per day (multi-day holidays expanded). */
function libraryPublicHolidays(year: number): Map<BusinessDate, Name> {
  let days = libraryCache.get(year);
  if (!days) {
    // Asking for public holidays only skips the many lunar observances, with the same public days.
    holidayLibrary ??= new Holidays('VN', { types: ['public'] });
    const found = new Map<BusinessDate, Name>();
    for (const h of holidayLibrary.getHolidays(year, 'vi')) {
      if (h.type !== 'public') continue;
      // `date` is a local date-time string ('2026-02-16 00:00:00'); `start`/`end` are the instants bounding it.
      const firstDay = epochDay(h.date.slice(0, 10));
      const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      const name = HOLIDAY_NAMES[h.rule] ?? { vi: h.name, en: h.name };
      for (let k = 0; k < length; k += 1) {
        const date = fromEpochDay(firstDay + k);
        if (date.startsWith(`${pad(year, 4)}-`) && !found.has(date)) found.set(date, name);
      }
    }
    days = [...found.entries()];
    libraryCache.set(year, days);
  }
  return new Map(days);
}

function describeBaseline(year: number, extraHolidays: ExtraHoliday[]): CalendarYearDescription {
  const y = pad(year, 4);
  const holidays = libraryPublicHolidays(year);

  for (const extra of extraHolidays) {
    const date = `${y}-${extra.monthDay}`;
    if (isCalendarDate(date) && date >= extra.effectiveFrom && !holidays.has(date)) holidays.set(date, splitName(extra.name));
  }

  // LC Art. 112(1) gives 2 days for National Day: 2 Sep and one adjoining day that the Government fixes each year.
  // Baseline choice: the day before (1 Sep) when 2 Sep is Tuesday–Friday, so the break joins the weekend before;
  // otherwise the day after (3 Sep). A weekend day chosen this way is compensated below like any other holiday.
  const nationalDay = `${y}-09-02`;
  if (holidays.has(nationalDay)) {
    const dow = dayOfWeek(nationalDay);
    const adjoining = dow >= 2 && dow <= 5 ? `${y}-09-01` : `${y}-09-03`;
    if (!holidays.has(adjoining)) holidays.set(adjoining, NATIONAL_DAY_ADJOINING);
  }

  // LC Art. 111(3): a holiday on the weekly rest day (Saturday or Sunday) is compensated by the next working day.
  const off = new Map(holidays);
  const sorted = [...holidays.keys()].sort();
  for (const date of sorted) {
    if (!isWeekend(date)) continue;
    const name = holidays.get(date)!;
    let day = epochDay(date) + 1;
    while (!isWeekdayIndex(day) || off.has(fromEpochDay(day))) day += 1;
    const compensatory = fromEpochDay(day);
    // Holidays end by late November, so a compensatory day never leaves the year; guard anyway.
    if (!compensatory.startsWith(`${y}-`)) continue;
    off.set(compensatory, { vi: `Nghỉ bù ${name.vi} (${formatVi(date)})`, en: `Compensatory day off for ${name.en} (${date})` });
  }

  const daysOff = [...off.entries()]
    .filter(([date]) => !isWeekend(date))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, name]) => ({ date, name: joinName(name) }));
  return { year, daysOff, workingDays: [], source: BASELINE_CALENDAR_SOURCE };
}

function checkOverrideEntry(entry: CalendarYearOverrides): void {
  if (!Number.isInteger(entry.year) || entry.year < 1000 || entry.year > 9999) throw new RangeError(`calendar overrides: bad year ${String(entry.year)}`);
  for (const [list, rows] of [['daysOff', entry.daysOff], ['workingDays', entry.workingDays]] as const) {
    if (!Array.isArray(rows)) throw new RangeError(`calendar overrides ${entry.year}: ${list} must be a list`);
    for (const row of rows) {
      if (!isCalendarDate(row.date) || parts(row.date).year !== entry.year) {
        throw new RangeError(`calendar overrides ${entry.year}: ${list} has ${String(row.date)}, not a date of ${entry.year}`);
      }
    }
  }
}

function checkExtraHoliday(extra: ExtraHoliday): ExtraHoliday {
  const m = MONTH_DAY.exec(extra.monthDay);
  if (!m || !isCalendarDate(`2024-${extra.monthDay}`)) throw new RangeError(`extra holiday: monthDay must be MM-DD, got ${extra.monthDay}`);
  assertCalendarDate(extra.effectiveFrom, `extra holiday ${extra.monthDay} effectiveFrom`);
  if (!extra.name?.trim()) throw new RangeError(`extra holiday ${extra.monthDay}: name is required`);
  return { ...extra };
}

function splitName(name: string): Name {
  const i = name.indexOf(' / ');
  return i < 0 ? { vi: name, en: name } : { vi: name.slice(0, i), en: name.slice(i + 3) };
}

function joinName(name: Name): string {
  return name.vi === name.en ? name.vi : `${name.vi} / ${name.en}`;
}

function formatVi(date: BusinessDate): string {
  const { day, month } = parts(date);
  return `${day}/${month}`;
}

function epochDay(date: BusinessDate): number {
  return Math.round(toUtcDate(date).getTime() / DAY_MS);
}

function fromEpochDay(day: number): BusinessDate {
  return fromUtcDate(new Date(day * DAY_MS));
}

/** 1970-01-01 (epoch day 0) was a Thursday. */
function isWeekdayIndex(day: number): boolean {
  const dow = (((day + 4) % 7) + 7) % 7;
  return dow !== 0 && dow !== 6;
}

function isWeekend(date: BusinessDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
