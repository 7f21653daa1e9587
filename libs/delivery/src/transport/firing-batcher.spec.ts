import { FiringRef, FiringResult } from '../contracts';
import { FiringBatcher } from './firing-batcher';
import { FiringRunner, Settled } from './firing-runner';

const ref = (n: number): FiringRef => ({ deadlineId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, generation: 1, phase: 'escalate' });

/** A runner that records its batches and answers each ref by its number: odd fired, even duplicate, 13 an error. */
function recordingRunner() {
  const batches: number[][] = [];
  const runner = {
    fireMany: async (refs: readonly FiringRef[]): Promise<Settled[]> => {
      const numbers = refs.map((r) => Number(r.deadlineId.slice(-12)));
      batches.push(numbers);
      return numbers.map((n) =>
        n === 13 ? new Error('refused') : ({ outcome: n % 2 ? 'fired' : 'duplicate', notifications: n % 2 } satisfies FiringResult),
      );
    },
  } as unknown as FiringRunner;
  return { runner, batches };
}

describe('FiringBatcher', () => {
  it('gathers the firings handed over together into batches of at most maxSize, and answers each its own result', async () => {
    const { runner, batches } = recordingRunner();
    const batcher = new FiringBatcher(runner, { batch: { maxSize: 4, maxWaitMs: 1 } });
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => batcher.fire(ref(n))));
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9],
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['fired', 'duplicate', 'fired', 'duplicate', 'fired', 'duplicate', 'fired', 'duplicate', 'fired']);
  });

  it('rejects only the firing whose own attempt failed, not its neighbours', async () => {
    const { runner, batches } = recordingRunner();
    const batcher = new FiringBatcher(runner, { batch: { maxSize: 8, maxWaitMs: 1 } });
    const settled = await Promise.allSettled([11, 13, 15].map((n) => batcher.fire(ref(n))));
    expect(batches).toEqual([[11, 13, 15]]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
  });

  it('hands a firing named twice over twice (no cache): the handler answers the second one', async () => {
    const { runner, batches } = recordingRunner();
    const batcher = new FiringBatcher(runner, { batch: { maxSize: 8, maxWaitMs: 1 } });
    await Promise.all([batcher.fire(ref(3)), batcher.fire(ref(3))]);
    await batcher.fire(ref(3));
    expect(batches).toEqual([[3, 3], [3]]);
  });
});
