import { WorkerOptions } from 'bullmq';

/** Injection token of `DeliveryTuning`. */
export const DELIVERY_TUNING = Symbol('DELIVERY_TUNING');

/**
 * Code-level knobs of the transports, not configuration: production runs with the defaults, tests and the
 * benchmark pass other values to `DeliveryModule.forRoot`.
 */
export interface DeliveryTuning {
  /** BullMQ worker options for the firing queues (the crash test shortens lockDuration and stalledInterval). */
  worker?: Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;
  /**
   * How the BullMQ workers' firings are gathered into one transaction (ADR 0026): at most `maxSize` firings, the
   * batch closing `maxWaitMs` after its first. The worker concurrency bounds how many firings wait at once, so it
   * should be a few times `maxSize` to keep a batch filling while the previous one commits.
   */
  batch?: { maxSize?: number; maxWaitMs?: number };
  /** Firing jobs claimed from the outbox per relay transaction. */
  relayBatchSize?: number;
  /**
   * FAULT INJECTION, tests only (the SIGKILL test): every firing job waits `ms` before calling the firing handler
   * (`before-fire`: the firing is not committed yet) or after it returned (`after-fire`: committed, job not yet
   * completed), so that a test can kill the worker mid-job. Off unless a test passes it.
   */
  faultPause?: { ms: number; at: 'before-fire' | 'after-fire' };
}

/**
 * Worker defaults per firing queue. A job only hands its ref to the batcher and waits, so a worker holds a few
 * batches' worth of jobs at once (ADR 0026); timed events drive the engine, one case at a time in their batch.
 */
export const DEFAULT_CONCURRENCY = { reminders: 2048, escalations: 2048, timedEvents: 32, webhooks: 1 } as const;

/**
 * Batches of firings (see `DeliveryTuning.batch`). 512 rather than 128 (ADR 0026, "Later"): a burst's firings share
 * the statements of fewer transactions; a batch then holds up to 512 case rows for well under a second, within a
 * step's lock bound.
 */
export const DEFAULT_BATCH = { maxSize: 512, maxWaitMs: 5 } as const;

export const DEFAULT_RELAY_BATCH_SIZE = 500;

/** Injection token of the background tasks a transport runs beside its workers (outbox relay, reconciler). */
export const DELIVERY_BACKGROUND_TASKS = Symbol('DELIVERY_BACKGROUND_TASKS');

export interface BackgroundTask {
  start(): void;
  stop(): Promise<void>;
}
