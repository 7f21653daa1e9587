import { dropDatabase, OWNED_DATABASE_ENV, OWNED_REDIS_DB_ENV, releaseRedisDatabase } from './support/test-services';

/** Drops the run's own database and releases its Redis database index (nothing the run was given is touched). */
export default async function globalTeardown(): Promise<void> {
  const database = process.env[OWNED_DATABASE_ENV];
  const redisDb = process.env[OWNED_REDIS_DB_ENV];
  if (database) await dropDatabase(database);
  if (redisDb) await releaseRedisDatabase(Number(redisDb));
}
