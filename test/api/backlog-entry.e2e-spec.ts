import { FiringService, PendingFiringsService } from '@charterflow/delivery';
import { DataSource } from 'typeorm';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { addDays } from '@charterflow/procedure';
import { CANDIDATE, expectRule, record } from './helpers';
import { BACKLOG_TODAY, backlogDossiers, PaperDossier } from './backlog-fixture';

/**
 * The acceptance test of api.md v1.1 "Catching up a paper backlog" (ADR 0015): a clerk keys in 50 paper dossiers in
 * one sitting, each in the order of the paper file rather than the order of its dates, with the clock standing on a
 * day after all of them. Every step is accepted; the poller finds nothing to send (no limit escalated, no notification
 * written); and the audit fails exactly the checks each dossier is known to break.
 */
describe('a paper backlog of 50 dossiers keyed in out of date order', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let db: DataSource;
  const dossiers = backlogDossiers();
  const caseIds = new Map<number, string>();
  const refusals: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ today: BACKLOG_TODAY });
    db = t.app.get(DataSource);
    tree = await createOrganisationTree(t.http, { label: 'backlog' });
    for (const d of dossiers) await keyIn(d);
  }, 300_000);
  afterAll(() => t?.close());

  async function keyIn(d: PaperDossier): Promise<void> {
    const opened = await t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: d.openedOn, candidate: { ...CANDIDATE, ...d.candidate } });
    if (opened.status !== 201) {
      refusals.push(`#${d.no} CASE_OPENED ${d.openedOn}: ${opened.status} ${JSON.stringify(opened.body)}`);
      return;
    }
    caseIds.set(d.no, opened.body.id as string);
    for (const s of d.steps) {
      const res = await t.http.post(`${API}/cases/${opened.body.id as string}/events`).send({ type: s.type, occurredOn: s.on, ...s.payload });
      if (res.status !== 200) refusals.push(`#${d.no} ${s.type} ${s.on}: ${res.status} ${res.body.rule ?? res.body.code} ${res.body.messageVi ?? res.body.message}`);
    }
  }

  it('the fixture is the backlog it claims: 50 dossiers, parts keyed in after later-dated parts, probation steps after its end', () => {
    expect(dossiers).toHaveLength(50);
    const keyedBeforeEarlier = dossiers.filter((d) => d.steps.some((s, i) => d.steps.slice(i + 1).some((later) => later.on < s.on)));
    expect(keyedBeforeEarlier).toHaveLength(50);
    const probationStepsAfterEnd = dossiers.filter((d) => d.finalState !== 'probation' && d.steps.some((s) => s.type === 'NEW_MEMBER_CLASS_COMPLETED'));
    expect(probationStepsAfterEnd.length).toBeGreaterThan(5);
    expect(new Set(dossiers.map((d) => d.finalState))).toEqual(new Set(['probation', 'recognitionReview', 'fullMember']));
    expect(dossiers.filter((d) => d.breaches.length > 0).length).toBeGreaterThan(5);
    // The reported case: a dossier part keyed in after the biography's certification although dated before it.
    const partBeforeCertification = dossiers.filter((d) => {
      const i = d.steps.findIndex((s) => s.type === 'BIOGRAPHY_CERTIFIED');
      return d.steps.slice(i + 1).some((s) => s.type !== 'CELL_VOTE_RECORDED' && s.on < d.steps[i].on);
    });
    expect(partBeforeCertification.length).toBeGreaterThanOrEqual(40);
  });

  it('still guards the stages over HTTP: a cell vote dated the day before the latest dossier part is refused in Vietnamese, on that day accepted', async () => {
    const d = dossiers[0];
    const opened = await t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: d.openedOn, candidate: { ...CANDIDATE, ...d.candidate } }).expect(201);
    const id = opened.body.id as string;
    const vote = d.steps.findIndex((s) => s.type === 'CELL_VOTE_RECORDED');
    for (const s of d.steps.slice(0, vote)) await record(t.http, id, s.type, s.on, s.payload);
    const lastPart = d.steps.slice(0, vote).reduce((a, s) => (s.on > a ? s.on : a), d.openedOn);
    const body = await expectRule(t.http, id, 'DATE_BEFORE_PREVIOUS_STEP', 'CELL_VOTE_RECORDED', addDays(lastPart, -1), d.steps[vote].payload);
    expect(body.messageVi).toMatch(/^Ngày \d{2}\/\d{2}\/\d{4} của bước «Chi bộ biểu quyết đề nghị kết nạp» trước ngày \d{2}\/\d{2}\/\d{4} của bước «/);
    expect((await record(t.http, id, 'CELL_VOTE_RECORDED', lastPart, d.steps[vote].payload)).state).toBe('grassrootsReview');
  });

  it('accepts every step (2xx) and each case ends where its paper file does', async () => {
    expect(refusals).toEqual([]);
    for (const d of dossiers) {
      const c = (await t.http.get(`${API}/cases/${caseIds.get(d.no)!}`).expect(200)).body;
      expect({ no: d.no, state: c.state }).toEqual({ no: d.no, state: d.finalState });
    }
  });

  it('sends nothing: no firing is due now or when the grace ends, no notification, no escalation', async () => {
    const ids = [...caseIds.values()];
    const deadlineIds: string[] = (await db.query(`SELECT id FROM deadlines WHERE case_id = ANY($1::uuid[])`, [ids])).map((r: { id: string }) => r.id);
    const ours = new Set(deadlineIds);
    const pending = t.app.get(PendingFiringsService);
    const firing = t.app.get(FiringService);
    // The poller at the end of the sitting: fire whatever is due, as the embedded transport does.
    const dueNow = (await pending.list({ dueBefore: t.clock.now(), limit: 100_000 })).filter((f) => ours.has(f.deadlineId));
    for (const f of dueNow) await firing.fire(f);
    expect(dueNow.map((f) => `${f.kind}:${f.phase}`)).toEqual([]);
    // Nothing is waiting for the grace to end either: every limit the backlog opened in the past was closed in time.
    const graceEnd = new Date(`${BACKLOG_TODAY}T17:00:00.000Z`); // 00:00 local on Wednesday 02/12/2026 + 1 working day
    const afterGrace = (await pending.list({ dueBefore: new Date(graceEnd.getTime() + 86_400_000), limit: 100_000 })).filter(
      (f) => ours.has(f.deadlineId) && f.phase === 'escalate',
    );
    expect(afterGrace.map((f) => `${f.kind}:${f.phase}`)).toEqual([]);
    expect(await db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = ANY($1::uuid[])`, [ids])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM deadline_firings WHERE deadline_id = ANY($1::uuid[])`, [deadlineIds])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM deadlines WHERE case_id = ANY($1::uuid[]) AND status = 'open' AND due_on < $2::date`, [ids, BACKLOG_TODAY])).toEqual([{ n: 0 }]);
  });

  it('the audit fails exactly the checks each dossier declares, per check id', async () => {
    const unexpected: string[] = [];
    const missing: string[] = [];
    for (const d of dossiers) {
      const body = (await t.http.get(`${API}/cases/${caseIds.get(d.no)!}/compliance`).expect(200)).body;
      const failed = new Set((body.results as { check: string; status: string }[]).filter((r) => r.status === 'fail').map((r) => r.check));
      for (const check of failed) if (!d.breaches.includes(check)) unexpected.push(`#${d.no} ${check}`);
      for (const check of d.breaches) if (!failed.has(check)) missing.push(`#${d.no} ${check}`);
    }
    expect({ unexpected, missing }).toEqual({ unexpected: [], missing: [] });
  });
});
