/** Depth of one queue in one BullMQ state. */
export interface QueueDepth {
  queue: string;
  state: string;
  count: number;
}

/** How long the oldest job of a queue has been ready (its instant passed) without a worker taking it. */
export interface QueueLag {
  queue: string;
  seconds: number;
}

/**
 * What the health check and the metrics read of the queues, in any process (an API started with RUN_WORKER=false
 * included). Without REDIS_URL there are no queues: `enabled` is false and every list is empty.
 */
export abstract class QueueStats {
  abstract readonly enabled: boolean;
  /** Throws when Redis does not answer. */
  abstract ping(): Promise<void>;
  abstract depths(): Promise<QueueDepth[]>;
  abstract lags(): Promise<QueueLag[]>;
}

/** The embedded default: no Redis, no queues. */
export class NoQueueStats extends QueueStats {
  readonly enabled = false;
  async ping(): Promise<void> {}
  async depths(): Promise<QueueDepth[]> {
    return [];
  }
  async lags(): Promise<QueueLag[]> {
    return [];
  }
}
