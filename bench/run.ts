/**
 * `npm run bench`: the engine's dispatch throughput and latency against the local PostgreSQL, next to a raw-SQL
 * baseline doing the same kind of writes, in the same run. Prints the tables and writes the section
 * "## Engine dispatch vs raw SQL" of docs/benchmarks.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/charterflow_bench; its public schema
 * is dropped and recreated), BENCH_CASES (operations per scenario and concurrency, default 2000),
 * BENCH_CONCURRENCY (comma-separated levels, default 1,4,16).
 */
import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';
import { relative, resolve } from 'node:path';
import { DEFAULT_BENCH_DATABASE_URL, prepareBenchDatabase, redactUrl, serverVersion } from './database';
import { EngineSide, MEASURED_EVENT } from './engine';
import { pg, statementCount } from './pg';
import { openPool, RawSide, warmPool } from './raw';
import { ratioTable, resultsTable, ScenarioResult, writeSection } from './report';
import { fmt, runConcurrently } from './stats';
import { positiveInt } from './env';

const REPORT_PATH = resolve(__dirname, '..', 'docs', 'benchmarks.md');
const SECTION = '## Engine dispatch vs raw SQL';
/** Unmeasured operations per side before the first measurement (JIT, caches, pool). */
const MAX_WARMUP = 200;


function concurrencyLevels(): number[] {
  const raw = process.env.BENCH_CONCURRENCY;
  if (raw === undefined || raw === '') return [1, 4, 16];
  const levels = raw.split(',').map((s) => s.trim());
  if (levels.some((s) => !/^\d+$/.test(s) || Number(s) < 1)) throw new Error(`BENCH_CONCURRENCY must list whole numbers ≥ 1, got "${raw}"`);
  return levels.map(Number);
}

/** The command line that produced this run, with the benchmark's own variables when set. */
function commandLine(): string {
  const vars = ['BENCH_DATABASE_URL', 'BENCH_CASES', 'BENCH_CONCURRENCY']
    .filter((v) => process.env[v])
    .map((v) => `${v}=${v === 'BENCH_DATABASE_URL' ? redactUrl(process.env[v] as string) : process.env[v]}`);
  const base = process.env.npm_lifecycle_event === 'bench' ? 'npm run bench' : ['node', ...process.execArgv, relative(process.cwd(), process.argv[1])].join(' ');
  return [...vars, base].join(' ');
}

/** The checked-out commit, and whether the working tree differed from it; null outside a git checkout. */
function gitRevision(): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: resolve(__dirname, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain') ? `${head} (with uncommitted changes)` : head;
  } catch {
    return null;
  }
}

