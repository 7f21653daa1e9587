import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

/** What `ThrottlerStorage.increment` answers (times in whole seconds, rounded up, as the in-memory storage gives them). */
interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One request counted in a fixed window shared by every API process: the hits of the window (expiring with it) and,
 * once over the limit, a block for `blockDuration`. Atomic in Redis, so two replicas count one client together.
 * Answers { hits, ms left in the window, blocked 0|1, ms left in the block }.
 */
const INCREMENT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockedFor = redis.call('PTTL', blockKey)
if blockedFor > 0 then
  return { tonumber(redis.call('GET', hitsKey) or limit + 1), math.max(redis.call('PTTL', hitsKey), 0), 1, blockedFor }
end
local hits = redis.call('INCR', hitsKey)
if hits == 1 then redis.call('PEXPIRE', hitsKey, ttl) end
local left = redis.call('PTTL', hitsKey)
if hits > limit and block > 0 then
  redis.call('SET', blockKey, '1', 'PX', block)
  return { hits, left, 1, block }
end
return { hits, left, 0, 0 }
`;

/**
 * The rate limits' counters in Redis when REDIS_URL is set (several API replicas behind one proxy): the login limit
 * per client address and the write limit per account hold for the whole deployment, not per process (ADR 0025).
 * Redis unreachable, a request is let through and counted nowhere (logged): the limits protect capacity, the
 * lockout after failed logins (stored in PostgreSQL) still protects the passwords, and an outage of Redis must not
 * stop the offices' work.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(redisUrl: string, private readonly prefix = 'charterflow:throttle:') {
    // A command fails at once while disconnected, and within half a second otherwise: a request never waits on Redis.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 500 });
    this.redis.on('error', () => undefined);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}${throttlerName}:${key}`;
    try {
      const [hits, leftMs, blocked, blockMs] = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration)) as [number, number, number, number];
      return { totalHits: hits, timeToExpire: Math.ceil(leftMs / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(blockMs / 1000) };
    } catch (error) {
      this.logger.warn(`rate limit not counted (Redis: ${error instanceof Error ? error.message : String(error)})`);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
