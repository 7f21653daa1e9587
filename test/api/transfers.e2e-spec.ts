import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { account } from '../access/support';
import { caseInProbation, expectRule, postEvent, record, recordOn, snapshotOf } from './helpers';

type Agent = Awaited<ReturnType<typeof account>>['agent'];

/**
 * Transfers across provinces (HD06 §3.9; ADR 0024): a probationer moves from a cell of one province to a cell of
 * another, is recognised there with the history and its hash chain whole, and the origin's staff no longer see the
 * case. Both cells are notified.
 */
describe('a probationer transferred to a cell of another province', () => {
  let t: TestApp;
  let origin: OrganisationTree;
  let destination: OrganisationTree;
  let caseId: string;
  let secOrigin: Agent;
  let offOrigin: Agent;
  let secDestination: Agent;
  let offDestination: Agent;
  let supDestination: Agent;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    origin = await createOrganisationTree(t.http, { label: 'Hải Dương' });
    destination = await createOrganisationTree(t.http, { label: 'Quảng Ninh' });
    secOrigin = (await account(t, 'bi-thu-noi-di', origin.cellId, ['cell_secretary'])).agent;
    offOrigin = (await account(t, 'dang-uy-noi-di', origin.grassrootsId, ['grassroots_officer'])).agent;
    secDestination = (await account(t, 'bi-thu-noi-den', destination.cellId, ['cell_secretary'])).agent;
    offDestination = (await account(t, 'dang-uy-noi-den', destination.grassrootsId, ['grassroots_officer'])).agent;
    supDestination = (await account(t, 'phuong-uy-noi-den', destination.communeId, ['superior_officer'])).agent;
    caseId = (await caseInProbation(t, origin.cellId)).id;
  });
  afterAll(() => t?.close());

  it('a destination that is not a cell, or the cell the case is in, is refused and nothing is written', async () => {
    t.setToday('2026-07-01');
    const before = await snapshotOf(t.http, caseId);
    for (const toOrganisationId of [destination.grassrootsId, origin.cellId, '0b7f3c52-3f1e-4c55-9a0f-6a3c1d2e4f50']) {
      const res = await postEvent(offOrigin, caseId, 'TRANSFERRED', '2026-07-01', { toOrganisationId, decisionNo: 'QĐ-ĐĐ-12' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'toOrganisationId' })] });
      expect(res.body.messageVi).toMatch(/^Thông tin chưa hợp lệ: /);
    }
    expect(await snapshotOf(t.http, caseId)).toEqual(before);
  });

  it('the origin’s grassroots committee records the transfer; the case then belongs to the destination cell', async () => {
    t.setToday('2026-07-01');
    const res = await postEvent(offOrigin, caseId, 'TRANSFERRED', '2026-07-01', {
      toOrganisationId: destination.cellId,
      decisionNo: 'QĐ-ĐĐ-12',
      previousAssessmentOn: '2026-06-30',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'probation', organisationId: destination.cellId });
    expect(res.body.facts.transfers).toEqual([expect.objectContaining({ toOrganisationId: destination.cellId, stage: 'probation', previousAssessmentOn: '2026-06-30' })]);
  });

  it('the origin’s staff get 404 for the case, its history and any step; the destination’s staff read it', async () => {
    for (const agent of [secOrigin, offOrigin]) {
      expect((await agent.get(`${API}/cases/${caseId}`)).status).toBe(404);
      expect((await agent.get(`${API}/cases/${caseId}/events`)).status).toBe(404);
      const step = await postEvent(agent, caseId, 'HELPER_CHANGED', '2026-07-02', { helper: { name: 'Đỗ Văn Hải' } });
      expect(step.status).toBe(404);
      const list = await agent.get(`${API}/cases`);
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(caseId);
    }
    const read = await secDestination.get(`${API}/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.organisationId).toBe(destination.cellId);
  });

  it('both cells are notified, in Vietnamese, by name and without ids', async () => {
    const inbox = async (agent: Agent, organisationId: string) => {
      const res = await agent.get(`${API}/notifications?organisationId=${organisationId}`);
      expect(res.status).toBe(200);
      return (res.body.items as { kind: string; caseId: string; title: { vi: string }; body: { vi: string } }[]).filter((n) => n.kind === 'transfer');
    };
    const out = await inbox(secOrigin, origin.cellId);
    const into = await inbox(secDestination, destination.cellId);
    expect(out).toEqual([expect.objectContaining({ caseId, title: expect.objectContaining({ vi: 'Hồ sơ đã chuyển đi – Nguyễn Thị Lan' }) })]);
    expect(into).toEqual([expect.objectContaining({ caseId, title: expect.objectContaining({ vi: 'Hồ sơ chuyển đến – Nguyễn Thị Lan' }) })]);
    expect(out[0].body.vi).toContain('Chi bộ Quảng Ninh');
    expect(out[0].body.vi).toContain('quyết định số QĐ-ĐĐ-12 ngày 01/07/2026');
    expect(into[0].body.vi).toContain('Chi bộ Hải Dương');
    for (const n of [...out, ...into]) expect(n.body.vi).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('the destination names a new helper and recognises the probationer; the chain of the whole history verifies', async () => {
    await recordOn(t, caseId, 'HELPER_CHANGED', '2026-07-06', { helper: { name: 'Vũ Thị Lan' } });
    // A helper change is the cell's step: the destination's grassroots committee may not record it.
    t.setToday('2026-07-07');
    expect((await postEvent(offDestination, caseId, 'HELPER_CHANGED', '2026-07-07', { helper: { name: 'x' } })).status).toBe(403);

    // After the end of probation (2027-03-02) the engine ends it before the next step.
    t.setToday('2027-03-03');
    const self = await postEvent(secDestination, caseId, 'SELF_REVIEW_SUBMITTED', '2027-03-03');
    expect(self.status).toBe(200);
    expect(self.body.state).toBe('recognitionReview');
    expect(self.body.stateDetail.recognition.earlierAssessments).toEqual([{ on: '2026-06-30', after: 'TRANSFERRED' }]);
    t.setToday('2027-03-05');
    expect((await postEvent(secDestination, caseId, 'HELPER_ASSESSMENT_SUBMITTED', '2027-03-04')).status).toBe(200);
    expect((await postEvent(secDestination, caseId, 'RECOGNITION_OPINIONS_RECORDED', '2027-03-05')).status).toBe(200);
    t.setToday('2027-03-10');
    expect((await postEvent(secDestination, caseId, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-10', { fullMembers: 9, excluded: 0, inFavour: 7, motion: 'recognise' })).status).toBe(200);
    t.setToday('2027-03-15');
    expect((await postEvent(offDestination, caseId, 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-03-15', { committeeMembers: 9, inFavour: 7, motion: 'recognise' })).status).toBe(200);
    t.setToday('2027-03-22');
    const decided = await postEvent(supDestination, caseId, 'RECOGNITION_DECIDED', '2027-03-22', { decisionNo: 'QĐ-CN-4', standingMembers: 7, inFavour: 5, motion: 'recognise' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ state: 'fullMember', organisationId: destination.cellId, membership: { fullMemberSince: '2027-03-02' } });

    const history = (await secDestination.get(`${API}/cases/${caseId}/events`).expect(200)).body as { type: string }[];
    expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['CASE_OPENED', 'CEREMONY_HELD', 'TRANSFERRED', 'HELPER_CHANGED', 'PROBATION_ENDED', 'RECOGNITION_DECIDED']));
    const verify = (await secDestination.get(`${API}/cases/${caseId}/verify`).expect(200)).body;
    expect(verify).toMatchObject({ valid: true, events: history.length, expectedEvents: history.length });
    expect((await secOrigin.get(`${API}/cases/${caseId}/verify`)).status).toBe(404);
  });

  it('an annulment names the decision it annuls: another number is refused, the right one ends the case as annulled', async () => {
    t.setToday('2027-04-01');
    await expectRule(t.http, caseId, 'ANNULLED_DECISION_MISMATCH', 'RECOGNITION_ANNULLED', '2027-04-01', { decisionNo: 'QĐ-CN-5', reason: 'procedure_error' });
    const annulled = await record(supDestination, caseId, 'RECOGNITION_ANNULLED', '2027-04-01', { decisionNo: 'QĐ-CN-4', reason: 'procedure_error' });
    expect(annulled).toMatchObject({ state: 'annulled', allowedEvents: [] });
    expect(annulled.facts.annulment).toEqual({ decision: 'recognition', decisionNo: 'QĐ-CN-4', reason: 'procedure_error', on: '2027-04-01' });
  });
});

describe('an annulled admission leaves the statistics', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  afterAll(() => t?.close());

  it('counted once decided; no longer after the committee annulled it; the other admission of the cell still counts', async () => {
    t = await startTestApp({ today: '2026-01-05' });
    tree = await createOrganisationTree(t.http, { label: 'Thống kê hủy' });
    const annulled = (await caseInProbation(t, tree.cellId)).id;
    await caseInProbation(t, tree.cellId);
    const admissions = async () =>
      (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: tree.provinceId, period: '2026' }).expect(200)).body.total.admissions as number;
    t.setToday('2026-07-01');
    expect(await admissions()).toBe(2);
    await recordOn(t, annulled, 'ADMISSION_ANNULLED', '2026-07-01', { decisionNo: 'QĐ-1', reason: 'standards_not_met' });
    expect(await admissions()).toBe(1);
    expect((await t.http.get(`${API}/cases/${annulled}`).expect(200)).body).toMatchObject({ state: 'annulled', facts: { annulment: { reason: 'standards_not_met' } } });
  });
});
