import { isWeekend, keptCalendar, overrideProblem, withDay, withoutDay, type YearOverrides } from './calendar-overrides';

const year: YearOverrides = {
  daysOff: [{ date: '2026-09-02', name: 'Quốc khánh' }],
  workingDays: [{ date: '2026-01-10', name: 'Làm bù' }],
  source: 'Thông báo',
};

describe('the overrides of a calendar year', () => {
  it('knows a weekend from a weekday at both edges of the week', () => {
    expect(isWeekend('2026-12-04')).toBe(false); // Friday
    expect(isWeekend('2026-12-05')).toBe(true); // Saturday
    expect(isWeekend('2026-12-06')).toBe(true); // Sunday
    expect(isWeekend('2026-12-07')).toBe(false); // Monday
  });

  it('takes a weekday as a day off and a weekend day as a working day, never the reverse', () => {
    expect(overrideProblem(2026, year, 'dayOff', { date: '2026-12-07', name: 'Nghỉ bù' })).toBeNull();
    expect(overrideProblem(2026, year, 'dayOff', { date: '2026-12-06', name: 'Nghỉ bù' })).toBe('admin.calendar.dayOffWeekend');
    expect(overrideProblem(2026, year, 'workingDay', { date: '2026-12-05', name: 'Làm bù' })).toBeNull();
    expect(overrideProblem(2026, year, 'workingDay', { date: '2026-12-04', name: 'Làm bù' })).toBe('admin.calendar.workingDayWeekday');
  });

  it('refuses a day of another year (the last and first day around the year), a day already listed and a day without a name', () => {
    expect(overrideProblem(2026, year, 'dayOff', { date: '2025-12-31', name: 'x' })).toBe('admin.calendar.otherYear');
    expect(overrideProblem(2026, year, 'dayOff', { date: '2027-01-01', name: 'x' })).toBe('admin.calendar.otherYear');
    expect(overrideProblem(2026, year, 'dayOff', { date: '2026-12-31', name: 'x' })).toBeNull();
    expect(overrideProblem(2026, year, 'dayOff', { date: '2026-09-02', name: 'x' })).toBe('admin.calendar.already');
    expect(overrideProblem(2026, year, 'dayOff', { date: '2026-12-07', name: '  ' })).toBe('admin.calendar.nameRequired');
  });

  it('adds a day in date order to its own list and removes a day by its date, keeping the source', () => {
    const added = withDay(year, 'dayOff', { date: '2026-04-30', name: ' Giải phóng miền Nam ' });
    expect(added.daysOff.map((d) => d.date)).toEqual(['2026-04-30', '2026-09-02']);
    expect(added.daysOff[0].name).toBe('Giải phóng miền Nam');
    expect(added.workingDays).toEqual(year.workingDays);
    const removed = withoutDay(added, '2026-09-02');
    expect(removed.daysOff.map((d) => d.date)).toEqual(['2026-04-30']);
    expect(withoutDay(removed, '2026-01-10').workingDays).toEqual([]);
    expect(removed.source).toBe('Thông báo');
  });

  it('is kept nationally over the whole tree, by its province at a province, and only read below a province', () => {
    expect(keptCalendar(null, null)).toEqual({ editable: true });
    expect(keptCalendar('p-1', 'province')).toEqual({ editable: true, organisationId: 'p-1' });
    expect(keptCalendar('c-1', 'commune')).toEqual({ editable: false });
    expect(keptCalendar('c-1', null)).toEqual({ editable: false });
  });
});
