import { DataSource } from 'typeorm';
import { CalendarOverridesRepository } from './calendar-overrides.repository';
import { CalendarValidationError } from './calendar-validation';
import { CalendarService } from './calendar.service';

/** Stands in for the TypeORM DataSource: keeps calendar_overrides rows in memory and records the queries. */
class FakeDataSource {
  readonly rows = new Map<number, { year: number; overrides: unknown; updated_at: Date }>();
  readonly queries: { sql: string; params?: unknown[] }[] = [];

  async query(sql: string, params?: unknown[]): Promise<unknown[]> {
    this.queries.push({ sql, params });
    if (/^SELECT/.test(sql)) return [...this.rows.values()].sort((a, b) => a.year - b.year);
    if (/^INSERT INTO calendar_overrides/.test(sql)) {
      const [year, json] = params as [number, string];
      const row = { year, overrides: JSON.parse(json), updated_at: new Date('2026-03-01T02:00:00Z') };
      this.rows.set(year, row);
      return [row];
    }
    throw new Error(`unexpected query ${sql}`);
  }
}

const serviceWith = (db: FakeDataSource, options?: ConstructorParameters<typeof CalendarService>[1]) =>
  new CalendarService(new CalendarOverridesRepository(db as unknown as DataSource), options);

const official2026ButNoSwaps = {
  year: 2026,
  daysOff: [{ date: '2026-02-16', name: 'Tết Nguyên đán / Lunar New Year' }],
  workingDays: [],
  source: 'Bản sửa của quản trị viên / Administrator correction',
};

describe('CalendarService', () => {
  it('refuses to answer before it is loaded', () => {
    expect(() => serviceWith(new FakeDataSource()).calendar()).toThrow(/not loaded/);
  });

  it('loads the official files when the table is empty', async () => {
    const service = serviceWith(new FakeDataSource());
    await service.onModuleInit();
    expect(service.calendar().addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
    expect(service.calendar().isWorkingDay('2026-01-10')).toBe(true);
    expect(service.describeYear(2025).source).toMatch(/^official override: /);
    expect(service.describeYear(2027).source).toBe('date-holidays baseline');
  });

  it('lets a database row replace the file entry for its year, and only that year', async () => {
    const db = new FakeDataSource();
    db.rows.set(2026, { year: 2026, overrides: official2026ButNoSwaps, updated_at: new Date() });
    const service = serviceWith(db);
    await service.onModuleInit();
    expect(service.calendar().isWorkingDay('2026-01-02')).toBe(true); // the file's swap is gone
    expect(service.calendar().isWorkingDay('2026-01-10')).toBe(false);
    expect(service.calendar().isWorkingDay('2026-02-16')).toBe(false);
    expect(service.describeYear(2026).source).toBe(`official override: ${official2026ButNoSwaps.source}`);
    expect(service.calendar().isWorkingDay('2025-05-02')).toBe(false); // 2025 still from its file
  });

  it('refuses to load an invalid database row, naming it', async () => {
    const db = new FakeDataSource();
    db.rows.set(2027, { year: 2027, overrides: { ...official2026ButNoSwaps, year: 2027 }, updated_at: new Date() });
    await expect(serviceWith(db).onModuleInit()).rejects.toThrow(/calendar_overrides row for 2027: daysOff\[0\]\.date: 2026-02-16 is not in 2027/);
  });

  it('replaceYear stores the row with $1/$2 parameters and rebuilds the calendar', async () => {
    const db = new FakeDataSource();
    const service = serviceWith(db);
    await service.onModuleInit();
    expect(service.calendar().isWorkingDay('2027-02-12')).toBe(true);

    const described = await service.replaceYear(2027, {
      daysOff: [
        { date: '2027-02-12', name: 'Tết Nguyên đán / Lunar New Year' },
        { date: '2027-02-08', name: 'Tết Nguyên đán / Lunar New Year' },
      ],
      workingDays: [{ date: '2027-02-20', name: 'Làm bù / Make-up working day' }],
    });

    const insert = db.queries.find((q) => q.sql.startsWith('INSERT'))!;
    expect(insert.sql).toMatch(/VALUES \(\$1, \$2::jsonb, now\(\)\)\s+ON CONFLICT \(year\) DO UPDATE/);
    expect(insert.params![0]).toBe(2027);
    expect(JSON.parse(insert.params![1] as string).daysOff.map((d: { date: string }) => d.date)).toEqual(['2027-02-08', '2027-02-12']);
    expect(described.daysOff.map((d) => d.date)).toEqual(['2027-02-08', '2027-02-12']);
    expect(described.source).toMatch(/^official override: Quản trị viên/);
    expect(service.calendar().isWorkingDay('2027-02-12')).toBe(false);
    expect(service.calendar().isWorkingDay('2027-02-20')).toBe(true);
    expect(service.calendar().isWorkingDay('2027-02-05')).toBe(true); // the baseline's Tết no longer applies to 2027
    expect(service.calendar().isWorkingDay('2026-01-10')).toBe(true); // other years untouched

    // a later reload reads the stored row back
    const again = serviceWith(db);
    await again.reload();
    expect(again.calendar().isWorkingDay('2027-02-12')).toBe(false);
  });

  it('replaceYear refuses invalid input with field and message, storing nothing', async () => {
    const db = new FakeDataSource();
    const service = serviceWith(db);
    await service.onModuleInit();
    const attempt = service.replaceYear(2027, { daysOff: [{ date: '2027-02-13', name: 'Sat' }], workingDays: [], source: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(CalendarValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'daysOff[0].date', message: '2027-02-13 is a Saturday; days off must be weekdays (weekends are off anyway)' });
    await expect(service.replaceYear(2027, { daysOff: [{ date: '2028-01-03', name: 'x' }], workingDays: [] })).rejects.toMatchObject({ field: 'daysOff[0].date' });
    await expect(service.replaceYear(27, { daysOff: [], workingDays: [] })).rejects.toMatchObject({ field: 'year' });
    expect(db.queries.filter((q) => q.sql.startsWith('INSERT'))).toHaveLength(0);
    expect(service.calendar().isWorkingDay('2027-02-12')).toBe(true);
  });

  it('applies configured extra holidays to baseline years', async () => {
    const service = serviceWith(new FakeDataSource(), {
      extraHolidays: [{ monthDay: '11-24', name: 'Ngày Văn hóa Việt Nam / Vietnam Culture Day', effectiveFrom: '2027-01-01' }],
    });
    await service.onModuleInit();
    expect(service.calendar().isWorkingDay('2027-11-24')).toBe(false);
    expect(service.calendar().isWorkingDay('2026-11-24')).toBe(true);
  });
});
