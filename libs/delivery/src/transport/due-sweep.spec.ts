import { Logger } from '@nestjs/common';
import { FiringRef, PendingFirings, PlannedFiring } from '../contracts';
import { DueSweep } from './due-sweep';
import { FiringRunner, Settled } from './firing-runner';
import { QUEUES } from './queues';

const ref = (i: number): FiringRef => ({ deadlineId: `d${i}`, generation: 1, phase: 'escalate' });

/** A runner that answers each ref by its index (every 7th fails, every 5th is a duplicate) and records its batches. */
function fakeRunner() {
  const batches: number[] = [];
  let running = 0;
  let most = 0;
  const runner = {
    fireMany: async (refs: readonly FiringRef[]): Promise<Settled[]> => {
      batches.push(refs.length);
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return refs.map((r) => {
        const i = Number(r.deadlineId.slice(1));
        if (i % 7 === 0) return new Error('refused');
        return i % 5 === 0 ? { outcome: 'duplicate', notifications: 0 } : { outcome: 'fired', notifications: 2, latenessMs: 0 };
      });
    },
  } as unknown as FiringRunner;
  return { runner, batches, most: () => most };
}

describe('DueSweep', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('fires in batches of at most maxSize with at most inFlight at once, and counts each firing once by its answer', async () => {
    const { runner, batches, most } = fakeRunner();
    const sweep = new DueSweep({} as PendingFirings, runner, { batch: { maxSize: 10, inFlight: 3 } });
    const refs = Array.from({ length: 95 }, (_, i) => ref(i + 1));
    // 1..95: 13 multiples of 7 fail; of the rest, the multiples of 5 but not of 35 (19 − 2 = 17) are duplicates.
    expect(await sweep.fire(refs)).toEqual({ fired: 95 - 13 - 17, other: 17, failed: 13 });
    expect(batches.reduce((a, b) => a + b, 0)).toBe(95);
    expect(batches.every((n) => n <= 10)).toBe(true);
    expect(batches).toHaveLength(10);
    expect(most()).toBe(3);
  });

  it('runs no more batches at once than there are batches, and nothing for nothing due', async () => {
    const { runner, batches, most } = fakeRunner();
    const sweep = new DueSweep({} as PendingFirings, runner, { batch: { maxSize: 10, inFlight: 8 } });
    expect(await sweep.fire([ref(1), ref(2)])).toEqual({ fired: 2, other: 0, failed: 0 });
    expect(batches).toEqual([2]);
    expect(most()).toBe(1);
    expect(await sweep.fire([])).toEqual({ fired: 0, other: 0, failed: 0 });
    expect(batches).toEqual([2]);
  });

  it("reads its queue's phase group of pending firings due by the instant, and nothing for a queue without firings", async () => {
    const asked: unknown[] = [];
    const listed = [{ ...ref(2), phase: 'escalate' }] as PlannedFiring[];
    const pending = { list: async (opts: unknown) => (asked.push(opts), listed) } as unknown as PendingFirings;
    const sweep = new DueSweep(pending, fakeRunner().runner, {});
    const by = new Date('2026-03-26T17:00:00.000Z');
    expect(await sweep.due(QUEUES.escalations, by)).toBe(listed);
    await sweep.due(QUEUES.reminders, by);
    await sweep.due(QUEUES.timedEvents, by);
    expect(asked).toEqual([
      { dueBefore: by, limit: Number.MAX_SAFE_INTEGER, group: 'escalate' },
      { dueBefore: by, limit: Number.MAX_SAFE_INTEGER, group: 'remind' },
      { dueBefore: by, limit: Number.MAX_SAFE_INTEGER, group: 'due' },
    ]);
    expect(await sweep.due(QUEUES.webhooks, by)).toEqual([]);
    expect(asked).toHaveLength(3);
  });
});
