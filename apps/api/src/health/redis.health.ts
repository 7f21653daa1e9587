import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QueueStats } from '@charterflow/delivery';

const TIMEOUT_MS = 2000;

/** Rejects when `promise` does not settle within `ms` (a hung Redis must not hang the probe). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/**
 * Redis of deadline delivery (only when REDIS_URL is set): up when it answers PING, with the queue lag — per queue,
 * the age of the oldest job whose instant passed and that no worker has taken — as information.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly queues: QueueStats,
  ) {}

  get enabled(): boolean {
    return this.queues.enabled;
  }

  async check(key = 'redis') {
    const session = this.indicator.check(key);
    try {
      await within(this.queues.ping(), TIMEOUT_MS);
      const lags = await within(this.queues.lags(), TIMEOUT_MS);
      return session.up({
        queueLagSeconds: round(Math.max(0, ...lags.map((l) => l.seconds))),
        queues: Object.fromEntries(lags.map((l) => [l.queue, { lagSeconds: round(l.seconds) }])),
      });
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
