import { Redis } from 'ioredis';

/**
 * The integration tests' Redis (real, never mocked): a database index of the run's own, claimed by
 * test/global-setup.ts (or the one TEST_REDIS_URL names). Tests may empty it; nothing else is touched.
 */
export const TEST_REDIS_URL = requiredEnv('TEST_REDIS_URL');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration tests run under jest's global setup (test/global-setup.ts)`);
  return value;
}

/** A plain client on the run's Redis database (for inspection and FLUSHDB); `quit()` it when done. */
export function createTestRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Empties the run's Redis database (every queue, job and scheduler of this run; other databases are untouched). */
export async function flushTestRedis(): Promise<void> {
  const redis = createTestRedis();
  try {
    await redis.flushdb();
  } finally {
    await redis.quit();
  }
}

/** A Redis URL on which nothing listens (for the health check's "down" answer). */
export const CLOSED_REDIS_URL = 'redis://127.0.0.1:1';
