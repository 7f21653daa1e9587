import { API, createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { CANDIDATE, CaseBody, deadline, record, SPONSOR, expectRule } from './helpers';

/** The deadlines of a case as `kind:status:dueOn`, sorted, for compact comparisons. */
function deadlines(c: CaseBody): string[] {
  return c.deadlines.map((d) => `${d.kind}:${d.status}:${d.dueOn}`).sort();
}

describe('one case through every step to fullMember (official 2026 calendar)', () => {
  let t: TestApp;
  let cellId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    ({ cellId } = await createOrganisationTree(t.http));
  });
  afterAll(() => t?.close());

  it('walks sympathiser → … → fullMember', async () => {
    // 1. the cell resolution puts the person on the sympathiser list
    const created = await t.http.post(`${API}/cases`).send({ organisationId: cellId, occurredOn: '2026-01-05', candidate: CANDIDATE });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    let c = created.body as CaseBody;
    caseId = c.id;
    expect(c).toMatchObject({ state: 'sympathiser', version: 1, procedureVersion: 'qd294-2025', organisationId: cellId, candidate: CANDIDATE });
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['AWARENESS_CERTIFICATE_RECORDED', 'WITHDRAWN']));
    expect(c.allowedEvents).not.toContain('DOSSIER_OPENED');
    expect(c.deadlines).toEqual([]);
    expect(c.membership).toEqual({ admissionDecisionOn: null, probationStartOn: null, probationEndOn: null, fullMemberSince: null, partyAgeFrom: null, partyAgeGaps: [] });

    // 2. awareness class certificate: valid 60 months
    t.setToday('2026-01-06');
    c = await record(t.http, caseId, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị phường' });
    expect(c.state).toBe('awarenessCertified');
    expect(c.version).toBe(2);
    expect(c.allowedEvents).toContain('DOSSIER_OPENED');
    expect(deadlines(c)).toEqual(['AWARENESS_CERTIFICATE_EXPIRY:open:2031-01-06']);

    // 3. the dossier: opened, documents, verification, certification, introducers, opinions
    t.setToday('2026-01-07');
    c = await record(t.http, caseId, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
    expect(c.state).toBe('dossier');
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['APPLICATION_FILED', 'BIOGRAPHY_FILED', 'SPONSOR_ADDED', 'OPINIONS_RECORDED', 'WITHDRAWN']));
    expect(c.allowedEvents).not.toContain('CELL_VOTE_RECORDED');
    expect(deadlines(c)).toEqual(['AWARENESS_CERTIFICATE_EXPIRY:open:2031-01-06', 'DOSSIER_DOCUMENTS_EXPIRY:open:2027-01-07']);

    await record(t.http, caseId, 'APPLICATION_FILED', '2026-01-07');
    t.setToday('2026-01-08');
    await record(t.http, caseId, 'BIOGRAPHY_FILED', '2026-01-08');
    c = await record(t.http, caseId, 'VERIFICATION_REQUESTED', '2026-01-08', { requestId: 'req-1', scope: 'domestic', subject: 'cha đẻ' });
    expect(c.state).toBe('dossier');
    expect(deadline(c, 'VERIFICATION_REPLY')).toMatchObject({ status: 'open', dueOn: '2026-02-25' });
    expect(c.allowedEvents).toContain('VERIFICATION_REPLIED');

    t.setToday('2026-01-12');
    c = await record(t.http, caseId, 'VERIFICATION_REPLIED', '2026-01-12', { requestId: 'req-1' });
    expect(deadline(c, 'VERIFICATION_REPLY')).toMatchObject({ status: 'met', dueOn: '2026-02-25' });
    await record(t.http, caseId, 'BIOGRAPHY_CERTIFIED', '2026-01-12', { politicalIssue: false });
    t.setToday('2026-01-13');
    await record(t.http, caseId, 'INTRODUCING_RESOLUTION_RECORDED', '2026-01-13', { body: 'youth_union', resolutionNo: 'NQ-ĐTN-3' });
    c = await record(t.http, caseId, 'SPONSOR_ADDED', '2026-01-13', { sponsor: SPONSOR });
    expect(c.state).toBe('dossier');

    // the last part completes the dossier: the case is in cellReview without a further event
    t.setToday('2026-01-14');
    c = await record(t.http, caseId, 'OPINIONS_RECORDED', '2026-01-14', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true });
    expect(c.state).toBe('cellReview');
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['CELL_VOTE_RECORDED', 'WITHDRAWN']));
    expect(deadlines(c)).toEqual([
      'AWARENESS_CERTIFICATE_EXPIRY:open:2031-01-06',
      'DOSSIER_DOCUMENTS_EXPIRY:open:2027-01-07',
      'VERIFICATION_REPLY:met:2026-02-25',
    ]);

    // 4. the cell votes on Thursday 2026-01-15: 6 of 9 ≥ 2/3 → 45 working days for the decision (Tết 2026 off)
    t.setToday('2026-01-15');
    c = await record(t.http, caseId, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(c.state).toBe('grassrootsReview');
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['GRASSROOTS_VOTE_RECORDED']));
    expect(deadlines(c)).toEqual([
      'ADMISSION_DECISION:open:2026-03-26',
      'AWARENESS_CERTIFICATE_EXPIRY:met:2031-01-06',
      'DOSSIER_DOCUMENTS_EXPIRY:met:2027-01-07',
      'VERIFICATION_REPLY:met:2026-02-25',
    ]);

    // 5. grassroots committee (not authorised) → the superior decides
    t.setToday('2026-02-02');
    c = await record(t.http, caseId, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 7 });
    expect(c.state).toBe('superiorReview');
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['ADMISSION_DECIDED']));
    expect(deadline(c, 'ADMISSION_DECISION')).toMatchObject({ status: 'open', dueOn: '2026-03-26' });

    // 6. admission decided; the cell received it on 2026-03-04 → ceremony within 30 working days
    t.setToday('2026-03-04');
    c = await record(t.http, caseId, 'ADMISSION_DECIDED', '2026-03-02', { decisionNo: '123-QĐ/ĐU', standingMembers: 7, inFavour: 5, receivedOn: '2026-03-04' });
    expect(c.state).toBe('awaitingCeremony');
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['CEREMONY_HELD']));
    expect(deadline(c, 'ADMISSION_DECISION')).toMatchObject({ status: 'met', dueOn: '2026-03-26' });
    expect(deadline(c, 'CEREMONY')).toMatchObject({ status: 'open', dueOn: '2026-04-15' });
    expect(c.membership.admissionDecisionOn).toBe('2026-03-02');

    // 7. the ceremony starts 12 months of probation
    t.setToday('2026-03-20');
    c = await record(t.http, caseId, 'CEREMONY_HELD', '2026-03-20', { helper: { name: 'Trần Văn Bình', memberId: 'M-001' } });
    expect(c.state).toBe('probation');
    expect(c.allowedEvents).toEqual(expect.arrayContaining(['MEMBER_RECORDS_FILED', 'NEW_MEMBER_CLASS_COMPLETED']));
    expect(c.allowedEvents).not.toContain('PROBATION_ENDED');
    expect(deadline(c, 'CEREMONY')).toMatchObject({ status: 'met', dueOn: '2026-04-15' });
    expect(deadline(c, 'MEMBER_RECORDS')).toMatchObject({ status: 'open', dueOn: '2026-05-06' });
    expect(deadline(c, 'PROBATION_END')).toMatchObject({ status: 'open', dueOn: '2027-03-20' });
    expect(c.membership).toMatchObject({ probationStartOn: '2026-03-20', probationEndOn: '2027-03-20', fullMemberSince: null });

    t.setToday('2026-04-01');
    c = await record(t.http, caseId, 'MEMBER_RECORDS_FILED', '2026-04-01');
    expect(deadline(c, 'MEMBER_RECORDS')).toMatchObject({ status: 'met' });
    t.setToday('2026-06-01');
    c = await record(t.http, caseId, 'NEW_MEMBER_CLASS_COMPLETED', '2026-06-01', { certificateNo: 'BD-9' });
    expect(c.state).toBe('probation');

    // the recognition steps are refused while probation lasts
    await expectRule(t.http, caseId, 'RECOGNITION_BEFORE_PROBATION_END', 'SELF_REVIEW_SUBMITTED', '2026-06-01');

    // 8. a year passes: touching the case on or after the end date records PROBATION_ENDED by the engine first
    t.setToday('2027-03-22');
    const before = await t.http.get(`${API}/cases/${caseId}`);
    expect(before.body.state).toBe('probation');
    c = await record(t.http, caseId, 'SELF_REVIEW_SUBMITTED', '2027-03-22');
    expect(c.state).toBe('recognitionReview');
    expect(deadline(c, 'PROBATION_END')).toMatchObject({ status: 'met', dueOn: '2027-03-20' });
    expect(deadline(c, 'RECOGNITION_CELL_REVIEW')).toMatchObject({ status: 'open', dueOn: '2027-05-05' });
    const history = (await t.http.get(`${API}/cases/${caseId}/events`)).body as { seq: number; type: string; occurredOn: string; actor: { kind: string }; fromState: string; toState: string }[];
    expect(history.slice(-2).map((e) => [e.type, e.occurredOn, e.actor.kind, e.fromState, e.toState])).toEqual([
      ['PROBATION_ENDED', '2027-03-20', 'system', 'probation', 'recognitionReview'],
      ['SELF_REVIEW_SUBMITTED', '2027-03-22', 'user', 'recognitionReview', 'recognitionReview'],
    ]);

    await record(t.http, caseId, 'HELPER_ASSESSMENT_SUBMITTED', '2027-03-22');
    t.setToday('2027-03-29');
    c = await record(t.http, caseId, 'RECOGNITION_OPINIONS_RECORDED', '2027-03-29');
    expect(c.allowedEvents).toContain('RECOGNITION_CELL_VOTE_RECORDED');

    // 9. recognition: cell vote, grassroots vote, decision dated back to the end of probation
    t.setToday('2027-04-05');
    c = await record(t.http, caseId, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-04-05', { fullMembers: 10, excluded: 1, inFavour: 6, motion: 'recognise' });
    expect(c.state).toBe('recognitionReview');
    expect(deadline(c, 'RECOGNITION_CELL_REVIEW')).toMatchObject({ status: 'met' });
    expect(deadline(c, 'RECOGNITION_DECISION')).toMatchObject({ status: 'open', dueOn: '2027-05-20' });

    t.setToday('2027-04-12');
    c = await record(t.http, caseId, 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-04-12', { committeeMembers: 9, inFavour: 6, motion: 'recognise' });
    expect(c.state).toBe('recognitionReview');
    expect(c.allowedEvents).toContain('RECOGNITION_DECIDED');

    t.setToday('2027-04-20');
    c = await record(t.http, caseId, 'RECOGNITION_DECIDED', '2027-04-20', { decisionNo: '456-QĐ/ĐU', standingMembers: 7, inFavour: 4, motion: 'recognise' });
    expect(c.state).toBe('fullMember');
    // only the announcement at the cell meeting and the card handover follow (A24), or an annulment (S14e, ADR 0024)
    expect(c.allowedEvents).toEqual(['RECOGNITION_ANNOUNCED', 'MEMBER_CARD_HANDED_OVER', 'ADMISSION_ANNULLED', 'RECOGNITION_ANNULLED']);
    expect(deadline(c, 'RECOGNITION_DECISION')).toMatchObject({ status: 'met' });
    // the one limit still running: the announcement at the next regular cell meeting, within a month (ADR 0016)
    expect(c.deadlines.filter((d) => d.status === 'open').map((d) => [d.kind, d.dueOn])).toEqual([['RECOGNITION_ANNOUNCEMENT', '2027-05-20']]);
    expect(c.membership).toEqual({
      admissionDecisionOn: '2026-03-02',
      probationStartOn: '2026-03-20',
      probationEndOn: '2027-03-20',
      fullMemberSince: '2027-03-20',
      // A first admission: the party age counts from its decision, with no time outside the Party (ADR 0022).
      partyAgeFrom: '2026-03-02',
      partyAgeGaps: [],
    });

    // the history is complete, ordered and its hash chain verifies
    const events = (await t.http.get(`${API}/cases/${caseId}/events`)).body as { seq: number; hash: string; prevHash: string }[];
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // 23 staff steps + PROBATION_ENDED recorded by the engine in the same write as SELF_REVIEW_SUBMITTED
    expect(events).toHaveLength(24);
    expect(c.version).toBe(23);
    events.slice(1).forEach((e, i) => expect(e.prevHash).toBe(events[i].hash));
    expect((await t.http.get(`${API}/cases/${caseId}/verify`)).body).toEqual({ valid: true, events: 24, expectedEvents: 24, checked: expect.arrayContaining(['event_hashes', 'case_head']) });

    // and the case is found by state, organisation subtree and name
    const list = await t.http.get(`${API}/cases`).query({ state: 'fullMember', organisationId: cellId, q: 'nguyen thi lan' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: CaseBody) => i.id)).toEqual([caseId]);
  });
});
