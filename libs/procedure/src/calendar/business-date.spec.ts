import { addMonths, businessDateOf, completedMonths, daysInMonth, isBusinessDate, isCalendarDate, addDays, dayOfWeek, assertBusinessDate, assertCalendarDate, daysBetween, fromUtcDate, parts, toUtcDate } from './business-date';

describe('business dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true);
    expect(isBusinessDate('2025-02-29')).toBe(false);
    expect(isBusinessDate('2025-13-01')).toBe(false);
    expect(isBusinessDate('2025-1-01')).toBe(false);
    expect(isBusinessDate(20250101)).toBe(false);
  });

  it('bounds business dates to the years 1900–2100, inclusive', () => {
    expect(isBusinessDate('1900-01-01')).toBe(true);
    expect(isBusinessDate('2100-12-31')).toBe(true);
    for (const d of ['1899-12-31', '2101-01-01', '0000-01-01', '0001-01-01', '9999-12-31']) expect(isBusinessDate(d)).toBe(false);
    expect(() => assertBusinessDate('0000-01-01')).toThrow(RangeError);
  });

  it('knows calendar dates of any year PostgreSQL reads, without year 0', () => {
    for (const d of ['0001-01-01', '1899-12-31', '2101-01-01', '9999-12-31', '0004-02-29']) expect(isCalendarDate(d)).toBe(true);
    for (const d of ['0000-01-01', '0000-02-29', '2025-02-29', '10000-01-01', '+2026-01-01']) expect(isCalendarDate(d)).toBe(false);
    expect(assertCalendarDate('2101-01-02')).toBe('2101-01-02');
  });

  it('adds calendar months with the last-day rule (procedure doc §1)', () => {
    expect(addMonths('2026-01-20', 12)).toBe('2027-01-20');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2020-01-15', 60)).toBe('2025-01-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('counts completed months on both sides of an anniversary', () => {
    expect(completedMonths('2008-03-15', '2026-03-15')).toBe(216);
    expect(completedMonths('2008-03-15', '2026-03-14')).toBe(215);
    expect(completedMonths('2008-01-31', '2008-02-29')).toBe(1);
    expect(completedMonths('2008-01-31', '2008-02-28')).toBe(0);
  });

  it('steps days and weekdays', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(dayOfWeek('2026-01-15')).toBe(4);
  });

  it('reads each date as Date does, however often and in whatever order it is asked (dates kept once read)', () => {
    // Every day 1899-12-25 to 2101-01-07, twice over: weekday, parts, day counts and the way back all agree with Date.
    const start = Date.UTC(1899, 11, 25);
    const disagreements: string[] = [];
    for (let pass = 0; pass < 2; pass += 1) {
      for (let ms = start, i = 0; ms <= Date.UTC(2101, 0, 7); ms += 86_400_000, i += 1) {
        const at = new Date(ms);
        const date = at.toISOString().slice(0, 10);
        const p = parts(date);
        const ok =
          dayOfWeek(date) === at.getUTCDay() &&
          p.year === at.getUTCFullYear() &&
          p.month === at.getUTCMonth() + 1 &&
          p.day === at.getUTCDate() &&
          toUtcDate(date).getTime() === ms &&
          fromUtcDate(new Date(ms)) === date &&
          daysBetween('1899-12-25', date) === i &&
          addDays(date, -i) === '1899-12-25';
        if (!ok) disagreements.push(date);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('reads an impossible date as Date.UTC does, refuses what is not a date, and keeps no answer from before', () => {
    expect(parts('2026-02-30')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-02-28')).toBe(true);
    for (const bad of ['2026-2-3', '2026-02-3x', '', 'x'.repeat(10), '2026-02-030']) {
      expect(() => toUtcDate(bad)).toThrow(RangeError);
      expect(() => toUtcDate(bad)).toThrow(RangeError); // asked again: still refused
      expect(isCalendarDate(bad)).toBe(false);
    }
    expect(() => toUtcDate(20260101 as unknown as string)).toThrow(RangeError);
    expect(() => fromUtcDate(new Date(Number.NaN))).toThrow(RangeError);
    // An instant within a day is written as its UTC date, not as the midnight first asked for.
    expect(fromUtcDate(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(fromUtcDate(new Date('2026-03-01T23:59:59.999Z'))).toBe('2026-03-01');
    expect(fromUtcDate(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
  });

  it('reads the calendar date in Asia/Ho_Chi_Minh, not UTC', () => {
    expect(businessDateOf(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(businessDateOf(new Date('2026-03-01T16:59:00Z'))).toBe('2026-03-01');
  });
});

describe('daysInMonth', () => {
  it('agrees with the proleptic Gregorian calendar month by month, leap years included (1600, 1900, 2000, 2024, 2100)', () => {
    const disagreements: [number, number, number, number][] = [];
    for (let year = 1; year <= 2400; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const date = new Date(Date.UTC(2000, 0, 1));
        date.setUTCFullYear(year, month, 0); // setUTCFullYear takes years 0–99 as written, unlike Date.UTC
        if (daysInMonth(year, month) !== date.getUTCDate()) disagreements.push([year, month, daysInMonth(year, month), date.getUTCDate()]);
      }
    }
    expect(disagreements).toEqual([]);
    expect([1600, 1900, 2000, 2024, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 29, 28]);
  });
});
