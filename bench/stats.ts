/** Small statistics helpers for the benchmarks. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const rank = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[rank];
}

export interface RunResult {
  operations: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Runs `tasks` with at most `concurrency` in flight; each task's latency is measured. */
export async function runConcurrently(tasks: (() => Promise<unknown>)[], concurrency: number): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next++];
      const t0 = process.hrtime.bigint();
      await task();
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    operations: tasks.length,
    seconds,
    perSecond: tasks.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? NaN,
  };
}

export const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
