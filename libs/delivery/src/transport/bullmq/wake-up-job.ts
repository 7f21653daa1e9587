import { JobsOptions } from 'bullmq';
import { PlannedFiring } from '../../contracts';
import { QueueName, queueOfPhase } from '../queues';

/**
 * A wake-up (ADR 0033): one BullMQ job per firing queue and instant. When it runs, its processor fires every pending
 * firing of its queue due by then, read from PostgreSQL; the job names no firing, so a firing that goes stale
 * needs no job removed, and one that is added later for the same instant is found by the same run.
 */
export interface WakeUp {
  queue: QueueName;
  /** The instant the wake-up fires what is due by. */
  fireAt: Date;
  /** `at_<instant in ms>`, or `at_<instant in ms>_<token>` for a catch-up (see `wakeUpsOf`). */
  jobId: string;
}

/** The data of a wake-up job: its instant (ISO), which the processor holds the job until. */
export interface WakeUpJobData {
  fireAt: string;
}

export const WAKE_UP_JOB_NAME = 'wake-up';

/**
 * Retention and retries of wake-up jobs.
 * - `removeOnComplete: true`: BullMQ silently ignores an add whose job id exists, completed jobs included, so a
 *   completed wake-up must go for its id to be usable again. What fired is recorded in PostgreSQL, not in Redis.
 * - `removeOnFail` keeps failed wake-ups a week for inspection; a failed wake-up's instant has passed, so its id is
 *   never wanted again (the reconciler adds a catch-up under a new id while firings stay pending).
 * - attempts with exponential backoff ride out a database restart (1 s, 2 s, 4 s … about 17 minutes in all); each
 *   attempt fires what is still pending then.
 */
export const WAKE_UP_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 11,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * How long before its instant a wake-up becomes ready. Its processor reads the firings due by the instant during
 * that time (some hundreds of milliseconds for a burst of 10,000) and holds them until the instant, so that the
 * burst's first batch starts at the instant itself. Nothing fires early: the handler answers `early` to a firing
 * run before its instant.
 */
export const WAKE_UP_LEAD_MS = 5000;

/**
 * A wake-up whose instant is this near (or past) may already be running, and may have read its firings before a
 * new one was committed: such a firing gets a wake-up of its own id (a catch-up) rather than the shared one, whose
 * add BullMQ would ignore.
 */
export const NEAR_MS = WAKE_UP_LEAD_MS + 5000;

/**
 * The wake-ups that make `firings` run: per queue, one per distinct instant further than `NEAR_MS` ahead, under
 * the shared id `at_<ms>` (idempotent: BullMQ ignores the add when it is already waiting); one per distinct nearer
 * instant under `at_<ms>_<token>`, the instant of those already past being `now` (one catch-up fires them all).
 * `token` names this call's catch-ups (letters, digits, dashes).
 */
export function wakeUpsOf(firings: readonly PlannedFiring[], now: Date, token: string): WakeUp[] {
  const nowMs = now.getTime();
  const byId = new Map<string, WakeUp>();
  for (const f of firings) {
    const queue = queueOfPhase(f.phase);
    const at = Math.max(f.fireAt.getTime(), nowMs);
    const jobId = at - nowMs > NEAR_MS ? `at_${at}` : `at_${at}_${token}`;
    const key = `${queue} ${jobId}`;
    if (!byId.has(key)) byId.set(key, { queue, fireAt: new Date(at), jobId });
  }
  return [...byId.values()].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.queue.localeCompare(b.queue));
}

/** The BullMQ job of a wake-up: its delay from the injected clock's now. */
export function wakeUpJobOf(wakeUp: WakeUp, now: Date): { name: string; data: WakeUpJobData; opts: JobsOptions } {
  return {
    name: WAKE_UP_JOB_NAME,
    data: { fireAt: wakeUp.fireAt.toISOString() },
    opts: { ...WAKE_UP_JOB_OPTIONS, jobId: wakeUp.jobId, delay: jobDelay(wakeUp.fireAt, now) },
  };
}

/** Milliseconds from `now` to `fireAt`; 0 for an instant already past. */
export function delayUntil(fireAt: Date, now: Date): number {
  return Math.max(0, fireAt.getTime() - now.getTime());
}

/** The delay of a wake-up's job: ready `WAKE_UP_LEAD_MS` before the instant; 0 once that is past. */
export function jobDelay(fireAt: Date, now: Date): number {
  return Math.max(0, delayUntil(fireAt, now) - WAKE_UP_LEAD_MS);
}
