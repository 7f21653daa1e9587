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
   * How a wake-up fires what is due (ADR 0033): batches of at most `maxSize` firings, each one transaction, with
   * `inFlight` batches at once (each holds one pooled connection while it runs).
   */
  batch?: { maxSize?: number; inFlight?: number };
  /** Outbox rows claimed per relay transaction. */
  relayBatchSize?: number;
  /**
   * FAULT INJECTION, tests only (the SIGKILL test): every wake-up waits `ms` before firing what it found due
   * (`before-fire`: nothing committed yet) or after (`after-fire`: committed, job not yet completed), so that a test
   * can kill the worker mid-job. Off unless a test passes it.
   */
  faultPause?: { ms: number; at: 'before-fire' | 'after-fire' };
}

/**
 * Worker defaults per queue. A firing queue's job is a wake-up that fires everything due by its instant (ADR 0033),
 * so one at a time per worker: a second one at once would read and lock the same firings, to be answered
 * `duplicate`.
 */
export const DEFAULT_CONCURRENCY = { reminders: 1, escalations: 1, timedEvents: 1, webhooks: 1 } as const;

/**
 * Batches of firings (see `DeliveryTuning.batch`): 1024 firings a transaction, four at once (ADR 0033: in
 * alternating runs of 10,000 due at once, 10,500–12,300 deadlines/s against 8,200–9,500 with 512; the statements'
 * fixed costs are shared by more firings, and a batch holds its case rows for a fraction of a second, well within a
 * step's lock bound), leaving most of a pool of ten to the relay, the reconciler and an in-process API.
 */
export const DEFAULT_BATCH = { maxSize: 1024, inFlight: 4 } as const;

export const DEFAULT_RELAY_BATCH_SIZE = 500;

/** Injection token of the background tasks a transport runs beside its workers (outbox relay, reconciler). */
export const DELIVERY_BACKGROUND_TASKS = Symbol('DELIVERY_BACKGROUND_TASKS');

export interface BackgroundTask {
  start(): void;
  stop(): Promise<void>;
}
