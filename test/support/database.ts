import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@charterflow/database';

/** The integration test database (real PostgreSQL), migrated once per run by test/global-setup.ts. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** An initialised DataSource on the test PostgreSQL database (migrations already applied by the global setup). */
export async function createTestDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ databaseUrl: TEST_DATABASE_URL, dataDir: '' }), migrationsRun: false });
  return dataSource.initialize();
}

/** A fresh temporary folder for an embedded database; `remove()` deletes it. */
export function createTempDataDir(prefix = 'charterflow-pglite-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An initialised (and migrated) DataSource on embedded PGlite in `dataDir`. */
export async function createPgliteDataSource(dataDir: string): Promise<DataSource> {
  return new DataSource(buildDataSourceOptions({ dataDir })).initialize();
}

/**
 * Empties every table of the schema between tests. case_events refuses TRUNCATE through its trigger, so the
 * triggers are bypassed for this session (`session_replication_role = replica`, superuser only) while it runs.
 */
export async function cleanDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL session_replication_role = replica`);
    await manager.query(`TRUNCATE case_events, deadlines, idempotency_keys, cases, organisations, calendar_overrides, login_attempts RESTART IDENTITY CASCADE`);
  });
}
