import { FiringPhase, PhaseGroup, phaseGroupOf } from '../contracts';

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

/** The firing queue of each phase group. */
const QUEUE_OF_GROUP: Record<PhaseGroup, QueueName> = { remind: QUEUES.reminders, due: QUEUES.timedEvents, escalate: QUEUES.escalations };

/** The queue whose wake-ups fire a firing, from its phase alone. */
export function queueOfPhase(phase: FiringPhase): QueueName {
  return QUEUE_OF_GROUP[phaseGroupOf(phase)];
}

/** The phase group a firing queue carries (undefined for the webhooks queue). */
export function groupOfQueue(queue: QueueName): PhaseGroup | undefined {
  return (Object.keys(QUEUE_OF_GROUP) as PhaseGroup[]).find((g) => QUEUE_OF_GROUP[g] === queue);
}
