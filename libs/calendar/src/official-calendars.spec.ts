import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CalendarValidationError, validateCalendarYear } from './calendar-validation';
import { findOfficialCalendarDir, loadOfficialCalendars } from './official-calendars';

const REPO_CALENDARS = resolve(__dirname, '../../../config/calendar');

const valid2027 = {
  year: 2027,
  daysOff: [{ date: '2027-01-01', name: 'Tết Dương lịch / New Year\'s Day' }],
  workingDays: [{ date: '2027-01-09', name: 'Làm bù / Make-up working day' }],
  source: 'Thông báo thử / Test announcement',
};

describe('loadOfficialCalendars', () => {
  it('finds config/calendar above the code and loads the official 2025 and 2026 files', () => {
    expect(findOfficialCalendarDir()).toBe(REPO_CALENDARS);
    const years = loadOfficialCalendars();
    expect(years.map((y) => y.year)).toEqual([2025, 2026]);
    const y2026 = years[1];
    expect(y2026.daysOff).toHaveLength(13);
    expect(y2026.workingDays.map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    expect(y2026.source).toContain('12729/VPCP-KGVX');
    expect(years[0].daysOff.map((d) => d.date)).toEqual([
      '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
    ]);
    expect(years[0].workingDays.map((d) => d.date)).toEqual(['2025-04-26']);
  });

  it('finds the folder from a compiled location such as dist/libs/calendar/src', () => {
    const root = resolve(REPO_CALENDARS, '../..');
    expect(findOfficialCalendarDir([join(root, 'dist/libs/calendar/src')])).toBe(REPO_CALENDARS);
    expect(() => findOfficialCalendarDir([tmpdir()])).toThrow(/config\/calendar not found/);
  });

  describe('with files of our own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'calendar-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const write = (file: string, content: unknown) => writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
    const failureOf = (): CalendarValidationError => {
      try {
        loadOfficialCalendars(dir);
      } catch (e) {
        return e as CalendarValidationError;
      }
      throw new Error('expected the files to be refused');
    };

    it('reads only vn-YYYY.json files, in year order', () => {
      write('vn-2027.json', valid2027);
      write('vn-2026.json', { ...valid2027, year: 2026, daysOff: [], workingDays: [] });
      write('README.txt', 'not a calendar');
      write('vn-2028.json.bak', '{');
      expect(loadOfficialCalendars(dir).map((y) => y.year)).toEqual([2026, 2027]);
    });

    it('names the file when its year does not match the file name', () => {
      write('vn-2028.json', valid2027);
      const e = failureOf();
      expect(e).toBeInstanceOf(CalendarValidationError);
      expect(e.message).toContain(join(dir, 'vn-2028.json'));
      expect(e.field).toBe('year');
    });

    it('names the file when it is not JSON', () => {
      write('vn-2027.json', '{ "year": 2027,');
      const e = failureOf();
      expect(e).toBeInstanceOf(CalendarValidationError);
      expect(e.message).toMatch(/vn-2027\.json: not valid JSON/);
    });

    it('refuses a Saturday as a day off, naming file and field', () => {
      write('vn-2027.json', { ...valid2027, daysOff: [...valid2027.daysOff, { date: '2027-01-02', name: 'x' }] });
      const e = failureOf();
      expect(e.field).toBe('daysOff[1].date');
      expect(e.message).toMatch(/vn-2027\.json: daysOff\[1\]\.date: 2027-01-02 is a Saturday/);
    });
  });
});

