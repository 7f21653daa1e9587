import { addDays, BusinessDate } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CALENDAR, CANDIDATE, ctx, SPONSOR, tamper, upToCellReview } from './__fixtures__/case-builder';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/**
 * Boundaries and paths not covered by checks.spec.ts: histories the live engine accepts step by step (failed
 * recognition votes, a removal motion during probation, a refusal by the standing committee) must fail no check,
 * and each check is tested on both sides of its boundary and before its step. Weekdays-only calendar.
 */

const TODAY = '2027-06-30';
const check = (c: AuditCase, id: string, today: BusinessDate = TODAY): CheckResult => runChecks(c, ctx(today), [id])[0];
const nextWorkingDay = (d: BusinessDate) => CALENDAR.addWorkingDays(d, 1);
const failures = (c: AuditCase, today: BusinessDate = TODAY) => runChecks(c, ctx(today)).filter((r) => r.status === 'fail');

const PASSING_CELL_VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };
const FAILING_CELL_VOTE = { fullMembers: 9, excluded: 0, inFavour: 5 };
const recognise = (inFavour: number) => ({ fullMembers: 9, excluded: 0, inFavour, motion: 'recognise' });
const remove = (inFavour: number) => ({ fullMembers: 9, excluded: 0, inFavour, motion: 'remove' });
const grassroots = (inFavour: number, motion = 'recognise') => ({ committeeMembers: 9, inFavour, motion });
const decision = (no: string, inFavour: number, motion = 'recognise') => ({ decisionNo: no, standingMembers: 7, inFavour, motion });

/** Admitted by the engine: cell 2025-09-15, grassroots 2025-09-29, decision 2025-10-15 (received 10-16), ceremony 2025-11-03. */
const admitted = (b = upToCellReview()) =>
  b
    .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
    .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
    .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
    .ok('CEREMONY_HELD', '2025-11-03', { helper: { name: 'Trần Văn Bình' } })
    .ok('MEMBER_RECORDS_FILED', '2025-11-10')
    .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-02-02', { certificateNo: 'BD-1' });

const PROBATION_END = '2026-11-03';
/** Probation ended on 2026-11-03 and the recognition dossier is complete on 2026-11-05. */
const readyForRecognition = (b = admitted()) =>
  b
    .ok('PROBATION_ENDED', PROBATION_END)
    .ok('SELF_REVIEW_SUBMITTED', '2026-11-04')
    .ok('HELPER_ASSESSMENT_SUBMITTED', '2026-11-04')
    .ok('RECOGNITION_OPINIONS_RECORDED', '2026-11-05');

describe('histories the live engine accepted fail no check', () => {
  /** A removal motion failing during probation, then one failed vote of each body before recognition. */
  const bumpyPath = () =>
    readyForRecognition(admitted().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-03-02', remove(5)))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(5))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-16', recognise(6))
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-23', grassroots(5))
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-30', grassroots(6))
      .ok('RECOGNITION_DECIDED', '2026-12-07', decision('QĐ-2', 3), BOARD)
      .ok('RECOGNITION_DECIDED', '2026-12-14', decision('QĐ-3', 4), BOARD)
      .ok('RECOGNITION_ANNOUNCED', '2027-01-04')
      .build();

  it('failed recognition votes left with the same body, a failed removal motion and a refusal are the procedure working', () => {
    const c = bumpyPath();
    expect(c.events[c.events.length - 1].toState).toBe('fullMember');
    expect(failures(c)).toEqual([]);
    expect(check(c, 'A11')).toMatchObject({ status: 'pass', evidence: { votes: expect.arrayContaining([expect.objectContaining({ seq: 16, occurredOn: '2026-03-02', passed: false })]) } });
    expect(check(c, 'A14').status).toBe('pass');
  });

  it('a removal motion adopted during probation and then rejected: the recognition limit counts from the later cell resolution', () => {
    const c = readyForRecognition(
      admitted().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-03-02', remove(6)).ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-03-09', grassroots(5, 'remove')),
    )
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(6))
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', grassroots(6))
      .ok('RECOGNITION_DECIDED', '2026-11-23', decision('QĐ-2', 4), BOARD)
      .ok('RECOGNITION_ANNOUNCED', '2026-12-07')
      .build();
    expect(failures(c)).toEqual([]);
    expect(check(c, 'A20')).toMatchObject({ status: 'pass', evidence: { baseOn: '2026-11-09', metOn: '2026-11-23' } });
  });
});

