import { CaseAggregate } from '../model/engine';
import { EventNotAllowed, RuleViolation } from '../model/errors';
import {
  AUTHORISED_GRASSROOTS,
  CANDIDATE,
  CaseDriver,
  makeEnv,
  PASSING_CELL_VOTE,
  SPONSOR,
  SPONSOR_2,
  toAwarenessCertified,
  toCellReview,
  toProbation,
  toRecognitionReview,
  VILLAGE_CELL,
} from '../__fixtures__/scenario';
import { weekdayCalendar } from '../__fixtures__/weekday-calendar';
import { admissionMachine } from '../machine/admission.machine';
import { allowedEventsOf, decide, describe as describeCase, describeStateValue, describeStoredMachine, dueTimedEvents, MACHINE_VERSION, openCase, procedureVersionFor, restoreAggregate, RULES } from './index';

const recognise = { fullMembers: 9, excluded: 1, inFavour: 6, motion: 'recognise' as const };
const failCell = { fullMembers: 9, excluded: 0, inFavour: 5, motion: 'recognise' as const };

function rule(refusal: unknown): string {
  return (refusal as RuleViolation).rule ?? (refusal as EventNotAllowed).code;
}

describe('openCase', () => {
  it('opens in sympathiser with the procedure version of the opening date', () => {
    const d = openCase({ type: 'CASE_OPENED', occurredOn: '2025-06-30', candidate: CANDIDATE }, makeEnv());
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.toState).toBe('sympathiser');
    expect(d.aggregate.procedureVersion).toBe('qd232-2025');
    expect(d.aggregate.machineVersion).toBe(MACHINE_VERSION);
    expect(describeCase(d.aggregate).lastStepOn).toBe('2025-06-30');
    const e = openCase({ type: 'CASE_OPENED', occurredOn: '2025-07-01', candidate: CANDIDATE }, makeEnv());
    expect(e.ok && e.aggregate.procedureVersion).toBe('qd294-2025');
  });

  it('refuses a future opening date', () => {
    const d = openCase({ type: 'CASE_OPENED', occurredOn: '2026-01-02', candidate: CANDIDATE }, makeEnv('2026-01-01'));
    expect(!d.ok && rule(d.refusal)).toBe('DATE_IN_FUTURE');
  });

  it('procedureVersionFor switches on 2025-07-01', () => {
    expect(procedureVersionFor('2025-06-30')).toBe('qd232-2025');
    expect(procedureVersionFor('2025-07-01')).toBe('qd294-2025');
  });
});

