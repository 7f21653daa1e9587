/**
 * Deadline delivery benchmark: 10,000 open deadlines whose escalation falls due within the next minute, all
 * delivered through the BullMQ transport (the real worker module: outbox relay, reconciler, wake-up workers, firing
 * handler) on the local Redis and PostgreSQL. Reports the lateness (fired − fireAt) p50/p99/max, the
 * deadlines-per-second rate, how long the outbox relay took to drain, and beside it BullMQ's own raw add/process
 * rate on the same machine (as many no-op jobs, addBulk, and a worker at concurrency 5, 50 and 2048). Writes the
 * section "## Deadline delivery" of docs/benchmarks.md.
 *
 *   node -r @swc-node/register bench/delivery.ts
 *
 * Environment: BENCH_DELIVERY_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench_delivery;
 * created when missing, its public schema reset each run), BENCH_REDIS_URL (default redis://127.0.0.1:6379/15; that
 * Redis database is flushed), BENCH_DEADLINES (default 10000), BENCH_DELIVERY_CONCURRENCY (wake-ups at once per
 * firing queue; default the production default), BENCH_DELIVERY_BATCH (firings per transaction at most) and
 * BENCH_DELIVERY_IN_FLIGHT (batches at once; both default the production defaults), DATABASE_POOL_SIZE (the
 * worker's pool, as in production),
 * BENCH_DELIVERY_LEAD_MS (how long after the worker starts the escalations fall due; default 60000).
 */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { relative, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '@charterflow/config';
import { buildDataSourceOptions } from '@charterflow/database';
import { bullConnectionOf, DEFAULT_BATCH, DEFAULT_CONCURRENCY, DeliveryMetrics, localInstant } from '@charterflow/delivery';
import { addDays } from '@charterflow/procedure';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { seedDueEscalations } from '../test/support/due-escalations';
import { prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { writeSection } from './report';
import { fmt, percentile } from './stats';
import { Clock } from '@charterflow/kernel';
import { positiveInt } from './env';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
const SECTION = '## Deadline delivery';
const DATABASE_URL = process.env.BENCH_DELIVERY_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/charterflow_bench_delivery';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379/15';
const DEADLINES = positiveInt('BENCH_DEADLINES', 10_000);
const CONCURRENCY = positiveInt('BENCH_DELIVERY_CONCURRENCY', DEFAULT_CONCURRENCY.escalations);
const BATCH = positiveInt('BENCH_DELIVERY_BATCH', DEFAULT_BATCH.maxSize);
const IN_FLIGHT = positiveInt('BENCH_DELIVERY_IN_FLIGHT', DEFAULT_BATCH.inFlight);
/**
 * The concurrencies BullMQ's no-op rate is measured at: 5, the firing queues' before batching (the baseline the
 * issue measured); 50; 2048, theirs with a job per firing (ADR 0026). The ratio is given against the fastest.
 */
const RAW_CONCURRENCIES = [5, 50, 2048] as const;
/** Due date of every seeded deadline: the escalation fires at 00:00 local the day after. */
const DUE_ON = '2026-06-15';
/** How far ahead of the start the escalations fall due (the "within one minute"; longer for bursts the relay needs longer to queue). */
const LEAD_MS = positiveInt('BENCH_DELIVERY_LEAD_MS', 60_000);
/** The run gives up when the burst has not been delivered this long after the instant (10 ms per deadline, ≥ 150 s). */
const DELIVERY_TIMEOUT_MS = Math.max(150_000, DEADLINES * 10);


/** The system clock shifted so that the benchmark's instants come within the minute; it runs at real speed. */
class ShiftedClock extends Clock {
  constructor(private readonly offsetMs: number) {
    super();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * Seeds, in SQL, one organisation tree and `count` cases in its cell, each with an open ADMISSION_DECISION deadline
 * due on DUE_ON whose reminders are recorded as already sent, so that only the escalations are pending.
 */
async function seed(db: DataSource, count: number): Promise<void> {
  const cell = await db.transaction(async (m) => {
    // Each path is its chain of ids from the start (the province's statistics triggers read the province from it).
    const [province] = await m.query(
      `INSERT INTO organisations (id, name, kind, path) SELECT id, 'Tỉnh ủy Bench', 'province', '/' || id || '/' FROM gen_random_uuid() AS id RETURNING id`,
    );
    const child = async (name: string, kind: string, parent: string) => {
      const [row] = await m.query(
        `INSERT INTO organisations (id, name, kind, parent_id, path)
         SELECT n.id, $1, $2, p.id, p.path || n.id || '/' FROM organisations p, gen_random_uuid() AS n(id) WHERE p.id = $3 RETURNING id`,
        [name, kind, parent],
      );
      return row.id as string;
    };
    const commune = await child('Đảng ủy phường Bench', 'commune', province.id);
    const grassroots = await child('Đảng ủy cơ sở Bench', 'grassroots', commune);
    return child('Chi bộ Bench', 'cell', grassroots);
  });
  await seedDueEscalations(db, cell, count, DUE_ON);
}

/** `count` no-op jobs through BullMQ alone: addBulk in the transport's chunks, then a worker at `concurrency`. */
async function rawBullmq(count: number, concurrency: number): Promise<{ addPerSecond: number; processPerSecond: number }> {
  // The worker's own connection options, so that the baseline is BullMQ as the worker runs it.
  const connection = bullConnectionOf(REDIS_URL);
  const queue = new Queue('bench-raw-noop', { connection });
  await queue.obliterate({ force: true });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        name: 'noop',
        data: { n: i + k },
        opts: { jobId: `noop_${i + k}`, removeOnComplete: true },
      })),
    );
  }
  const addSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let done = 0;
  let t1 = 0n;
  const finished = new Promise<void>((resolveDone) => {
    const worker = new Worker('bench-raw-noop', async (_job: Job) => undefined, { connection, concurrency, autorun: false });
    worker.on('completed', () => {
      done += 1;
      if (done === count) void worker.close().then(() => resolveDone());
    });
    t1 = process.hrtime.bigint();
    void worker.run();
  });
  await finished;
  const processSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  await queue.obliterate({ force: true });
  await queue.close();
  return { addPerSecond: count / addSeconds, processPerSecond: count / processSeconds };
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`deadline delivery benchmark: ${DEADLINES.toLocaleString('en-US')} deadlines, worker concurrency ${CONCURRENCY}, batches of ${BATCH}`);
  console.log(`  PostgreSQL ${redactUrl(DATABASE_URL)}, Redis ${redactUrl(REDIS_URL)}`);

  await prepareBenchDatabase(DATABASE_URL);
  const db = await new DataSource(buildDataSourceOptions({ databaseUrl: DATABASE_URL, dataDir: '' })).initialize();
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  const redisVersion = ((await redis.info('server')).match(/redis_version:(\S+)/) ?? [])[1] ?? 'unknown';

  const seedStart = Date.now();
  await seed(db, DEADLINES);
  console.log(`  seeded in ${fmt((Date.now() - seedStart) / 1000)} s`);

  // Every escalation falls due LEAD_MS after the worker starts.
  const escalateAt = localInstant(addDays(DUE_ON, 1), '00:00').getTime();
  const clock = new ShiftedClock(escalateAt - LEAD_MS - Date.now());
  const config = loadConfig({
    DATABASE_URL,
    REDIS_URL,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DELIVERY_POLL_INTERVAL_MS: '200',
    JWT_SECRET: 'bench-bench-bench-bench-bench-bench-1',
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
  });
  const bootStart = Date.now();
  let app: INestApplicationContext | undefined = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ config, clock, tuning: { worker: { concurrency: CONCURRENCY }, batch: { maxSize: BATCH, inFlight: IN_FLIGHT } } }),
    { logger: ['error', 'warn'] },
  );
  try {
    await app.init();
    console.log(`  worker up in ${fmt((Date.now() - bootStart) / 1000)} s; escalations due in ${fmt((escalateAt - clock.now().getTime()) / 1000)} s`);
    // Every deadline relayed: the outbox is empty and the escalations' wake-up waits in Redis.
    const queued = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM outbox`))[0].n === 0 && (await redis.zcard('bull:deadline-escalations:delayed')) + (await redis.llen('bull:deadline-escalations:wait')) > 0;
    let relayedAfter: number | undefined;
    // While the burst runs, the run watches the worker's own firing counter (in this process) rather than counting
    // the ledger in PostgreSQL: a count every 250 ms scans the rows the burst is writing and competes with it.
    const metrics = app.get(DeliveryMetrics, { strict: false });
    const firedByCounter = async (): Promise<number> =>
      ((await metrics.registry.getSingleMetric('charterflow_firings_total')?.get())?.values ?? [])
        .filter((v) => v.labels.phase === 'escalate' && v.labels.outcome === 'fired')
        .reduce((sum, v) => sum + v.value, 0);
    let counted = 0;
    for (;;) {
      if (relayedAfter === undefined && (await queued())) relayedAfter = (Date.now() - bootStart) / 1000;
      counted = await firedByCounter();
      if (counted >= DEADLINES) break;
      if (Date.now() - bootStart > LEAD_MS + DELIVERY_TIMEOUT_MS) throw new Error(`only ${counted} of ${DEADLINES} escalations fired in time`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The ledger is the truth the counter only mirrors.
    const [{ n: fired }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM deadline_firings WHERE phase = 'escalate' AND outcome = 'fired'`);
    if (fired !== DEADLINES) throw new Error(`the worker counted ${counted} escalations fired, the ledger holds ${fired}`);
    // The burst's status changes (one outbox row per deadline marked missed) until the relay has consumed them all.
    for (;;) {
      const [{ n: left }] = await db.query(`SELECT count(*)::int AS n FROM outbox`);
      if (left === 0) break;
      if (Date.now() - bootStart > LEAD_MS + 2 * DELIVERY_TIMEOUT_MS) throw new Error(`the outbox still holds ${left} rows`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const outboxDrainedAt = Date.now();
    await app.close();
    app = undefined;

    const rows: { lateness: number; fired_at: Date }[] = await db.query(
      `SELECT EXTRACT(EPOCH FROM fired_at - fire_at) * 1000 AS lateness, fired_at FROM deadline_firings WHERE phase = 'escalate' AND outcome = 'fired'`,
    );
    const lateness = rows.map((r) => Number(r.lateness)).sort((a, b) => a - b);
    const lastFired = Math.max(...rows.map((r) => r.fired_at.getTime()));
    const firstFired = Math.min(...rows.map((r) => r.fired_at.getTime()));
    const drainSeconds = (lastFired - escalateAt) / 1000;
    // The shifted clock runs at real speed: the instant in wall-clock time is escalateAt − offset.
    const relayDrainSeconds = (outboxDrainedAt - (lastFired - (clock.now().getTime() - Date.now()))) / 1000;
    const rate = DEADLINES / ((lastFired - firstFired) / 1000);
    const [{ notifications }] = await db.query(`SELECT count(*)::int AS notifications FROM notifications WHERE kind = 'escalation'`);
    const [{ missed }] = await db.query(`SELECT count(*)::int AS missed FROM deadlines WHERE status = 'missed'`);
    console.log(
      `  delivered ${fired} escalations: lateness p50 ${fmt(percentile(lateness, 50), 0)} ms, p99 ${fmt(percentile(lateness, 99), 0)} ms, max ${fmt(lateness[lateness.length - 1], 0)} ms; ${fmt(rate, 0)} deadlines/s`,
    );

    console.log(`  outbox drained ${fmt(relayDrainSeconds, 1)} s after the last firing`);
    const raws: { concurrency: number; addPerSecond: number; processPerSecond: number }[] = [];
    for (const concurrency of RAW_CONCURRENCIES) raws.push({ concurrency, ...(await rawBullmq(DEADLINES, concurrency)) });
    // The strictest comparison: against BullMQ's fastest no-op rate measured here.
    const rawBest = Math.max(...raws.map((r) => r.processPerSecond));
    const addPerSecond = Math.max(...raws.map((r) => r.addPerSecond));
    // The issue's own baseline: BullMQ's no-op rate at concurrency 5, the firing queues' before batching.
    const rawBaseline = raws[0].processPerSecond;
    console.log(
      `  raw BullMQ: addBulk ${fmt(addPerSecond, 0)} jobs/s, process (no-op) ${raws.map((r) => `${fmt(r.processPerSecond, 0)} jobs/s at concurrency ${r.concurrency}`).join(', ')}; ratio ${fmt(rate / rawBaseline, 2)} to concurrency ${raws[0].concurrency}, ${fmt(rate / rawBest, 2)} to the fastest`,
    );
    const load = loadavg()
      .map((l) => fmt(l, 2))
      .join(', ');
    const pg = await serverVersion(DATABASE_URL);
    const cpuList = cpus();

    writeSection(
      REPORT_PATH,
      SECTION,
      `- Command (from the repository root): \`${['node', ...process.execArgv, relative(process.cwd(), process.argv[1])].join(' ')}\`
- Date: ${new Date().toISOString()}
- Machine: Node.js ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown model'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, ${platform()} ${release()}
- PostgreSQL: ${pg.split(' on ')[0]}; Redis ${redisVersion}; database and Redis on the same machine as the worker
- Run time of the whole command: ${fmt((Date.now() - started) / 1000)} s; load average at the end ${load} (the machine is shared)

${DEADLINES.toLocaleString('en-US')} open ADMISSION_DECISION deadlines (seeded in SQL, reminders recorded as sent) whose
escalation falls due at the same instant, ${LEAD_MS / 1000} s after the worker starts — the worst case of "due within
one minute". One worker process (\`WorkerModule\`, the production module: outbox relay every 200 ms, reconciler,
BullMQ workers taking ${CONCURRENCY} wake-up at a time per firing queue, TypeORM's pool of ${config.DATABASE_POOL_SIZE}) with a clock shifted to put the
instant a minute ahead. The burst is one BullMQ job, the escalation queue's wake-up of that instant (ADR 0033): ready
five seconds ahead, it reads the 10,000 due firings from PostgreSQL, holds them until the instant, then fires them in
batches of ${BATCH}, ${IN_FLIGHT} at once, each batch one transaction (lock the cases then the deadlines, one ledger insert, one
notifications insert — a message a firing, which the database writes to each of its inboxes — and one update marking
the deadlines missed; ADR 0026, ADR 0033), every firing answered on its own.

| measure | value |
|---|---:|
| deadlines delivered | ${fired.toLocaleString('en-US')} (${notifications.toLocaleString('en-US')} notifications, ${missed.toLocaleString('en-US')} deadlines missed) |
| every deadline relayed (outbox empty, wake-up queued), after the worker started | ${relayedAfter === undefined ? 'n/a' : `${fmt(relayedAfter)} s`} |
| lateness p50 (fired − fireAt) | ${fmt(percentile(lateness, 50) / 1000, 2)} s |
| **lateness p99** | **${fmt(percentile(lateness, 99) / 1000, 2)} s** |
| lateness max (the last one of the burst) | ${fmt(lateness[lateness.length - 1] / 1000, 2)} s |
| time from the instant to the last firing | ${fmt(drainSeconds, 1)} s |
| outbox relay drained, after the last firing | ${fmt(relayDrainSeconds, 1)} s |
| delivery rate (first to last firing) | ${fmt(rate, 0)} deadlines/s |
| raw BullMQ addBulk, ${DEADLINES.toLocaleString('en-US')} no-op jobs (fastest of the runs below) | ${fmt(addPerSecond, 0)} jobs/s |
${raws.map((r) => `| raw BullMQ process, no-op, concurrency ${r.concurrency} | ${fmt(r.processPerSecond, 0)} jobs/s |`).join('\n')}
| **delivery rate ÷ raw process rate at concurrency ${raws[0].concurrency}** (the baseline the target was set against) | **${fmt(rate / rawBaseline, 2)}** |
| delivery rate ÷ the fastest raw process rate | ${fmt(rate / rawBest, 2)} |

In a burst, lateness is queueing: the p50 firing waits for half of the burst to be fired before it, so it grows
with the burst size. With a job per firing (ADR 0026) BullMQ's own per-job work — fetching, locking and completing
each job in Redis, a third of the worker's thread — and Redis itself were a fifth of a burst's CPU, and both cores
stayed saturated: 2,600–3,200 deadlines/s with a p99 of 3.2–3.9 s on this machine. The same handler called
directly with the same firings, four batches of 512 at once, took 1.6–2.1 s for the 10,000: the per-firing job was
the cost batching could not remove, so a wake-up now reads what is due from PostgreSQL, which already knew it. The
ratio to BullMQ's no-op rate is no longer a per-job comparison (the burst is one job); it is kept because the issue
set its target so (0.5 of the no-op rate at concurrency 5, then 9,307 jobs/s), and it is also given against the
fastest raw rate measured in the same run, which the delivery did not reach on the faster days: BullMQ's no-op jobs run fastest at
about 50 at once here. Where the burst's CPU goes now (the processes' CPU time read from \`/proc\` every 250 ms over a
run of 11,300 deadlines/s): about 1.1 s PostgreSQL and 0.6–0.8 s the worker's Node thread, both cores busy; of the
statements of the firing transactions (PostgreSQL's statement log), the notifications insert is about half — three
rows a firing, four indexes and three foreign-key checks each — then the deadline reads, the ledger insert and the
missed marks, each an eighth to a tenth. Tried and not kept: the notifications without their foreign keys to the
case and the deadline (both locked by the same transaction a moment before) gave 13,158–13,459 deadlines/s against
11,792–11,919 in alternating pairs; the rows' integrity is worth more than that eighth. A burst after a quiet spell
used to open its database connections anew (pg's pool closed a connection idle for 10 s), on backends with cold
caches: 9,814 and 9,843 deadlines/s with the instant a minute after the start, against 10,500–12,500 with it 12 s
after; the pool now keeps its idle connections (10,341, 11,481 and 11,587 with the instant a minute after the
start). In alternating runs on the
same machine in the same hour, batches of 1024 against 512 (four at once): 10,504 / 12,300 / 12,107 deadlines/s
against 8,237 / 8,985 / 9,488, p99 1.00 / 0.85 / 0.86 s against 1.24 / 1.15 / 1.08 s. BullMQ's raw no-op rate swings
widely between consecutive runs here (11,800–22,900 jobs/s at concurrency 5, 26,400–32,400 at 50 in those runs; about
half of that on the busier days of the earlier figures), and the ratio with it. Earlier, with a job per firing: the notifications of a
batch written with each distinct text once; batches of 512 at concurrency 2048 against 128 at 1024; the larger young
generation (ADR 0031). Before batching, the same run delivered about 310 deadlines/s with a p99 lateness of 32 s (one
transaction per firing at concurrency 5).

The machine's speed is not constant, and the two targets trade places with it. On 5 December 2026 the same code
delivered 2,400–4,000 deadlines/s with a p99 of 2.6–4.5 s in fourteen runs, while BullMQ's no-op rate was 2,700–5,600
jobs/s at concurrency 5 and 3,800–7,500 at 50 (against 11,800–34,000 on the days of the earlier figures in this section), so the ratio
was 0.66–1.23 to concurrency 5 and 0.51–0.77 to the fastest; \`redis-benchmark\` gave 62,000–77,000 SETs/s, and the
burst's processes used (in a sampled run) about 4.3 s of PostgreSQL and 2.5 s of Node CPU for the 10,000 (1.1 s and 0.7 s on the faster
days). That day the batches stayed best at 1024, four at once (2,702 and 3,663 deadlines/s, against 2,448 with
two at once, 2,335 with eight of 512, 2,469 with two of 2048), and the notifications insert measured alone (4
connections, 10,240 firings of three rows) took 2.6 s with its keys, 1.9–2.0 s without the foreign keys to the
case and the deadline, 2.0–2.3 s without the unique key, 2.1–2.8 s with that key in the "C" collation: no single
cut of the schema is worth its guarantee. While the burst runs, the run watches the worker's own firing counter in
its process, not a count of the ledger, which scanned the rows the burst was writing; the ledger is counted once at
the end and must agree.

Later that day, the machine faster again (BullMQ's no-op rate 7,400–13,400 jobs/s at concurrency 5, 10,200–19,400 at
50), a profile of the burst showed the worker's thread busy 87 % of it, 0.39 s of that collecting garbage: the
firings built, sent and read back three notification objects each. A firing now sends one message with the index of
its list of inboxes, the database writes a row per inbox, and only the rows a webhook listens to and the skipped keys
come back (ADR 0033): in three alternating pairs, 6,988 / 6,873 / 6,757 deadlines/s against 5,731 / 5,734 / 5,952
before, p99 1.54–1.58 s against 1.79–1.88 s, the thread busy about 1.0 s of the burst. In ten runs of it that
day (some with the statement log or a profiler on): 6,050–7,650 deadlines/s, p99 1.44–1.81 s, ratio 0.52–0.83
to concurrency 5 and 0.37–0.69 to the fastest. PostgreSQL is now the larger share, and of it the notifications insert
(three rows a firing) still half.`,
    );
    console.log(`  wrote "${SECTION}" in ${relative(process.cwd(), REPORT_PATH)}`);
  } finally {
    if (app) await app.close();
    await redis.flushdb();
    redis.disconnect();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
