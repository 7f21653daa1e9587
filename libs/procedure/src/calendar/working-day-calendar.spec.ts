import Holidays from 'date-holidays';
import { CalendarYearOverrides } from '../model/calendar';
import { addDays, dayOfWeek } from './business-date';
import { BASELINE_CALENDAR_SOURCE, createWorkingDayCalendar, MAX_WORKING_DAYS_TO_ADD } from './working-day-calendar';
import official2025 from '../../../../config/calendar/vn-2025.json';
import official2026 from '../../../../config/calendar/vn-2026.json';

const official: CalendarYearOverrides[] = [official2025, official2026];
const calendar = createWorkingDayCalendar(official);
const baseline = createWorkingDayCalendar([]);

const CULTURE_DAY = { monthDay: '11-24', name: 'Ngày Văn hóa Việt Nam / Vietnam Culture Day' };

describe('working-day calendar with the official 2025 and 2026 calendars (procedure doc §3.0, §7.2)', () => {
  it('computes the worked examples of §3.0', () => {
    // (a) cell resolution Thu 15 Jan 2026: decision due in 45 WD, or 45 + 15 with the extension
    expect(calendar.addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
    expect(calendar.addWorkingDays('2026-01-15', 60)).toBe('2026-04-16');
    // (b) decision received Thu 5 Feb 2026: ceremony within 30 WD
    expect(calendar.addWorkingDays('2026-02-05', 30)).toBe('2026-03-26');
    // (d) probation ends Tue 20 Jan 2026: cell considers recognition within 30 WD, across Tết 2026
    expect(calendar.addWorkingDays('2026-01-20', 30)).toBe('2026-03-10');
  });

  it('gives 8 Jun 2026 for a decision of 22 Apr 2026, where the bare holiday package gives 5 Jun (§7.3)', () => {
    expect(calendar.addWorkingDays('2026-04-22', 30)).toBe('2026-06-08');
    // The package's own public days for 2026, weekdays only, without compensatory or swapped days.
    const packageOnly = new Holidays('VN')
      .getHolidays(2026)
      .filter((h) => h.type === 'public')
      .flatMap((h) => {
        const first = h.date.slice(0, 10);
        const length = Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000);
        return Array.from({ length }, (_, k) => addDays(first, k));
      })
      .filter((d, i, all) => all.indexOf(d) === i && dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6)
      .map((date) => ({ date, name: 'package' }));
    const bare = createWorkingDayCalendar([{ year: 2026, daysOff: packageOnly, workingDays: [], source: 'date-holidays only' }]);
    expect(packageOnly.map((d) => d.date)).not.toContain('2026-04-27');
    expect(bare.addWorkingDays('2026-04-22', 30)).toBe('2026-06-05');
  });

  it('the baseline (no override) adds the compensatory day for Hùng Kings on Sunday 26 Apr 2026 (LC Art. 111(3))', () => {
    expect(baseline.isWorkingDay('2026-04-27')).toBe(false);
    expect(baseline.addWorkingDays('2026-04-22', 30)).toBe('2026-06-08');
    // …but not the swaps, which only an announcement makes
    expect(baseline.isWorkingDay('2026-01-02')).toBe(true);
    expect(baseline.isWorkingDay('2026-01-10')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
  });

  it('knows the 2026 days off and make-up Saturdays', () => {
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2026-01-17')).toBe(false); // ordinary Saturday
    expect(calendar.isWorkingDay('2026-01-11')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // compensatory
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday before Tết
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-20')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2026-08-31')).toBe(false);
    expect(calendar.isWorkingDay('2026-09-03')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-24')).toBe(true); // Culture Day not in force (§7.2)
  });

  it('uses the official 2025 calendar, not the package, for 2025 (Tết 27–31 Jan, swap 2 May / 26 Apr)', () => {
    expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-27')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-31')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-19')).toBe(false);
    expect(calendar.isWorkingDay('2025-09-01')).toBe(false);
    // the package alone puts Tết on 28 Jan – 1 Feb (Sat), compensated on Mon 3 Feb
    expect(baseline.isWorkingDay('2025-01-27')).toBe(true);
    expect(baseline.isWorkingDay('2025-01-28')).toBe(false);
    expect(baseline.isWorkingDay('2025-02-03')).toBe(false);
    expect(baseline.isWorkingDay('2025-05-02')).toBe(true);
    expect(baseline.isWorkingDay('2025-04-26')).toBe(false);
  });
});