describe('happy path to fullMember', () => {
  it('walks every step, checking state, allowed events and deadlines', () => {
    const c = new CaseDriver();
    expect(c.state).toBe('sympathiser');
    expect(c.description.allowedEvents).toEqual(['AWARENESS_CERTIFICATE_RECORDED', 'CONSENT_RECORDED', 'TRANSFERRED', 'WITHDRAWN']);

    toAwarenessCertified(c);
    expect(c.state).toBe('awarenessCertified');
    expect(c.description.allowedEvents).toEqual(['AWARENESS_CERTIFICATE_RECORDED', 'DOSSIER_OPENED', 'CONSENT_RECORDED', 'TRANSFERRED', 'WITHDRAWN']);
    expect(c.deadline('AWARENESS_CERTIFICATE_EXPIRY')).toMatchObject({ dueOn: '2030-09-05', status: 'open', length: { amount: 60, unit: 'months' } });

    c.ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' });
    expect(c.state).toBe('dossier');
    expect(c.description.allowedEvents).toEqual([
      'AWARENESS_CERTIFICATE_RECORDED', 'APPLICATION_FILED', 'BIOGRAPHY_FILED', 'VERIFICATION_REQUESTED', 'VERIFICATION_REPLIED',
      'SPONSOR_ADDED', 'INTRODUCING_RESOLUTION_RECORDED', 'OPINIONS_RECORDED', 'CONSENT_RECORDED', 'TRANSFERRED', 'WITHDRAWN',
    ]);
    expect(c.deadline('DOSSIER_DOCUMENTS_EXPIRY')).toMatchObject({ dueOn: '2026-10-01', status: 'open' });

    c.ok('APPLICATION_FILED', '2025-10-02').ok('BIOGRAPHY_FILED', '2025-10-03');
    expect(c.description.allowedEvents).toContain('BIOGRAPHY_CERTIFIED');
    expect(c.description.allowedEvents).not.toContain('APPLICATION_FILED');
    c.ok('VERIFICATION_REQUESTED', '2025-10-06', { requestId: 'req-1', scope: 'domestic', subject: 'father' });
    expect(c.description.stateDetail.value).toMatchObject({ dossier: { biography: 'verifying' } });
    expect(c.deadline('VERIFICATION_REPLY:req-1')).toMatchObject({ dueOn: '2025-11-17', reference: 'req-1' }); // 30 WD
    expect(rule(c.refused('BIOGRAPHY_CERTIFIED', '2025-10-07', { politicalIssue: false }))).toBe('VERIFICATION_PENDING');

    c.ok('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1' });
    expect(c.deadline('VERIFICATION_REPLY:req-1')).toMatchObject({ status: 'met', closedOn: '2025-10-20' });
    c.ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'NQ-DTN-3' })
      .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR });
    expect(c.state).toBe('dossier');
    expect(c.description.stateDetail.dossier).toMatchObject({ application: true, biographyCertified: true, introducers: true, opinions: false });

    c.ok('OPINIONS_RECORDED', '2025-11-05', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true });
    expect(c.state).toBe('cellReview'); // by itself
    expect(c.last).toMatchObject({ ok: true, fromState: 'dossier', toState: 'cellReview' });
    expect(c.description.allowedEvents).toContain('CELL_VOTE_RECORDED');

    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
    expect(c.description.allowedEvents).toEqual(['CONSENT_RECORDED', 'GRASSROOTS_VOTE_RECORDED', 'DEADLINE_EXTENDED', 'TRANSFERRED', 'WITHDRAWN']);
    expect(c.deadline('AWARENESS_CERTIFICATE_EXPIRY').status).toBe('met');
    expect(c.deadline('DOSSIER_DOCUMENTS_EXPIRY').status).toBe('met');
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-01-12', ruleSet: 'qd294-2025', source: 'QĐ294 §4.3.1', status: 'open' });

    c.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
    expect(c.state).toBe('superiorReview');
    c.ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-12-17' });
    expect(c.state).toBe('awaitingCeremony');
    expect(c.description.allowedEvents).toEqual(['CONSENT_RECORDED', 'TRANSFERRED', 'CEREMONY_HELD', 'ADMISSION_ANNULLED', 'WITHDRAWN']);
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ status: 'met', closedOn: '2025-12-15' });
    expect(c.deadline('CEREMONY')).toMatchObject({ baseOn: '2025-12-17', dueOn: '2026-01-28', status: 'open', source: 'QĐ294 §4.1' });
    expect(c.description.membership.admissionDecisionOn).toBe('2025-12-15');

    c.ok('CEREMONY_HELD', '2026-01-06', { helper: { name: 'Trần Văn Bình' } });
    expect(c.state).toBe('probation');
    expect(c.description.membership).toMatchObject({ probationStartOn: '2026-01-06', probationEndOn: '2027-01-06', fullMemberSince: null });
    expect(c.description.allowedEvents).toEqual(['TRANSFERRED', 'MEMBER_RECORDS_FILED', 'NEW_MEMBER_CLASS_COMPLETED', 'HELPER_CHANGED', 'RECOGNITION_CELL_VOTE_RECORDED', 'ADMISSION_ANNULLED']);
    expect(c.deadline('CEREMONY').status).toBe('met');
    expect(c.deadline('PROBATION_END')).toMatchObject({ dueOn: '2027-01-06', status: 'open' });
    expect(c.deadline('MEMBER_RECORDS')).toMatchObject({ dueOn: '2026-02-17', status: 'open' });

    c.ok('MEMBER_RECORDS_FILED', '2026-01-20').ok('NEW_MEMBER_CLASS_COMPLETED', '2026-05-11', { certificateNo: 'BD-9' });
    expect(c.deadline('MEMBER_RECORDS').status).toBe('met');

    expect(dueTimedEvents(c.aggregate, '2027-01-05')).toEqual([]);
    const due = dueTimedEvents(c.aggregate, '2027-01-09');
    expect(due).toEqual([{ type: 'PROBATION_ENDED', occurredOn: '2027-01-06' }]);
    const ended = decide(c.aggregate, due[0], c.env);
    expect(ended).toMatchObject({ ok: true, fromState: 'probation', toState: 'recognitionReview' });
    if (ended.ok) c.aggregate = ended.aggregate;
    expect(c.deadline('PROBATION_END')).toMatchObject({ status: 'met' });
    expect(c.deadline('RECOGNITION_CELL_REVIEW')).toMatchObject({ baseOn: '2027-01-06', dueOn: '2027-02-17', status: 'open' });
    expect(c.description.allowedEvents).toEqual([
      'TRANSFERRED', 'MEMBER_RECORDS_FILED', 'NEW_MEMBER_CLASS_COMPLETED', 'HELPER_CHANGED', 'SELF_REVIEW_SUBMITTED', 'HELPER_ASSESSMENT_SUBMITTED',
      'RECOGNITION_OPINIONS_RECORDED', 'RECOGNITION_CELL_VOTE_RECORDED', 'ADMISSION_ANNULLED',
    ]);

    expect(rule(c.refused('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-07', recognise))).toBe('RECOGNITION_DOSSIER_INCOMPLETE');
    c.ok('SELF_REVIEW_SUBMITTED', '2027-01-08').ok('HELPER_ASSESSMENT_SUBMITTED', '2027-01-08').ok('RECOGNITION_OPINIONS_RECORDED', '2027-01-11');
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', recognise);
    expect(c.description.stateDetail.value).toEqual({ recognitionReview: 'atGrassroots' });
    expect(c.deadline('RECOGNITION_CELL_REVIEW').status).toBe('met');
    expect(c.deadline('RECOGNITION_DECISION')).toMatchObject({ dueOn: '2027-02-26', status: 'open' });
    expect(c.description.allowedEvents).toContain('RECOGNITION_GRASSROOTS_VOTE_RECORDED');

    c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-25', { committeeMembers: 9, inFavour: 6, motion: 'recognise' });
    c.ok('RECOGNITION_DECIDED', '2027-03-05', { decisionNo: 'QD-9', standingMembers: 7, inFavour: 4, motion: 'recognise' });
    expect(c.state).toBe('fullMember');
    expect(c.description.membership.fullMemberSince).toBe('2027-01-06'); // the end of probation, not the decision date
    // After recognition only the announcement at the cell meeting and the card handover are recorded (A24).
    expect(c.description.allowedEvents).toEqual(['RECOGNITION_ANNOUNCED', 'MEMBER_CARD_HANDED_OVER', 'ADMISSION_ANNULLED', 'RECOGNITION_ANNULLED']);
    // A late decision is accepted; its limit closes missed (2027-02-26 → 2027-03-05: 5 working days).
    expect(c.deadline('RECOGNITION_DECISION')).toMatchObject({ status: 'missed', lateWorkingDays: 5 });
    // The announcement at the next regular cell meeting: within one calendar month of the decision (D15, ADR 0016).
    expect(c.openDeadlineKeys()).toEqual(['RECOGNITION_ANNOUNCEMENT']);
    expect(c.deadline('RECOGNITION_ANNOUNCEMENT')).toMatchObject({ baseOn: '2027-03-05', dueOn: '2027-04-05', status: 'open', ruleSet: 'qd294-2025' });
    expect(rule(c.refused('WITHDRAWN', '2027-03-06', { reason: 'x' }))).toBe('EVENT_NOT_ALLOWED');
    c.ok('RECOGNITION_ANNOUNCED', '2027-04-05');
    expect(c.deadline('RECOGNITION_ANNOUNCEMENT')).toMatchObject({ status: 'met', closedOn: '2027-04-05' });
    expect(c.openDeadlineKeys()).toEqual([]);
    expect(c.state).toBe('fullMember');
  });
});

