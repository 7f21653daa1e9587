import { FiringPhase, PlannedFiring } from '../../contracts';
import { QUEUES } from '../queues';
import { delayUntil, jobDelay, NEAR_MS, WAKE_UP_LEAD_MS, wakeUpJobOf, wakeUpsOf } from './wake-up-job';

const D1 = '0b7c9a52-3c1e-4f7e-9a55-1d2f3e4a5b6c';
const D2 = '1c8d0b63-4d2f-4a8f-8b66-2e3f4a5b6c7d';

function firing(deadlineId: string, phase: FiringPhase, fireAt: string): PlannedFiring {
  return { deadlineId, generation: 1, phase, caseId: 'c', kind: 'ADMISSION_DECISION', fireAt: new Date(fireAt) };
}

const NOW = new Date('2026-03-10T01:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('wake-ups', () => {
  it('gives the firings of one queue and instant one shared wake-up, and each queue and instant its own', () => {
    const instant = '2026-03-11T01:00:00.000Z';
    const wakeUps = wakeUpsOf(
      [firing(D1, 'remind-3wd', instant), firing(D2, 'remind-10wd', instant), firing(D1, 'escalate', instant), firing(D2, 'remind-1wd', '2026-03-12T01:00:00.000Z')],
      NOW,
      'tok',
    );
    const ms = Date.parse(instant);
    expect(wakeUps).toEqual([
      { queue: QUEUES.escalations, fireAt: new Date(instant), jobId: `at_${ms}` },
      { queue: QUEUES.reminders, fireAt: new Date(instant), jobId: `at_${ms}` },
      { queue: QUEUES.reminders, fireAt: new Date('2026-03-12T01:00:00.000Z'), jobId: `at_${ms + 86_400_000}` },
    ]);
  });

  it('gives an instant within the near window (a wake-up that may be running) a catch-up of its own id, and one further the shared id', () => {
    const near = wakeUpsOf([firing(D1, 'escalate', at(NEAR_MS))], NOW, 'tok');
    expect(near).toEqual([{ queue: QUEUES.escalations, fireAt: new Date(at(NEAR_MS)), jobId: `at_${NOW.getTime() + NEAR_MS}_tok` }]);
    const far = wakeUpsOf([firing(D1, 'escalate', at(NEAR_MS + 1))], NOW, 'tok');
    expect(far).toEqual([{ queue: QUEUES.escalations, fireAt: new Date(at(NEAR_MS + 1)), jobId: `at_${NOW.getTime() + NEAR_MS + 1}` }]);
  });

  it('fires every firing whose instant passed with one catch-up per queue, at now', () => {
    const wakeUps = wakeUpsOf(
      [firing(D1, 'remind-3wd', '2026-03-01T01:00:00.000Z'), firing(D2, 'remind-1wd', '2026-03-09T01:00:00.000Z'), firing(D1, 'due', at(0))],
      NOW,
      'tok',
    );
    expect(wakeUps).toEqual([
      { queue: QUEUES.reminders, fireAt: NOW, jobId: `at_${NOW.getTime()}_tok` },
      { queue: QUEUES.timedEvents, fireAt: NOW, jobId: `at_${NOW.getTime()}_tok` },
    ]);
    expect(wakeUpsOf([], NOW, 'tok')).toEqual([]);
  });

  it('makes a wake-up job ready the lead before its instant, counted from the injected clock', () => {
    expect(WAKE_UP_LEAD_MS).toBe(5000);
    const [wakeUp] = wakeUpsOf([firing(D1, 'remind-3wd', '2026-03-11T01:00:00.000Z')], NOW, 'tok');
    const job = wakeUpJobOf(wakeUp, NOW);
    expect(job.data).toEqual({ fireAt: '2026-03-11T01:00:00.000Z' });
    expect(job.opts).toMatchObject({ jobId: wakeUp.jobId, delay: 86_400_000 - WAKE_UP_LEAD_MS, removeOnComplete: true, attempts: 11 });
  });

  it('gives an instant already past no delay, and one within the lead none either; a millisecond beyond it, one', () => {
    const fireAt = new Date('2026-03-11T01:00:00.000Z');
    const before = (ms: number) => new Date(fireAt.getTime() - ms);
    expect(delayUntil(fireAt, new Date('2026-03-12T00:00:00.000Z'))).toBe(0);
    expect(delayUntil(fireAt, fireAt)).toBe(0);
    expect(delayUntil(fireAt, before(1))).toBe(1);
    expect(jobDelay(fireAt, before(WAKE_UP_LEAD_MS))).toBe(0);
    expect(jobDelay(fireAt, before(WAKE_UP_LEAD_MS - 1))).toBe(0);
    expect(jobDelay(fireAt, before(WAKE_UP_LEAD_MS + 1))).toBe(1);
  });
});
