import { queueOfPhase, QUEUES } from './queues';

describe('queue routing', () => {
  it('sends reminders, escalations and the timed event to their own queues', () => {
    expect(queueOfPhase('remind-10wd')).toBe(QUEUES.reminders);
    expect(queueOfPhase('remind-3m')).toBe(QUEUES.reminders);
    expect(queueOfPhase('escalate')).toBe(QUEUES.escalations);
    expect(queueOfPhase('due')).toBe(QUEUES.timedEvents);
  });

});