describe('validateCalendarYear', () => {
  const issueOf = (value: unknown, expectedYear?: number) => {
    try {
      validateCalendarYear(value, { expectedYear });
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarValidationError);
      return { field: (e as CalendarValidationError).field, message: (e as CalendarValidationError).message };
    }
    throw new Error('expected a validation error');
  };

  it('accepts a valid year and returns it sorted and trimmed', () => {
    const out = validateCalendarYear({
      ...valid2027,
      daysOff: [{ date: '2027-04-16', name: ' Giỗ Tổ Hùng Vương ' }, ...valid2027.daysOff],
      extra: 'dropped',
    });
    expect(out).toEqual({
      year: 2027,
      daysOff: [valid2027.daysOff[0], { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' }],
      workingDays: valid2027.workingDays,
      source: valid2027.source,
    });
  });

  it('requires real dates of the year', () => {
    expect(issueOf({ ...valid2027, daysOff: [{ date: '2027-02-29', name: 'x' }] })).toEqual({ field: 'daysOff[0].date', message: '"2027-02-29" is not a real calendar date YYYY-MM-DD' });
    expect(issueOf({ ...valid2027, daysOff: [{ date: '2026-12-31', name: 'x' }] }).message).toBe('2026-12-31 is not in 2027');
    expect(validateCalendarYear({ ...valid2027, daysOff: [{ date: '2027-12-31', name: 'x' }] }).daysOff[0].date).toBe('2027-12-31');
  });

  it('days off must be Monday–Friday', () => {
    expect(validateCalendarYear({ ...valid2027, daysOff: [{ date: '2027-01-08', name: 'Fri' }] }).daysOff).toHaveLength(1);
    expect(validateCalendarYear({ ...valid2027, daysOff: [{ date: '2027-01-04', name: 'Mon' }] }).daysOff).toHaveLength(1);
    expect(issueOf({ ...valid2027, daysOff: [{ date: '2027-01-09', name: 'Sat' }] }).field).toBe('daysOff[0].date');
    expect(issueOf({ ...valid2027, daysOff: [{ date: '2027-01-10', name: 'Sun' }] }).message).toMatch(/is a Sunday; days off must be weekdays/);
  });

  it('make-up working days must be Saturday or Sunday', () => {
    expect(validateCalendarYear({ ...valid2027, workingDays: [{ date: '2027-01-10', name: 'Sun' }] }).workingDays).toHaveLength(1);
    expect(issueOf({ ...valid2027, workingDays: [{ date: '2027-01-08', name: 'Fri' }] })).toEqual({
      field: 'workingDays[0].date',
      message: '2027-01-08 is a Friday; make-up working days must be a Saturday or Sunday',
    });
  });

  it('refuses duplicates, missing names, a missing source and a wrong year', () => {
    expect(issueOf({ ...valid2027, daysOff: [valid2027.daysOff[0], valid2027.daysOff[0]] }).message).toMatch(/already listed at daysOff\[0\]/);
    expect(issueOf({ ...valid2027, daysOff: [{ date: '2027-01-01', name: '  ' }] }).field).toBe('daysOff[0].name');
    expect(issueOf({ ...valid2027, source: '' }).field).toBe('source');
    expect(issueOf({ ...valid2027, workingDays: undefined }).field).toBe('workingDays');
    expect(issueOf(valid2027, 2028)).toEqual({ field: 'year', message: 'year is 2027 but 2028 was expected' });
    expect(issueOf({ ...valid2027, year: '2027' }).field).toBe('year');
    expect(issueOf(null).message).toMatch(/must be an object/);
  });

  it('lists every problem in issues', () => {
    try {
      validateCalendarYear({ ...valid2027, daysOff: [{ date: '2027-01-09', name: '' }], source: '' });
      throw new Error('expected a validation error');
    } catch (e) {
      // 2027-01-09 is also the make-up day of valid2027: a date cannot be both off and worked
      expect((e as CalendarValidationError).issues).toEqual([
        { field: 'source', message: 'source must name the announcement' },
        { field: 'daysOff[0].name', message: 'name is required (Vietnamese first)' },
        { field: 'daysOff[0].date', message: '2027-01-09 is a Saturday; days off must be weekdays (weekends are off anyway)' },
        { field: 'workingDays[0].date', message: '2027-01-09 is already listed at daysOff[0]' },
      ]);
      expect((e as CalendarValidationError).code).toBe('VALIDATION_FAILED');
    }
  });
});
