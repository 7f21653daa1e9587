import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { TEST_DATABASE_URL } from '../support/database';
import { TEST_REDIS_URL } from '../support/redis';
import { caseAwaitingDecision, deadlineOf, notificationsOf } from '../delivery/support';
import { startFixture, stopProcess } from '../support/processes';
import { resetDeliveryState, waitFor } from './support';


const FIXTURE = join(__dirname, 'fixtures', 'worker.ts');

/** A worker process (the real worker module) on the test database and Redis, optionally paused mid-job. */
async function startWorker(pause?: { ms: number; at: 'before-fire' | 'after-fire' }): Promise<ChildProcess> {
  const { child } = await startFixture(FIXTURE, {
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DELIVERY_POLL_INTERVAL_MS: '200',
    ...(pause ? { FIXTURE_PAUSE_MS: String(pause.ms), FIXTURE_PAUSE_AT: pause.at } : {}),
  });
  return child;
}

const kill = stopProcess;

/**
 * A worker killed with SIGKILL in the middle of a wake-up loses nothing and doubles nothing: BullMQ's stalled-job
 * check hands the wake-up to a fresh worker (or the fresh worker's reconciler adds a catch-up), which fires what is
 * still pending, and the firing handler writes once (ADR 0007 §4, ADR 0033). The workers run the real worker module
 * as child processes; the firings are due by their system clock (the case is dated 2026-01).
 */
describe('a worker killed mid-job (SIGKILL)', () => {
  let t: TestApp;
  let db: DataSource;
  let tree: OrganisationTree;
  let escalations: Queue;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await resetDeliveryState();
    t = await startTestApp({ today: '2026-01-14' });
    db = t.app.get(DataSource);
    tree = await createOrganisationTree(t.http);
    escalations = new Queue('deadline-escalations', { connection: { url: TEST_REDIS_URL } });
  });
  afterAll(async () => {
    for (const child of children) await kill(child, 'SIGKILL');
    await escalations?.close();
    await t?.close();
  });

  async function escalationCase() {
    const { c } = await caseAwaitingDecision(t, tree); // ADMISSION_DECISION escalates at 2026-03-26T17:00Z, long past
    const d = await deadlineOf(db, c.id, 'ADMISSION_DECISION');
    return { caseId: c.id, d };
  }
  /** The escalation queue's wake-ups by state: one active while a worker holds it, none once all is done. */
  const running = () => escalations.getActiveCount();
  const idle = async () => Object.values(await escalations.getJobCounts('active', 'waiting', 'delayed', 'prioritized')).every((n) => n === 0);
  const ledgerOf = (deadlineId: string) =>
    db.query<unknown[]>(`SELECT phase, outcome FROM deadline_firings WHERE deadline_id = $1 AND phase = 'escalate'`, [deadlineId]);
  const recipients = (rows: { organisation_id: string; role: string }[]) => rows.map((n) => `${n.organisation_id}:${n.role}`).sort();

  it('killed before the firing committed: a fresh worker delivers it, once per recipient (nothing lost)', async () => {
    const { caseId, d } = await escalationCase();
    const doomed = await startWorker({ ms: 60_000, at: 'before-fire' });
    children.push(doomed);
    expect(await waitFor(running, (n) => n === 1)).toBe(1);
    expect(await kill(doomed, 'SIGKILL')).toBeNull();
    expect(await ledgerOf(d.id)).toEqual([]);
    expect(await notificationsOf(db, d.id)).toEqual([]);

    const fresh = await startWorker();
    children.push(fresh);
    const written = await waitFor(
      () => notificationsOf(db, d.id),
      (rows) => rows.some((n) => n.kind === 'escalation'),
    );
    const sent = written.filter((n) => n.kind === 'escalation');
    // One notification per recipient, the superior organisations among them.
    expect(new Set(recipients(sent)).size).toBe(sent.length);
    expect(recipients(sent)).toEqual(expect.arrayContaining([`${tree.communeId}:superior_officer`]));
    expect(await ledgerOf(d.id)).toEqual([{ phase: 'escalate', outcome: 'fired' }]);
    expect((await deadlineOf(db, caseId, 'ADMISSION_DECISION')).status).toBe('missed');
    // Nothing more arrives: every wake-up is done.
    expect(await waitFor(idle, (done) => done)).toBe(true);
    expect((await notificationsOf(db, d.id)).filter((n) => n.kind === 'escalation')).toHaveLength(sent.length);
    await kill(fresh, 'SIGTERM');
  });

  it('killed after the firing committed, before the job completed: the re-delivered job writes nothing more (nothing doubled)', async () => {
    const { d } = await escalationCase();
    const doomed = await startWorker({ ms: 60_000, at: 'after-fire' });
    children.push(doomed);
    const ledger = await waitFor(() => ledgerOf(d.id), (rows) => rows.length === 1);
    expect(ledger).toEqual([{ phase: 'escalate', outcome: 'fired' }]);
    expect(await running()).toBe(1);
    expect(await kill(doomed, 'SIGKILL')).toBeNull();
    const before = (await notificationsOf(db, d.id)).filter((n) => n.kind === 'escalation');
    expect(before.length).toBeGreaterThan(0);

    const fresh = await startWorker();
    children.push(fresh);
    // The stalled wake-up is handed to the fresh worker, which finds the firing recorded (no longer pending) and completes.
    expect(await waitFor(idle, (done) => done)).toBe(true);
    const after = (await notificationsOf(db, d.id)).filter((n) => n.kind === 'escalation');
    expect(recipients(after)).toEqual(recipients(before));
    expect(new Set(recipients(after)).size).toBe(after.length);
    expect(await ledgerOf(d.id)).toEqual([{ phase: 'escalate', outcome: 'fired' }]);
    await kill(fresh, 'SIGTERM');
  });

  it('SIGTERM drains: a job in progress finishes (firing recorded, job completed) before the worker exits', async () => {
    const { d } = await escalationCase();
    const worker = await startWorker({ ms: 1500, at: 'before-fire' });
    children.push(worker);
    expect(await waitFor(running, (n) => n === 1)).toBe(1);
    expect(await ledgerOf(d.id)).toEqual([]);
    await kill(worker, 'SIGTERM');
    // Nothing ran after the exit: what is recorded was done by the draining worker, whose wake-up completed (a
    // catch-up it had not taken yet waits for the next worker, and will find nothing left).
    expect(await ledgerOf(d.id)).toEqual([{ phase: 'escalate', outcome: 'fired' }]);
    expect(await running()).toBe(0);
  });
});
