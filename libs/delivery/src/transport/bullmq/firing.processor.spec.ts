import { Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { FiringResult, PendingFirings, PlannedFiring } from '../../contracts';
import { FiringBatcher } from '../firing-batcher';
import { FiringJobData } from './firing-job';
import { firingProcessorFor } from './firing.processor';
import { FixedClock } from '@charterflow/kernel';

const deadlineId = '0b7c9a52-3c1e-4f7e-9a55-1d2f3e4a5b6c';
const data: FiringJobData = { deadlineId, generation: 2, phase: 'escalate', caseId: 'c', kind: 'CEREMONY', fireAt: '2026-03-26T17:00:00.000Z' };
const jobId = `dl_${deadlineId}_g2_escalate`;

function setup(result: FiringResult, planned: PlannedFiring[] = [], now = '2026-03-26T16:59:00.000Z') {
  const calls: unknown[] = [];
  const calledAt: number[] = [];
  const batcher = { fire: async (ref: unknown) => (calls.push(ref), calledAt.push(Date.now()), result) } as unknown as FiringBatcher;
  const pending = { forDeadlines: async () => planned, list: async () => [] } as unknown as PendingFirings;
  const clock = new FixedClock(now);
  const Processor = firingProcessorFor('deadline-escalations', {});
  const processor = new Processor(batcher, pending, clock, {});
  const moved: number[] = [];
  const job = { id: jobId, data, moveToDelayed: async (at: number) => void moved.push(at) } as unknown as Job<FiringJobData>;
  return { processor, job, calls, calledAt, moved };
}

describe('FiringProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('passes the job ref to the firing handler and returns its result', async () => {
    const { processor, job, calls } = setup({ outcome: 'fired', notifications: 2, latenessMs: 0 });
    expect(await processor.process(job, 'token')).toEqual({ outcome: 'fired', notifications: 2, latenessMs: 0 });
    expect(calls).toEqual([data]);
  });

  it('puts a job that ran before its instant back in the delayed set, until the planned instant', async () => {
    const planned = { ...data, fireAt: new Date('2026-03-26T17:00:00.000Z'), jobId } as PlannedFiring;
    const { processor, job, moved } = setup({ outcome: 'early', notifications: 0 }, [planned]);
    const before = Date.now();
    await expect(processor.process(job, 'token')).rejects.toBeInstanceOf(DelayedError);
    // One minute of the business clock remains: the job is delayed that long in BullMQ's wall-clock time base.
    expect(moved).toHaveLength(1);
    expect(moved[0] - before).toBeGreaterThanOrEqual(60_000);
    expect(moved[0] - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('holds a job that became ready within the lead (a second) until its instant, then fires it', async () => {
    // 400 ms before the instant on the business clock: the processor waits 400 ms of real time first.
    const { processor, job, calls, calledAt } = setup({ outcome: 'fired', notifications: 3, latenessMs: 0 }, [], '2026-03-26T16:59:59.600Z');
    const started = Date.now();
    expect(await processor.process(job, 'token')).toEqual({ outcome: 'fired', notifications: 3, latenessMs: 0 });
    expect(calls).toEqual([data]);
    expect(calledAt[0] - started).toBeGreaterThanOrEqual(390);
  });

  it('does not hold a job further ahead than the lead: the handler answers early and it is delayed again', async () => {
    const planned = { ...data, fireAt: new Date('2026-03-26T17:00:00.000Z'), jobId } as PlannedFiring;
    const { processor, job, calls, calledAt, moved } = setup({ outcome: 'early', notifications: 0 }, [planned], '2026-03-26T16:59:58.999Z');
    const started = Date.now();
    await expect(processor.process(job, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(calls).toHaveLength(1);
    expect(calledAt[0] - started).toBeLessThan(900);
    expect(moved).toHaveLength(1);
  });

  it('retries an early job no longer planned after a short pause rather than at once', async () => {
    const { processor, job, moved } = setup({ outcome: 'early', notifications: 0 }, []);
    const before = Date.now();
    await expect(processor.process(job, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(moved[0] - before).toBeGreaterThanOrEqual(1000);
  });
});