describe('A1–A3 eligibility at the cell meeting', () => {
  const atCellVote = (candidate = CANDIDATE) => upToCellReview(new AuditCaseBuilder('2025-09-01', candidate));

  it('A1: born one month less than 18 years before the meeting fails with 215 months; 216 passes', () => {
    const c = atCellVote().ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE).build();
    const born = (dateOfBirth: string) => tamper(c, 'CASE_OPENED', (e) => (e.payload.candidate = { ...(e.payload.candidate as object), dateOfBirth }));
    expect(check(born('2007-09-15'), 'A1')).toMatchObject({ status: 'pass', evidence: { checkedAt: [{ seq: 10, event: 'CELL_VOTE_RECORDED', occurredOn: '2025-09-15' }] } });
    expect(check(born('2007-10-15'), 'A1')).toMatchObject({ status: 'fail', detectedOn: '2025-09-15', eventSeq: 10, evidence: { details: { ageInMonths: 215 } } });
  });

  // Since ADR 0013: the over-60 and education-exception consents are due before the admitting decision, not the
  // cell vote (ADR 0013); A2 and A3 follow the engine's rules.
  const DECIDED = { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' };
  const rawToDecision = (b: AuditCaseBuilder) =>
    b
      .raw('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE, 'grassrootsReview')
      .raw('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 }, 'superiorReview')
      .raw('ADMISSION_DECIDED', '2025-10-15', DECIDED, 'awaitingCeremony', BOARD);

  it('A2: an over_60 consent recorded only after the decision does not excuse it; one after the vote and before the decision does', () => {
    const old = { ...CANDIDATE, dateOfBirth: '1965-08-15' };
    expect(check(atCellVote(old).build(), 'A2').status).toBe('not_applicable');
    const c = rawToDecision(atCellVote(old))
      .raw('CONSENT_RECORDED', '2025-10-20', { kind: 'over_60', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-60' }, 'awaitingCeremony')
      .build();
    expect(check(c, 'A2')).toMatchObject({ status: 'fail', detectedOn: '2025-10-15', eventSeq: 12, evidence: { rule: 'AGE_ABOVE_60_WITHOUT_CONSENT', details: { ageInMonths: 721, maximum: 720 } } });
    const inTime = atCellVote(old)
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .ok('CONSENT_RECORDED', '2025-09-20', { kind: 'over_60', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-60' }, BOARD)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2025-10-15', DECIDED, BOARD)
      .build();
    expect(check(inTime, 'A2').status).toBe('pass');
  });

  it('A3: a literate candidate in a disadvantaged area needs the education_exception consent before the decision', () => {
    const literate = { ...CANDIDATE, education: 'literate' as const, areaType: 'disadvantaged' as const };
    const without = rawToDecision(atCellVote(literate)).build();
    expect(check(without, 'A3')).toMatchObject({ status: 'fail', detectedOn: '2025-10-15', evidence: { rule: 'EDUCATION_EXCEPTION_WITHOUT_CONSENT' } });
    const consented = atCellVote(literate)
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .ok('CONSENT_RECORDED', '2025-09-16', { kind: 'education_exception', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-HV' }, BOARD)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2025-10-15', DECIDED, BOARD)
      .build();
    expect(check(consented, 'A3').status).toBe('pass');
    expect(check(atCellVote(literate).build(), 'A3').status).toBe('not_applicable');
  });
});

describe('checks of the cell vote are not applicable before it', () => {
  it.each(['A4', 'A5', 'A8', 'A10', 'A11', 'A19'])('%s', (id) => {
    expect(check(upToCellReview().build(), id)).toMatchObject({ status: 'not_applicable', evidence: { reason: expect.any(String) } });
  });
});

describe('A5 renewed documents', () => {
  it('a sponsor letter renewed after the 12 months counts from its own date', () => {
    const late = upToCellReview()
      .ok('SPONSOR_ADDED', '2026-09-10', { sponsor: SPONSOR })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2026-09-10', { body: 'youth_union', resolutionNo: 'NQ-DTN-2' })
      .ok('OPINIONS_RECORDED', '2026-09-10', { organisations: ['Công đoàn'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2026-09-14', PASSING_CELL_VOTE)
      .build();
    expect(check(late, 'A5').status).toBe('pass');
    const notRenewed = tamper(late, 'SPONSOR_ADDED', (e) => (e.occurredOn = '2025-09-09'), 1);
    expect(check(notRenewed, 'A5')).toMatchObject({ status: 'fail', detectedOn: '2026-09-14', evidence: { details: { stale: [{ document: 'sponsor:Trần Văn Bình', validUntil: '2026-09-08' }] } } });
  });
});

describe('A8 youth age (a Youth Union member aged 30 or less needs the Youth Union resolution)', () => {
  /** Two sponsors and no introducing resolution. */
  const twoSponsors = (dateOfBirth: string) =>
    new AuditCaseBuilder('2025-09-01', { ...CANDIDATE, dateOfBirth })
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'CN-1', issuedOn: '2025-09-02', issuer: 'Trung tâm chính trị' })
      .ok('DOSSIER_OPENED', '2025-09-08', { resolutionNo: 'NQ-1' })
      .ok('APPLICATION_FILED', '2025-09-08')
      .ok('BIOGRAPHY_FILED', '2025-09-08')
      .ok('BIOGRAPHY_CERTIFIED', '2025-09-09', { politicalIssue: false })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: SPONSOR })
      .ok('SPONSOR_ADDED', '2025-09-09', { sponsor: { ...SPONSOR, name: 'Lê Thị Hoa', memberId: 'M-2' } })
      .ok('OPINIONS_RECORDED', '2025-09-10', { organisations: ['Đoàn TNCS'], residenceCell: true });
  // Raw votes: the engine's dossier progress judges youth age on the latest step (2025-09-10), not on the meeting.
  it('31 full years at the meeting passes with two sponsors; one day younger fails', () => {
    expect(check(twoSponsors('1994-09-15').raw('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE, 'grassrootsReview').build(), 'A8').status).toBe('pass');
    const young = twoSponsors('1994-09-16').raw('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE, 'grassrootsReview').build();
    expect(check(young, 'A8')).toMatchObject({ status: 'fail', detectedOn: '2025-09-15', eventSeq: 10, evidence: { details: { requirement: 'youth_union_resolution_and_one_sponsor' } } });
  });
});

describe('A11, A13, A14: a failed vote followed by the next body', () => {
  it('A11: a cell vote below 2/3 followed by a grassroots vote fails, naming the step that went on', () => {
    const c = upToCellReview()
      .raw('CELL_VOTE_RECORDED', '2025-09-15', FAILING_CELL_VOTE, 'notAdmitted')
      .raw('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 }, 'superiorReview')
      .build();
    expect(check(c, 'A11')).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      eventSeq: 10,
      evidence: { voters: 9, inFavour: 5, proceededWith: { seq: 11, event: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2025-09-29' } },
    });
  });

  it('A11: a failed recognition cell vote followed by the grassroots committee fails', () => {
    const c = readyForRecognition()
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(5))
      .raw('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', grassroots(6), 'recognitionReview')
      .build();
    expect(check(c, 'A11')).toMatchObject({ status: 'fail', detectedOn: '2026-11-09', evidence: { proceededWith: { event: 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' } } });
  });

  it('A13: not applicable for a village cell (no grassroots committee vote); a failed recognition vote with a passed re-vote passes', () => {
    const village = upToCellReview(new AuditCaseBuilder('2025-09-01', CANDIDATE, { authorisedToAdmit: false, directlyUnderSuperior: true }))
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .build();
    expect(village.events[village.events.length - 1].toState).toBe('superiorReview');
    expect(check(village, 'A13').status).toBe('not_applicable');
    const revote = readyForRecognition()
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(6))
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', grassroots(5))
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-23', grassroots(6))
      .build();
    expect(check(revote, 'A13')).toMatchObject({ status: 'pass', evidence: { votes: [{ seq: 11, passed: true }, { seq: 21, passed: false }, { seq: 22, passed: true }] } });
  });

  it('A14: a refused recognition that the case treated as recognition fails; a refusal followed by a new decision passes', () => {
    const base = () => readyForRecognition().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(6)).ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', grassroots(6));
    const treated = base().raw('RECOGNITION_DECIDED', '2026-11-23', decision('QĐ-2', 3), 'fullMember', BOARD).build();
    expect(check(treated, 'A14')).toMatchObject({ status: 'fail', detectedOn: '2026-11-23', evidence: { voters: 7, inFavour: 3, toState: 'fullMember' } });
    const refusedThenDecided = base().ok('RECOGNITION_DECIDED', '2026-11-23', decision('QĐ-2', 3), BOARD).ok('RECOGNITION_DECIDED', '2026-11-30', decision('QĐ-3', 4), BOARD).build();
    expect(check(refusedThenDecided, 'A14').status).toBe('pass');
  });

  it('A14: the deciding body the decision records decides; an authorised grassroots committee may adopt its own decision', () => {
    const c = upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .raw('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-15', decidedBy: 'grassroots_committee' }, 'awaitingCeremony')
      .build();
    expect(check(c, 'A14')).toMatchObject({ status: 'fail', eventSeq: 12, detectedOn: '2025-10-15' });
    const noBody = tamper(c, 'ADMISSION_DECIDED', (e) => delete e.payload.decidedBy);
    expect(check(noBody, 'A14').status).toBe('pass');
    expect(check({ ...c, organisation: { authorisedToAdmit: true, directlyUnderSuperior: false } }, 'A14').status).toBe('pass');
    expect(check(upToCellReview().build(), 'A14').status).toBe('not_applicable');
  });
});

describe('A15 leaving the path', () => {
  const limit45 = CALENDAR.addWorkingDays('2025-09-15', 45);
  const base = () => upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 });
  it('withdrawn on the last day of the limit: not applicable; withdrawn the day after with no decision: fails from that day', () => {
    expect(check(base().ok('WITHDRAWN', limit45, { reason: 'Chuyển công tác' }).build(), 'A15').status).toBe('not_applicable');
    const late = base().ok('WITHDRAWN', addDays(limit45, 1), { reason: 'Chuyển công tác' }).build();
    expect(check(late, 'A15')).toMatchObject({ status: 'fail', detectedOn: addDays(limit45, 1), eventSeq: null, evidence: { baseOn: '2025-09-15', limit: limit45 } });
  });
  it('an extension recorded for another limit does not extend the decision limit', () => {
    const c = base()
      .raw('DEADLINE_EXTENDED', '2025-10-20', { deadlineKind: 'RECOGNITION_DECISION', reason: 'x' }, 'superiorReview', BOARD)
      .ok('ADMISSION_DECIDED', nextWorkingDay(limit45), { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: nextWorkingDay(limit45) }, BOARD)
      .build();
    expect(check(c, 'A15')).toMatchObject({ status: 'fail', evidence: { extendedBy: 0, workingDaysLate: 1 } });
  });
});

describe('A16 ceremony limit', () => {
  const decided = () =>
    upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD);
  const limit = CALENDAR.addWorkingDays('2025-10-16', 30);
  it('not applicable before the decision and while the 30 working days run; no ceremony after them fails from the next day', () => {
    expect(check(upToCellReview().build(), 'A16').status).toBe('not_applicable');
    expect(check(decided().build(), 'A16', limit).status).toBe('not_applicable');
    expect(check(decided().build(), 'A16', addDays(limit, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(limit, 1), eventSeq: null, evidence: { baseOn: '2025-10-16', limit } });
  });
  it('a consent recorded after the late ceremony does not excuse it', () => {
    const late = nextWorkingDay(limit);
    const c = decided()
      .raw('CEREMONY_HELD', late, { helper: { name: 'B' } }, 'probation')
      .raw('CONSENT_RECORDED', addDays(late, 3), { kind: 'late_ceremony', issuer: 'Đảng ủy phường', documentNo: 'CV-2' }, 'probation')
      .build();
    expect(check(c, 'A16')).toMatchObject({ status: 'fail', detectedOn: addDays(limit, 1), eventSeq: 13, evidence: { metOn: late, workingDaysLate: 1 } });
  });
  it('the consent must be recorded before the late ceremony: on the same day before it excuses, on the same day after it does not (as the engine decides)', () => {
    const late = nextWorkingDay(limit);
    const consent = { kind: 'late_ceremony', issuer: 'Đảng ủy phường', documentNo: 'CV-2' };
    const before = decided().ok('CONSENT_RECORDED', late, consent).ok('CEREMONY_HELD', late, { helper: { name: 'B' } }).build();
    expect(check(before, 'A16')).toMatchObject({ status: 'pass', evidence: { metOn: late, excusedBy: { seq: 13 } } });
    const after = decided().raw('CEREMONY_HELD', late, { helper: { name: 'B' } }, 'probation').raw('CONSENT_RECORDED', late, consent, 'probation').build();
    expect(check(after, 'A16')).toMatchObject({ status: 'fail', detectedOn: addDays(limit, 1), eventSeq: 13, evidence: { metOn: late, workingDaysLate: 1 } });
  });
});

describe('A18 cell review of recognition', () => {
  const limit = CALENDAR.addWorkingDays(PROBATION_END, 30);
  it('a vote on the day probation ends passes; not applicable before the ceremony', () => {
    const b = admitted()
      .ok('PROBATION_ENDED', PROBATION_END)
      .ok('SELF_REVIEW_SUBMITTED', PROBATION_END)
      .ok('HELPER_ASSESSMENT_SUBMITTED', PROBATION_END)
      .ok('RECOGNITION_OPINIONS_RECORDED', PROBATION_END)
      .ok('RECOGNITION_CELL_VOTE_RECORDED', PROBATION_END, recognise(6));
    expect(check(b.build(), 'A18')).toMatchObject({ status: 'pass', evidence: { baseOn: PROBATION_END, metOn: PROBATION_END } });
    expect(check(upToCellReview().build(), 'A18').status).toBe('not_applicable');
  });
  it('a removal motion during probation is not an early recognition vote', () => {
    const c = readyForRecognition(admitted().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-03-02', remove(5)))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', limit, recognise(6))
      .build();
    expect(check(c, 'A18')).toMatchObject({ status: 'pass', evidence: { metOn: limit } });
  });
  it('no vote 30 working days after the end fails from the next day; a pending removal motion at the end opens no limit', () => {
    expect(check(readyForRecognition().build(), 'A18', limit).status).toBe('not_applicable');
    expect(check(readyForRecognition().build(), 'A18', addDays(limit, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(limit, 1), eventSeq: null, evidence: { pendingAsOf: addDays(limit, 1) } });
    const removal = admitted().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-10-05', remove(6)).ok('PROBATION_ENDED', PROBATION_END).build();
    expect(check(removal, 'A18', addDays(limit, 30)).status).toBe('not_applicable');
  });
});

describe('A20 recognition decision limit', () => {
  const resolved = () => readyForRecognition().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(6)).ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', grassroots(6));
  const limit30 = CALENDAR.addWorkingDays('2026-11-09', 30);
  it('a refusal does not meet the limit: recognition on the next working day after it fails', () => {
    const c = resolved()
      .ok('RECOGNITION_DECIDED', '2026-11-23', decision('QĐ-2', 3), BOARD)
      .ok('RECOGNITION_DECIDED', nextWorkingDay(limit30), decision('QĐ-3', 4), BOARD)
      .build();
    expect(check(c, 'A20')).toMatchObject({ status: 'fail', detectedOn: addDays(limit30, 1), eventSeq: 23, evidence: { baseOn: '2026-11-09', workingDaysLate: 1 } });
  });
  it('not applicable before the cell resolution and while the limit runs; fails from the day after it', () => {
    expect(check(readyForRecognition().build(), 'A20').status).toBe('not_applicable');
    expect(check(resolved().build(), 'A20', limit30).status).toBe('not_applicable');
    expect(check(resolved().build(), 'A20', addDays(limit30, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(limit30, 1), eventSeq: null });
  });
  it('a removal motion rejected by the grassroots committee during probation owes no decision', () => {
    const c = admitted().ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-03-02', remove(6)).ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-03-09', grassroots(5, 'remove')).build();
    expect(check(c, 'A20', '2026-10-01').status).toBe('not_applicable');
  });
});

describe('A21 counts only failed votes after probation, as the engine does', () => {
  it('three failed removal motions during probation are not three failed recognition votes', () => {
    const c = admitted()
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-03-02', remove(5))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-04-06', remove(5))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-05-04', remove(5))
      .build();
    expect(check(c, 'A21').status).toBe('not_applicable');
    expect(failures(c, '2026-06-30')).toEqual([]);
  });
  it('three failed recognition votes recorded by the engine escalate, and nothing else fails', () => {
    const c = readyForRecognition()
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', recognise(5))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-16', recognise(5))
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-23', recognise(5))
      .build();
    expect(c.events[c.events.length - 1].toState).toBe('escalated');
    expect(check(c, 'A21')).toMatchObject({ status: 'pass', evidence: { failedVotes: 3 } });
    expect(failures(c, '2026-12-01')).toEqual([]);
  });
});

describe('A23 counts the reply limit from the receipt of the request (receivedOn), as the engine’s table does', () => {
  const received = '2025-09-15';
  const requestedReceived = () =>
    new AuditCaseBuilder()
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'CN-1', issuedOn: '2025-09-02', issuer: 'Trung tâm chính trị' })
      .ok('DOSSIER_OPENED', '2025-09-08', { resolutionNo: 'NQ-1' })
      .ok('BIOGRAPHY_FILED', '2025-09-08')
      .ok('VERIFICATION_REQUESTED', '2025-09-08', { requestId: 'TT-1', scope: 'domestic', subject: 'cha đẻ', receivedOn: received });
  const limit = CALENDAR.addWorkingDays(received, 30);
  it('the 30th working day after receipt passes, the 31st fails', () => {
    expect(check(requestedReceived().ok('VERIFICATION_REPLIED', limit, { requestId: 'TT-1' }).build(), 'A23')).toMatchObject({
      status: 'pass',
      evidence: { requests: [{ status: 'pass', receivedOn: received, baseOn: received, limit }] },
    });
    const late = requestedReceived().ok('VERIFICATION_REPLIED', nextWorkingDay(limit), { requestId: 'TT-1' }).build();
    expect(check(late, 'A23')).toMatchObject({ status: 'fail', detectedOn: addDays(limit, 1), evidence: { receivedOn: received, workingDaysLate: 1 } });
  });
});

describe('A23 verification replies within 30 working days (domestic) or 90 (abroad)', () => {
  const requested = (scope: 'domestic' | 'abroad') =>
    new AuditCaseBuilder()
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-02', { certificateNo: 'CN-1', issuedOn: '2025-09-02', issuer: 'Trung tâm chính trị' })
      .ok('DOSSIER_OPENED', '2025-09-08', { resolutionNo: 'NQ-1' })
      .ok('APPLICATION_FILED', '2025-09-08')
      .ok('BIOGRAPHY_FILED', '2025-09-08')
      .ok('VERIFICATION_REQUESTED', '2025-09-08', { requestId: 'TT-1', scope, subject: 'cha đẻ' });
  const limit30 = CALENDAR.addWorkingDays('2025-09-08', 30);
  const limit90 = CALENDAR.addWorkingDays('2025-09-08', 90);

  it('a reply on the 30th working day passes; on the 31st it fails, dated the day after the limit', () => {
    expect(check(requested('domestic').ok('VERIFICATION_REPLIED', limit30, { requestId: 'TT-1' }).build(), 'A23')).toMatchObject({
      status: 'pass',
      evidence: { requests: [{ status: 'pass', requestId: 'TT-1', limit: limit30, workingDays: 30 }] },
    });
    const late = requested('domestic').ok('VERIFICATION_REPLIED', nextWorkingDay(limit30), { requestId: 'TT-1' }).build();
    expect(check(late, 'A23')).toMatchObject({ status: 'fail', detectedOn: addDays(limit30, 1), eventSeq: 7, evidence: { requestId: 'TT-1', requestSeq: 6, workingDaysLate: 1 } });
  });

  it('abroad: the 90th working day passes, the 91st fails', () => {
    expect(check(requested('abroad').ok('VERIFICATION_REPLIED', limit90, { requestId: 'TT-1' }).build(), 'A23').status).toBe('pass');
    expect(check(requested('abroad').ok('VERIFICATION_REPLIED', nextWorkingDay(limit90), { requestId: 'TT-1' }).build(), 'A23')).toMatchObject({ status: 'fail', evidence: { scope: 'abroad', workingDays: 90 } });
  });

  it('not applicable without a request or while the limit runs; unanswered past it fails; withdrawn within it does not', () => {
    expect(check(upToCellReview().build(), 'A23').status).toBe('not_applicable');
    expect(check(requested('domestic').build(), 'A23', limit30).status).toBe('not_applicable');
    expect(check(requested('domestic').build(), 'A23', addDays(limit30, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(limit30, 1), eventSeq: null });
    expect(check(requested('domestic').ok('WITHDRAWN', limit30, { reason: 'Thôi' }).build(), 'A23').status).toBe('not_applicable');
  });
});
