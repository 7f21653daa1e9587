import { jobIdOf } from '../contracts';
import { parseJobId, queueOfPhase, QUEUES } from './queues';

describe('queue routing', () => {
  it('sends reminders, escalations and the timed event to their own queues', () => {
    expect(queueOfPhase('remind-10wd')).toBe(QUEUES.reminders);
    expect(queueOfPhase('remind-3m')).toBe(QUEUES.reminders);
    expect(queueOfPhase('escalate')).toBe(QUEUES.escalations);
    expect(queueOfPhase('due')).toBe(QUEUES.timedEvents);
  });

  it('parses back the job ids jobIdOf builds, and nothing else', () => {
    const ref = { deadlineId: '0b7c9a52-3c1e-4f7e-9a55-1d2f3e4a5b6c', generation: 12, phase: 'remind-10wd' as const };
    expect(parseJobId(jobIdOf(ref))).toEqual(ref);
    expect(parseJobId(jobIdOf({ ...ref, phase: 'escalate' }))).toEqual({ ...ref, phase: 'escalate' });
    expect(parseJobId('repeat:webhooks:123')).toBeNull();
    expect(parseJobId('dl_not-a-uuid_g1_due')).toBeNull();
    expect(parseJobId(`dl_${ref.deadlineId}_g1_other`)).toBeNull();
  });
});