describe('refusals', () => {
  it('EVENT_NOT_ALLOWED carries the state and the allowed events; nothing changes', () => {
    const c = new CaseDriver();
    const before = JSON.stringify(c.aggregate);
    const r = c.refused('CEREMONY_HELD', '2025-09-02', { helper: { name: 'x' } }) as EventNotAllowed;
    expect(r).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'sympathiser', allowedEvents: ['AWARENESS_CERTIFICATE_RECORDED', 'CONSENT_RECORDED', 'TRANSFERRED', 'WITHDRAWN'] });
    expect(r.messageVi).toBe(
      'Không thể ghi nhận «Tổ chức lễ kết nạp» khi hồ sơ đang ở bước «Quần chúng ưu tú». Các bước có thể ghi nhận lúc này: «Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng», «Văn bản đồng ý của cấp có thẩm quyền», «Chuyển sinh hoạt đến chi bộ khác», «Rút khỏi quy trình».',
    );
    expect(JSON.stringify(c.aggregate)).toBe(before);
  });

  it('CASE_OPENED and PROBATION_ENDED are not accepted where they do not apply', () => {
    const c = new CaseDriver();
    expect(rule(c.refused('CASE_OPENED', '2025-09-02', { candidate: CANDIDATE }))).toBe('EVENT_NOT_ALLOWED');
    expect(rule(c.refused('PROBATION_ENDED', '2025-09-02'))).toBe('EVENT_NOT_ALLOWED');
  });

  it('DOSSIER_OPENED without a certificate answers AWARENESS_CERTIFICATE_MISSING', () => {
    const c = new CaseDriver();
    expect(rule(c.refused('DOSSIER_OPENED', '2025-09-05', { resolutionNo: 'NQ' }))).toBe('AWARENESS_CERTIFICATE_MISSING');
  });

  it('order: applicability, then dates, then the event rules', () => {
    const c = new CaseDriver(makeEnv('2025-12-31'));
    toAwarenessCertified(c);
    expect(rule(c.refused('DOSSIER_OPENED', '2026-01-01', { resolutionNo: 'NQ' }))).toBe('DATE_IN_FUTURE');
    expect(rule(c.refused('DOSSIER_OPENED', '2025-09-09', { resolutionNo: 'NQ' }))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    c.ok('DOSSIER_OPENED', '2025-09-10', { resolutionNo: 'NQ' }); // equal date passes
  });

  it('CELL_VOTE_RECORDED during the dossier reports the first missing part, in order', () => {
    const c = new CaseDriver();
    toAwarenessCertified(c).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' });
    const vote = () => rule(c.refused('CELL_VOTE_RECORDED', '2025-12-01', PASSING_CELL_VOTE));
    expect(vote()).toBe('APPLICATION_MISSING');
    c.ok('APPLICATION_FILED', '2025-10-02');
    expect(vote()).toBe('BIOGRAPHY_NOT_CERTIFIED');
    c.ok('BIOGRAPHY_FILED', '2025-10-03').ok('VERIFICATION_REQUESTED', '2025-10-04', { requestId: 'a', scope: 'abroad', subject: 'brother' });
    expect(vote()).toBe('BIOGRAPHY_NOT_CERTIFIED');
    c.ok('VERIFICATION_REPLIED', '2025-10-05', { requestId: 'a' }).ok('BIOGRAPHY_CERTIFIED', '2025-10-06', { politicalIssue: false });
    expect(vote()).toBe('INTRODUCERS_INCOMPLETE');
    c.ok('SPONSOR_ADDED', '2025-10-07', { sponsor: SPONSOR }).ok('SPONSOR_ADDED', '2025-10-07', { sponsor: SPONSOR_2 });
    expect(vote()).toBe('INTRODUCERS_INCOMPLETE'); // youth-age Youth Union member: two sponsors are not enough
    c.ok('INTRODUCING_RESOLUTION_RECORDED', '2025-10-08', { body: 'youth_union', resolutionNo: 'r' });
    expect(vote()).toBe('OPINIONS_MISSING');
    c.ok('OPINIONS_RECORDED', '2025-10-09', { organisations: [], residenceCell: true });
    expect(vote()).toBe('OPINIONS_MISSING'); // a Youth Union member needs the organisation's opinion
    c.ok('OPINIONS_RECORDED', '2025-10-10', { organisations: ['Đoàn'], residenceCell: true });
    expect(c.state).toBe('cellReview');
  });

  it('stale dossier documents block the cell vote until renewed', () => {
    const c = toCellReview(new CaseDriver()); // dossier opened 2025-10-01
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2026-10-02', PASSING_CELL_VOTE))).toBe('DOSSIER_DOCUMENTS_STALE');
    c.ok('SPONSOR_ADDED', '2026-10-02', { sponsor: SPONSOR })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2026-10-02', { body: 'youth_union', resolutionNo: 'r2' })
      .ok('OPINIONS_RECORDED', '2026-10-02', { organisations: ['Đoàn'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2026-10-05', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
    expect(c.deadline('DOSSIER_DOCUMENTS_EXPIRY').status).toBe('met');
  });

  // Since ADR 0013: the over-60 consent is checked at the admitting decision, no longer at the cell vote.
  it('an expired certificate blocks the cell vote; over-60 needs the consent before the decision, not before the vote', () => {
    const c = new CaseDriver(makeEnv(), '2025-09-01', { ...CANDIDATE, dateOfBirth: '1964-01-10', youthUnionMember: false });
    c.ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'old', issuedOn: '2020-10-01', issuer: 'x' })
      .ok('DOSSIER_OPENED', '2025-09-03', { resolutionNo: 'NQ' })
      .ok('APPLICATION_FILED', '2025-09-04')
      .ok('BIOGRAPHY_FILED', '2025-09-05')
      .ok('BIOGRAPHY_CERTIFIED', '2025-09-08', { politicalIssue: false })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR_2 })
      .ok('OPINIONS_RECORDED', '2025-09-10', { organisations: [], residenceCell: true });
    expect(c.state).toBe('cellReview');
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2025-10-02', PASSING_CELL_VOTE))).toBe('AWARENESS_CERTIFICATE_EXPIRED');
    c.ok('CELL_VOTE_RECORDED', '2025-10-01', PASSING_CELL_VOTE); // exactly 60 months after issue; no consent needed yet
    expect(c.state).toBe('grassrootsReview');
    c.ok('GRASSROOTS_VOTE_RECORDED', '2025-10-10', { committeeMembers: 9, inFavour: 6 });
    const decision = { decisionNo: 'QD', standingMembers: 7, inFavour: 4, receivedOn: '2025-11-03' };
    expect(rule(c.refused('ADMISSION_DECIDED', '2025-11-03', decision))).toBe('AGE_ABOVE_60_WITHOUT_CONSENT');
    c.ok('CONSENT_RECORDED', '2025-10-20', { kind: 'over_60', issuer: 'BTV Tỉnh ủy', documentNo: 'CV-60' });
    c.ok('ADMISSION_DECIDED', '2025-11-03', decision);
    expect(c.state).toBe('awaitingCeremony');
    // After the decision an admission consent no longer applies; the late-ceremony consent does.
    expect(rule(c.refused('CONSENT_RECORDED', '2025-11-04', { kind: 'over_60', issuer: 'BTV Tỉnh ủy', documentNo: 'CV-61' }))).toBe('CONSENT_NOT_APPLICABLE');
    c.ok('CONSENT_RECORDED', '2025-11-04', { kind: 'late_ceremony', issuer: 'Đảng ủy xã', documentNo: 'CV-2' });
  });

  it('an authorised grassroots committee admits by its vote: the over-60 consent is checked there', () => {
    const c = new CaseDriver(makeEnv('2030-12-31', AUTHORISED_GRASSROOTS), '2025-09-01', { ...CANDIDATE, dateOfBirth: '1964-01-10', youthUnionMember: false });
    c.ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'c', issuedOn: '2025-09-02', issuer: 'x' })
      .ok('DOSSIER_OPENED', '2025-09-03', { resolutionNo: 'NQ' })
      .ok('APPLICATION_FILED', '2025-09-04')
      .ok('BIOGRAPHY_FILED', '2025-09-05')
      .ok('BIOGRAPHY_CERTIFIED', '2025-09-08', { politicalIssue: false })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR_2 })
      .ok('OPINIONS_RECORDED', '2025-09-10', { organisations: [], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2025-10-01', PASSING_CELL_VOTE);
    expect(rule(c.refused('GRASSROOTS_VOTE_RECORDED', '2025-10-10', { committeeMembers: 9, inFavour: 6 }))).toBe('AGE_ABOVE_60_WITHOUT_CONSENT');
    c.ok('CONSENT_RECORDED', '2025-10-09', { kind: 'over_60', issuer: 'BTV Tỉnh ủy', documentNo: 'CV-60' }).ok('GRASSROOTS_VOTE_RECORDED', '2025-10-10', { committeeMembers: 9, inFavour: 6 });
    expect(c.state).toBe('awaitingCeremony');
  });

  it('CONSENT_NOT_APPLICABLE: late_ceremony before the decision or after the ceremony; any consent during probation', () => {
    const c = toCellReview(new CaseDriver());
    const late = { kind: 'late_ceremony' as const, issuer: 'Đảng ủy xã', documentNo: 'CV-2' };
    expect(rule(c.refused('CONSENT_RECORDED', '2025-11-06', late))).toBe('CONSENT_NOT_APPLICABLE');
    c.ok('CONSENT_RECORDED', '2025-11-06', { kind: 'political', issuer: 'BTV Tỉnh ủy', documentNo: 'CV-9' });
    const p = toProbation(new CaseDriver());
    expect(rule(p.refused('CONSENT_RECORDED', '2026-01-07', late))).toBe('CONSENT_NOT_APPLICABLE');
    expect(rule(p.refused('CONSENT_RECORDED', '2026-01-07', { ...late, kind: 'readmission' }))).toBe('CONSENT_NOT_APPLICABLE');
  });

  it('a certificate issued after the cell vote does not count for that vote (AWARENESS_CERTIFICATE_MISSING); on the vote day it does', () => {
    const c = toCellReview(new CaseDriver());
    c.ok('AWARENESS_CERTIFICATE_RECORDED', '2025-11-06', { certificateNo: 'CN-2', issuedOn: '2025-11-11', issuer: 'Trung tâm chính trị phường' });
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('AWARENESS_CERTIFICATE_MISSING');
    c.ok('CELL_VOTE_RECORDED', '2025-11-11', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });

  it('the verification reply limit (D4) counts from the receipt of the request; the request date by default', () => {
    const c = new CaseDriver();
    toAwarenessCertified(c).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' });
    c.ok('VERIFICATION_REQUESTED', '2025-10-06', { requestId: 'a', scope: 'domestic', subject: 'father' });
    c.ok('VERIFICATION_REQUESTED', '2025-10-06', { requestId: 'b', scope: 'domestic', subject: 'mother', receivedOn: '2025-10-10' });
    expect(c.deadline('VERIFICATION_REPLY:a')).toMatchObject({ baseOn: '2025-10-06', dueOn: weekdayCalendar().addWorkingDays('2025-10-06', 30) });
    expect(c.deadline('VERIFICATION_REPLY:b')).toMatchObject({ baseOn: '2025-10-10', dueOn: weekdayCalendar().addWorkingDays('2025-10-10', 30) });
    expect(c.description.facts).toMatchObject({ verifications: { a: { receivedOn: '2025-10-06' }, b: { receivedOn: '2025-10-10' } } });
    expect(rule(c.refused('VERIFICATION_REQUESTED', '2025-10-07', { requestId: 'c', scope: 'domestic', subject: 'x', receivedOn: '2025-10-06' }))).toBe('DATE_BEFORE_PREVIOUS_STEP');
  });

  it('a verification requested in cellReview blocks the cell vote until replied', () => {
    const c = toCellReview(new CaseDriver());
    c.ok('VERIFICATION_REQUESTED', '2025-11-06', { requestId: 'extra', scope: 'domestic', subject: 'spouse' });
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('VERIFICATION_PENDING');
    c.ok('VERIFICATION_REPLIED', '2025-11-07', { requestId: 'extra' }).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });

  it('eligibility at the cell vote: AGE_BELOW_18 and VOTE_COUNTS_INVALID', () => {
    const young = new CaseDriver(makeEnv(), '2025-09-01', { ...CANDIDATE, dateOfBirth: '2007-11-11' });
    toCellReview(young);
    expect(rule(young.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('AGE_BELOW_18');
    young.ok('CELL_VOTE_RECORDED', '2025-11-11', PASSING_CELL_VOTE);
    const c = toCellReview(new CaseDriver());
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2025-11-10', { fullMembers: 5, excluded: 6, inFavour: 0 }))).toBe('VOTE_COUNTS_INVALID');
  });

  it('SPONSOR_ADDED checks the sponsor through the engine', () => {
    const c = new CaseDriver();
    toAwarenessCertified(c).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' });
    expect(rule(c.refused('SPONSOR_ADDED', '2025-10-02', { sponsor: { ...SPONSOR, togetherSince: '2024-10-03' } }))).toBe('SPONSOR_TOGETHER_UNDER_12_MONTHS');
    expect(rule(c.refused('SPONSOR_ADDED', '2025-10-02', { sponsor: { ...SPONSOR, fullMemberSince: null } }))).toBe('SPONSOR_NOT_FULL_MEMBER');
    c.ok('SPONSOR_ADDED', '2025-10-02', { sponsor: { ...SPONSOR, togetherSince: '2024-10-02' } });
  });

  /** A dossier complete but for the conclusion of a political issue found at certification (2025-10-27). */
  function withPoliticalIssue(): CaseDriver {
    const c = new CaseDriver();
    return toAwarenessCertified(c)
      .ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' })
      .ok('APPLICATION_FILED', '2025-10-02')
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: true })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'r' })
      .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR })
      .ok('OPINIONS_RECORDED', '2025-11-05', { organisations: ['Đoàn'], residenceCell: true });
  }

  // Since ADR 0013: a political issue used to let the dossier complete and was checked only at the decision
  // (a political consent); it now keeps the dossier open until the competent committee concludes it.
  it('a political issue keeps the dossier open: the cell vote is refused until POLITICAL_ISSUE_CONCLUDED cleared', () => {
    const c = withPoliticalIssue();
    expect(c.state).toBe('dossier');
    expect(c.description.stateDetail.dossier).toMatchObject({ biographyCertified: true, politicalIssueOpen: true });
    expect(c.description.allowedEvents).toContain('POLITICAL_ISSUE_CONCLUDED');
    expect(rule(c.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE))).toBe('POLITICAL_ISSUE_UNRESOLVED');
    c.ok('POLITICAL_ISSUE_CONCLUDED', '2025-11-06', { conclusion: 'cleared', decisionNo: 'KL-15' });
    expect(c.state).toBe('cellReview');
    expect(c.description.facts).toMatchObject({ politicalConclusion: { conclusion: 'cleared', decisionNo: 'KL-15', concludedOn: '2025-11-06' } });
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
    // The competent committee's cleared conclusion stands for the political consent at the decision.
    c.ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, receivedOn: '2025-12-16' });
    expect(c.state).toBe('awaitingCeremony');
  });

  it('POLITICAL_ISSUE_CONCLUDED not_cleared → notAdmitted, its dossier limits cancelled', () => {
    const c = withPoliticalIssue();
    c.ok('POLITICAL_ISSUE_CONCLUDED', '2025-11-06', { conclusion: 'not_cleared', decisionNo: 'KL-16' });
    expect(c.state).toBe('notAdmitted');
    expect(c.description.facts).toMatchObject({ notAdmittedOn: '2025-11-06' });
    expect(c.openDeadlineKeys()).toEqual([]);
  });

  it('POLITICAL_ISSUE_CONCLUDED is not a step where no issue is open', () => {
    const c = toCellReview(new CaseDriver());
    expect(rule(c.refused('POLITICAL_ISSUE_CONCLUDED', '2025-11-06', { conclusion: 'cleared', decisionNo: 'KL' }))).toBe('EVENT_NOT_ALLOWED');
    const d = new CaseDriver();
    toAwarenessCertified(d).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' }).ok('BIOGRAPHY_FILED', '2025-10-03').ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false });
    expect(rule(d.refused('POLITICAL_ISSUE_CONCLUDED', '2025-11-06', { conclusion: 'cleared', decisionNo: 'KL' }))).toBe('EVENT_NOT_ALLOWED');
  });

  it('RECOGNITION_BEFORE_PROBATION_END during probation', () => {
    const c = toProbation(new CaseDriver());
    expect(rule(c.refused('SELF_REVIEW_SUBMITTED', '2026-12-01'))).toBe('RECOGNITION_BEFORE_PROBATION_END');
    expect(rule(c.refused('HELPER_ASSESSMENT_SUBMITTED', '2026-12-01'))).toBe('RECOGNITION_BEFORE_PROBATION_END');
    expect(rule(c.refused('RECOGNITION_OPINIONS_RECORDED', '2026-12-01'))).toBe('RECOGNITION_BEFORE_PROBATION_END');
    expect(rule(c.refused('RECOGNITION_CELL_VOTE_RECORDED', '2026-12-01', recognise))).toBe('RECOGNITION_BEFORE_PROBATION_END');
    expect(rule(c.refused('PROBATION_ENDED', '2027-01-05'))).toBe('PROBATION_NOT_ENDED');
    expect(c.description.allowedEvents).not.toContain('SELF_REVIEW_SUBMITTED');
  });
});

