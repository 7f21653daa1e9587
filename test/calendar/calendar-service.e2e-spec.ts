import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarModule, CalendarOverridesRepository, CalendarService, CalendarValidationError } from '@charterflow/calendar';
import { buildDataSourceOptions } from '@charterflow/database';
import { createTestDataSource, TEST_DATABASE_URL } from '../support/database';

/** The calendar service and module on the real database (calendar_overrides emptied before each test). */
describe('CalendarService on PostgreSQL', () => {
  let db: DataSource;
  let provinceA: string;
  let provinceB: string;

  beforeAll(async () => {
    db = await createTestDataSource();
  });
  afterAll(() => db?.destroy());

  beforeEach(async () => {
    await db.query(`DELETE FROM calendar_overrides`);
    const insert = async (name: string) => {
      const id = randomUUID();
      await db.query(`INSERT INTO organisations (id, name, kind, path) VALUES ($1, $2, 'province', $3)`, [id, name, `/${id}/`]);
      return id;
    };
    provinceA = await insert(`Tỉnh ủy lịch A ${Math.random()}`);
    provinceB = await insert(`Tỉnh ủy lịch B ${Math.random()}`);
  });

  const load = async (options?: ConstructorParameters<typeof CalendarService>[1]) => {
    const service = new CalendarService(new CalendarOverridesRepository(db), options);
    await service.onModuleInit();
    return service;
  };

  const official2026ButNoSwaps = {
    year: 2026,
    daysOff: [{ date: '2026-02-16', name: 'Tết Nguyên đán / Lunar New Year' }],
    workingDays: [],
    source: 'Bản sửa của quản trị viên / Administrator correction',
  };
  const tet2027 = {
    daysOff: [
      { date: '2027-02-12', name: 'Tết Nguyên đán / Lunar New Year' },
      { date: '2027-02-08', name: 'Tết Nguyên đán / Lunar New Year' },
    ],
    workingDays: [{ date: '2027-02-20', name: 'Làm bù / Make-up working day' }],
  };

  it('refuses to answer before it is loaded', () => {
    expect(() => new CalendarService(new CalendarOverridesRepository(db)).calendar()).toThrow(/not loaded/);
  });

  it('loads the official files when the table is empty', async () => {
    const service = await load();
    expect(service.calendar().addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
    expect(service.calendar().isWorkingDay('2026-01-10')).toBe(true);
    expect(service.describeYear(2025).source).toMatch(/^official override: /);
    expect(service.describeYear(2027)).toMatchObject({ source: 'date-holidays baseline', scope: 'national', provinceId: null });
  });

  it('lets a national row replace the file entry for its year, and only that year', async () => {
    await db.query(`INSERT INTO calendar_overrides (year, overrides) VALUES (2026, $1::jsonb)`, [JSON.stringify(official2026ButNoSwaps)]);
    const service = await load();
    expect(service.calendar().isWorkingDay('2026-01-02')).toBe(true); // the file's swap is gone
    expect(service.calendar().isWorkingDay('2026-01-10')).toBe(false);
    expect(service.calendar().isWorkingDay('2026-02-16')).toBe(false);
    expect(service.describeYear(2026).source).toBe(`official override: ${official2026ButNoSwaps.source}`);
    expect(service.calendar().isWorkingDay('2025-05-02')).toBe(false); // 2025 still from its file
  });

  it('refuses to load an invalid row, naming it', async () => {
    await db.query(`INSERT INTO calendar_overrides (year, overrides) VALUES (2027, $1::jsonb)`, [JSON.stringify({ ...official2026ButNoSwaps, year: 2027 })]);
    await expect(load()).rejects.toThrow(/national calendar_overrides row for 2027: daysOff\[0\]\.date: 2026-02-16 is not in 2027/);
  });

  it('replaceYear stores the national row and rebuilds the calendar; a later load reads it back', async () => {
    const service = await load();
    expect(service.calendar().isWorkingDay('2027-02-12')).toBe(true);
    const described = await service.replaceYear(2027, tet2027);
    expect(described.daysOff.map((d) => d.date)).toEqual(['2027-02-08', '2027-02-12']);
    expect(described).toMatchObject({ scope: 'national', provinceId: null, source: expect.stringMatching(/^official override: Quản trị viên/) });
    expect(service.calendar().isWorkingDay('2027-02-12')).toBe(false);
    expect(service.calendar().isWorkingDay('2027-02-20')).toBe(true);
    expect(service.calendar().isWorkingDay('2027-02-05')).toBe(true); // the baseline's Tết no longer applies to 2027
    expect(service.calendar().isWorkingDay('2026-01-10')).toBe(true); // other years untouched
    const rows = await db.query(`SELECT province_id, year, overrides FROM calendar_overrides`);
    expect(rows).toEqual([{ province_id: null, year: 2027, overrides: expect.objectContaining({ year: 2027 }) }]);
    expect((await load()).calendar().isWorkingDay('2027-02-12')).toBe(false);
  });

  it('replaceYear refuses invalid input with field and message, storing nothing', async () => {
    const service = await load();
    const attempt = service.replaceYear(2027, { daysOff: [{ date: '2027-02-13', name: 'Sat' }], workingDays: [], source: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(CalendarValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'daysOff[0].date', message: '2027-02-13 is a Saturday; days off must be weekdays (weekends are off anyway)' });
    await expect(service.replaceYear(2027, { daysOff: [{ date: '2028-01-03', name: 'x' }], workingDays: [] })).rejects.toMatchObject({ field: 'daysOff[0].date' });
    for (const year of [27, 1899, 2101, 2027.5]) await expect(service.replaceYear(year, { daysOff: [], workingDays: [] })).rejects.toMatchObject({ field: 'year' });
    expect(await db.query(`SELECT count(*)::int AS n FROM calendar_overrides`)).toEqual([{ n: 0 }]);
    expect(service.calendar().isWorkingDay('2027-02-12')).toBe(true);
  });

  it('a province’s own arrangement of a year applies to that province only; the national calendar and other provinces keep theirs', async () => {
    const service = await load();
    const described = await service.replaceYear(2027, tet2027, provinceA);
    expect(described).toMatchObject({ scope: 'province', provinceId: provinceA });
    expect(service.calendarFor(provinceA).isWorkingDay('2027-02-12')).toBe(false);
    expect(service.calendarFor(provinceA).isWorkingDay('2027-02-20')).toBe(true);
    expect(service.calendarFor(provinceB).isWorkingDay('2027-02-12')).toBe(true);
    expect(service.calendarFor(null).isWorkingDay('2027-02-12')).toBe(true);
    expect(service.describeYear(2027, provinceB)).toMatchObject({ scope: 'national', provinceId: provinceB, source: 'date-holidays baseline' });
    // Other years of the province follow the national calendar.
    expect(service.calendarFor(provinceA).addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
    expect(service.allCalendars()).toHaveLength(2);
    // A national change of 2026 reaches the province, whose own entry is for 2027 only.
    await service.replaceYear(2026, { daysOff: official2026ButNoSwaps.daysOff, workingDays: [] });
    expect(service.calendarFor(provinceA).isWorkingDay('2026-01-02')).toBe(true);
    expect((await load()).calendarFor(provinceA).isWorkingDay('2027-02-12')).toBe(false);
  });

  it('removeYear drops a province’s own year (the national one applies again) and answers false when there was none', async () => {
    const service = await load();
    await service.replaceYear(2027, tet2027, provinceA);
    expect(await service.removeYear(2027, provinceB)).toBe(false);
    expect(await service.removeYear(2027, provinceA)).toBe(true);
    expect(service.calendarFor(provinceA).isWorkingDay('2027-02-12')).toBe(true);
    expect(service.describeYear(2027, provinceA).scope).toBe('national');
    expect(await service.removeYear(2027, provinceA)).toBe(false);
  });

  it('applies configured extra holidays to baseline years', async () => {
    const service = await load({ extraHolidays: [{ monthDay: '11-24', name: 'Ngày Văn hóa Việt Nam / Vietnam Culture Day', effectiveFrom: '2027-01-01' }] });
    expect(service.calendar().isWorkingDay('2027-11-24')).toBe(false);
    expect(service.calendar().isWorkingDay('2026-11-24')).toBe(true);
  });

  describe('CalendarModule', () => {
    const moduleWith = async (calendarModule: unknown) => {
      const ref = await Test.createTestingModule({
        imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions({ databaseUrl: TEST_DATABASE_URL, dataDir: '' }), migrationsRun: false }), calendarModule as never],
      }).compile();
      await ref.init();
      return ref;
    };

    it('wires CalendarService to the application’s DataSource and loads the calendar on init', async () => {
      const ref = await moduleWith(CalendarModule);
      try {
        expect(ref.get(CalendarService).calendar().addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
      } finally {
        await ref.close();
      }
    });

    it('passes forRoot options to the service', async () => {
      const ref = await moduleWith(CalendarModule.forRoot({ extraHolidays: [{ monthDay: '11-24', name: 'Ngày Văn hóa Việt Nam / Vietnam Culture Day', effectiveFrom: '2027-01-01' }] }));
      try {
        const calendar = ref.get(CalendarService).calendar();
        expect(calendar.isWorkingDay('2027-11-24')).toBe(false);
        expect(calendar.isWorkingDay('2027-11-23')).toBe(true);
      } finally {
        await ref.close();
      }
    });
  });
});