describe('addWorkingDays: counting starts the day after', () => {
  it('returns the start date for 0, even when it is not a working day', () => {
    expect(calendar.addWorkingDays('2026-01-15', 0)).toBe('2026-01-15');
    expect(calendar.addWorkingDays('2026-01-17', 0)).toBe('2026-01-17');
  });

  it('steps over weekends, days off and into make-up days', () => {
    expect(calendar.addWorkingDays('2026-01-15', 1)).toBe('2026-01-16');
    expect(calendar.addWorkingDays('2026-01-16', 1)).toBe('2026-01-19');
    expect(calendar.addWorkingDays('2026-01-17', 1)).toBe('2026-01-19');
    expect(calendar.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });

  it('crosses the year boundary', () => {
    expect(calendar.addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(calendar.addWorkingDays('2025-12-30', 2)).toBe('2026-01-05');
    expect(calendar.addWorkingDays('2025-06-02', 400)).toBe(naiveAdd('2025-06-02', 400));
  });

  it('agrees with a day-by-day count for every start date of 2025–2026', () => {
    const days: string[] = [];
    for (let d = '2025-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) days.push(d);
    const working = days.map((d) => calendar.isWorkingDay(d));
    for (let i = 0; days[i] <= '2026-12-31'; i += 1) {
      for (const n of [1, 5, 30, 45, 100]) {
        let j = i;
        for (let left = n; left > 0; ) if (working[++j]) left -= 1;
        expect(calendar.addWorkingDays(days[i], n)).toBe(days[j]);
      }
    }
  });

  it('rejects negative, fractional and too large counts and malformed dates', () => {
    expect(() => calendar.addWorkingDays('2026-01-15', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-15', 1.5)).toThrow(RangeError);
    expect(calendar.addWorkingDays('2026-01-15', MAX_WORKING_DAYS_TO_ADD)).toMatch(/^20\d\d-/);
    expect(() => calendar.addWorkingDays('2026-01-15', MAX_WORKING_DAYS_TO_ADD + 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('15/01/2026')).toThrow(RangeError);
  });
});

describe('workingDaysBetween: working days d with from < d ≤ to', () => {
  it('is 0 for the same day or an earlier end, 1 for the next working day', () => {
    expect(calendar.workingDaysBetween('2026-01-15', '2026-01-15')).toBe(0);
    expect(calendar.workingDaysBetween('2026-01-16', '2026-01-15')).toBe(0);
    expect(calendar.workingDaysBetween('2026-01-15', '2026-01-16')).toBe(1);
    expect(calendar.workingDaysBetween('2026-01-16', '2026-01-18')).toBe(0);
    expect(calendar.workingDaysBetween('2026-01-16', '2026-01-19')).toBe(1);
  });

  it('counts across Tết and across years', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(calendar.workingDaysBetween('2026-01-15', '2026-03-26')).toBe(45);
    expect(calendar.workingDaysBetween('2026-01-15', '2026-03-25')).toBe(44);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-05')).toBe(1);
    expect(calendar.workingDaysBetween('2024-12-31', '2027-01-01')).toBe(naiveBetween('2024-12-31', '2027-01-01'));
  });

  it('inverts addWorkingDays', () => {
    for (let d = '2025-11-01'; d <= '2026-03-01'; d = addDays(d, 3)) {
      for (const n of [0, 1, 30, 45]) expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n))).toBe(n);
    }
  });
});

describe('baseline for a year without an official entry', () => {
  it('takes the package public days of 2027 (§7.3)', () => {
    const days = new Holidays('VN').getHolidays(2027).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));
    expect(days).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02']));
    expect(dayOfWeek('2027-05-01')).toBe(6);
    expect(baseline.isWorkingDay('2027-01-01')).toBe(false);
    expect(baseline.isWorkingDay('2027-04-16')).toBe(false);
    expect(baseline.isWorkingDay('2027-04-30')).toBe(false);
  });

  it('gives the next working day off when a holiday falls on Saturday or Sunday (LC Art. 111(3))', () => {
    // Labour Day on Saturday 1 May 2027 → Monday 3 May off, Tuesday 4 May back at work
    expect(baseline.isWorkingDay('2027-05-03')).toBe(false);
    expect(baseline.isWorkingDay('2027-05-04')).toBe(true);
    // Tết block Fri 5 – Tue 9 Feb 2027 holds Sat 6 and Sun 7 → Wed 10 and Thu 11 off, Fri 12 at work
    expect(baseline.isWorkingDay('2027-02-09')).toBe(false);
    expect(baseline.isWorkingDay('2027-02-10')).toBe(false);
    expect(baseline.isWorkingDay('2027-02-11')).toBe(false);
    expect(baseline.isWorkingDay('2027-02-12')).toBe(true);
    // a weekday holiday gives no extra day: Fri 16 Apr 2027 → Mon 19 Apr at work
    expect(baseline.isWorkingDay('2027-04-19')).toBe(true);
  });

  it('adds the adjoining National Day day: the day before when 2 Sep is Tue–Fri, else the day after', () => {
    // 2027: Thu 2 Sep → Wed 1 Sep off, Fri 3 Sep at work
    expect(baseline.isWorkingDay('2027-09-01')).toBe(false);
    expect(baseline.isWorkingDay('2027-09-03')).toBe(true);
    // 2030: Mon 2 Sep → Tue 3 Sep off
    expect(dayOfWeek('2030-09-02')).toBe(1);
    expect(baseline.isWorkingDay('2030-09-03')).toBe(false);
    expect(baseline.isWorkingDay('2030-09-04')).toBe(true);
    // 2029: Sun 2 Sep → Mon 3 Sep (adjoining) and Tue 4 Sep (compensatory) off
    expect(baseline.isWorkingDay('2029-08-31')).toBe(true);
    expect(baseline.isWorkingDay('2029-09-03')).toBe(false);
    expect(baseline.isWorkingDay('2029-09-04')).toBe(false);
    expect(baseline.isWorkingDay('2029-09-05')).toBe(true);
    // 2028: Sat 2 Sep, adjoining Sun 3 Sep → both compensated on Mon 4 and Tue 5 Sep
    expect(baseline.isWorkingDay('2028-09-01')).toBe(true);
    expect(baseline.isWorkingDay('2028-09-04')).toBe(false);
    expect(baseline.isWorkingDay('2028-09-05')).toBe(false);
    expect(baseline.isWorkingDay('2028-09-06')).toBe(true);
  });

  it('applies an extra holiday (Culture Day 24 Nov) only from its effective date', () => {
    const before = createWorkingDayCalendar([], { extraHolidays: [{ ...CULTURE_DAY, effectiveFrom: '2026-11-25' }] });
    expect(before.isWorkingDay('2026-11-24')).toBe(true);
    expect(before.isWorkingDay('2027-11-24')).toBe(false);
    const onTheDay = createWorkingDayCalendar([], { extraHolidays: [{ ...CULTURE_DAY, effectiveFrom: '2026-11-24' }] });
    expect(onTheDay.isWorkingDay('2026-11-24')).toBe(false);
    expect(onTheDay.isWorkingDay('2026-11-25')).toBe(true);
    // on Saturday 24 Nov 2029 it is compensated on Monday 26 Nov
    expect(onTheDay.isWorkingDay('2029-11-26')).toBe(false);
    expect(onTheDay.isWorkingDay('2029-11-27')).toBe(true);
    expect(baseline.isWorkingDay('2027-11-24')).toBe(true);
  });

  it('is built again, the same, from its definition passed between threads (structured clone)', () => {
    const original = createWorkingDayCalendar(official, { extraHolidays: [{ ...CULTURE_DAY, effectiveFrom: '2026-11-24' }] });
    const definition = structuredClone(original.definition!);
    expect(definition).toEqual({ overrides: official, extraHolidays: [{ ...CULTURE_DAY, effectiveFrom: '2026-11-24' }] });
    const again = createWorkingDayCalendar(definition.overrides, { extraHolidays: definition.extraHolidays });
    // Official years, a baseline year with the extra holiday, and counts across them agree day by day.
    for (let d = '2025-01-01'; d <= '2029-12-31'; d = addDays(d, 1)) expect(again.isWorkingDay(d)).toBe(original.isWorkingDay(d));
    expect(again.addWorkingDays('2025-12-20', 400)).toBe(original.addWorkingDays('2025-12-20', 400));
    expect(again.workingDaysBetween('2025-01-01', '2029-12-31')).toBe(original.workingDaysBetween('2025-01-01', '2029-12-31'));
    // The extra holiday is in the definition: a calendar built without it differs on that day.
    expect(again.isWorkingDay('2027-11-24')).toBe(false);
    expect(createWorkingDayCalendar(definition.overrides).isWorkingDay('2027-11-24')).toBe(true);
  });

  it('never applies an extra holiday to a year with an official entry', () => {
    const withOfficial = createWorkingDayCalendar(official, { extraHolidays: [{ ...CULTURE_DAY, effectiveFrom: '2026-01-01' }] });
    expect(withOfficial.isWorkingDay('2026-11-24')).toBe(true);
    expect(withOfficial.isWorkingDay('2027-11-24')).toBe(false);
  });

  it('rejects a malformed extra holiday', () => {
    expect(() => createWorkingDayCalendar([], { extraHolidays: [{ ...CULTURE_DAY, monthDay: '11-31', effectiveFrom: '2026-01-01' }] })).toThrow(RangeError);
    expect(() => createWorkingDayCalendar([], { extraHolidays: [{ ...CULTURE_DAY, effectiveFrom: '2026-1-1' }] })).toThrow(RangeError);
  });
});