async function measure(scenario: string, concurrency: number, tasks: (() => Promise<void>)[]): Promise<ScenarioResult> {
  const before = statementCount();
  const cpuBefore = process.cpuUsage();
  const result = await runConcurrently(tasks, concurrency);
  const cpu = process.cpuUsage(cpuBefore);
  const measured: ScenarioResult = {
    ...result,
    scenario,
    concurrency,
    statementsPerOp: (statementCount() - before) / result.operations,
    nodeCpuMsPerOp: (cpu.user + cpu.system) / 1000 / result.operations,
  };
  console.log(
    `  ${scenario.padEnd(15)} c=${String(concurrency).padStart(2)}  ${fmt(measured.perSecond, 0).padStart(7)} events/s  p50 ${fmt(measured.p50Ms, 2)} ms  p99 ${fmt(measured.p99Ms, 2)} ms  ${fmt(measured.statementsPerOp, 1)} statements/op  ${fmt(measured.nodeCpuMsPerOp, 2)} ms Node CPU/op`,
  );
  return measured;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const perScenario = positiveInt('BENCH_CASES', 2000);
  const levels = concurrencyLevels();
  const warmup = Math.min(MAX_WARMUP, perScenario);
  const maxLevel = Math.max(...levels);

  console.log(`charterflow bench on ${redactUrl(url)}: ${perScenario} operations per scenario, concurrency ${levels.join(', ')}`);
  await prepareBenchDatabase(url);
  const postgresVersion = await serverVersion(url);
  // The engine's pool holds as many connections as the highest concurrency, as the baseline's pool does at that level.
  const engine = await EngineSide.start(url, maxLevel);
  const setupPool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const enginePoolSize = engine.pool.options.max;
    await engine.createOrganisationTree();

    // One fresh case per measured operation (no version races), for the warm-up and every concurrency level.
    const total = warmup + perScenario * levels.length;
    const engineCases = await engine.createCases(total, enginePoolSize);
    const raw = new RawSide(setupPool);
    await raw.createTables();
    const rawCases = await raw.seed(engineCases[0], total);
    console.log(`  set-up: ${total} cases per side in ${fmt(elapsed(), 1)} s`);

    // Warm-up, not measured; the engine's first step also becomes the byte-for-byte template of the baseline.
    await runConcurrently(engineCases.slice(0, warmup).map((id) => engine.dispatchTask(id)), maxLevel);
    await raw.loadStep(engineCases[0]);
    const warmupPool = await openPool(url, maxLevel);
    await runConcurrently(rawCases.slice(0, warmup).map((id) => raw.task(warmupPool, id)), maxLevel);
    await warmupPool.end();
    await setupPool.query('ANALYZE');

    const engineResults: ScenarioResult[] = [];
    const rawResults: ScenarioResult[] = [];
    for (const [i, concurrency] of levels.entries()) {
      const slice = <T>(ids: T[]) => ids.slice(warmup + i * perScenario, warmup + (i + 1) * perScenario);
      await warmPool(engine.pool, Math.min(concurrency, enginePoolSize));
      engineResults.push(await measure('engine dispatch', concurrency, slice(engineCases).map((id) => engine.dispatchTask(id))));
      const pool = await openPool(url, concurrency);
      try {
        rawResults.push(await measure('raw SQL', concurrency, slice(rawCases).map((id) => raw.task(pool, id))));
      } finally {
        await pool.end();
      }
    }

    // Every operation wrote exactly one history row on its side.
    const [engineRows, rawRows] = [await engine.measuredEventRows(), await raw.measuredEventRows()];
    if (engineRows !== total || rawRows !== total) throw new Error(`expected ${total} step rows per side, found engine ${engineRows}, raw ${rawRows}`);

    const results = engineResults.flatMap((e, i) => [e, rawResults[i]]);
    const table = resultsTable(results);
    const ratios = ratioTable(engineResults, rawResults);
    const seconds = elapsed();
    console.log(`\n${table}\n\n${ratios}\n\nrun time ${fmt(seconds, 1)} s`);

    const perOp = (rs: ScenarioResult[]) => fmt(rs.reduce((sum, r) => sum + r.statementsPerOp, 0) / rs.length, 1);
    const cpuPerOp = (rs: ScenarioResult[]) => rs.map((r) => `${fmt(r.nodeCpuMsPerOp, 2)} ms at concurrency ${r.concurrency}`).join(', ');
    const revision = gitRevision();
    const cpuList = cpus();
    writeSection(
      REPORT_PATH,
      SECTION,
      `
- Command (from the repository root): \`${commandLine()}\`
- Date: ${new Date().toISOString()}${revision ? `; commit ${revision}` : ''}
- Machine: Node.js ${process.version}, ${cpuList.length} CPUs (${cpuList[0]?.model.trim() ?? 'unknown model'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, ${platform()} ${release()}
- PostgreSQL: ${postgresVersion}
- Run time of the whole command (set-up, warm-up and measurements): ${fmt(seconds, 1)} s

Each side ran ${perScenario.toLocaleString('en-US')} operations per concurrency level, each on its own case opened
beforehand (so no operation loses a version race), after ${warmup} unmeasured warm-up operations per side and with
its connections opened before the timer starts; at each level the engine ran first, then the baseline. p50/p99 are
per-operation latencies.

${table}

${ratios}

**engine dispatch** calls \`CasesService.dispatch(caseId, ${MEASURED_EVENT.type}, staff actor)\` on the whole
application booted without HTTP (\`AppModule\`, in-process worker off, fixed clock). A plain step (no
Idempotency-Key, ADR 0027) sends two statements, each its own transaction and each a statement prepared once per
connection: the first reads the case row with the chain of its cell (the rules' organisation facts and who may
record the event); then, in Node.js, it checks the actor's right to record the event, resolves the stored machine
snapshot once, decides the event through the procedure machine (rules, deadline table) and hash-chains the history
row; the second statement bounds its wait for the row's lock (\`set_config('lock_timeout', …, true)\`) and stores the
step as data-modifying CTEs: the case updated \`WHERE version = $n\` (the version read; a case changed in between
would be stepped again under a lock), the row appended to \`case_events\` (its trigger marks the case for the
compliance audit) and the deadlines upserted (their trigger adds a delivery \`outbox\` row), answering the new
version and the case's deadlines; the returned view is built from what the step wrote and what that statement
answered (nothing is read back) — ${perOp(engineResults)} SQL statements per operation, counted at the pg client. **raw SQL** sends, over a plain \`pg\` pool, BEGIN, the same
versioned \`UPDATE\` of \`bench_cases\`, one \`INSERT\` into \`bench_events\` and one deadline upsert into
\`bench_deadlines\`, then COMMIT — ${perOp(rawResults)} statements per operation — with the very bytes (snapshot,
payload, hashes, deadline) the engine wrote for one of its cases; the bench tables copy the real tables' columns,
constraints, indexes and foreign keys but not their triggers. The ratio therefore prices everything the engine adds
to the bare writes: the reads, the access check, the decision, hashing, the outbox and audit triggers and the view.

The baseline's pool has as many connections as the concurrency; the engine's pool (\`DATABASE_POOL_SIZE\`) holds
${enginePoolSize} connections, as many as the highest concurrency, so no operation waits for a connection either.
Both sides run in one Node.js process (one event loop) on the same machine as PostgreSQL. CPU time of that process
per operation: engine ${cpuPerOp(engineResults)}; raw SQL ${cpuPerOp(rawResults)}.
`,
    );
    console.log(`wrote ${relative(process.cwd(), REPORT_PATH)}`);
  } finally {
    await setupPool.end();
    await engine.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
