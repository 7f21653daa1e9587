import { pg } from './pg';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/charterflow_bench';

/** Databases the benchmark must never reset: the test suites use them, and `postgres` is the maintenance db. */
const PROTECTED_DATABASES = new Set(['postgres', 'template0', 'template1', 'test', 'test_api']);

/** The database name of a connection string, refusing the ones the benchmark must not touch. */
export function benchDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`BENCH_DATABASE_URL names no database: ${redactUrl(url)}`);
  if (PROTECTED_DATABASES.has(name)) throw new Error(`refusing to benchmark on database "${name}": use a dedicated one such as charterflow_bench`);
  return name;
}

/** The URL without its password, fit for a report. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Creates the benchmark database when missing (through the `postgres` maintenance database on the same server),
 * then drops and recreates its `public` schema so every run starts from an empty, freshly migrated database.
 */
export async function prepareBenchDatabase(url: string): Promise<void> {
  const name = benchDatabaseName(url);
  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenanceUrl.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }

  const bench = new pg.Client({ connectionString: url });
  await bench.connect();
  try {
    await bench.query('DROP SCHEMA IF EXISTS public CASCADE');
    await bench.query('CREATE SCHEMA public');
  } finally {
    await bench.end();
  }
}

/** `SELECT version()` of the server behind `url`. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return rows[0].version;
  } finally {
    await client.end();
  }
}
