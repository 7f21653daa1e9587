import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@charterflow/database';
import { createPgliteDataSource, createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';

describe('embedded PGlite driver', () => {
  const folder = createTempDataDir();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createPgliteDataSource(folder.dir);
  }, PGLITE_TIMEOUT_MS);

  // A failed start leaves no data source: close what exists, then always remove the folder.
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    folder.remove();
  }, PGLITE_TIMEOUT_MS);

  it('runs the migrations: every table exists', async () => {
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['calendar_overrides', 'case_events', 'cases', 'deadlines', 'idempotency_keys', 'organisations']),
    );
  });

  it('answers like pg: rows, affected counts, SQLSTATE codes and pg type parsing', async () => {
    const [row] = await dataSource.query(
      `SELECT DATE '2026-01-05' AS d, TIMESTAMPTZ '2026-01-05T03:04:05.678Z' AS ts, '{"b":1,"a":[2]}'::jsonb AS j, 9007199254740993::int8 AS n`,
    );
    expect(row).toEqual({ d: '2026-01-05', ts: new Date('2026-01-05T03:04:05.678Z'), j: { a: [2], b: 1 }, n: '9007199254740993' });

    await dataSource.query(`INSERT INTO calendar_overrides (year, overrides) VALUES (2031, '{}'), (2032, '{}')`);
    const [, affected] = await dataSource.query(`UPDATE calendar_overrides SET overrides = '{"x":1}' WHERE year >= $1`, [2031]);
    expect(affected).toBe(2);
    await expect(dataSource.query(`INSERT INTO calendar_overrides (year, overrides) VALUES (2031, '{}')`)).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23505' }),
    });
  });

  it('isolates concurrent transactions: a rollback loses none of the others and leaves nothing itself', async () => {
    await dataSource.query(`DELETE FROM calendar_overrides`);
    const years = Array.from({ length: 12 }, (_, i) => 2100 + i);
    const failing = 2105;
    const results = await Promise.allSettled(
      years.map((year) =>
        dataSource.transaction(async (manager) => {
          await manager.query(`INSERT INTO calendar_overrides (year, overrides) VALUES ($1, $2::jsonb)`, [year, JSON.stringify({ year })]);
          // Yield between statements so that the transactions would interleave if the session were shared.
          await new Promise((r) => setImmediate(r));
          await manager.query(`UPDATE calendar_overrides SET overrides = overrides || '{"touched":true}' WHERE year = $1`, [year]);
          await new Promise((r) => setImmediate(r));
          if (year === failing) throw new Error('rolled back on purpose');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const rows: { year: number; overrides: { year: number; touched: boolean } }[] = await dataSource.query(
      `SELECT year, overrides FROM calendar_overrides ORDER BY year`,
    );
    expect(rows.map((r) => r.year)).toEqual(years.filter((y) => y !== failing));
    expect(rows.every((r) => r.overrides.touched && r.overrides.year === r.year)).toBe(true);
  });

  it('keeps the data when the folder is closed and opened again', async () => {
    await dataSource.query(`INSERT INTO calendar_overrides (year, overrides) VALUES (2999, '{"kept":true}')`);
    await dataSource.destroy();
    dataSource = await createPgliteDataSource(folder.dir);
    const rows = await dataSource.query(`SELECT overrides FROM calendar_overrides WHERE year = 2999`);
    expect(rows).toEqual([{ overrides: { kept: true } }]);
    // Reopening runs no migration twice: each is recorded once.
    const migrations: { name: string }[] = await dataSource.query(`SELECT name FROM migrations ORDER BY id`);
    expect(migrations.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
