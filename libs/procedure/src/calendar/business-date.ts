import { BusinessDate } from '../model/dates';

/**
 * Arithmetic on calendar dates written `YYYY-MM-DD`. Dates are handled as UTC midnights internally so that no
 * host time zone or daylight-saving rule can shift a business date.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The years a business date may fall in, inclusive. Every date the procedure records — a birth, a step, a
 * certificate, a sponsor's membership, an audit or statistics filter, an imported row — lies well inside; outside
 * it, a date is a typing error or a probe, and some would fail in PostgreSQL (there is no year 0) or ask the
 * working-day calendar for centuries it cannot compute.
 *
 * The range lives here, in `isBusinessDate`, rather than in a separate edge check, so that every door applies it
 * the same way: the DTOs, the services' own filter checks, the engine's DATE_INVALID rule and the import rows.
 * Arithmetic and stored data are not bound by it: the calendar, the delivery planner and the restoring of a stored
 * case check `isCalendarDate` only, so a date computed past 2100 (a limit counted from late 2100) still works.
 */
export const BUSINESS_YEAR_MIN = 1900;
export const BUSINESS_YEAR_MAX = 2100;

/**
 * A text of the form `YYYY-MM-DD` as read once: its UTC midnight (what `Date.UTC` makes of the three numbers, so
 * 2026-02-30 reads as 2 March), that instant's year, month and day, and whether the text is a real calendar date.
 */
interface ReadDate {
  readonly ms: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly calendar: boolean;
}

/**
 * Each text read, kept: a replayed history asks for the same few hundred dates thousands of times (limits, ages,
 * working days), and a lookup costs a fraction of the pattern and the Date. Only texts of a date's length are kept,
 * and the whole is dropped when it is full, so no input can make it grow without bound.
 */
const READ_DATES = new Map<string, ReadDate | null>();
const MAX_READ_DATES = 50_000;

function readDate(text: string): ReadDate | null {
  if (text.length !== 10) return null;
  let read = READ_DATES.get(text);
  if (read === undefined) {
    const m = PATTERN.exec(text);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const ms = Date.UTC(y, mo - 1, d);
      const at = new Date(ms);
      const calendar = y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
      read = Object.freeze({ ms, year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), calendar });
    } else {
      read = null;
    }
    if (READ_DATES.size >= MAX_READ_DATES) READ_DATES.clear();
    READ_DATES.set(text, read);
  }
  return read;
}

/** A real calendar date `YYYY-MM-DD` of the years 0001–9999 (2026-02-30 and 0000-01-01 are not). */
export function isCalendarDate(value: unknown): value is BusinessDate {
  return typeof value === 'string' && readDate(value)?.calendar === true;
}

/** A real calendar date `YYYY-MM-DD` of the years BUSINESS_YEAR_MIN–BUSINESS_YEAR_MAX: what a request may carry. */
export function isBusinessDate(value: unknown): value is BusinessDate {
  if (!isCalendarDate(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= BUSINESS_YEAR_MIN && year <= BUSINESS_YEAR_MAX;
}

export function assertBusinessDate(value: unknown, what = 'date'): BusinessDate {
  if (!isBusinessDate(value)) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD from ${BUSINESS_YEAR_MIN} to ${BUSINESS_YEAR_MAX}, got ${String(value)}`);
  return value;
}

export function assertCalendarDate(value: unknown, what = 'date'): BusinessDate {
  if (!isCalendarDate(value)) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got ${String(value)}`);
  return value;
}

/** Days in each month of a common year, January first. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** A leap year of the proleptic Gregorian calendar (the one JavaScript's Date and PostgreSQL count in). */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The days of `month` (1–12) of `year`: computed, not read from a Date (it is asked for on every date checked). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

function readOrThrow(date: BusinessDate): ReadDate {
  const read = typeof date === 'string' ? readDate(date) : null;
  if (!read) throw new RangeError(`not a business date: ${String(date)}`);
  return read;
}

export function toUtcDate(date: BusinessDate): Date {
  return new Date(readOrThrow(date).ms);
}

/** The dates of the UTC midnights written back, kept like the texts read (`READ_DATES`), and as bounded. */
const WRITTEN_DATES = new Map<number, BusinessDate>();

export function fromUtcDate(d: Date): BusinessDate {
  const ms = d.getTime();
  let date = WRITTEN_DATES.get(ms);
  if (date === undefined) {
    // An invalid Date throws here (RangeError), before anything is kept.
    date = d.toISOString().slice(0, 10);
    if (WRITTEN_DATES.size >= MAX_READ_DATES) WRITTEN_DATES.clear();
    WRITTEN_DATES.set(ms, date);
  }
  return date;
}

export function parts(date: BusinessDate): { readonly year: number; readonly month: number; readonly day: number } {
  const { year, month, day } = readOrThrow(date);
  return { year, month, day };
}

export function addDays(date: BusinessDate, n: number): BusinessDate {
  return fromUtcDate(new Date(readOrThrow(date).ms + n * DAY_MS));
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((readOrThrow(b).ms - readOrThrow(a).ms) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: BusinessDate): number {
  // Whole days since 1970-01-01, a Thursday (4).
  return (((Math.floor(readOrThrow(date).ms / DAY_MS) + 4) % 7) + 7) % 7;
}

export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isBefore = (a: BusinessDate, b: BusinessDate): boolean => a < b;
export const isAfter = (a: BusinessDate, b: BusinessDate): boolean => a > b;
export const maxDate = (...dates: BusinessDate[]): BusinessDate => dates.reduce((m, d) => (d > m ? d : m));

/**
 * Calendar months (procedure doc §1): the same day-of-month N months later, or the last day of that month
 * when it has no such day. `addMonths('2024-02-29', 12) === '2025-02-28'`.
 */
export function addMonths(date: BusinessDate, n: number): BusinessDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whole months completed from `from` to `to` (age "tính theo tháng"): the largest n with addMonths(from, n) ≤ to. */
export function completedMonths(from: BusinessDate, to: BusinessDate): number {
  const a = parts(from);
  const b = parts(to);
  let n = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, n) > to) n -= 1;
  return n;
}

/** The calendar date of an instant in Asia/Ho_Chi_Minh: the kernel's, which the clock uses too. */
export { businessDateOf } from '@charterflow/kernel';
