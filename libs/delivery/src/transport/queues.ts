import { FiringPhase } from '../contracts';

/** One BullMQ queue per concern, each with its own workers and concurrency (style.md "Queues and time"). */
export const QUEUES = {
  reminders: 'deadline-reminders',
  escalations: 'deadline-escalations',
  timedEvents: 'timed-events',
  webhooks: 'webhooks',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The queues that carry firings of deadlines. */
export const FIRING_QUEUES: readonly QueueName[] = [QUEUES.reminders, QUEUES.escalations, QUEUES.timedEvents];

export const ALL_QUEUES: readonly QueueName[] = [...FIRING_QUEUES, QUEUES.webhooks];

/** The queue a firing goes to, from its phase alone (so that a job id is enough to find its job). */
export function queueOfPhase(phase: FiringPhase): QueueName {
  if (phase === 'escalate') return QUEUES.escalations;
  if (phase === 'due') return QUEUES.timedEvents;
  return QUEUES.reminders;
}

const JOB_ID = /^dl_([0-9a-f-]{36})_g(\d+)_(.+)$/i;

/** Parses a job id built by `jobIdOf` (null for anything else, e.g. a scheduler's job). */
export function parseJobId(jobId: string): { deadlineId: string; generation: number; phase: FiringPhase } | null {
  const m = JOB_ID.exec(jobId);
  if (!m) return null;
  const phase = m[3];
  if (phase !== 'due' && phase !== 'escalate' && !phase.startsWith('remind-')) return null;
  return { deadlineId: m[1], generation: Number(m[2]), phase: phase as FiringPhase };
}
