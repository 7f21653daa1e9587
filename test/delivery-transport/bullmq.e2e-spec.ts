import { DueSweep, firingKey, PendingFirings, QUEUES, WAKE_UP_JOB_NAME, WAKE_UP_LEAD_MS } from '@charterflow/delivery';
import { API, createOrganisationTree } from '../support/app';
import { createTestRedis } from '../support/redis';
import { CaseBody, caseInProbation, record } from '../api/helpers';
import { caseAwaitingDecision, deadlineOf, notificationsOf } from '../delivery/support';
import { BullmqTestApp, processorOf, resetDeliveryState, scheduledIds, startBullmqApp, waitFor, wakeUpAt } from './support';

/** The instants of an admission decision whose cell voted on 2026-01-15 (due 2026-03-26). */
const REMIND_10WD = '2026-03-12T01:00:00.000Z';
const REMIND_3WD = '2026-03-23T01:00:00.000Z';
const REMIND_1WD = '2026-03-25T01:00:00.000Z';
/** 00:00 local on the day after the due date. */
const ESCALATE = '2026-03-26T17:00:00.000Z';

/** Deadline delivery through real BullMQ on the test Redis, against the test PostgreSQL (ADR 0007 §6, ADR 0033). */
describe('BullMQ transport', () => {
  let t: BullmqTestApp;

  beforeAll(async () => {
    await resetDeliveryState();
    t = await startBullmqApp({ today: '2026-01-14' });
  });
  afterAll(() => t?.close());

  it('queues one wake-up per queue and instant of an admission decision, ready the lead ahead of it, and the wake-up run at its instant delivers the reminder', async () => {
    const { c } = await caseAwaitingDecision(t); // cell vote 2026-01-15 (clock 10:00 local) → due 2026-03-26
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    await t.relay.relayAll();

    const now = t.clock.now().getTime();
    expect(now).toBe(Date.parse('2026-01-15T03:00:00.000Z'));
    const ms = (iso: string) => Date.parse(iso);
    expect(await scheduledIds(t)).toEqual(
      [
        `${QUEUES.escalations} at_${ms(ESCALATE)}`,
        `${QUEUES.reminders} at_${ms(REMIND_10WD)}`,
        `${QUEUES.reminders} at_${ms(REMIND_3WD)}`,
        `${QUEUES.reminders} at_${ms(REMIND_1WD)}`,
      ].sort(),
    );
    const reminder = await wakeUpAt(t, QUEUES.reminders, REMIND_10WD);
    expect(await reminder!.getState()).toBe('delayed');
    expect(reminder!.name).toBe(WAKE_UP_JOB_NAME);
    expect(reminder!.delay).toBe(ms(REMIND_10WD) - now - WAKE_UP_LEAD_MS);
    expect(reminder!.data).toEqual({ fireAt: REMIND_10WD });
    expect((await wakeUpAt(t, QUEUES.escalations, ESCALATE))!.delay).toBe(ms(ESCALATE) - now - WAKE_UP_LEAD_MS);

    // A second case with the same instants shares the wake-ups: nothing new is queued.
    await caseAwaitingDecision(t);
    await t.relay.relayAll();
    expect(await scheduledIds(t)).toHaveLength(4);

    // Run the processor directly at the reminder's instant (the test does not wait 56 days): both cases' reminders.
    t.clock.set(REMIND_10WD);
    expect(await processorOf(t, QUEUES.reminders).process(reminder!)).toEqual({ fired: 2, other: 0, failed: 0 });
    const written = await notificationsOf(t.db, d.id);
    expect(written.map((n) => [n.kind, n.phase])).toEqual([
      ['reminder', 'remind-10wd'],
      ['reminder', 'remind-10wd'],
    ]);
    const [ledger] = await t.db.query(`SELECT outcome, lateness_ms::float8 AS lateness_ms FROM deadline_firings WHERE deadline_id = $1`, [d.id]);
    expect(ledger).toEqual({ outcome: 'fired', lateness_ms: 0 });
  });

  it('lets real BullMQ deliver an escalation due in a moment under a catch-up of its own (the shared wake-up may be running): the deadline is marked missed and the superior alerted', async () => {
    const { c } = await caseAwaitingDecision(t);
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    // The clock stands 200 ms before the wake-up's readiness: a 200 ms delay, real time.
    t.clock.set(new Date(Date.parse(ESCALATE) - WAKE_UP_LEAD_MS - 200));
    await t.relay.relayAll();
    const catchUps = (await t.transport.queue(QUEUES.escalations).getJobs(['delayed'], 0, -1)).filter((j) => String(j.id).startsWith(`at_${Date.parse(ESCALATE)}_`));
    expect(catchUps).toHaveLength(1);
    expect(catchUps[0].delay).toBe(200);
    // The business clock reaches the instant (it does not run by itself); BullMQ's own timer releases the job.
    t.clock.set(new Date(Date.parse(ESCALATE) + 50));

    const escalations = await waitFor(
      async () => (await notificationsOf(t.db, d.id)).filter((n) => n.kind === 'escalation'),
      (rows) => rows.length > 0,
    );
    expect(escalations.length).toBeGreaterThan(0);
    expect((await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).status).toBe('missed');
    const [ledger] = await t.db.query(`SELECT outcome, lateness_ms::float8 AS lateness_ms FROM deadline_firings WHERE deadline_id = $1 AND phase = 'escalate'`, [d.id]);
    expect(ledger).toEqual({ outcome: 'fired', lateness_ms: 50 });
    // Completed wake-ups are removed (the ledger in PostgreSQL is the record), so their id never blocks a re-add.
    expect(await waitFor(() => catchUps[0].getState(), (s) => s === 'unknown')).toBe('unknown');
  });

  it('records PROBATION_ENDED for a case whose ceremony was twelve months ago, moving it to recognitionReview', async () => {
    const { cellId } = await createOrganisationTree(t.http);
    const c = await caseInProbation(t, cellId); // ceremony 2026-03-02 → probation ends 2027-03-02
    // Backdated: the worker learns of the case only now, the day the probation ends, after the 08:00 instant.
    t.clock.set('2027-03-02T04:00:00.000Z');
    await t.relay.relayAll();

    const state = await waitFor(
      async () => ((await t.http.get(`${API}/cases/${c.id}`).expect(200)).body as CaseBody).state,
      (s) => s === 'recognitionReview',
    );
    expect(state).toBe('recognitionReview');
    const events = (await t.http.get(`${API}/cases/${c.id}/events`).expect(200)).body as { type: string; occurredOn: string; actor: { kind: string } }[];
    expect(events.filter((e) => e.type === 'PROBATION_ENDED')).toEqual([expect.objectContaining({ occurredOn: '2027-03-02', actor: expect.objectContaining({ kind: 'system' }) })]);
    const d = await deadlineOf(t.db, c.id, 'PROBATION_END');
    expect(d).toMatchObject({ status: 'met', closedOn: '2027-03-02' });
    // Fired 3 hours after its 08:00 instant.
    const [ledger] = await t.db.query(`SELECT outcome, lateness_ms::float8 AS lateness_ms FROM deadline_firings WHERE deadline_id = $1 AND phase = 'due'`, [d.id]);
    expect(ledger).toEqual({ outcome: 'fired', lateness_ms: 3 * 3600 * 1000 });
  });

  it('after DEADLINE_EXTENDED queues the new instants, and the old instant\'s wake-up no longer fires the old generation', async () => {
    t.setToday('2026-01-14');
    const { c } = await caseAwaitingDecision(t);
    const before = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    await t.relay.relayAll();
    const oldWakeUp = await wakeUpAt(t, QUEUES.reminders, REMIND_3WD);
    expect(oldWakeUp).toBeDefined();

    t.setToday('2026-03-02');
    await record(t.http, c.id, 'DEADLINE_EXTENDED', '2026-03-02', { deadlineKind: 'ADMISSION_DECISION', reason: 'Trường hợp đặc biệt' });
    const after = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    expect(after.generation).toBe(2);
    expect(after.dueOn > before.dueOn).toBe(true);
    await t.relay.relayAll();

    const pending = await t.app.get(PendingFirings).forDeadlines([before.id]);
    expect(pending.map((f) => f.generation)).toEqual([2, 2, 2, 2]);
    const scheduled = await scheduledIds(t);
    for (const f of pending) expect(scheduled).toContain(`${f.phase === 'escalate' ? QUEUES.escalations : QUEUES.reminders} at_${f.fireAt.getTime()}`);

    // The old remind-3wd instant comes: its wake-up finds nothing of this deadline to fire.
    t.clock.set(REMIND_3WD);
    await processorOf(t, QUEUES.reminders).process(oldWakeUp!);
    expect(await notificationsOf(t.db, before.id)).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM deadline_firings WHERE deadline_id = $1`, [before.id])).toEqual([{ n: 0 }]);
  });

  it('writes one notification per recipient for a wake-up run twice, adds an instant twice as one job, and a firing handed over twice fires once', async () => {
    t.setToday('2026-01-14');
    const { c } = await caseAwaitingDecision(t);
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    t.clock.set('2026-01-20T03:00:00.000Z');
    const [firing] = (await t.app.get(PendingFirings).forDeadlines([d.id])).filter((f) => f.phase === 'remind-3wd');
    await t.transport.schedule([firing]);
    await t.transport.schedule([firing]); // BullMQ ignores an add whose id exists
    const queue = t.transport.queue(QUEUES.reminders);
    expect((await queue.getJobs(['delayed'], 0, -1)).filter((j) => j.id === `at_${Date.parse(REMIND_3WD)}`)).toHaveLength(1);

    const job = await wakeUpAt(t, QUEUES.reminders, REMIND_3WD);
    t.clock.set(REMIND_3WD);
    const processor = processorOf(t, QUEUES.reminders);
    expect((await processor.process(job!)).fired).toBeGreaterThanOrEqual(1);
    expect(await processor.process(job!)).toEqual({ fired: 0, other: 0, failed: 0 });
    // The same firing handed to the sweep again (a replica that read it before the commit): answered duplicate.
    expect(await t.app.get(DueSweep).fire([firing])).toEqual({ fired: 0, other: 1, failed: 0 });
    const written = await notificationsOf(t.db, d.id);
    expect(written).toHaveLength(2);
    expect(new Set(written.map((n) => `${n.organisation_id}:${n.role}`)).size).toBe(2);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM deadline_firings WHERE deadline_id = $1 AND phase = 'remind-3wd'`, [d.id])).toEqual([{ n: 1 }]);
    expect(firingKey(firing)).toBe(`${d.id}:1:remind-3wd`);
  });

  describe('after Redis lost everything', () => {
    async function pendingCases(): Promise<void> {
      t.setToday('2026-01-14');
      const tree = await createOrganisationTree(t.http);
      for (let i = 0; i < 3; i += 1) await caseAwaitingDecision(t, tree);
      await t.relay.relayAll();
    }

    it('a wiped Redis (FLUSHDB) then the reconciler restores every wake-up, and removes one no pending firing stands behind', async () => {
      await pendingCases();
      // Start from queues that match the database (earlier tests ran some wake-ups by hand).
      await t.reconciler.reconcile();
      const before = await scheduledIds(t);
      expect(before.length).toBeGreaterThanOrEqual(4);
      // A wake-up at an instant no firing falls due at: the reconciler removes it.
      const orphanAt = '2026-06-01T01:00:00.000Z';
      const redis = createTestRedis();
      try {
        await redis.flushdb(); // the run's Redis database wiped, as a restart without persistence would
        expect(await scheduledIds(t)).toEqual([]);
        expect(await t.transport.schedulersPresent()).toBe(false);

        await t.transport.queue(QUEUES.reminders).add(WAKE_UP_JOB_NAME, { fireAt: orphanAt }, { jobId: `at_${Date.parse(orphanAt)}`, delay: 60_000 });
        const report = await t.reconciler.reconcile();
        expect(report).toEqual({ added: before.length, removed: 1 });
        expect(await scheduledIds(t)).toEqual(before);
        expect(await t.transport.schedulersPresent()).toBe(true);
        // Nothing left to do the second time.
        expect(await t.reconciler.reconcile()).toEqual({ added: 0, removed: 0 });
      } finally {
        await redis.quit();
      }
    });

    it('the outbox relay notices the wiped Redis at its next tick and has the queues rebuilt at once', async () => {
      await pendingCases();
      await t.reconciler.reconcile();
      const before = await scheduledIds(t);
      const redis = createTestRedis();
      try {
        await redis.flushdb(); // the run's Redis database wiped, as a restart without persistence would
      } finally {
        await redis.quit();
      }
      await t.relay.runNow();
      expect(await scheduledIds(t)).toEqual(before);
    });

    it('a wake-up that failed for good leaves its firing pending, and the reconciler adds a catch-up that delivers it', async () => {
      const { c } = await caseAwaitingDecision(t);
      await t.relay.relayAll();
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      const queue = t.transport.queue(QUEUES.reminders);
      t.clock.set('2026-03-25T02:00:00.000Z');

      // The database refuses this deadline's firings (a fault injected in PostgreSQL itself) and the wake-up has no
      // attempt left: it ends failed, as after a database outage longer than the backoff.
      await t.db.query(`CREATE FUNCTION test_refuse_firing() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'database unavailable (injected)'; END $$`);
      await t.db.query(`CREATE TRIGGER test_refuse_firing BEFORE INSERT ON deadline_firings FOR EACH ROW
        WHEN (NEW.deadline_id = '${d.id}') EXECUTE FUNCTION test_refuse_firing()`);
      const jobId = `at_${Date.parse(REMIND_1WD)}_test`;
      try {
        await queue.add(WAKE_UP_JOB_NAME, { fireAt: REMIND_1WD }, { jobId, attempts: 1 });
        expect(await waitFor(() => queue.getJobState(jobId), (s) => s === 'failed')).toBe('failed');
      } finally {
        await t.db.query(`DROP TRIGGER test_refuse_firing ON deadline_firings`);
        await t.db.query(`DROP FUNCTION test_refuse_firing()`);
      }
      expect(await notificationsOf(t.db, d.id)).toHaveLength(0);
      expect((await queue.getJob(jobId))!.failedReason).toMatch(/failed; retrying the wake-up/);

      expect((await t.reconciler.reconcile()).added).toBeGreaterThanOrEqual(1);
      const delivered = await waitFor(() => notificationsOf(t.db, d.id), (rows) => rows.length === 2);
      // Its earlier reminders are overtaken by the last one, also due: only remind-1wd is sent.
      expect(delivered.map((n) => n.phase)).toEqual(['remind-1wd', 'remind-1wd']);
    });
  });
});