describe('other outcomes', () => {
  it('notAdmitted when the cell vote is 5 of 8', () => {
    const c = toCellReview(new CaseDriver());
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', { fullMembers: 8, excluded: 0, inFavour: 5 });
    expect(c.state).toBe('notAdmitted');
    expect(c.last).toMatchObject({ fromState: 'cellReview', toState: 'notAdmitted' });
    expect(c.openDeadlineKeys()).toEqual([]);
    expect(c.aggregate.deadlines.find((d) => d.kind === 'ADMISSION_DECISION')).toBeUndefined();
  });

  it('notAdmitted when the grassroots committee or the standing committee does not reach its threshold', () => {
    const g = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    g.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 5 });
    expect(g.state).toBe('notAdmitted');
    expect(g.deadline('ADMISSION_DECISION').status).toBe('cancelled');

    const s = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    s.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
    s.ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD', standingMembers: 6, inFavour: 3, receivedOn: '2025-12-16' });
    expect(s.state).toBe('notAdmitted');
    expect(s.deadline('ADMISSION_DECISION').status).toBe('met');
    expect(s.description.membership.admissionDecisionOn).toBeNull();
  });

  it('withdrawn cancels the open limits', () => {
    const c = new CaseDriver();
    toAwarenessCertified(c).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' });
    c.ok('WITHDRAWN', '2025-10-15', { reason: 'moved abroad' });
    expect(c.state).toBe('withdrawn');
    expect(c.aggregate.deadlines.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
    expect(c.description.facts.withdrawal).toEqual({ reason: 'moved abroad', on: '2025-10-15' });
  });

  it('removed at recognition (motion remove)', () => {
    const c = toRecognitionReview(new CaseDriver());
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', { ...recognise, motion: 'remove' });
    expect(rule(c.refused('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-20', { committeeMembers: 9, inFavour: 6, motion: 'recognise' }))).toBe('RECOGNITION_MOTION_MISMATCH');
    c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-20', { committeeMembers: 9, inFavour: 6, motion: 'remove' });
    c.ok('RECOGNITION_DECIDED', '2027-02-01', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, motion: 'remove' });
    expect(c.state).toBe('removed');
    expect(c.description.membership.fullMemberSince).toBeNull();
    expect(c.description.facts.removedOn).toBe('2027-02-01');
  });

  it('removed during probation (S14b)', () => {
    const c = toProbation(new CaseDriver());
    const remove = { fullMembers: 9, excluded: 0, inFavour: 6, motion: 'remove' as const };
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-06-01', remove);
    expect(c.state).toBe('probation');
    expect(c.description.stateDetail.value).toEqual({ probation: 'removalAtGrassroots' });
    expect(c.deadline('RECOGNITION_DECISION')).toMatchObject({ status: 'open', reference: 'remove' });
    c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-06-10', { committeeMembers: 9, inFavour: 6, motion: 'remove' });
    c.ok('RECOGNITION_DECIDED', '2026-06-20', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, motion: 'remove' });
    expect(c.state).toBe('removed');
    expect(c.deadline('PROBATION_END').status).toBe('cancelled');
    expect(c.deadline('RECOGNITION_DECISION').status).toBe('met');
  });

  it('a failed removal motion during probation leaves the probationer serving', () => {
    const c = toProbation(new CaseDriver());
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-06-01', { fullMembers: 9, excluded: 0, inFavour: 6, motion: 'remove' });
    c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-06-10', { committeeMembers: 9, inFavour: 5, motion: 'remove' });
    expect(c.description.stateDetail.value).toEqual({ probation: 'serving' });
    expect(c.deadline('RECOGNITION_DECISION').status).toBe('cancelled');
  });

  it('escalated after three failed cell votes, then decided by the superior', () => {
    const c = toRecognitionReview(new CaseDriver());
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', failCell);
    expect(c.deadline('RECOGNITION_CELL_REVIEW').status).toBe('met');
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-02-15', { ...failCell, motion: 'remove' });
    expect(c.state).toBe('recognitionReview');
    expect(c.description.stateDetail.recognition).toMatchObject({ failedVotes: { cell: 2, grassroots: 0 } });
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-03-15', failCell);
    expect(c.state).toBe('escalated');
    expect(c.description.allowedEvents).toEqual(['RECOGNITION_DECIDED', 'ADMISSION_ANNULLED']);
    c.ok('RECOGNITION_DECIDED', '2027-04-01', { decisionNo: 'QD', standingMembers: 7, inFavour: 3, motion: 'recognise' });
    expect(c.state).toBe('escalated'); // 3 of 7 is not more than half
    c.ok('RECOGNITION_DECIDED', '2027-04-15', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, motion: 'recognise' });
    expect(c.state).toBe('fullMember');
    expect(c.description.membership.fullMemberSince).toBe('2027-01-06');
  });

  it('escalated after three failed grassroots votes, removal decided from escalated', () => {
    const c = toRecognitionReview(new CaseDriver());
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', recognise);
    for (const on of ['2027-01-20', '2027-01-27']) {
      c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', on, { committeeMembers: 9, inFavour: 5, motion: 'recognise' });
      expect(c.description.stateDetail.value).toEqual({ recognitionReview: 'atGrassroots' });
    }
    c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-02-03', { committeeMembers: 9, inFavour: 5, motion: 'recognise' });
    expect(c.state).toBe('escalated');
    c.ok('RECOGNITION_DECIDED', '2027-02-10', { decisionNo: 'QD', standingMembers: 7, inFavour: 5, motion: 'remove' });
    expect(c.state).toBe('removed');
  });
});

