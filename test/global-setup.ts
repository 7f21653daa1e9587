import { DataSource } from 'typeorm';
// Relative imports: jest's global setup runs outside the module mapper of the test environment.
import { MIGRATIONS } from '../libs/database/src/migrations';
import { createTypeParsers } from '../libs/database/src/type-parsers';

/**
 * Jest global setup of the integration project: recreates the public schema of the test database and runs the
 * migrations once per run. Tests then clean rows between cases (test/support/database.ts `cleanDatabase`).
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const dataSource = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, extra: { types: createTypeParsers() } });
  await dataSource.initialize();
  try {
    await dataSource.query('DROP SCHEMA public CASCADE');
    await dataSource.query('CREATE SCHEMA public');
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
