import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { CANDIDATE, CaseBody, completeDossier, expectRule, record, recordOn } from './helpers';

/**
 * Re-admission over HTTP (api.md v1.1 "Re-admission"; ADR 0022): `POST /cases` with `readmission`, refused at the
 * opening for an excluded reason or a second re-admission (nothing written), the 36 months at the cell vote on both
 * sides, the provincial consent before the decision, and the party age in the case view.
 */
describe('re-admission over HTTP', () => {
  let t: TestApp;
  let tree: OrganisationTree;

  const READMISSION = { previousAdmissionDecisionOn: '2010-05-19', leftOn: '2023-01-15', leftReason: 'removed', timesReadmittedBefore: 0 };
  const VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };
  const DECISION = { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-02' };
  const CONSENT = { kind: 'readmission', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: '88-CV/TU' };

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    tree = await createOrganisationTree(t.http);
  });
  afterAll(() => t?.close());

  const open = (readmission: Record<string, unknown>) =>
    t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: CANDIDATE, readmission });

  async function casesCount(): Promise<number> {
    const res = await t.http.get(`${API}/cases`).query({ limit: 100 });
    return (res.body.items as unknown[]).length;
  }

  /** A re-admission case with its dossier complete on 2026-01-14, the clock on the vote date 2026-01-15. */
  async function readyToVote(readmission: Record<string, unknown> = READMISSION): Promise<CaseBody> {
    t.setToday('2026-01-05');
    const res = await open(readmission);
    expect(res.status).toBe(201);
    const c = res.body as CaseBody;
    t.setToday('2026-01-14');
    await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị phường' });
    await completeDossier(t.http, c.id, { opened: '2026-01-07', last: '2026-01-14' });
    t.setToday('2026-01-15');
    return c;
  }

  it('opens a re-admission and keeps its facts; a first admission has none', async () => {
    t.setToday('2026-01-05');
    const res = await open(READMISSION);
    expect(res.status).toBe(201);
    expect(res.body.facts.readmission).toEqual(READMISSION);
    expect(res.body.membership).toMatchObject({ partyAgeFrom: null, partyAgeGaps: [] });
    const history = await t.http.get(`${API}/cases/${res.body.id}/events`);
    expect(history.body[0]).toMatchObject({ type: 'CASE_OPENED', payload: { readmission: READMISSION } });
  });

  it('refuses an excluded reason and a second re-admission with 422 and writes nothing', async () => {
    t.setToday('2026-01-05');
    const before = await casesCount();
    const excluded = await open({ ...READMISSION, leftReason: 'abandoned_activity' });
    expect(excluded.status).toBe(422);
    expect(excluded.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'READMISSION_EXCLUDED', source: 'QĐ294 §3.5.2' });
    expect(excluded.body.messageVi).toMatch(/«Tự ý bỏ sinh hoạt đảng».* \(căn cứ mục 3\.5\.2 Quy định số 294-QĐ\/TW ngày 26\/05\/2025\)\.$/);
    const hardship = await open({ ...READMISSION, leftReason: 'asked_to_leave' });
    expect(hardship.body.rule).toBe('READMISSION_EXCLUDED');
    const twice = await open({ ...READMISSION, timesReadmittedBefore: 1 });
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'READMISSION_ONLY_ONCE', messageVi: expect.stringContaining('chỉ được xem xét kết nạp lại một lần') });
    expect(await casesCount()).toBe(before);
    // Asking to leave for special family hardship may be re-admitted.
    expect((await open({ ...READMISSION, leftReason: 'asked_to_leave', familyHardship: true })).status).toBe(201);
  });

  it('answers 400 with the field for facts that do not hold together', async () => {
    t.setToday('2026-01-05');
    const before = await casesCount();
    const cases = [
      { body: { ...READMISSION, leftOn: '2010-05-19' }, field: 'readmission.leftOn' },
      { body: { ...READMISSION, leftOn: '2023-02-30' }, field: 'readmission.leftOn' },
      { body: { ...READMISSION, leftReason: 'resigned' }, field: 'readmission.leftReason' },
      { body: { ...READMISSION, timesReadmittedBefore: -1 }, field: 'readmission.timesReadmittedBefore' },
    ];
    for (const c of cases) {
      const res = await open(c.body);
      expect([c.field, res.status, res.body.code]).toEqual([c.field, 400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body)).toContain(c.field);
    }
    expect(await casesCount()).toBe(before);
  });

  it('READMISSION_TOO_EARLY: left 2023-01-16 (a day short of 36 months) is refused at the vote; left 2023-01-15 passes', async () => {
    const early = await readyToVote({ ...READMISSION, leftOn: '2023-01-16' });
    const body = await expectRule(t.http, early.id, 'READMISSION_TOO_EARLY', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
    expect(body.messageVi).toContain('16/01/2023');
    const exact = await readyToVote();
    expect((await record(t.http, exact.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
  });

  it('READMISSION_CONSENT_MISSING until the provincial consent is recorded; then the decision, probation and the party age', async () => {
    const c = await readyToVote();
    await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
    await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
    t.setToday('2026-03-02');
    await expectRule(t.http, c.id, 'READMISSION_CONSENT_MISSING', 'ADMISSION_DECIDED', '2026-03-02', DECISION);
    await record(t.http, c.id, 'CONSENT_RECORDED', '2026-03-02', CONSENT);
    const decided = await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-03-02', DECISION);
    expect(decided.state).toBe('awaitingCeremony');
    expect(decided.membership).toMatchObject({ admissionDecisionOn: '2026-03-02', partyAgeFrom: '2010-05-19', partyAgeGaps: [{ from: '2023-01-15', to: '2026-03-02' }] });
    const held = await recordOn(t, c.id, 'CEREMONY_HELD', '2026-03-09', { helper: { name: 'Trần Văn Bình' } });
    expect(held.state).toBe('probation');
    expect(held.membership).toMatchObject({ probationStartOn: '2026-03-09', probationEndOn: '2027-03-09' });
    const read = await t.http.get(`${API}/cases/${c.id}`);
    expect(read.body.membership.partyAgeFrom).toBe('2010-05-19');
  });

  it('a first admission cannot record a readmission consent (CONSENT_NOT_APPLICABLE)', async () => {
    t.setToday('2026-01-05');
    const first = await t.http.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: CANDIDATE });
    expect(first.status).toBe(201);
    expect(first.body.membership).toMatchObject({ partyAgeFrom: null, partyAgeGaps: [] });
    await expectRule(t.http, first.body.id, 'CONSENT_NOT_APPLICABLE', 'CONSENT_RECORDED', '2026-01-05', CONSENT);
  });
});