describe('organisation variants', () => {
  it('an authorised grassroots committee decides the admission itself', () => {
    const c = toCellReview(new CaseDriver(makeEnv('2030-12-31', AUTHORISED_GRASSROOTS)));
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
    c.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 15, inFavour: 10 });
    expect(c.state).toBe('awaitingCeremony');
    expect(c.description.membership.admissionDecisionOn).toBe('2025-11-20');
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ status: 'met', closedOn: '2025-11-20' });
    expect(c.deadline('CEREMONY')).toMatchObject({ baseOn: '2025-11-20', dueOn: '2026-01-01' });
  });

  it('an authorised grassroots committee below 2/3 of all members does not admit', () => {
    const c = toCellReview(new CaseDriver(makeEnv('2030-12-31', AUTHORISED_GRASSROOTS)));
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 15, inFavour: 9 });
    expect(c.state).toBe('notAdmitted');
  });

  it('an authorised grassroots committee recognises at its vote', () => {
    const c = toRecognitionReview(new CaseDriver(makeEnv('2030-12-31', AUTHORISED_GRASSROOTS)));
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', recognise);
    c.ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-20', { committeeMembers: 15, inFavour: 10, motion: 'recognise' });
    expect(c.state).toBe('fullMember');
    expect(c.deadline('RECOGNITION_DECISION').status).toBe('met');
  });

  it('a village cell goes from the cell vote straight to the superior', () => {
    const c = toCellReview(new CaseDriver(makeEnv('2030-12-31', VILLAGE_CELL)));
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('superiorReview');
    expect(c.description.allowedEvents).not.toContain('GRASSROOTS_VOTE_RECORDED');
    c.ok('ADMISSION_DECIDED', '2025-12-01', { decisionNo: 'QD', standingMembers: 5, inFavour: 3, receivedOn: '2025-12-02' });
    c.ok('CEREMONY_HELD', '2026-01-06', { helper: { name: 'B' } })
      .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-05-11', { certificateNo: 'x' })
      .ok('PROBATION_ENDED', '2027-01-06')
      .ok('SELF_REVIEW_SUBMITTED', '2027-01-07')
      .ok('HELPER_ASSESSMENT_SUBMITTED', '2027-01-07')
      .ok('RECOGNITION_OPINIONS_RECORDED', '2027-01-07')
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-08', recognise);
    expect(c.description.stateDetail.value).toEqual({ recognitionReview: 'atSuperior' });
    c.ok('RECOGNITION_DECIDED', '2027-01-20', { decisionNo: 'QD2', standingMembers: 5, inFavour: 3, motion: 'recognise' });
    expect(c.state).toBe('fullMember');
  });
});

