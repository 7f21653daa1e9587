import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ALL_QUEUES } from '../queues';
import { QueueDepth, QueueLag, QueueStats } from '../queue-stats';

/** Job states reported as queue depth. */
export const REPORTED_STATES = ['waiting', 'delayed', 'active', 'prioritized', 'failed'] as const;

/**
 * Reads the queues through one Redis connection that fails fast: no offline queue and one retry per command, so a
 * health check answers "down" at once when Redis is gone instead of waiting for a reconnect.
 */
@Injectable()
export class BullmqQueueStats extends QueueStats implements OnApplicationShutdown {
  readonly enabled = true;
  private readonly redis: Redis;
  private readonly queues: Queue[];

  constructor(redisUrl: string) {
    super();
    this.redis = new Redis(redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
    });
    // Connection errors surface through ping(); without a listener ioredis would print each retry.
    this.redis.on('error', () => undefined);
    this.queues = ALL_QUEUES.map((name) => {
      const queue = new Queue(name, { connection: this.redis });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  async ping(): Promise<void> {
    if (this.redis.status === 'wait') await this.redis.connect().catch(() => undefined);
    const answer: string = await this.redis.ping();
    if (answer !== 'PONG') throw new Error(`Redis answered ${answer}`);
  }

  async depths(): Promise<QueueDepth[]> {
    await this.ping();
    const out: QueueDepth[] = [];
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts(...REPORTED_STATES);
      for (const state of REPORTED_STATES) out.push({ queue: queue.name, state, count: counts[state] ?? 0 });
    }
    return out;
  }

  /**
   * Per queue, the age of the oldest job whose instant has passed and that no worker has taken: the oldest waiting
   * job, or a delayed job whose delay ran out (BullMQ promotes those only while a worker runs). Measured in
   * Redis's own time base (BullMQ timestamps are wall-clock milliseconds), not the business clock.
   */
  async lags(): Promise<QueueLag[]> {
    await this.ping();
    const now = Date.now();
    const out: QueueLag[] = [];
    for (const queue of this.queues) {
      const [oldestWaiting] = await queue.getJobs(['wait'], 0, 0, true);
      const [earliestDelayed] = await queue.getJobs(['delayed'], 0, 0, true);
      const readySince = [oldestWaiting, earliestDelayed].filter((j): j is Job => !!j).map(readyAt).filter((t) => t <= now);
      out.push({ queue: queue.name, seconds: readySince.length ? (now - Math.min(...readySince)) / 1000 : 0 });
    }
    return out;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    this.redis.disconnect();
  }
}

/** The wall-clock instant a job became ready to run. */
function readyAt(job: Job): number {
  return job.timestamp + (job.delay ?? 0);
}
