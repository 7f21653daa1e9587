/**
 * Several replicas working one PostgreSQL and one Redis (issue "Speed and scale", ADR 0025): two API processes and
 * two worker processes, each the real application in its own Node.js process. The scenario
 *   1. starts API A, then API B (A has migrated the database), and through A creates an organisation tree and
 *      seeds, in SQL, `deadlines` open ADMISSION_DECISION deadlines whose escalation is long past by the workers'
 *      clock (their reminders recorded as sent), and opens `steps` cases through both APIs;
 *   2. starts worker 1 (it holds each wake-up `WORKER_HOLD_MS` after its firings committed, so it dies with a
 *      fired-but-unfinished wake-up in hand if not in the middle of one) and worker 2: their outbox relays and
 *      reconcilers queue wake-ups for the seeded escalations, which both workers may run at once (ADR 0033);
 *   3. sends one step (AWARENESS_CERTIFICATE_RECORDED, with an Idempotency-Key) per case, spread over A and B, and
 *      SIGKILLs API A once half of them are acknowledged: a request A never answered is sent again to B with the
 *      same key;
 *   4. SIGKILLs worker 1 once a quarter of the seeded escalations have fired, and waits for worker 2 to fire the
 *      rest (its own wake-up, or worker 1's handed over by BullMQ's stalled-job check);
 *   5. reads back what was stored: each case's events and version, each seeded deadline's ledger rows, status and
 *      notifications.
 * The jest test (replicas.e2e-spec.ts) runs it small and asserts on the result; `npm run bench:replicas` runs it at
 * 10,000 and writes the figures. It imports nothing from the jest harness: URLs come in as arguments.
 */
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createTypeParsers } from '@charterflow/database';
import { FIRING_QUEUES } from '@charterflow/delivery';
import { Candidate } from '@charterflow/procedure';
import { CANDIDATE } from '@charterflow/procedure/testing';
import { seedDueEscalations } from '../support/due-escalations';
import { startFixture, stopProcess } from '../support/processes';

const API_FIXTURE = join(__dirname, 'fixtures', 'api.ts');
const WORKER_FIXTURE = join(__dirname, '..', 'delivery-transport', 'fixtures', 'worker.ts');
const PREFIX = '/api/v1';
const ADMIN_PASSWORD = 'replica-admin-password';
const JWT_SECRET = 'replica-scenario-secret-0123456789abcdef';

/** The APIs' business day (their clock stands still at 10:00 local on it): the steps are dated on it. */
export const STEP_DAY = '2026-01-06';
const OPENED_ON = '2026-01-05';
/** How long worker 1 holds each wake-up after its firings committed, before it completes the job. */
export const WORKER_HOLD_MS = 400;
const STEP_TYPE = 'AWARENESS_CERTIFICATE_RECORDED';

export interface ReplicaScenarioOptions {
  databaseUrl: string;
  redisUrl: string;
  steps: number;
  deadlines: number;
  /** Step requests in flight at once. */
  concurrency: number;
  /** Gives up waiting for the firings after this long. */
  timeoutMs: number;
  /**
   * Firings per transaction in the workers, one batch at a time (absent: the production batches). A small size
   * spreads a small run's firings over time, so that worker 1 is killed in the middle of its wake-up.
   */
  workerBatch?: number;
  log?: (line: string) => void;
}

export interface ReplicaScenarioResult {
  steps: {
    sent: number;
    acknowledged: number;
    /** Requests A never answered (killed under them), sent again to B with the same Idempotency-Key. */
    resent: number;
    /** Answers other than 200 (none expected). */
    refused: { status: number; body: string }[];
    /** Cases with exactly one stored step, none, or more than one. */
    storedOnce: number;
    storedNever: number;
    storedTwice: number;
    /** Cases whose version is not 2 (one opening and one step). */
    wrongVersion: number;
    acknowledgedAtKill: number;
    seconds: number;
  };
  deadlines: {
    seeded: number;
    /** Seeded deadlines with exactly one escalation recorded as fired, and marked missed. */
    firedOnce: number;
    notFired: number;
    notMissed: number;
    /** Escalation notifications written for the seeded deadlines, and how many each should have. */
    notifications: number;
    recipientsEach: number;
    /** (deadline, organisation, role) written more than once. */
    doubledNotifications: number;
    firedAtKill: number;
    /** Jobs active in Redis when worker 1 was killed (its fired-but-unfinished ones among them). */
    activeAtKill: number;
    /** From the workers' start to the last seeded escalation fired. */
    seconds: number;
  };
  killed: { api: number | null; worker: number | null };
}

interface Api {
  name: string;
  base: string;
  child: ChildProcess;
  alive: boolean;
}

