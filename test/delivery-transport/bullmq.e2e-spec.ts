import { FIRING_JOB_LEAD_MS, jobIdOf, parseJobId, PendingFirings } from '@charterflow/delivery';
import { API, createOrganisationTree } from '../support/app';
import { createTestRedis } from '../support/redis';
import { CaseBody, caseInProbation, record } from '../api/helpers';
import { caseAwaitingDecision, deadlineOf, notificationsOf } from '../delivery/support';
import { BullmqTestApp, jobOf, processorOf, queueFor, resetDeliveryState, scheduledIds, startBullmqApp, waitFor } from './support';


/** Deadline delivery through real BullMQ on the test Redis, against the test PostgreSQL (ADR 0007 §6). */
describe('BullMQ transport', () => {
  let t: BullmqTestApp;

  beforeAll(async () => {
    await resetDeliveryState();
    t = await startBullmqApp({ today: '2026-01-14' });
  });
  afterAll(() => t?.close());

  it('queues a reminder and an escalation of an admission decision with delays from the clock (ready a second ahead), and the processor delivers the reminder', async () => {
    const { c } = await caseAwaitingDecision(t); // cell vote 2026-01-15 (clock 10:00 local) → due 2026-03-26
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    await t.relay.relayAll();

    const now = t.clock.now().getTime();
    expect(now).toBe(Date.parse('2026-01-15T03:00:00.000Z'));
    const reminderId = jobIdOf({ deadlineId: d.id, generation: 1, phase: 'remind-10wd' });
    const reminder = await jobOf(t, 'remind-10wd', reminderId);
    expect(reminder).toBeDefined();
    expect(await reminder!.getState()).toBe('delayed');
    expect(reminder!.queueName).toBe('deadline-reminders');
    expect(reminder!.delay).toBe(Date.parse('2026-03-12T01:00:00.000Z') - now - FIRING_JOB_LEAD_MS);
    expect(reminder!.data).toMatchObject({ deadlineId: d.id, generation: 1, phase: 'remind-10wd', caseId: c.id, kind: 'ADMISSION_DECISION' });

    const escalation = await jobOf(t, 'escalate', jobIdOf({ deadlineId: d.id, generation: 1, phase: 'escalate' }));
    expect(escalation!.queueName).toBe('deadline-escalations');
    // 00:00 local on the day after the due date.
    expect(escalation!.delay).toBe(Date.parse('2026-03-26T17:00:00.000Z') - now - FIRING_JOB_LEAD_MS);

    // Run the processor directly at the reminder's instant (the test does not wait 56 days).
    t.clock.set('2026-03-12T01:00:00.000Z');
    expect(await processorOf(t, 'deadline-reminders').process(reminder!)).toEqual({ outcome: 'fired', notifications: 2, latenessMs: 0 });
    const written = await notificationsOf(t.db, d.id);
    expect(written.map((n) => [n.kind, n.phase])).toEqual([
      ['reminder', 'remind-10wd'],
      ['reminder', 'remind-10wd'],
    ]);
  });

  it('lets real BullMQ deliver an escalation due in 200 ms: the deadline is marked missed and the superior alerted', async () => {
    const { c } = await caseAwaitingDecision(t);
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    const escalateAt = Date.parse('2026-03-26T17:00:00.000Z');
    // The clock stands 200 ms before the job's readiness (a second ahead of the escalation): a 200 ms delay, real time.
    t.clock.set(new Date(escalateAt - FIRING_JOB_LEAD_MS - 200));
    await t.relay.relayAll();
    const jobId = jobIdOf({ deadlineId: d.id, generation: 1, phase: 'escalate' });
    const job = await jobOf(t, 'escalate', jobId);
    expect(job!.delay).toBe(200);
    // The business clock reaches the instant (it does not run by itself); BullMQ's own timer releases the job.
    t.clock.set(new Date(escalateAt + 50));

    const escalations = await waitFor(
      async () => (await notificationsOf(t.db, d.id)).filter((n) => n.kind === 'escalation'),
      (rows) => rows.length > 0,
    );
    expect(escalations.length).toBeGreaterThan(0);
    expect((await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).status).toBe('missed');
    const [ledger] = await t.db.query(`SELECT outcome, lateness_ms::float8 AS lateness_ms FROM deadline_firings WHERE deadline_id = $1 AND phase = 'escalate'`, [d.id]);
    expect(ledger).toEqual({ outcome: 'fired', lateness_ms: 50 });
    // Completed jobs are removed (the ledger in PostgreSQL is the record), so their id never blocks a re-add.
    expect(await waitFor(() => queueFor(t, 'escalate').getJobState(jobId), (s) => s === 'unknown')).toBe('unknown');
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

  it('leaves no stale reminder job after DEADLINE_EXTENDED: the old generation is removed, the new one queued', async () => {
    const { c } = await caseAwaitingDecision(t);
    const before = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    await t.relay.relayAll();
    const phases = ['remind-10wd', 'remind-3wd', 'remind-1wd', 'escalate'] as const;
    const idsOf = (generation: number) => phases.map((phase) => jobIdOf({ deadlineId: before.id, generation, phase }));
    const mine = async () => (await scheduledIds(t)).filter((id) => id.startsWith(`dl_${before.id}_`));
    expect(await mine()).toEqual([...idsOf(1)].sort());

    t.setToday('2026-03-02');
    await record(t.http, c.id, 'DEADLINE_EXTENDED', '2026-03-02', { deadlineKind: 'ADMISSION_DECISION', reason: 'Trường hợp đặc biệt' });
    const after = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    expect(after.generation).toBe(2);
    expect(after.dueOn > before.dueOn).toBe(true);
    await t.relay.relayAll();

    expect(await mine()).toEqual([...idsOf(2)].sort());
    for (const id of idsOf(1)) expect(await queueFor(t, 'remind-3wd').getJobState(id)).toBe('unknown');
    const newReminder = await jobOf(t, 'remind-10wd', jobIdOf({ deadlineId: before.id, generation: 2, phase: 'remind-10wd' }));
    expect(newReminder!.data.fireAt).toBe((await t.app.get(PendingFirings).forDeadlines([before.id])).find((f) => f.phase === 'remind-10wd')!.fireAt.toISOString());
  });

  it('writes one notification per recipient for a job run twice, and adds a firing twice as one job', async () => {
    const { c } = await caseAwaitingDecision(t);
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    t.clock.set('2026-01-20T03:00:00.000Z');
    const [firing] = (await t.app.get(PendingFirings).forDeadlines([d.id])).filter((f) => f.phase === 'remind-3wd');
    await t.transport.schedule([firing]);
    await t.transport.schedule([firing]); // BullMQ ignores an add whose id exists
    const queue = queueFor(t, 'remind-3wd');
    expect((await queue.getJobs(['delayed'], 0, -1)).filter((j) => j.id === firing.jobId)).toHaveLength(1);

    const job = await queue.getJob(firing.jobId);
    t.clock.set('2026-03-23T01:00:00.000Z');
    const processor = processorOf(t, 'deadline-reminders');
    expect(await processor.process(job!)).toMatchObject({ outcome: 'fired', notifications: 2 });
    expect(await processor.process(job!)).toEqual({ outcome: 'duplicate', notifications: 0 });
    const written = await notificationsOf(t.db, d.id);
    expect(written).toHaveLength(2);
    expect(new Set(written.map((n) => `${n.organisation_id}:${n.role}`)).size).toBe(2);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM deadline_firings WHERE deadline_id = $1 AND phase = 'remind-3wd'`, [d.id])).toEqual([{ n: 1 }]);
  });

  describe('after Redis lost everything', () => {
    async function pendingCases(): Promise<void> {
      t.setToday('2026-01-14');
      const tree = await createOrganisationTree(t.http);
      for (let i = 0; i < 3; i += 1) await caseAwaitingDecision(t, tree);
      await t.relay.relayAll();
    }

    it('a wiped Redis (FLUSHDB) then the reconciler restores every pending job, and removes a job whose firing is no longer pending', async () => {
      await pendingCases();
      // Start from queues that match the database (earlier tests ran some jobs by hand).
      await t.reconciler.reconcile();
      const before = await scheduledIds(t);
      expect(before.length).toBeGreaterThanOrEqual(12);
      // A job no firing stands behind (generation 99 of a real deadline): the reconciler removes it.
      const orphan = jobIdOf({ deadlineId: parseJobId(before[0])!.deadlineId, generation: 99, phase: 'remind-10wd' });
      const redis = createTestRedis();
      try {
        await redis.flushdb(); // the run's Redis database wiped, as a restart without persistence would
        expect(await scheduledIds(t)).toEqual([]);
        expect(await t.transport.schedulersPresent()).toBe(false);

        await queueFor(t, 'remind-10wd').add('fire', {}, { jobId: orphan, delay: 60_000 });
        const report = await t.reconciler.reconcile();
        expect(report).toMatchObject({ added: before.length, removed: 1 });
        expect(await scheduledIds(t)).toEqual(before);
        expect(await t.transport.schedulersPresent()).toBe(true);
        // Nothing left to do the second time.
        expect(await t.reconciler.reconcile()).toEqual({ added: 0, replaced: 0, retimed: 0, removed: 0 });
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

    it('replaces a job that failed for good while its firing is still pending, and the new job delivers', async () => {
      const { c } = await caseAwaitingDecision(t);
      await t.relay.relayAll();
      const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
      const jobId = jobIdOf({ deadlineId: d.id, generation: 1, phase: 'remind-1wd' });
      const queue = queueFor(t, 'remind-1wd');
      const data = (await queue.getJob(jobId))!.data;
      t.clock.set('2026-03-25T02:00:00.000Z');

      // The database refuses this deadline's firings (a fault injected in PostgreSQL itself) and the job has no
      // attempt left: it ends failed, as after a database outage longer than the backoff.
      await t.db.query(`CREATE FUNCTION test_refuse_firing() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'database unavailable (injected)'; END $$`);
      await t.db.query(`CREATE TRIGGER test_refuse_firing BEFORE INSERT ON deadline_firings FOR EACH ROW
        WHEN (NEW.deadline_id = '${d.id}') EXECUTE FUNCTION test_refuse_firing()`);
      try {
        await queue.remove(jobId);
        await queue.add('fire', data, { jobId, attempts: 1 });
        expect(await waitFor(() => queue.getJobState(jobId), (s) => s === 'failed')).toBe('failed');
      } finally {
        await t.db.query(`DROP TRIGGER test_refuse_firing ON deadline_firings`);
        await t.db.query(`DROP FUNCTION test_refuse_firing()`);
      }
      expect(await notificationsOf(t.db, d.id)).toHaveLength(0);

      expect(await t.reconciler.reconcile()).toMatchObject({ replaced: 1, added: 0 });
      const delivered = await waitFor(() => notificationsOf(t.db, d.id), (rows) => rows.length === 2);
      expect(delivered.map((n) => n.phase)).toEqual(['remind-1wd', 'remind-1wd']);
    });
  });
});
