import { RuleViolation } from '../model/errors';
import { EVENT_TYPES } from '../model/events';
import { CaseDriver, PASSING_CELL_VOTE, SPONSOR, SPONSOR_2, toAwarenessCertified, toProbation } from '../__fixtures__/scenario';
import { EVENT_STAGES, PROBATION_STEPS } from './stages';

/** A case with the dossier opened on 2025-10-01 and the application, biography and its certification in. */
function dossierOpened(): CaseDriver {
  const c = new CaseDriver();
  toAwarenessCertified(c);
  return c.ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' });
}

const asRule = (r: unknown) => r as RuleViolation;

describe('stage order (DATE_BEFORE_PREVIOUS_STEP guards stages, not parts)', () => {
  it('places every event type once', () => {
    expect(Object.keys(EVENT_STAGES).sort()).toEqual([...EVENT_TYPES].sort());
    expect(PROBATION_STEPS).toEqual(['MEMBER_RECORDS_FILED', 'NEW_MEMBER_CLASS_COMPLETED', 'HELPER_CHANGED']);
  });

  it('a paper dossier keyed in out of date order: sponsor letters dated before the certification are accepted after it', () => {
    const c = dossierOpened()
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('BIOGRAPHY_CERTIFIED', '2025-11-20', { politicalIssue: false })
      .ok('SPONSOR_ADDED', '2025-10-15', { sponsor: SPONSOR })
      .ok('OPINIONS_RECORDED', '2025-10-10', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'NQ-DTN-3' })
      .ok('APPLICATION_FILED', '2025-10-02');
    expect(c.state).toBe('cellReview');
    // The latest date recorded is still the certification's.
    expect(c.description.lastStepOn).toBe('2025-11-20');
    // The facts keep each part's own date (the 12-month freshness counts from them).
    expect(c.description.facts.sponsors).toEqual([expect.objectContaining({ addedOn: '2025-10-15' })]);
  });

  it('a part of the dossier: the day the dossier was opened passes, the day before fails, named in clerk Vietnamese', () => {
    const c = dossierOpened();
    const r = asRule(c.refused('APPLICATION_FILED', '2025-09-30'));
    expect(r.rule).toBe('DATE_BEFORE_PREVIOUS_STEP');
    expect(r.details).toMatchObject({ before: '2025-10-01', beforeStep: 'DOSSIER_OPENED' });
    expect(r.messageVi).toContain('30/09/2025');
    expect(r.messageVi).toContain('01/10/2025');
    expect(r.messageVi).toContain('«Đảng ủy cơ sở cho phép lập hồ sơ»');
    expect(r.messageVi).not.toMatch(/DOSSIER_OPENED|APPLICATION_FILED|occurredOn/);
    c.ok('APPLICATION_FILED', '2025-10-01');
  });

  it('the cell vote cannot precede any document of the dossier: the day of the latest part passes, the day before fails', () => {
    const c = dossierOpened()
      .ok('APPLICATION_FILED', '2025-10-02')
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'NQ-DTN-3' })
      .ok('OPINIONS_RECORDED', '2025-11-12', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true })
      .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR });
    const r = asRule(c.refused('CELL_VOTE_RECORDED', '2025-11-11', PASSING_CELL_VOTE));
    expect(r.rule).toBe('DATE_BEFORE_PREVIOUS_STEP');
    expect(r.details).toMatchObject({ before: '2025-11-12', beforeStep: 'OPINIONS_RECORDED' });
    expect(r.messageVi).toContain('«Ý kiến nhận xét của đoàn thể và chi bộ nơi cư trú»');
    c.ok('CELL_VOTE_RECORDED', '2025-11-12', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });

  it('inside the dossier a reply cannot precede its request, nor the certification a reply or the filed biography', () => {
    const c = dossierOpened()
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('VERIFICATION_REQUESTED', '2025-10-06', { requestId: 'req-1', scope: 'domestic', subject: 'father' });
    expect(asRule(c.refused('VERIFICATION_REPLIED', '2025-10-05', { requestId: 'req-1' })).details).toMatchObject({ beforeStep: 'VERIFICATION_REQUESTED' });
    c.ok('VERIFICATION_REPLIED', '2025-10-20', { requestId: 'req-1' });
    // A sponsor letter dated before the reply is still fine (an independent part).
    c.ok('SPONSOR_ADDED', '2025-10-08', { sponsor: SPONSOR_2 });
    expect(asRule(c.refused('BIOGRAPHY_CERTIFIED', '2025-10-19', { politicalIssue: false })).details).toMatchObject({ before: '2025-10-20', beforeStep: 'VERIFICATION_REPLIED' });
    c.ok('BIOGRAPHY_CERTIFIED', '2025-10-20', { politicalIssue: false });
  });

  it('a decision cannot precede its vote, a ceremony the receipt of the decision', () => {
    const d = new CaseDriver();
    toAwarenessCertified(d);
    d.ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' })
      .ok('APPLICATION_FILED', '2025-10-02')
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'NQ-DTN-3' })
      .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR })
      .ok('OPINIONS_RECORDED', '2025-11-05', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
    const decision = { decisionNo: 'QD-1', standingMembers: 7, inFavour: 5, receivedOn: '2025-12-17' };
    expect(asRule(d.refused('ADMISSION_DECIDED', '2025-11-30', { ...decision, receivedOn: '2025-11-30' })).details).toMatchObject({ beforeStep: 'GRASSROOTS_VOTE_RECORDED' });
    d.ok('ADMISSION_DECIDED', '2025-12-15', decision);
    const late = asRule(d.refused('CEREMONY_HELD', '2025-12-16', { helper: { name: 'B' } }));
    expect(late.details).toMatchObject({ before: '2025-12-17', beforeStep: 'ADMISSION_DECIDED' });
    expect(late.messageVi).toContain('trước ngày chi bộ nhận quyết định kết nạp (17/12/2025)');
    d.ok('CEREMONY_HELD', '2025-12-17', { helper: { name: 'B' } });
    expect(d.state).toBe('probation');
  });

  it('a consent is not dated before the latest stage: the day of the grassroots vote passes, the day before fails', () => {
    const c = new CaseDriver();
    toAwarenessCertified(c);
    c.ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' })
      .ok('APPLICATION_FILED', '2025-10-02')
      .ok('BIOGRAPHY_FILED', '2025-10-03')
      .ok('BIOGRAPHY_CERTIFIED', '2025-10-27', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-11-03', { body: 'youth_union', resolutionNo: 'NQ-DTN-3' })
      .ok('SPONSOR_ADDED', '2025-11-04', { sponsor: SPONSOR })
      .ok('OPINIONS_RECORDED', '2025-11-05', { organisations: ['Đoàn TNCS Hồ Chí Minh'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
    const consent = { kind: 'political' as const, issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-1' };
    expect(asRule(c.refused('CONSENT_RECORDED', '2025-11-30', consent)).details).toMatchObject({ beforeStep: 'GRASSROOTS_VOTE_RECORDED' });
    c.ok('CONSENT_RECORDED', '2025-12-01', consent);
  });
});

describe('steps of the probation after the engine ended it (PROBATION_STEP_AFTER_END)', () => {
  /** Ceremony 2026-01-06: probation ends 2027-01-06. Recognition under review, class and records not yet entered. */
  function afterProbation(): CaseDriver {
    const c = new CaseDriver();
    toProbation(c);
    c.ok('PROBATION_ENDED', '2027-01-06').ok('SELF_REVIEW_SUBMITTED', '2027-01-08');
    expect(c.state).toBe('recognitionReview');
    return c;
  }

  it('a new-member class dated inside the probation is accepted after its end and counts for the recognition dossier', () => {
    const c = afterProbation().ok('NEW_MEMBER_CLASS_COMPLETED', '2026-05-11', { certificateNo: 'BD-9' });
    expect(c.description.facts.newMemberClass).toEqual({ certificateNo: 'BD-9', completedOn: '2026-05-11' });
    c.ok('HELPER_ASSESSMENT_SUBMITTED', '2027-01-08').ok('RECOGNITION_OPINIONS_RECORDED', '2027-01-11');
    c.ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-12', { ...PASSING_CELL_VOTE, motion: 'recognise' });
    expect(c.state).toBe('recognitionReview');
    expect(c.description.stateDetail.value).toEqual({ recognitionReview: 'atGrassroots' });
  });

  it('the end day itself passes, the day after is refused with its own rule', () => {
    const c = afterProbation();
    const r = asRule(c.refused('NEW_MEMBER_CLASS_COMPLETED', '2027-01-07', { certificateNo: 'BD-9' }));
    expect(r.rule).toBe('PROBATION_STEP_AFTER_END');
    expect(r.messageVi).toContain('06/01/2027');
    expect(r.messageVi).toContain('07/01/2027');
    expect(r.messageVi).not.toMatch(/NEW_MEMBER_CLASS_COMPLETED|recognitionReview/);
    c.ok('NEW_MEMBER_CLASS_COMPLETED', '2027-01-06', { certificateNo: 'BD-9' });
  });

  it('member records filed late close their limit by their own date (met inside 30 working days)', () => {
    const c = afterProbation();
    expect(asRule(c.refused('MEMBER_RECORDS_FILED', '2027-01-07')).rule).toBe('PROBATION_STEP_AFTER_END');
    c.ok('MEMBER_RECORDS_FILED', '2026-01-20');
    expect(c.description.facts.memberRecordsFiledOn).toBe('2026-01-20');
    expect(c.deadline('MEMBER_RECORDS')).toMatchObject({ status: 'met', closedOn: '2026-01-20' });
  });

  it('a step of the probation still cannot precede the ceremony', () => {
    const c = afterProbation();
    const r = asRule(c.refused('MEMBER_RECORDS_FILED', '2026-01-05'));
    expect(r.rule).toBe('DATE_BEFORE_PREVIOUS_STEP');
    expect(r.details).toMatchObject({ before: '2026-01-06', beforeStep: 'CEREMONY_HELD' });
    c.ok('MEMBER_RECORDS_FILED', '2026-01-06');
  });
});
