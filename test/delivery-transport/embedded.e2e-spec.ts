import { DataSource } from 'typeorm';
import { PollTransport } from '@charterflow/delivery';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';
import { CaseBody, caseInProbation } from '../api/helpers';
import { caseAwaitingDecision, deadlineOf, notificationsOf } from '../delivery/support';
import { waitFor } from './support';

jest.setTimeout(PGLITE_TIMEOUT_MS);

type Events = { type: string; occurredOn: string; actor: { kind: string } }[];

/**
 * The embedded default (no REDIS_URL, PGlite in a temporary folder): the poll transport reads the due firings from
 * the database every DELIVERY_POLL_INTERVAL_MS and fires them through the same handler.
 */
describe('embedded delivery (poll transport on PGlite)', () => {
  const data = createTempDataDir('charterflow-delivery-');
  afterAll(() => data.remove());

  const start = (today: string) =>
    startTestApp({ today, dataDir: data.dir, env: { RUN_WORKER: 'true', DELIVERY_POLL_INTERVAL_MS: '100' } });
  const getCase = async (t: TestApp, id: string) => (await t.http.get(`${API}/cases/${id}`).expect(200)).body as CaseBody;
  const eventsOf = async (t: TestApp, id: string) => (await t.http.get(`${API}/cases/${id}/events`).expect(200)).body as Events;

  describe('while running', () => {
    let t: TestApp;
    let tree: OrganisationTree;
    beforeAll(async () => {
      t = await start('2026-01-14');
      tree = await createOrganisationTree(t.http);
    });
    afterAll(() => t?.close());

    it('delivers a reminder once its instant has come, one notification per recipient', async () => {
      const { c } = await caseAwaitingDecision(t, tree); // ADMISSION_DECISION due 2026-03-26
      const db = t.app.get(DataSource);
      const d = await deadlineOf(db, c.id, 'ADMISSION_DECISION');
      t.clock.set('2026-03-12T00:59:00.000Z'); // one minute before 08:00 local, ten working days before
      await t.app.get(PollTransport).runNow();
      expect(await notificationsOf(db, d.id)).toEqual([]);

      t.clock.set('2026-03-12T01:00:00.000Z');
      const written = await waitFor(() => notificationsOf(db, d.id), (rows) => rows.length > 0);
      expect(written.map((n) => [n.kind, n.phase])).toEqual([
        ['reminder', 'remind-10wd'],
        ['reminder', 'remind-10wd'],
      ]);
      await t.app.get(PollTransport).runNow();
      expect(await notificationsOf(db, d.id)).toHaveLength(2);
    });

    it('records PROBATION_ENDED on the end date at 08:00, not before, and once', async () => {
      const c = await caseInProbation(t, tree.cellId); // probation ends 2027-03-02
      const poll = t.app.get(PollTransport);
      t.clock.set('2027-03-01T03:00:00.000Z');
      await poll.runNow();
      expect((await getCase(t, c.id)).state).toBe('probation');
      t.clock.set('2027-03-02T00:59:59.000Z'); // 07:59:59 local on the end date
      await poll.runNow();
      expect((await getCase(t, c.id)).state).toBe('probation');

      t.clock.set('2027-03-02T01:00:00.000Z');
      const state = await waitFor(async () => (await getCase(t, c.id)).state, (s) => s === 'recognitionReview');
      expect(state).toBe('recognitionReview');
      const after = await getCase(t, c.id);
      expect(after.version).toBe(c.version + 1);
      await poll.runNow();
      await poll.runNow();
      const ended = (await eventsOf(t, c.id)).filter((e) => e.type === 'PROBATION_ENDED');
      expect(ended).toEqual([expect.objectContaining({ occurredOn: '2027-03-02', actor: expect.objectContaining({ kind: 'system' }) })]);
      expect((await getCase(t, c.id)).version).toBe(after.version);
    });
  });

  it('after a restart, fires at once what fell due while the process was down, with its lateness recorded', async () => {
    let probationCaseId: string;
    let decisionCaseId: string;
    const first = await start('2026-01-14');
    try {
      const tree = await createOrganisationTree(first.http);
      probationCaseId = (await caseInProbation(first, tree.cellId)).id;
      decisionCaseId = (await caseAwaitingDecision(first, tree)).c.id;
    } finally {
      await first.close();
    }

    // Down from January 2026 until 10:00 local on 10 April 2027.
    const second = await start('2027-04-10');
    try {
      const db = second.app.get(DataSource);
      const state = await waitFor(async () => (await getCase(second, probationCaseId)).state, (s) => s === 'recognitionReview');
      expect(state).toBe('recognitionReview');
      expect((await eventsOf(second, probationCaseId)).filter((e) => e.type === 'PROBATION_ENDED').map((e) => e.occurredOn)).toEqual(['2027-03-02']);
      const probationEnd = await deadlineOf(db, probationCaseId, 'PROBATION_END');
      const decision = await deadlineOf(db, decisionCaseId, 'ADMISSION_DECISION');
      const ledger = await waitFor(
        () => db.query(`SELECT deadline_id, phase, outcome, (EXTRACT(EPOCH FROM fired_at - fire_at) * 1000)::bigint::text AS lateness_ms FROM deadline_firings WHERE deadline_id = ANY($1::uuid[]) AND outcome = 'fired' ORDER BY phase`, [[probationEnd.id, decision.id]]),
        (rows: unknown[]) => rows.length === 2,
      );
      // fired − fireAt, from the ledger's two instants.
      const now = Date.parse('2027-04-10T03:00:00.000Z');
      expect(ledger).toEqual([
        { deadline_id: probationEnd.id, phase: 'due', outcome: 'fired', lateness_ms: String(now - Date.parse('2027-03-02T01:00:00.000Z')) },
        { deadline_id: decision.id, phase: 'escalate', outcome: 'fired', lateness_ms: String(now - Date.parse('2026-03-26T17:00:00.000Z')) },
      ]);
      expect((await deadlineOf(db, decisionCaseId, 'ADMISSION_DECISION')).status).toBe('missed');
      // The lateness reached this process's metrics histogram.
      const metrics = (await second.http.get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/charterflow_firing_lateness_seconds_count\{phase="due"\} 1\n/);
      expect(metrics).toMatch(/charterflow_firing_lateness_seconds_count\{phase="escalate"\} [1-9]/);
      expect(metrics).toMatch(/charterflow_firing_lateness_seconds_bucket\{le="86400",phase="due"\} 0\n/);
      expect(metrics).toMatch(/charterflow_firing_lateness_seconds_bucket\{le="604800",phase="due"\} 0\n/);
      expect(metrics).toMatch(/charterflow_firing_lateness_seconds_bucket\{le="\+Inf",phase="due"\} 1\n/);
    } finally {
      await second.close();
    }
  });
});
