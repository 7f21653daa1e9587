import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@charterflow/database';

/** The run's own test database (real PostgreSQL), created and migrated once per run by test/global-setup.ts. */
export const TEST_DATABASE_URL = requiredEnv('TEST_DATABASE_URL');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration tests run under jest's global setup (test/global-setup.ts)`);
  return value;
}

/** An initialised DataSource on the test PostgreSQL database (migrations already applied by the global setup). */
export async function createTestDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ databaseUrl: TEST_DATABASE_URL, dataDir: '' }), migrationsRun: false });
  return dataSource.initialize();
}

/**
 * Time given to a hook or test that starts embedded PGlite: its first start in a process compiles the WebAssembly
 * module and runs every migration, which on a busy two-core machine takes far longer than jest's default.
 */
export const PGLITE_TIMEOUT_MS = 180_000;

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
