import { FiringPhase, PlannedFiring } from '../../contracts';
import { ScheduledJob } from '../delivery-transport';
import { QUEUES } from '../queues';
import { compareWakeUps } from './reconciler';
import { NEAR_MS } from './wake-up-job';

const NOW = new Date('2026-03-10T01:00:00.000Z');
const ms = (offset: number) => NOW.getTime() + offset;

function firing(phase: FiringPhase, offset: number, deadlineId = 'd1'): PlannedFiring {
  return { deadlineId, generation: 1, phase, caseId: 'c', kind: 'ADMISSION_DECISION', fireAt: new Date(ms(offset)) };
}

function wakeUp(queue: string, offset: number, state = 'delayed'): ScheduledJob {
  return { queue, jobId: `at_${ms(offset)}`, state, fireAt: new Date(ms(offset)).toISOString() };
}

const DAY = 86_400_000;

describe('compareWakeUps (what the reconciler adds and removes)', () => {
  it('adds a future instant without its wake-up, in its own queue, and nothing for one that has it', () => {
    const pending = [firing('remind-3wd', DAY), firing('escalate', DAY), firing('remind-1wd', 2 * DAY)];
    const { missing, orphans } = compareWakeUps([wakeUp(QUEUES.reminders, DAY), wakeUp(QUEUES.escalations, 2 * DAY)], pending, NOW);
    expect(missing.map((f) => f.phase)).toEqual(['escalate', 'remind-1wd']);
    // The escalations' wake-up of the second day stands behind no pending firing: removed.
    expect(orphans.map((j) => `${j.queue} ${j.jobId}`)).toEqual([`${QUEUES.escalations} at_${ms(2 * DAY)}`]);
  });

  it('removes only waiting wake-ups beyond the near window: not one within it, not an active or a failed one', () => {
    const listed = [
      wakeUp(QUEUES.reminders, NEAR_MS + 1),
      wakeUp(QUEUES.reminders, NEAR_MS),
      wakeUp(QUEUES.escalations, DAY, 'active'),
      wakeUp(QUEUES.timedEvents, DAY, 'failed'),
      wakeUp(QUEUES.timedEvents, DAY + 1, 'waiting'),
    ];
    expect(compareWakeUps(listed, [], NOW).orphans.map((j) => `${j.queue} ${j.jobId}`)).toEqual([
      `${QUEUES.reminders} at_${ms(NEAR_MS + 1)}`,
      `${QUEUES.timedEvents} at_${ms(DAY + 1)}`,
    ]);
  });

  it('fires a firing past its instant through a catch-up unless its queue has a wake-up ready or delayed within the near window', () => {
    const past = [firing('remind-3wd', -DAY)];
    // Nothing in the queue, another queue's wake-up, an active or a failed one: a catch-up.
    expect(compareWakeUps([], past, NOW).missing).toEqual(past);
    expect(compareWakeUps([wakeUp(QUEUES.escalations, 1000)], past, NOW).missing).toEqual(past);
    expect(compareWakeUps([wakeUp(QUEUES.reminders, 0, 'active')], past, NOW).missing).toEqual(past);
    expect(compareWakeUps([wakeUp(QUEUES.reminders, -DAY, 'failed')], past, NOW).missing).toEqual(past);
    // A delayed wake-up whose instant has passed (a retry's backoff, no worker up) covers nothing; one at the very
    // instant of now neither (it is not ahead).
    expect(compareWakeUps([wakeUp(QUEUES.reminders, -DAY)], past, NOW).missing).toEqual(past);
    expect(compareWakeUps([wakeUp(QUEUES.reminders, 0)], past, NOW).missing).toEqual(past);
    // Ready to run, or delayed a millisecond ahead up to the end of the near window: covered.
    expect(compareWakeUps([wakeUp(QUEUES.reminders, -DAY, 'waiting')], past, NOW).missing).toEqual([]);
    expect(compareWakeUps([wakeUp(QUEUES.reminders, 1)], past, NOW).missing).toEqual([]);
    expect(compareWakeUps([wakeUp(QUEUES.reminders, NEAR_MS)], past, NOW).missing).toEqual([]);
    // A millisecond beyond the near window is too late to count on.
    expect(compareWakeUps([wakeUp(QUEUES.reminders, NEAR_MS + 1)], past, NOW).missing).toEqual(past);
  });

  it('treats a firing within the near window as due: covered by a near wake-up of its queue, not by its own instant beyond it', () => {
    const near = [firing('escalate', NEAR_MS)];
    expect(compareWakeUps([], near, NOW).missing).toEqual(near);
    expect(compareWakeUps([wakeUp(QUEUES.escalations, NEAR_MS)], near, NOW)).toEqual({ missing: [], orphans: [] });
    const beyond = [firing('escalate', NEAR_MS + 1)];
    expect(compareWakeUps([wakeUp(QUEUES.escalations, NEAR_MS)], beyond, NOW).missing).toEqual(beyond);
  });
});