/** The candidate of the i-th case (the procedure's test candidate, numbered). */
function candidate(i: number): Candidate {
  return { ...CANDIDATE, fullName: `Phạm Văn Nhân Bản ${i}` };
}

/** Runs `tasks` with at most `concurrency` in flight. */
async function pool<T>(items: readonly T[], concurrency: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await run(items[i], i);
    }
  });
  await Promise.all(lanes);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runReplicaScenario(o: ReplicaScenarioOptions): Promise<ReplicaScenarioResult> {
  const log = o.log ?? (() => undefined);
  const children: ChildProcess[] = [];
  const common = {
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET,
    DELIVERY_POLL_INTERVAL_MS: '200',
    ...(o.workerBatch ? { FIXTURE_BATCH: String(o.workerBatch) } : {}),
  };
  const db = new DataSource({ type: 'postgres', url: o.databaseUrl, extra: { types: createTypeParsers() } });
  const queues = FIRING_QUEUES.map((name) => new Queue(name, { connection: { url: o.redisUrl } }));
  try {
    // 1. Two APIs, one after the other (the first runs the migrations and creates the admin).
    const startApi = async (name: string): Promise<Api> => {
      const p = await startFixture(API_FIXTURE, {
        ...common,
        RUN_WORKER: 'false',
        ADMIN_PASSWORD,
        FIXTURE_NOW: `${STEP_DAY}T03:00:00.000Z`,
        WRITE_RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      });
      children.push(p.child);
      return { name, base: `http://127.0.0.1:${p.readyLine.split(' ')[1]}${PREFIX}`, child: p.child, alive: true };
    };
    const a = await startApi('A');
    const b = await startApi('B');
    await db.initialize();
    log(`APIs up on ${a.base} and ${b.base}`);

    const login = await fetch(`${a.base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const post = async (api: Api, path: string, body: unknown, extra: Record<string, string> = {}) => {
      const res = await fetch(`${api.base}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.text() };
    };
    const create = async (body: Record<string, unknown>): Promise<string> => {
      const res = await post(a, '/organisations', body);
      if (res.status !== 201) throw new Error(`creating ${String(body.kind)} answered ${res.status} ${res.body}`);
      return (JSON.parse(res.body) as { id: string }).id;
    };
    const province = await create({ name: 'Tỉnh ủy Nhân Bản', kind: 'province' });
    const commune = await create({ name: 'Đảng ủy phường Nhân Bản', kind: 'commune', parentId: province });
    const grassroots = await create({ name: 'Đảng ủy cơ sở Nhân Bản', kind: 'grassroots', parentId: commune });
    const cell = await create({ name: 'Chi bộ Nhân Bản', kind: 'cell', parentId: grassroots });

    // Due on 2026-06-15: their escalation is long past by the workers' system clock.
    const deadlineIds = await seedDueEscalations(db, cell, o.deadlines, '2026-06-15');
    const caseIds: string[] = [];
    await pool(
      Array.from({ length: o.steps }, (_, i) => i),
      o.concurrency,
      async (i) => {
        const res = await post(i % 2 ? b : a, '/cases', { organisationId: cell, occurredOn: OPENED_ON, candidate: candidate(i) });
        if (res.status !== 201) throw new Error(`opening a case answered ${res.status} ${res.body}`);
        caseIds.push((JSON.parse(res.body) as { id: string }).id);
      },
    );
    log(`${o.steps} cases opened, ${o.deadlines} escalations seeded`);

    // 2. Two workers; the first holds each job after its firing committed.
    const workersStarted = Date.now();
    const w1 = await startFixture(WORKER_FIXTURE, { ...common, FIXTURE_PAUSE_MS: String(WORKER_HOLD_MS), FIXTURE_PAUSE_AT: 'after-fire' });
    children.push(w1.child);
    const w2 = await startFixture(WORKER_FIXTURE, common);
    children.push(w2.child);

    const firedCount = async (): Promise<number> => {
      const [{ n }] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM deadline_firings WHERE deadline_id = ANY($1::uuid[]) AND phase = 'escalate'`,
        [deadlineIds],
      );
      return n;
    };

    // 4. The worker kill, watched beside the steps.
    let firedAtKill = 0;
    let activeAtKill = 0;
    let workerExit: number | null = null;
    const workerKill = (async () => {
      while ((firedAtKill = await firedCount()) < Math.ceil(o.deadlines / 4)) await sleep(20);
      activeAtKill = (await Promise.all(queues.map((q) => q.getActiveCount()))).reduce((s, n) => s + n, 0);
      workerExit = await stopProcess(w1.child, 'SIGKILL');
      log(`worker 1 killed with ${firedAtKill} escalations fired, ${activeAtKill} jobs active`);
    })();

    // 3. The steps, A killed half-way.
    const stepsStarted = Date.now();
    let acknowledged = 0;
    let acknowledgedAtKill = 0;
    let resent = 0;
    let apiExit: number | null = null;
    let apiKill: Promise<void> | undefined;
    const refused: { status: number; body: string }[] = [];
    const event = { type: STEP_TYPE, occurredOn: STEP_DAY, certificateNo: 'CN-NB', issuedOn: STEP_DAY, issuer: 'Trung tâm chính trị phường' };
    await pool(caseIds, o.concurrency, async (caseId, i) => {
      const key = { 'idempotency-key': `replica-step-${caseId}` };
      const first = a.alive && i % 2 === 0 ? a : b;
      let res: { status: number; body: string };
      try {
        res = await post(first, `/cases/${caseId}/events`, event, key);
      } catch {
        // No answer (the process died under the request): the client sends it again, elsewhere, with the same key.
        resent += 1;
        res = await post(b, `/cases/${caseId}/events`, event, key);
      }
      if (res.status === 200) acknowledged += 1;
      else refused.push(res);
      if (!apiKill && acknowledged >= o.steps / 2) {
        a.alive = false;
        acknowledgedAtKill = acknowledged;
        apiKill = stopProcess(a.child, 'SIGKILL').then((code) => {
          apiExit = code;
          log(`API A killed with ${acknowledgedAtKill} steps acknowledged`);
        });
      }
    });
    await apiKill;
    const stepSeconds = (Date.now() - stepsStarted) / 1000;

    await workerKill;
    const deadline = Date.now() + o.timeoutMs;
    let fired = await firedCount();
    while (fired < o.deadlines && Date.now() < deadline) {
      await sleep(100);
      fired = await firedCount();
    }
    const deliverySeconds = (Date.now() - workersStarted) / 1000;
    log(`${fired} of ${o.deadlines} escalations fired after ${deliverySeconds.toFixed(1)} s`);
    // Let worker 2 finish the re-delivered jobs (they must write nothing more) before counting (jobs delayed into
    // the future, the reminders of the opened cases' later limits, are not waited for).
    const drainBy = Date.now() + o.timeoutMs;
    while (Date.now() < drainBy && (await Promise.all(queues.map((q) => q.getJobCounts('active', 'waiting')))).some((c) => c.active + c.waiting > 0)) {
      await sleep(100);
    }

    // 5. What was stored.
    const stepRows: { n: number; version: number }[] = await db.query(
      `SELECT (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.type = $2) AS n, c.version
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [caseIds, STEP_TYPE],
    );
    const ledger: { fired: number; outcome_ok: boolean; status: string }[] = await db.query(
      `SELECT (SELECT count(*)::int FROM deadline_firings f WHERE f.deadline_id = d.id AND f.phase = 'escalate') AS fired,
              (SELECT bool_and(f.outcome = 'fired') FROM deadline_firings f WHERE f.deadline_id = d.id AND f.phase = 'escalate') AS outcome_ok,
              d.status
       FROM deadlines d WHERE d.id = ANY($1::uuid[])`,
      [deadlineIds],
    );
    const [notes] = await db.query<{ total: number; doubled: number }[]>(
      `SELECT count(*)::int AS total,
              count(*)::int - count(DISTINCT (deadline_id, organisation_id, role))::int AS doubled
       FROM notifications WHERE deadline_id = ANY($1::uuid[]) AND kind = 'escalation'`,
      [deadlineIds],
    );
    const [{ recipients }] = await db.query<{ recipients: number }[]>(
      `SELECT count(*)::int AS recipients FROM notifications WHERE deadline_id = $1 AND kind = 'escalation'`,
      [deadlineIds[0]],
    );

    return {
      steps: {
        sent: caseIds.length,
        acknowledged,
        resent,
        refused,
        storedOnce: stepRows.filter((r) => r.n === 1).length,
        storedNever: stepRows.filter((r) => r.n === 0).length,
        storedTwice: stepRows.filter((r) => r.n > 1).length,
        wrongVersion: stepRows.filter((r) => r.version !== 2).length,
        acknowledgedAtKill,
        seconds: stepSeconds,
      },
      deadlines: {
        seeded: deadlineIds.length,
        firedOnce: ledger.filter((r) => r.fired === 1 && r.outcome_ok && r.status === 'missed').length,
        notFired: ledger.filter((r) => r.fired === 0).length,
        notMissed: ledger.filter((r) => r.status !== 'missed').length,
        notifications: notes.total,
        recipientsEach: recipients,
        doubledNotifications: notes.doubled,
        firedAtKill,
        activeAtKill,
        seconds: deliverySeconds,
      },
      killed: { api: apiExit, worker: workerExit },
    };
  } finally {
    for (const child of children) await stopProcess(child, 'SIGKILL');
    for (const q of queues) await q.close();
    if (db.isInitialized) await db.destroy();
  }
}
