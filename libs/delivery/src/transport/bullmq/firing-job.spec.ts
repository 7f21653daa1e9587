import { jobIdOf, PlannedFiring } from '../../contracts';
import { delayUntil, FIRING_JOB_LEAD_MS, firingJobOf, jobDelay } from './firing-job';

const ref = { deadlineId: '0b7c9a52-3c1e-4f7e-9a55-1d2f3e4a5b6c', generation: 3, phase: 'remind-3wd' as const };
const firing: PlannedFiring = { ...ref, caseId: 'c1', kind: 'ADMISSION_DECISION', fireAt: new Date('2026-03-11T01:00:00.000Z'), jobId: jobIdOf(ref) };

describe('firing jobs', () => {
  it('delays a job until a second before the planned instant, counted from the injected clock', () => {
    expect(FIRING_JOB_LEAD_MS).toBe(1000);
    const job = firingJobOf(firing, new Date('2026-03-10T01:00:00.000Z'));
    expect(job.opts).toMatchObject({ jobId: `dl_${ref.deadlineId}_g3_remind-3wd`, delay: 86_400_000 - 1000, removeOnComplete: true });
    expect(job.data).toEqual({ ...ref, caseId: 'c1', kind: 'ADMISSION_DECISION', fireAt: '2026-03-11T01:00:00.000Z' });
  });

  it('gives a firing whose instant passed (downtime) no delay, and one exactly due no delay either', () => {
    expect(delayUntil(firing.fireAt, new Date('2026-03-12T00:00:00.000Z'))).toBe(0);
    expect(delayUntil(firing.fireAt, firing.fireAt)).toBe(0);
    expect(delayUntil(firing.fireAt, new Date(firing.fireAt.getTime() - 1))).toBe(1);
  });

  it("makes a job ready at once within the lead, and just after it a millisecond later", () => {
    const before = (ms: number) => new Date(firing.fireAt.getTime() - ms);
    expect(jobDelay(firing.fireAt, before(1000))).toBe(0);
    expect(jobDelay(firing.fireAt, before(999))).toBe(0);
    expect(jobDelay(firing.fireAt, before(1001))).toBe(1);
    expect(jobDelay(firing.fireAt, new Date('2026-03-12T00:00:00.000Z'))).toBe(0);
  });
});
