import { RedisOptions } from 'bullmq';

/**
 * Connection options for BullMQ from REDIS_URL. BullMQ opens its own connections from these (and closes them);
 * workers block on Redis and need `maxRetriesPerRequest: null` so that a command waits for a reconnect instead of
 * failing the worker.
 */
export function bullConnectionOf(redisUrl: string): RedisOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