describe('describeYear', () => {
  it('lists an official year as announced, with its source', () => {
    const y = calendar.describeYear(2026);
    expect(y.year).toBe(2026);
    expect(y.source).toBe(`official override: ${official2026.source}`);
    expect(y.daysOff.map((d) => d.date)).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
    ]);
    expect(y.daysOff[2].name).toBe('Tết Nguyên đán / Lunar New Year');
    expect(y.workingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('lists a baseline year: weekday days off with names, compensatory days named after their holiday', () => {
    const y = baseline.describeYear(2027);
    expect(y.source).toBe(BASELINE_CALENDAR_SOURCE);
    expect(y.workingDays).toEqual([]);
    expect(y.daysOff.map((d) => d.date)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-01', '2027-09-02',
    ]);
    expect(y.daysOff.find((d) => d.date === '2027-05-03')!.name).toMatch(/^Nghỉ bù Ngày Quốc tế Lao động .* \/ Compensatory day off for International Labour Day/);
    expect(y.daysOff.find((d) => d.date === '2027-09-01')!.name).toBe('Quốc khánh (ngày liền kề) / National Day (adjoining day)');
  });

  it('returns a copy that cannot change the calendar', () => {
    calendar.describeYear(2026).daysOff.length = 0;
    expect(calendar.describeYear(2026).daysOff).toHaveLength(13);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(() => calendar.describeYear(26)).toThrow(RangeError);
  });
});

describe('createWorkingDayCalendar input checks', () => {
  it('rejects a year given twice and a date outside its year', () => {
    expect(() => createWorkingDayCalendar([official2026, official2026])).toThrow(/2026 is given twice/);
    expect(() => createWorkingDayCalendar([{ ...official2026, daysOff: [{ date: '2025-12-31', name: 'x' }] }])).toThrow(RangeError);
  });
});

function naiveAdd(from: string, n: number): string {
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) left -= 1;
  }
  return d;
}

function naiveBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count += 1;
  return count;
}
