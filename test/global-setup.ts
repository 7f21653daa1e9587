import { DataSource } from 'typeorm';
// Relative imports: jest's global setup runs outside the module mapper of the test environment.
import { MIGRATIONS } from '../libs/database/src/migrations';
import { createTypeParsers } from '../libs/database/src/type-parsers';
import {
  claimRedisDatabase,
  createDatabase,
  databaseUrlOf,
  newDatabaseName,
  OWNED_DATABASE_ENV,
  OWNED_REDIS_DB_ENV,
  TEST_POSTGRES_URL,
} from './support/test-services';

/**
 * Jest global setup of the integration project: a database and a Redis database index of the run's own (see
 * test/support/test-services.ts), migrated once. The test files read their URLs from TEST_DATABASE_URL and
 * TEST_REDIS_URL, set here for the whole run; test/global-teardown.ts drops what this made.
 */
export default async function globalSetup(): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  const given = !!url;
  if (!url) {
    const name = newDatabaseName();
    await createDatabase(name);
    process.env[OWNED_DATABASE_ENV] = name;
    url = databaseUrlOf(TEST_POSTGRES_URL, name);
    process.env.TEST_DATABASE_URL = url;
  }
  if (!process.env.TEST_REDIS_URL) {
    const claim = await claimRedisDatabase();
    process.env[OWNED_REDIS_DB_ENV] = String(claim.index);
    process.env.TEST_REDIS_URL = claim.url;
  }

  const dataSource = new DataSource({ type: 'postgres', url, migrations: MIGRATIONS, extra: { types: createTypeParsers() } });
  await dataSource.initialize();
  try {
    if (given) {
      // A database named by the caller is theirs to throw away: start it from an empty schema.
      await dataSource.query('DROP SCHEMA public CASCADE');
      await dataSource.query('CREATE SCHEMA public');
    }
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
