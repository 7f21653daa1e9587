import { Candidate } from '@charterflow/procedure';
import { createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { caseInCellReview, caseInProbation, caseReadyForRecognitionVote, expectRule, openCase, postEvent, record, recordOn, SPONSOR } from './helpers';

/**
 * Every api.md rule id this issue can reach, answered over HTTP as 422 RULE_VIOLATION with `rule`, `source` and
 * `messageVi`; each refusal leaves the version and the history unchanged (checked by `expectRule`). Where a rule
 * has a boundary, both sides are tried.
 */
describe('procedure rules over HTTP', () => {
  let t: TestApp;
  let tree: OrganisationTree;

  const VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    tree = await createOrganisationTree(t.http);
  });
  afterAll(() => t?.close());

  /** A case in cellReview (dossier complete on 2026-01-14) for a candidate, the clock on the vote date. */
  async function readyToVote(candidate: Partial<Candidate> = {}, voteOn = '2026-01-15') {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId, '2026-01-14', candidate);
    t.setToday(voteOn);
    return c;
  }

  describe('age at the cell vote (Thu 2026-01-15)', () => {
    it('AGE_BELOW_18: born 2008-01-16 is refused; born 2008-01-15 (18 that day) passes', async () => {
      const young = await readyToVote({ dateOfBirth: '2008-01-16' });
      const body = await expectRule(t.http, young.id, 'AGE_BELOW_18', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      expect(body.source).toEqual(expect.any(String));
      const ok = await readyToVote({ dateOfBirth: '2008-01-15' });
      expect((await record(t.http, ok.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
    });

    // Since ADR 0013: the over-60 consent (E3) is required at the admitting decision, not at the cell vote.
    it('AGE_ABOVE_60_WITHOUT_CONSENT: 60 years and 1 month is refused at the decision until the consent is recorded; exactly 60 years passes', async () => {
      const DECISION = { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-02' };
      const toDecision = async (dateOfBirth: string) => {
        const c = await readyToVote({ dateOfBirth });
        expect((await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
        await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
        t.setToday('2026-03-02');
        return c;
      };
      const old = await toDecision('1965-12-15');
      const body = await expectRule(t.http, old.id, 'AGE_ABOVE_60_WITHOUT_CONSENT', 'ADMISSION_DECIDED', '2026-03-02', DECISION);
      expect(body.messageVi).toContain('15/01/2026');
      await record(t.http, old.id, 'CONSENT_RECORDED', '2026-03-02', { kind: 'over_60', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: '45-CV/TU' });
      expect((await record(t.http, old.id, 'ADMISSION_DECIDED', '2026-03-02', DECISION)).state).toBe('awaitingCeremony');
      const sixty = await toDecision('1966-01-15');
      expect((await record(t.http, sixty.id, 'ADMISSION_DECIDED', '2026-03-02', DECISION)).state).toBe('awaitingCeremony');
    });
  });

  describe('education', () => {
    it('EDUCATION_INSUFFICIENT: primary in a standard area is refused; lower secondary passes', async () => {
      const primary = await readyToVote({ education: 'primary' });
      await expectRule(t.http, primary.id, 'EDUCATION_INSUFFICIENT', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      const lower = await readyToVote({ education: 'lower_secondary' });
      expect((await record(t.http, lower.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
    });

    // Since ADR 0013: the education-exception consent (E6) is required at the admitting decision, not at the cell vote.
    it('EDUCATION_EXCEPTION_WITHOUT_CONSENT: literate in a disadvantaged area needs the consent before the decision; primary there passes', async () => {
      const literate = await readyToVote({ education: 'literate', areaType: 'disadvantaged' });
      expect((await record(t.http, literate.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
      await recordOn(t, literate.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
      t.setToday('2026-03-02');
      const DECISION = { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-02' };
      await expectRule(t.http, literate.id, 'EDUCATION_EXCEPTION_WITHOUT_CONSENT', 'ADMISSION_DECIDED', '2026-03-02', DECISION);
      await record(t.http, literate.id, 'CONSENT_RECORDED', '2026-03-02', { kind: 'education_exception', issuer: 'Tỉnh ủy', documentNo: '12-CV/TU' });
      expect((await record(t.http, literate.id, 'ADMISSION_DECIDED', '2026-03-02', DECISION)).state).toBe('awaitingCeremony');
      const primary = await readyToVote({ education: 'primary', areaType: 'disadvantaged' });
      expect((await record(t.http, primary.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
    });
  });

  describe('documents', () => {
    it('AWARENESS_CERTIFICATE_MISSING: no dossier before the certificate', async () => {
      const c = await openCase(t.http, tree.cellId);
      t.setToday('2026-01-07');
      await expectRule(t.http, c.id, 'AWARENESS_CERTIFICATE_MISSING', 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-1' });
    });

    /** A case whose certificate was issued on 2021-01-15, its dossier complete on 2026-01-14. */
    async function withOldCertificate() {
      t.setToday('2026-01-07');
      const c = await openCase(t.http, tree.cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-OLD', issuedOn: '2021-01-15', issuer: 'Trung tâm chính trị' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      await record(t.http, c.id, 'APPLICATION_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_CERTIFIED', '2026-01-07', { politicalIssue: false });
      await record(t.http, c.id, 'INTRODUCING_RESOLUTION_RECORDED', '2026-01-07', { body: 'youth_union', resolutionNo: 'NQ-ĐTN' });
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-07', { sponsor: SPONSOR });
      await record(t.http, c.id, 'OPINIONS_RECORDED', '2026-01-07', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true });
      return c;
    }

    it('AWARENESS_CERTIFICATE_EXPIRED: exactly 60 months old on the vote day passes, a day later is refused', async () => {
      const onTime = await withOldCertificate();
      t.setToday('2026-01-15');
      expect((await record(t.http, onTime.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
      const late = await withOldCertificate();
      t.setToday('2026-01-16');
      await expectRule(t.http, late.id, 'AWARENESS_CERTIFICATE_EXPIRED', 'CELL_VOTE_RECORDED', '2026-01-16', VOTE);
    });

    it('AWARENESS_CERTIFICATE_MISSING: a certificate issued after the vote day does not count for that vote; on the day it does', async () => {
      const c = await readyToVote({}, '2026-01-16');
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-14', { certificateNo: 'CN-2', issuedOn: '2026-01-16', issuer: 'Trung tâm chính trị phường' });
      const body = await expectRule(t.http, c.id, 'AWARENESS_CERTIFICATE_MISSING', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      expect(body.messageVi).toContain('16/01/2026');
      expect((await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-16', VOTE)).state).toBe('grassrootsReview');
    });

    it('VERIFICATION_REQUESTED receivedOn: the reply limit counts from the receipt; a receipt before the request is refused', async () => {
      t.setToday('2026-01-12');
      const c = await openCase(t.http, tree.cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      const plain = await record(t.http, c.id, 'VERIFICATION_REQUESTED', '2026-01-08', { requestId: 'TT-1', scope: 'domestic', subject: 'Cha' });
      const received = await record(t.http, c.id, 'VERIFICATION_REQUESTED', '2026-01-08', { requestId: 'TT-2', scope: 'domestic', subject: 'Mẹ', receivedOn: '2026-01-12' });
      const one = plain.deadlines.find((d) => d.key === 'VERIFICATION_REPLY:TT-1');
      const two = received.deadlines.find((d) => d.key === 'VERIFICATION_REPLY:TT-2');
      expect(one).toMatchObject({ status: 'open' });
      expect(two).toMatchObject({ status: 'open' });
      expect(two!.dueOn > one!.dueOn).toBe(true);
      await expectRule(t.http, c.id, 'DATE_BEFORE_PREVIOUS_STEP', 'VERIFICATION_REQUESTED', '2026-01-09', { requestId: 'TT-3', scope: 'domestic', subject: 'Vợ', receivedOn: '2026-01-08' });
    });

    it('DOSSIER_DOCUMENTS_STALE: documents of a dossier opened 2026-01-07 serve until 2027-01-07, not a day later', async () => {
      const late = await readyToVote({}, '2027-01-08');
      await expectRule(t.http, late.id, 'DOSSIER_DOCUMENTS_STALE', 'CELL_VOTE_RECORDED', '2027-01-08', VOTE);
      const onTime = await readyToVote({}, '2027-01-07');
      expect((await record(t.http, onTime.id, 'CELL_VOTE_RECORDED', '2027-01-07', VOTE)).state).toBe('grassrootsReview');
    });
  });

  describe('the dossier', () => {
    it('SPONSOR_NOT_FULL_MEMBER and SPONSOR_TOGETHER_UNDER_12_MONTHS, each with its boundary', async () => {
      t.setToday('2026-01-14');
      const c = await openCase(t.http, tree.cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      const sponsor = (over: Record<string, unknown>) => ({ sponsor: { ...SPONSOR, ...over } });
      await expectRule(t.http, c.id, 'SPONSOR_NOT_FULL_MEMBER', 'SPONSOR_ADDED', '2026-01-13', sponsor({ fullMemberSince: null }));
      await expectRule(t.http, c.id, 'SPONSOR_NOT_FULL_MEMBER', 'SPONSOR_ADDED', '2026-01-13', sponsor({ fullMemberSince: '2026-01-14' }));
      await expectRule(t.http, c.id, 'SPONSOR_TOGETHER_UNDER_12_MONTHS', 'SPONSOR_ADDED', '2026-01-13', sponsor({ togetherSince: '2025-01-14' }));
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-13', sponsor({ name: 'Lê Văn A', memberId: 'M-7', fullMemberSince: '2026-01-13', togetherSince: '2025-01-13' }));
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-13', sponsor({ name: 'Phạm Thị B', memberId: 'M-8', togetherSince: '2025-12-01', replacement: true }));
    });

    /** A dossier complete on 2026-01-07 except that the biography was certified with a political issue. */
    async function withPoliticalIssue() {
      t.setToday('2026-01-15');
      const c = await openCase(t.http, tree.cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      await record(t.http, c.id, 'APPLICATION_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_CERTIFIED', '2026-01-07', { politicalIssue: true });
      await record(t.http, c.id, 'INTRODUCING_RESOLUTION_RECORDED', '2026-01-07', { body: 'youth_union', resolutionNo: 'NQ-ĐTN' });
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-07', { sponsor: SPONSOR });
      return record(t.http, c.id, 'OPINIONS_RECORDED', '2026-01-07', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true });
    }

    it('POLITICAL_ISSUE_UNRESOLVED: no vote while the political issue is open; cleared lets the dossier complete', async () => {
      const c = await withPoliticalIssue();
      expect(c.state).toBe('dossier');
      expect(c.allowedEvents).toContain('POLITICAL_ISSUE_CONCLUDED');
      const body = await expectRule(t.http, c.id, 'POLITICAL_ISSUE_UNRESOLVED', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      expect(body.messageVi).toContain('07/01/2026');
      const cleared = await record(t.http, c.id, 'POLITICAL_ISSUE_CONCLUDED', '2026-01-14', { conclusion: 'cleared', decisionNo: '15-KL/ĐU' });
      expect(cleared.state).toBe('cellReview');
      expect((await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');
    });

    it('POLITICAL_ISSUE_CONCLUDED not_cleared ends the case notAdmitted; a case without an open issue cannot take it', async () => {
      const c = await withPoliticalIssue();
      expect((await record(t.http, c.id, 'POLITICAL_ISSUE_CONCLUDED', '2026-01-14', { conclusion: 'not_cleared', decisionNo: '16-KL/ĐU' })).state).toBe('notAdmitted');
      const plain = await readyToVote();
      const res = await postEvent(t.http, plain.id, 'POLITICAL_ISSUE_CONCLUDED', '2026-01-15', { conclusion: 'cleared', decisionNo: 'KL' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'cellReview' });
    });

    it('BIOGRAPHY_NOT_CERTIFIED, VERIFICATION_PENDING, INTRODUCERS_INCOMPLETE, OPINIONS_MISSING in turn', async () => {
      t.setToday('2026-01-12');
      const c = await openCase(t.http, tree.cellId);
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      await record(t.http, c.id, 'APPLICATION_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_FILED', '2026-01-08');
      await record(t.http, c.id, 'VERIFICATION_REQUESTED', '2026-01-08', { requestId: 'req-9', scope: 'abroad', subject: 'anh trai' });
      await expectRule(t.http, c.id, 'BIOGRAPHY_NOT_CERTIFIED', 'CELL_VOTE_RECORDED', '2026-01-12', VOTE);
      await expectRule(t.http, c.id, 'VERIFICATION_PENDING', 'BIOGRAPHY_CERTIFIED', '2026-01-12', { politicalIssue: false });
      await record(t.http, c.id, 'VERIFICATION_REPLIED', '2026-01-12', { requestId: 'req-9' });
      await record(t.http, c.id, 'BIOGRAPHY_CERTIFIED', '2026-01-12', { politicalIssue: false });
      await expectRule(t.http, c.id, 'INTRODUCERS_INCOMPLETE', 'CELL_VOTE_RECORDED', '2026-01-12', VOTE);
      await record(t.http, c.id, 'INTRODUCING_RESOLUTION_RECORDED', '2026-01-12', { body: 'youth_union', resolutionNo: 'NQ-ĐTN' });
      await expectRule(t.http, c.id, 'INTRODUCERS_INCOMPLETE', 'CELL_VOTE_RECORDED', '2026-01-12', VOTE);
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-12', { sponsor: SPONSOR });
      await expectRule(t.http, c.id, 'OPINIONS_MISSING', 'CELL_VOTE_RECORDED', '2026-01-12', VOTE);
    });
  });

  describe('votes', () => {
    it('VOTE_COUNTS_INVALID: negative counts and more in favour than voters are the procedure’s 422; all in favour passes', async () => {
      const c = await readyToVote();
      await expectRule(t.http, c.id, 'VOTE_COUNTS_INVALID', 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: -1 });
      await expectRule(t.http, c.id, 'VOTE_COUNTS_INVALID', 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: -9, excluded: 0, inFavour: 6 });
      await expectRule(t.http, c.id, 'VOTE_COUNTS_INVALID', 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 1, inFavour: 9 });
      expect((await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 1, inFavour: 8 })).state).toBe('grassrootsReview');
    });
  });

  describe('time limits', () => {
    /** A case whose cell voted on 2026-01-15: the admission decision is due by 2026-03-26 (45 WD across Tết). */
    async function awaitingDecision() {
      const c = await readyToVote();
      const s = await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      expect(s.deadlines.find((d) => d.kind === 'ADMISSION_DECISION')).toMatchObject({ status: 'open', dueOn: '2026-03-26' });
      return c;
    }
    const EXTENSION = { deadlineKind: 'ADMISSION_DECISION', reason: 'Trường hợp đặc biệt' };

    it('EXTENSION_AFTER_LIMIT: extended on the due day passes, the day after is refused', async () => {
      const onDue = await awaitingDecision();
      t.setToday('2026-03-26');
      const extended = await record(t.http, onDue.id, 'DEADLINE_EXTENDED', '2026-03-26', EXTENSION);
      expect(extended.deadlines.find((d) => d.kind === 'ADMISSION_DECISION')).toMatchObject({ status: 'open', dueOn: '2026-04-16' });

      const late = await awaitingDecision();
      t.setToday('2026-03-27');
      const body = await expectRule(t.http, late.id, 'EXTENSION_AFTER_LIMIT', 'DEADLINE_EXTENDED', '2026-03-27', EXTENSION);
      expect(body).toMatchObject({ source: 'QĐ294 §4.3.1', details: { dueOn: '2026-03-26' } });
      expect(body.messageVi).toContain('26/03/2026');
    });

    it('EXTENSION_AFTER_LIMIT: a limit that is not running cannot be extended', async () => {
      const c = await readyToVote();
      await expectRule(t.http, c.id, 'EXTENSION_AFTER_LIMIT', 'DEADLINE_EXTENDED', '2026-01-15', EXTENSION);
    });
  });

  describe('consents tied to their step', () => {
    it('CONSENT_NOT_APPLICABLE: an admission consent after the decision, a late-ceremony consent before it or after the ceremony', async () => {
      const c = await readyToVote();
      const late = { kind: 'late_ceremony', issuer: 'Thành ủy', documentNo: '77-CV/TU' };
      await expectRule(t.http, c.id, 'CONSENT_NOT_APPLICABLE', 'CONSENT_RECORDED', '2026-01-15', late);
      await record(t.http, c.id, 'CONSENT_RECORDED', '2026-01-15', { kind: 'over_60', issuer: 'Tỉnh ủy', documentNo: '1-CV/TU' });
      await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
      t.setToday('2026-03-04');
      await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-03-02', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-04' });
      const body = await expectRule(t.http, c.id, 'CONSENT_NOT_APPLICABLE', 'CONSENT_RECORDED', '2026-03-04', { kind: 'education_exception', issuer: 'Tỉnh ủy', documentNo: '2-CV/TU' });
      expect(body.messageVi).toContain('02/03/2026');
      await record(t.http, c.id, 'CONSENT_RECORDED', '2026-03-04', late);
      await recordOn(t, c.id, 'CEREMONY_HELD', '2026-03-05', { helper: { name: 'Trần Văn Bình' } });
      await expectRule(t.http, c.id, 'CONSENT_NOT_APPLICABLE', 'CONSENT_RECORDED', '2026-03-05', late);
    });
  });

  describe('ceremony and probation', () => {
    /** A case awaiting its ceremony: decision received 2026-03-04, ceremony due 2026-04-15. */
    async function awaitingCeremony() {
      const c = await readyToVote();
      await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
      t.setToday('2026-03-04');
      const s = await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-03-02', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-04' });
      expect(s.deadlines.find((d) => d.kind === 'CEREMONY')).toMatchObject({ status: 'open', dueOn: '2026-04-15' });
      return c;
    }

    it('CEREMONY_LATE_WITHOUT_CONSENT: on the due day passes; the day after needs the superior’s consent', async () => {
      const late = await awaitingCeremony();
      t.setToday('2026-04-16');
      await expectRule(t.http, late.id, 'CEREMONY_LATE_WITHOUT_CONSENT', 'CEREMONY_HELD', '2026-04-16', { helper: { name: 'Trần Văn Bình' } });
      await record(t.http, late.id, 'CONSENT_RECORDED', '2026-04-16', { kind: 'late_ceremony', issuer: 'Thành ủy', documentNo: '77-CV/TU' });
      const held = await record(t.http, late.id, 'CEREMONY_HELD', '2026-04-16', { helper: { name: 'Trần Văn Bình' } });
      expect(held.state).toBe('probation');
      expect(held.deadlines.find((d) => d.kind === 'CEREMONY')).toMatchObject({ status: 'missed' });

      const onTime = await awaitingCeremony();
      const ok = await recordOn(t, onTime.id, 'CEREMONY_HELD', '2026-04-15', { helper: { name: 'Trần Văn Bình' } });
      expect(ok.deadlines.find((d) => d.kind === 'CEREMONY')).toMatchObject({ status: 'met' });
    });

    it('RECOGNITION_BEFORE_PROBATION_END: refused the day before probation ends (2027-03-02), accepted on that day', async () => {
      const c = await caseInProbation(t, tree.cellId);
      t.setToday('2027-03-01');
      await expectRule(t.http, c.id, 'RECOGNITION_BEFORE_PROBATION_END', 'SELF_REVIEW_SUBMITTED', '2027-03-01');
      await expectRule(t.http, c.id, 'RECOGNITION_BEFORE_PROBATION_END', 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-01', { ...VOTE, motion: 'recognise' });
      t.setToday('2027-03-02');
      expect((await record(t.http, c.id, 'SELF_REVIEW_SUBMITTED', '2027-03-02')).state).toBe('recognitionReview');
    });

    it('RECOGNITION_DOSSIER_INCOMPLETE: no recognition vote before the self-review, assessment and opinions', async () => {
      const c = await caseInProbation(t, tree.cellId);
      t.setToday('2027-03-03');
      await record(t.http, c.id, 'SELF_REVIEW_SUBMITTED', '2027-03-03');
      await expectRule(t.http, c.id, 'RECOGNITION_DOSSIER_INCOMPLETE', 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-03', { ...VOTE, motion: 'recognise' });
      const ready = await caseReadyForRecognitionVote(t, tree.cellId);
      expect((await recordOn(t, ready.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-08', { ...VOTE, motion: 'recognise' })).state).toBe('recognitionReview');
    });
  });

  describe('dates', () => {
    it('DATE_IN_FUTURE: tomorrow is refused, today passes (also for a date inside the payload)', async () => {
      const c = await openCase(t.http, tree.cellId);
      t.setToday('2026-01-06');
      const cert = { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm' };
      await expectRule(t.http, c.id, 'DATE_IN_FUTURE', 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-07', cert);
      await expectRule(t.http, c.id, 'DATE_IN_FUTURE', 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { ...cert, issuedOn: '2026-01-07' });
      expect((await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', cert)).state).toBe('awarenessCertified');
    });

    it('DATE_BEFORE_PREVIOUS_STEP: a step dated before the last one is refused; the same day passes', async () => {
      t.setToday('2026-01-20');
      const c = await openCase(t.http, tree.cellId, '2026-01-05');
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-10', { certificateNo: 'CN-1', issuedOn: '2026-01-09', issuer: 'Trung tâm' });
      await expectRule(t.http, c.id, 'DATE_BEFORE_PREVIOUS_STEP', 'DOSSIER_OPENED', '2026-01-09', { resolutionNo: 'NQ-7' });
      expect((await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-10', { resolutionNo: 'NQ-7' })).state).toBe('dossier');
    });
  });
});
