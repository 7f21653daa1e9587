import { JobsOptions } from 'bullmq';
import { FiringPhase, PlannedFiring } from '../../contracts';

/** The data of a firing job: the ref the handler needs, plus what helps a person reading the queue. */
export interface FiringJobData {
  deadlineId: string;
  generation: number;
  phase: FiringPhase;
  caseId: string;
  kind: string;
  /** The planned instant (ISO): the processor defers a job that a clock skew ran early. */
  fireAt: string;
}

/**
 * Retention and retries of firing jobs.
 * - `removeOnComplete: true`: BullMQ silently ignores an add whose job id exists, completed jobs included. A
 *   completed firing is never needed again (its ref can never be pending again: a new due date or status is a new
 *   generation, hence a new id), and if a race re-adds one, the handler answers `duplicate`. What fired is
 *   recorded in PostgreSQL (`deadline_firings`), not in Redis.
 * - `removeOnFail` keeps failed jobs a week for inspection; the reconciler replaces a failed job whose firing is
 *   still pending (remove + add), so a kept failure never blocks a re-add.
 * - attempts with exponential backoff ride out a database restart (1 s, 2 s, 4 s … about 17 minutes in all).
 */
export const FIRING_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 11,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const FIRING_JOB_NAME = 'fire';

/**
 * How long before its instant a firing job becomes ready (ADR 0026, "Later"). A BullMQ worker fetches jobs one at a
 * time, up to its concurrency, before it hands the first to its processor: a burst falling due at one instant
 * started firing only once the first 2048 jobs had been fetched, about half a second after the instant here. Ready
 * a second early, those jobs are fetched during that second and the processor holds each until its instant
 * (`FiringProcessor`); the firing handler still answers `early` to a firing run before its instant.
 */
export const FIRING_JOB_LEAD_MS = 1000;

/** The BullMQ job of a firing: its id from the firing's identity, its delay from the injected clock's now. */
export function firingJobOf(firing: PlannedFiring, now: Date): { name: string; data: FiringJobData; opts: JobsOptions } {
  return {
    name: FIRING_JOB_NAME,
    data: {
      deadlineId: firing.deadlineId,
      generation: firing.generation,
      phase: firing.phase,
      caseId: firing.caseId,
      kind: firing.kind,
      fireAt: firing.fireAt.toISOString(),
    },
    opts: { ...FIRING_JOB_OPTIONS, jobId: firing.jobId, delay: jobDelay(firing.fireAt, now) },
  };
}

/** Milliseconds from `now` to `fireAt`; 0 for an instant already past (it fires at once, late). */
export function delayUntil(fireAt: Date, now: Date): number {
  return Math.max(0, fireAt.getTime() - now.getTime());
}

/** The delay of a firing's job: ready `FIRING_JOB_LEAD_MS` before the instant; 0 once that is past. */
export function jobDelay(fireAt: Date, now: Date): number {
  return Math.max(0, delayUntil(fireAt, now) - FIRING_JOB_LEAD_MS);
}
