import { Redis } from 'ioredis';

/**
 * The integration tests' Redis (real, never mocked). Each engineer's run points TEST_REDIS_URL at a private
 * instance; CI runs serially on the default port. Tests may FLUSHALL it.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A plain client on the test Redis (for inspection and FLUSHALL); `quit()` it when done. */
export function createTestRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Empties the test Redis (every queue, job and scheduler). */
export async function flushTestRedis(): Promise<void> {
  const redis = createTestRedis();
  try {
    await redis.flushall();
  } finally {
    await redis.quit();
  }
}

/** A Redis URL on which nothing listens (for the health check's "down" answer). */
export const CLOSED_REDIS_URL = 'redis://127.0.0.1:1';
