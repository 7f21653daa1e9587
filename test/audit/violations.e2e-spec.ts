import supertest from 'supertest';
import { EVENT_LABELS } from '@charterflow/procedure';
import { API, startTestApp, TestApp } from '../support/app';
import { caseInCellReview, recordOn } from '../api/helpers';
import { account, createOrganisation } from '../access/support';

type Agent = ReturnType<typeof supertest.agent>;

/**
 * Live cases produce violations too: the engine accepts a late admission decision (it is a fact staff must record)
 * and the audit flags it. Two communes, cases decided on time, late, and not at all.
 */
describe('compliance audit of live cases (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  const cases: Record<string, string> = {};
  let inspectorA: Agent;
  let boardB: Agent;

  /** A case of `cell` with its cell resolution on `cellVoteOn`, through the grassroots vote. */
  async function awaitingDecision(cell: string, cellVoteOn: string, name: string): Promise<string> {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, cell, '2026-01-14', { fullName: name });
    await recordOn(t, c.id, 'CELL_VOTE_RECORDED', cellVoteOn, { fullMembers: 9, excluded: 0, inFavour: 6 });
    await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', cellVoteOn, { committeeMembers: 9, inFavour: 6 });
    return c.id;
  }
  const decide = (id: string, on: string) =>
    recordOn(t, id, 'ADMISSION_DECIDED', on, { decisionNo: `QĐ-${on}`, standingMembers: 7, inFavour: 4, receivedOn: on });

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-14' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Thanh tra', kind: 'province' });
    for (const k of ['A', 'B']) {
      o[`C${k}`] = await createOrganisation(t, { name: `Đảng ủy xã ${k}`, kind: 'commune', parentId: o.P });
      o[`G${k}`] = await createOrganisation(t, { name: `Đảng ủy cơ sở ${k}`, kind: 'grassroots', parentId: o[`C${k}`] });
      o[`cell${k}`] = await createOrganisation(t, { name: `Chi bộ ${k}`, kind: 'cell', parentId: o[`G${k}`] });
    }
    // Cell resolution 2026-01-15: 45 working days end on 2026-03-26 (README: /calendar/working-days?from=2026-01-15&add=45).
    cases.onTime = await awaitingDecision(o.cellA, '2026-01-15', 'Đúng Hạn');
    await decide(cases.onTime, '2026-03-26');
    cases.late = await awaitingDecision(o.cellA, '2026-01-15', 'Trễ Hạn');
    await decide(cases.late, '2026-03-30');
    cases.lateB = await awaitingDecision(o.cellB, '2026-01-15', 'Trễ Hạn Xã B');
    await decide(cases.lateB, '2026-04-15');
    cases.pending = await awaitingDecision(o.cellB, '2026-01-15', 'Chưa Quyết Định');
    t.setToday('2026-04-20');
    inspectorA = (await account(t, 'kt.xa.a', o.CA, ['inspector'])).agent;
    boardB = (await account(t, 'tc.xa.b', o.CB, ['superior_officer'])).agent;
  });
  afterAll(() => t?.close());

  // Other suites share the database: the whole-tree admin looks at this province unless a test names another place.
  const violations = (agent: Agent, query: Record<string, string> = {}) => agent.get(`${API}/audit/violations`).query(agent === t.http ? { organisationId: o.P, ...query } : query);

  it('lists exactly the late and the overdue decisions, dated the day after the limit, with their evidence', async () => {
    const page = (await violations(t.http, { check: 'A15' }).expect(200)).body;
    expect(page.pendingCases).toBe(0);
    expect(page.totals).toEqual([{ check: 'A15', count: 3 }]);
    const byCase = Object.fromEntries(page.items.map((i: { caseId: string }) => [i.caseId, i]));
    expect(Object.keys(byCase).sort()).toEqual([cases.late, cases.lateB, cases.pending].sort());
    expect(byCase[cases.late]).toMatchObject({
      check: 'A15',
      organisationId: o.cellA,
      detectedOn: '2026-03-27',
      severity: 'major',
      // the numbers of the rule set that judged the case (a resolution of 2026: QĐ294), not those of every set
      title: { vi: expect.stringContaining('quá 45 ngày làm việc, gia hạn 15 ngày'), en: expect.stringContaining('45 working days, +15 once') },
      evidence: { baseOn: '2026-01-15', limit: '2026-03-26', metOn: '2026-03-30', workingDaysLate: 2 },
    });
    expect(byCase[cases.pending].evidence).toMatchObject({ pendingAsOf: '2026-04-20', limit: '2026-03-26' });
  });

  it('filters by organisation and by the date of the breach', async () => {
    expect((await violations(t.http, { check: 'A15', organisationId: o.CA }).expect(200)).body.items.map((i: { caseId: string }) => i.caseId)).toEqual([cases.late]);
    expect((await violations(t.http, { check: 'A15', from: '2026-03-28' }).expect(200)).body.items).toHaveLength(0);
    expect((await violations(t.http, { check: 'A15', to: '2026-03-27' }).expect(200)).body.items).toHaveLength(3);
    expect((await violations(t.http, { check: 'A15', to: '2026-03-26' }).expect(200)).body.items).toHaveLength(0);
  });

  it('is scoped: a commune’s inspector and board see their own cases only; another commune is 404', async () => {
    expect((await violations(inspectorA).expect(200)).body.items.map((i: { caseId: string }) => i.caseId)).toEqual([cases.late]);
    expect(new Set((await violations(boardB).expect(200)).body.items.map((i: { caseId: string }) => i.caseId))).toEqual(new Set([cases.lateB, cases.pending]));
    expect((await violations(inspectorA, { organisationId: o.CB })).status).toBe(404);
    expect((await inspectorA.get(`${API}/cases/${cases.lateB}/compliance`)).status).toBe(404);
  });

  it('answers every check of one case with pass, fail or not applicable', async () => {
    const body = (await inspectorA.get(`${API}/cases/${cases.late}/compliance`).expect(200)).body;
    expect(body).toMatchObject({ caseId: cases.late, organisationId: o.cellA, asOf: '2026-04-20', failed: 1 });
    const status = Object.fromEntries(body.results.map((r: { check: string; status: string }) => [r.check, r.status]));
    expect(status).toMatchObject({ A1: 'pass', A11: 'pass', A13: 'pass', A14: 'pass', A15: 'fail', A16: 'not_applicable', A21: 'not_applicable', A9: 'pass', A12: 'pass', A26: 'pass' });
    // A17 reads the membership dates the store holds for the case: the decision date, no ceremony yet.
    const a17 = body.results.find((r: { check: string }) => r.check === 'A17');
    expect(a17).toMatchObject({ status: 'pass', evidence: { admissionDecisionOn: '2026-03-30', probationStartOn: null } });
    const a15 = body.results.find((r: { check: string }) => r.check === 'A15');
    expect(a15.evidence.messageVi).toContain('hạn cuối ngày 26/03/2026');
    const onTime = (await t.http.get(`${API}/cases/${cases.onTime}/compliance`).expect(200)).body;
    expect(onTime.failed).toBe(0);
  });

  it('a step recorded later refreshes the findings before the next answer', async () => {
    t.setToday('2026-04-21');
    await decide(cases.pending, '2026-04-21');
    const item = (await violations(t.http, { check: 'A15', organisationId: o.CB }).expect(200)).body.items.find((i: { caseId: string }) => i.caseId === cases.pending);
    // 27 March – 21 April 2026: 18 working days (no holiday falls in between).
    expect(item.evidence).toMatchObject({ metOn: '2026-04-21', workingDaysLate: 18 });
  });

  it('prints the case report in Vietnamese first, with the failure and the history', async () => {
    const res = await inspectorA.get(`${API}/cases/${cases.late}/compliance/report`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Báo cáo kiểm tra việc chấp hành quy trình kết nạp đảng viên');
    expect(res.text).toContain('Trễ Hạn');
    expect(res.text).toContain('Chi bộ A');
    expect(res.text).toContain('<strong>1 vi phạm</strong>');
    expect(res.text).toContain('Nguyên vẹn');
    expect(res.text).toContain(`<td>2026-03-30</td><td>${EVENT_LABELS.ADMISSION_DECIDED.vi}`);
  });

  it('validates its query', async () => {
    const res = await violations(t.http, { check: 'B7', from: '2026-13-01', limit: '0' }).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['check', 'from', 'limit']);
    expect((await violations(t.http, { check: 'A99' })).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'check' }] });
  });
});
