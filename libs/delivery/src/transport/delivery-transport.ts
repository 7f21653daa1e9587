import { PlannedFiring } from '../contracts';

/** A job a transport holds (BullMQ mode: a wake-up, ADR 0033): what the reconciler looks at. */
export interface ScheduledJob {
  jobId: string;
  queue: string;
  state: string;
  /** The instant the job wakes up for (ISO), when known. */
  fireAt?: string;
}

/**
 * Decides *when* the firing handler runs (ADR 0007 §6). Two implementations, chosen by configuration:
 * BullMQ on Redis (a delayed wake-up per instant at which firings fall due, ADR 0033) and a transactional poll of
 * the database (embedded default).
 * Neither holds the only copy of a due date: PostgreSQL does, and whatever a transport loses is rebuilt from rows.
 */
export abstract class DeliveryTransport {
  /** `bullmq` or `poll`, for logs and the health check. */
  abstract readonly name: 'bullmq' | 'poll';
  /** Starts delivering (BullMQ workers, or the poll loop). */
  abstract start(): Promise<void>;
  /** Stops taking work and waits for what is running to finish. */
  abstract stop(): Promise<void>;
  /** Makes sure each firing will run at its instant (idempotent); returns how many jobs were handed over. */
  abstract schedule(firings: readonly PlannedFiring[]): Promise<number>;
  /** Withdraws jobs that are waiting (active ones finish); returns how many were removed. */
  abstract unschedule(jobs: readonly Pick<ScheduledJob, 'queue' | 'jobId'>[]): Promise<number>;
  /** The jobs waiting for their instant or for a worker (empty for the poll transport, which holds none). */
  abstract listScheduled(): Promise<ScheduledJob[]>;
}
