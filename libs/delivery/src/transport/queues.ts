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

/** The queue whose wake-ups fire a firing, from its phase alone. */
export function queueOfPhase(phase: FiringPhase): QueueName {
  if (phase === 'escalate') return QUEUES.escalations;
  if (phase === 'due') return QUEUES.timedEvents;
  return QUEUES.reminders;
}