describe('deadlines', () => {
  it('rule set chosen by the trigger date: cell vote on 2025-06-30 → 60 WD, on 2025-07-01 → 45 WD', () => {
    const run = (voteOn: string) => {
      const c = new CaseDriver(makeEnv(), '2024-06-03');
      c.ok('AWARENESS_CERTIFICATE_RECORDED', '2024-06-10', { certificateNo: 'c', issuedOn: '2024-06-05', issuer: 'x' })
        .ok('DOSSIER_OPENED', '2024-07-01', { resolutionNo: 'NQ' })
        .ok('APPLICATION_FILED', '2024-07-02')
        .ok('BIOGRAPHY_FILED', '2024-07-03')
        .ok('BIOGRAPHY_CERTIFIED', '2024-08-01', { politicalIssue: false })
        .ok('INTRODUCING_RESOLUTION_RECORDED', '2024-08-02', { body: 'youth_union', resolutionNo: 'r' })
        .ok('SPONSOR_ADDED', '2024-08-03', { sponsor: SPONSOR })
        .ok('OPINIONS_RECORDED', '2024-08-04', { organisations: ['Đoàn'], residenceCell: true })
        .ok('CELL_VOTE_RECORDED', voteOn, PASSING_CELL_VOTE);
      expect(c.aggregate.procedureVersion).toBe('qd232-2025'); // the case keeps its opening version
      return c.deadline('ADMISSION_DECISION');
    };
    const old = run('2025-06-30');
    expect(old).toMatchObject({ ruleSet: 'qd232-2025', length: { amount: 60, unit: 'workingDays' }, source: 'QĐ232 §4.3.1' });
    expect(old.dueOn).toBe(weekdayCalendar().addWorkingDays('2025-06-30', 60));
    const now = run('2025-07-01');
    expect(now).toMatchObject({ ruleSet: 'qd294-2025', length: { amount: 45, unit: 'workingDays' }, source: 'QĐ294 §4.3.1' });
    expect(now.dueOn).toBe(weekdayCalendar().addWorkingDays('2025-07-01', 45));
  });

  it('uses the calendar given: 2026-01-15 + 45 WD is 2026-03-26 with the Tết week off (procedure doc §3.0 example a)', () => {
    const tet = weekdayCalendar(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    const c = new CaseDriver(makeEnv('2030-12-31', undefined, tet), '2025-09-01');
    toCellReview(c);
    c.ok('CELL_VOTE_RECORDED', '2026-01-15', PASSING_CELL_VOTE);
    expect(c.deadline('ADMISSION_DECISION').dueOn).toBe('2026-03-26');
    c.ok('DEADLINE_EXTENDED', '2026-03-20', { deadlineKind: 'ADMISSION_DECISION', reason: 'special case' });
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-04-16', originalDueOn: '2026-03-26', extendedBy: 15 });
  });

  it('extension once, then DEADLINE_ALREADY_EXTENDED; other kinds DEADLINE_NOT_EXTENDABLE', () => {
    const c = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(rule(c.refused('DEADLINE_EXTENDED', '2025-11-11', { deadlineKind: 'CEREMONY', reason: 'r' }))).toBe('DEADLINE_NOT_EXTENDABLE');
    c.ok('DEADLINE_EXTENDED', '2025-11-11', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' });
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-02-02', originalDueOn: '2026-01-12', extendedBy: 15 });
    expect(rule(c.refused('DEADLINE_EXTENDED', '2025-11-12', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' }))).toBe('DEADLINE_ALREADY_EXTENDED');
    // Outside a state with an extendable limit the refusal is explained by a rule too. Since ADR 0013: an
    // extendable kind whose limit is not running is EXTENSION_AFTER_LIMIT (was DEADLINE_NOT_EXTENDABLE).
    const s = new CaseDriver();
    expect(rule(s.refused('DEADLINE_EXTENDED', '2025-09-02', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' }))).toBe('EXTENSION_AFTER_LIMIT');
    expect(rule(s.refused('DEADLINE_EXTENDED', '2025-09-02', { deadlineKind: 'CEREMONY', reason: 'r' }))).toBe('DEADLINE_NOT_EXTENDABLE');
  });

  it('EXTENSION_AFTER_LIMIT: extended on the due day (2026-01-12) passes; the day after is refused, the limit left missed', () => {
    const onDue = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(onDue.deadline('ADMISSION_DECISION').dueOn).toBe('2026-01-12');
    onDue.ok('DEADLINE_EXTENDED', '2026-01-12', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' });
    expect(onDue.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-02-02', extendedBy: 15 });
    const late = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(rule(late.refused('DEADLINE_EXTENDED', '2026-01-13', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' }))).toBe('EXTENSION_AFTER_LIMIT');
    expect(late.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-01-12', extendedBy: 0 });
    // After the decision the limit is closed: extending it is refused by the same rule.
    late.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 }).ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, receivedOn: '2025-12-16' });
    expect(rule(late.refused('DEADLINE_EXTENDED', '2025-12-16', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' }))).toBe('EXTENSION_AFTER_LIMIT');
  });

  it('a historical import waives EXTENSION_AFTER_LIMIT, flags it, and the late extension does not move the missed limit', () => {
    const c = toCellReview(new CaseDriver({ ...makeEnv(), waiveRules: true })).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    c.ok('DEADLINE_EXTENDED', '2026-01-13', { deadlineKind: 'ADMISSION_DECISION', reason: 'r' });
    expect(c.last).toMatchObject({ ok: true, waived: [expect.objectContaining({ rule: 'EXTENSION_AFTER_LIMIT' })] });
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-01-12', extendedBy: 0 });
  });

  it('a late admission decision is accepted and its limit closes missed', () => {
    const c = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    c.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
    c.ok('ADMISSION_DECIDED', '2026-01-14', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, receivedOn: '2026-01-14' });
    expect(c.deadline('ADMISSION_DECISION')).toMatchObject({ dueOn: '2026-01-12', status: 'missed', closedOn: '2026-01-14', lateWorkingDays: 2 });
  });

  it('a late ceremony needs the late_ceremony consent, then closes missed', () => {
    const c = toCellReview(new CaseDriver()).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    c.ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
    c.ok('ADMISSION_DECIDED', '2025-12-15', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, receivedOn: '2025-12-17' });
    expect(c.deadline('CEREMONY').dueOn).toBe('2026-01-28');
    expect(rule(c.refused('CEREMONY_HELD', '2026-01-29', { helper: { name: 'B' } }))).toBe('CEREMONY_LATE_WITHOUT_CONSENT');
    c.ok('CONSENT_RECORDED', '2026-01-27', { kind: 'late_ceremony', issuer: 'Đảng ủy xã', documentNo: 'CV-2' });
    c.ok('CEREMONY_HELD', '2026-01-29', { helper: { name: 'B' } });
    expect(c.deadline('CEREMONY')).toMatchObject({ status: 'missed', lateWorkingDays: 1 });
  });

  it('a verification abroad gets 90 working days; a renewed certificate replaces the old limit', () => {
    const c = new CaseDriver();
    toAwarenessCertified(c).ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ' }).ok('BIOGRAPHY_FILED', '2025-10-02');
    c.ok('VERIFICATION_REQUESTED', '2025-10-03', { requestId: 'ab', scope: 'abroad', subject: 'sister' });
    expect(c.deadline('VERIFICATION_REPLY:ab')).toMatchObject({ length: { amount: 90, unit: 'workingDays' }, dueOn: weekdayCalendar().addWorkingDays('2025-10-03', 90) });
    c.ok('AWARENESS_CERTIFICATE_RECORDED', '2025-10-04', { certificateNo: 'CN-2', issuedOn: '2025-10-04', issuer: 'x' });
    expect(c.deadline('AWARENESS_CERTIFICATE_EXPIRY').status).toBe('cancelled');
    expect(c.deadline('AWARENESS_CERTIFICATE_EXPIRY#2')).toMatchObject({ status: 'open', dueOn: '2030-10-04' });
  });
});

describe('aggregate storage', () => {
  it('the aggregate survives JSON and restoreAggregate; allowedEventsOf matches describe', () => {
    const c = toProbation(new CaseDriver());
    const json = JSON.parse(JSON.stringify(c.aggregate)) as unknown;
    const restored = restoreAggregate(json);
    expect(describeCase(restored).state).toBe('probation');
    expect(allowedEventsOf(restored)).toEqual(describeCase(restored).allowedEvents);
  });

  it('a step from the last step’s own aggregate decides as one from the stored aggregate, and stores the same JSON', () => {
    const inMemory = new CaseDriver();
    inMemory.storeBetweenSteps = false;
    const stored = new CaseDriver();
    toProbation(inMemory);
    toProbation(stored);
    expect(JSON.parse(JSON.stringify(inMemory.aggregate))).toStrictEqual(JSON.parse(JSON.stringify(stored.aggregate)));
    expect(describeCase(inMemory.aggregate)).toStrictEqual(describeCase(restoreAggregate(JSON.parse(JSON.stringify(stored.aggregate)))));
    // Nothing the stored form holds is lost by JSON: it reads back equal, key for key.
    expect(JSON.parse(JSON.stringify(inMemory.aggregate.machine))).toStrictEqual(inMemory.aggregate.machine);
  });

  it('every step stores exactly what xstate persists for its snapshot (members and context alike), in a final state too', () => {
    const stored: unknown[] = [];
    class Recording extends CaseDriver {
      override send(...args: Parameters<CaseDriver['send']>) {
        const d = super.send(...args);
        if (d.ok) stored.push(d.aggregate.machine);
        return d;
      }
    }
    const c = new Recording();
    c.storeBetweenSteps = false;
    toRecognitionReview(c);
    expect(stored.length).toBeGreaterThan(15);
    const withdrawn = new Recording();
    withdrawn.ok('WITHDRAWN', '2025-09-10', { reason: 'Xin rút khỏi danh sách' });
    expect(stored[stored.length - 1]).toMatchObject({ status: 'done', value: 'withdrawn' });
    for (const machine of stored) {
      const m = machine as { value: never; context: never };
      const own = admissionMachine.getPersistedSnapshot(admissionMachine.resolveState({ value: m.value, context: m.context }));
      const defined = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined));
      expect(machine).toStrictEqual(defined);
    }
    // Many configurations, not one step repeated.
    expect(new Set(stored.map((m) => JSON.stringify((m as { value: unknown }).value))).size).toBeGreaterThan(10);
  });

  it('restoreAggregate refuses unknown states, other machine versions and malformed JSON', () => {
    const c = toCellReview(new CaseDriver());
    const good = JSON.parse(JSON.stringify(c.aggregate)) as CaseAggregate & { machine: { value: unknown } };
    expect(() => restoreAggregate({ ...good, machine: { ...good.machine, value: 'cellVoting' } })).toThrow(/does not exist/);
    expect(() => restoreAggregate({ ...good, machine: { ...good.machine, value: { probation: 'nowhere' } } })).toThrow(/does not fit/);
    expect(() => restoreAggregate({ ...good, machineVersion: MACHINE_VERSION + 1 })).toThrow(/machine version/);
    expect(() => restoreAggregate(null)).toThrow(/not an object/);
    expect(() => restoreAggregate({ ...good, deadlines: 'x' })).toThrow(/deadlines/);
  });

  it('a stored case is read without resolving its snapshot; a step resolves it once; restoreAggregate always checks', () => {
    const c = toCellReview(new CaseDriver());
    const stored = JSON.stringify(c.aggregate);
    const vote = { type: 'CELL_VOTE_RECORDED', occurredOn: '2025-11-10', ...PASSING_CELL_VOTE } as const;
    // The configurations met below (cell review, then grassroots review) are resolved here first, once each.
    const before = decide(restoreAggregate(JSON.parse(stored)), vote, makeEnv('2025-12-01'));
    if (before.ok) describeCase(before.aggregate);
    const resolveState = jest.spyOn(admissionMachine, 'resolveState');
    try {
      const restored = restoreAggregate(JSON.parse(stored));
      expect(describeCase(restored).state).toBe('cellReview');
      expect(dueTimedEvents(restored, '2025-12-01')).toEqual([]);
      expect(allowedEventsOf(restored)).toEqual(describeCase(restored).allowedEvents);
      expect(resolveState).toHaveBeenCalledTimes(0);
      const decision = decide(restored, vote, makeEnv('2025-12-01'));
      expect(decision.ok).toBe(true);
      expect(resolveState).toHaveBeenCalledTimes(1);
      // A second decision on the same stored case reuses its resolved snapshot.
      expect(decide(restored, vote, makeEnv('2025-12-01')).ok).toBe(true);
      expect(resolveState).toHaveBeenCalledTimes(1);
      // The new aggregate is the step's own result: read without resolving anything.
      if (!decision.ok) return;
      expect(describeCase(decision.aggregate).state).toBe(decision.toState);
      expect(dueTimedEvents(decision.aggregate, '2025-12-01')).toEqual([]);
      expect(describeCase(restoreAggregate(JSON.parse(JSON.stringify(decision.aggregate)))).state).toBe(decision.toState);
      expect(resolveState).toHaveBeenCalledTimes(1);
      // restoreAggregate validates what it is given each time, even an object it has seen: a changed state is refused.
      const seen = restoreAggregate(JSON.parse(stored)) as CaseAggregate & { machine: { value: unknown } };
      seen.machine.value = { probation: 'nowhere' };
      expect(() => restoreAggregate(seen)).toThrow(/does not fit/);
    } finally {
      resolveState.mockRestore();
    }
  });

  it('describeStoredMachine reads the stored machine alone as describe reads the whole aggregate, and checks it alike', () => {
    for (const c of [toCellReview(new CaseDriver()), toProbation(new CaseDriver())]) {
      const stored = JSON.parse(JSON.stringify(c.aggregate)) as CaseAggregate;
      expect(describeStoredMachine(MACHINE_VERSION, stored.machine)).toStrictEqual(describeCase(restoreAggregate(stored)));
    }
    const good = JSON.parse(JSON.stringify(toCellReview(new CaseDriver()).aggregate)) as CaseAggregate & { machine: { value: unknown; context: Record<string, unknown> } };
    expect(() => describeStoredMachine(MACHINE_VERSION + 1, good.machine)).toThrow(/written by machine version 2; migrate it first/);
    expect(() => describeStoredMachine(MACHINE_VERSION, { ...good.machine, value: 'cellVoting' })).toThrow(/state "cellVoting" does not exist/);
    expect(() => describeStoredMachine(MACHINE_VERSION, { ...good.machine, value: { dossier: {} } })).toThrow(/does not fit/);
    const { sponsors: _sponsors, ...withoutSponsors } = good.machine.context;
    expect(() => describeStoredMachine(MACHINE_VERSION, { ...good.machine, context: withoutSponsors })).toThrow(/context field sponsors missing/);
    expect(() => describeStoredMachine(MACHINE_VERSION, null)).toThrow(/machine snapshot missing/);
  });

  it('RULES is exported from the engine', () => {
    expect(RULES.CEREMONY_LATE_WITHOUT_CONSENT.source).toBe('QĐ294 §4.1; HD06 §3.8');
  });
});

describe('describeStateValue: the state and the events handled, from the stored state value alone', () => {
  /** A driver that keeps every aggregate it reaches, as storage gives it back. */
  class Recording extends CaseDriver {
    reached: CaseAggregate[] = [];
    override send(...args: Parameters<CaseDriver['send']>) {
      const d = super.send(...args);
      if (d.ok) this.reached.push(JSON.parse(JSON.stringify(d.aggregate)) as CaseAggregate);
      return d;
    }
  }
  const valueOf = (a: CaseAggregate) => (a.machine as { value: unknown }).value;

  it('answers what describe answers, at every step to full membership and for a withdrawn case', () => {
    const full = new Recording();
    toRecognitionReview(full);
    full.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-12', recognise);
    const withdrawn = new Recording();
    toAwarenessCertified(withdrawn).ok('WITHDRAWN', '2025-10-15', { reason: 'moved abroad' });
    const reached = [...full.reached, ...withdrawn.reached];
    expect(new Set(reached.map((a) => describeCase(a).state)).size).toBeGreaterThanOrEqual(8);
    expect(reached.some((a) => describeCase(a).allowedEvents.length === 0)).toBe(true);
    for (const a of reached) {
      const { state, allowedEvents } = describeCase(restoreAggregate(a));
      expect(describeStateValue(MACHINE_VERSION, valueOf(a))).toEqual({ state, allowedEvents });
    }
  });

  it('refuses another machine version and a value the machine does not have, as restoreAggregate does', () => {
    const value = valueOf(new CaseDriver().aggregate);
    expect(() => describeStateValue(MACHINE_VERSION + 1, value)).toThrow(/written by machine version 2; migrate it first/);
    expect(() => describeStateValue(MACHINE_VERSION, 'noSuchState')).toThrow(/state "noSuchState" does not exist/);
    expect(() => describeStateValue(MACHINE_VERSION, undefined)).toThrow(/no state value/);
  });
});
