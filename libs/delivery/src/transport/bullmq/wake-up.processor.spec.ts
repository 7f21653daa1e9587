import { Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { FixedClock } from '@charterflow/kernel';
import { FiringRef, PlannedFiring } from '../../contracts';
import { DueSweep, SweepReport } from '../due-sweep';
import { QUEUES } from '../queues';
import { WAKE_UP_LEAD_MS, WakeUpJobData } from './wake-up-job';
import { wakeUpProcessorFor } from './wake-up.processor';

const INSTANT = '2026-03-26T17:00:00.000Z';
const due = [{ deadlineId: 'd1', generation: 1, phase: 'escalate' }] as PlannedFiring[];

function setup(report: SweepReport, now: string) {
  const read: { queue: string; by: string }[] = [];
  const fired: { refs: readonly FiringRef[]; at: number }[] = [];
  const sweep = {
    due: async (queue: string, by: Date) => (read.push({ queue, by: by.toISOString() }), due),
    fire: async (refs: readonly FiringRef[]) => (fired.push({ refs, at: Date.now() }), report),
  } as unknown as DueSweep;
  const Processor = wakeUpProcessorFor(QUEUES.escalations, {});
  const processor = new Processor(sweep, new FixedClock(now), {});
  const moved: number[] = [];
  const job = { id: `at_${Date.parse(INSTANT)}`, data: { fireAt: INSTANT }, moveToDelayed: async (at: number) => void moved.push(at) } as unknown as Job<WakeUpJobData>;
  return { processor, job, read, fired, moved };
}

describe('WakeUpProcessor', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it("reads its queue's firings due by its instant and fires them, answering the sweep's report", async () => {
    const { processor, job, read, fired } = setup({ fired: 1, other: 0, failed: 0 }, INSTANT);
    expect(await processor.process(job, 'token')).toEqual({ fired: 1, other: 0, failed: 0 });
    expect(read).toEqual([{ queue: QUEUES.escalations, by: INSTANT }]);
    expect(fired.map((f) => f.refs)).toEqual([due]);
  });

  it('reads what is due by now when it runs after its instant (a catch-up, or a retry)', async () => {
    const { processor, job, read } = setup({ fired: 0, other: 0, failed: 0 }, '2026-03-27T02:00:00.000Z');
    await processor.process(job, 'token');
    expect(read).toEqual([{ queue: QUEUES.escalations, by: '2026-03-27T02:00:00.000Z' }]);
  });

  it('reads ahead within the lead, then holds the firing until its instant', async () => {
    // 400 ms before the instant on the business clock: it reads at once, then waits 400 ms of real time to fire.
    const { processor, job, read, fired } = setup({ fired: 1, other: 0, failed: 0 }, '2026-03-26T16:59:59.600Z');
    const started = Date.now();
    await processor.process(job, 'token');
    expect(read).toEqual([{ queue: QUEUES.escalations, by: INSTANT }]);
    expect(fired[0].at - started).toBeGreaterThanOrEqual(390);
  });

  it('puts a wake-up run further ahead than the lead back in the delayed set, reading nothing', async () => {
    // A millisecond beyond the lead: delayed again, to become ready the lead before the instant.
    const now = new Date(Date.parse(INSTANT) - WAKE_UP_LEAD_MS - 1).toISOString();
    const { processor, job, read, fired, moved } = setup({ fired: 0, other: 0, failed: 0 }, now);
    const before = Date.now();
    await expect(processor.process(job, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(read).toEqual([]);
    expect(fired).toEqual([]);
    expect(moved).toHaveLength(1);
    expect(moved[0] - before).toBeGreaterThanOrEqual(1);
    expect(moved[0] - Date.now()).toBeLessThanOrEqual(1);
  });

  it('throws once the batch is done when a firing of it failed, so that BullMQ retries the wake-up', async () => {
    const { processor, job, fired } = setup({ fired: 3, other: 1, failed: 1 }, INSTANT);
    await expect(processor.process(job, 'token')).rejects.toThrow(/1 of 1 firings due by 2026-03-26T17:00:00.000Z failed/);
    expect(fired).toHaveLength(1);
  });
});
