/**
 * `npm run bench:replicas`: the multi-replica scenario of test/replicas/scenario.ts at full size — two API and two
 * worker processes on one PostgreSQL and one Redis, 10,000 steps (BENCH_REPLICA_STEPS) sent over both APIs and
 * 10,000 due escalations (BENCH_REPLICA_DEADLINES) fired by both workers, API A and worker 1 killed with SIGKILL
 * midway. Checks what the test checks (every acknowledged step stored once, every escalation fired once, one
 * notification per recipient) and writes the figures in the section "## Several replicas" of docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench; its public schema
 * is dropped and recreated), BENCH_REDIS_URL (default redis://127.0.0.1:6379/15; that Redis database is flushed),
 * BENCH_REPLICA_STEPS, BENCH_REPLICA_DEADLINES, BENCH_REPLICA_CONCURRENCY (step requests in flight, default 16).
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { runReplicaScenario, WORKER_HOLD_MS } from '../test/replicas/scenario';
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { positiveInt } from './env';
import { writeSection } from './report';
import { fmt } from './stats';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
const SECTION = '## Several replicas';
const DATABASE_URL = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/15';
const STEPS = positiveInt('BENCH_REPLICA_STEPS', 10_000);
const DEADLINES = positiveInt('BENCH_REPLICA_DEADLINES', 10_000);
const CONCURRENCY = positiveInt('BENCH_REPLICA_CONCURRENCY', 16);

async function main(): Promise<void> {
  const started = Date.now();
  const load = loadavg()[0];
  console.log(`replica benchmark: ${STEPS.toLocaleString('en-US')} steps, ${DEADLINES.toLocaleString('en-US')} escalations, on ${redactUrl(DATABASE_URL)} and ${redactUrl(REDIS_URL)}`);
  await prepareBenchDatabase(DATABASE_URL);
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();

  const r = await runReplicaScenario({ databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, steps: STEPS, deadlines: DEADLINES, concurrency: CONCURRENCY, timeoutMs: 600_000, log: (l) => console.log(`  ${l}`) });
  const s = r.steps;
  const d = r.deadlines;
  const whole = s.storedOnce === STEPS && s.acknowledged === STEPS && s.refused.length === 0 && s.storedTwice === 0;
  const once = d.firedOnce === DEADLINES && d.doubledNotifications === 0 && d.notifications === DEADLINES * d.recipientsEach;
  const n = (x: number) => x.toLocaleString('en-US');
  const body = `Written by \`npm run bench:replicas\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} CPUs (load average ${fmt(load, 2)} when it started), ${await serverVersion(DATABASE_URL)}, Redis at ${redactUrl(REDIS_URL)}; whole run ${fmt((Date.now() - started) / 1000, 0)} s.

Two API processes and two worker processes (each the real application in its own Node.js process, test/replicas/scenario.ts) on one PostgreSQL and one Redis, all on this machine. ${n(STEPS)} cases are opened through both APIs, then one step each (AWARENESS_CERTIFICATE_RECORDED, with an Idempotency-Key) is sent, ${CONCURRENCY} at a time, alternately to A and B; API A is killed with SIGKILL once half are acknowledged and the requests it never answered are sent again to B with the same key. ${n(DEADLINES)} ADMISSION_DECISION escalations, long due, are seeded in SQL before the workers start; worker 1 holds each wake-up ${WORKER_HOLD_MS} ms after its firings committed and is killed with SIGKILL once a quarter have fired; worker 2 fires the rest (its own wake-up, or worker 1's handed over by BullMQ's stalled-job check).

| measure | value |
|---|---:|
| steps acknowledged | ${n(s.acknowledged)} of ${n(s.sent)} (${n(s.acknowledgedAtKill)} when A was killed) |
| requests A never answered, sent again to B | ${n(s.resent)} |
| steps refused | ${n(s.refused.length)} |
| cases with the step stored once / never / twice | ${n(s.storedOnce)} / ${n(s.storedNever)} / ${n(s.storedTwice)} |
| steps per second over both APIs (A dead for the second half) | ${fmt(s.sent / s.seconds, 0)} |
| escalations fired once (ledger row, deadline missed) | ${n(d.firedOnce)} of ${n(d.seeded)} (${n(d.firedAtKill)} when worker 1 was killed, ${n(d.activeAtKill)} jobs active then) |
| escalation notifications | ${n(d.notifications)} (${d.recipientsEach} recipients each, ${n(d.doubledNotifications)} doubled) |
| from the workers' start to the last escalation fired | ${fmt(d.seconds, 1)} s |

${whole && once ? 'Every acknowledged step is stored exactly once and every escalation fired exactly once.' : '**The run found a step or a firing lost or doubled: see the counts above.**'}`;
  console.log(body);
  writeSection(REPORT_PATH, SECTION, body);
  if (!(whole && once)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
