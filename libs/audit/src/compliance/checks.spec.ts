import { addDays, BusinessDate } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CALENDAR, CANDIDATE, ctx, fullPath, SECRETARY, tamper, upToCellReview } from './__fixtures__/case-builder';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

const TODAY = '2027-06-30';
const check = (c: AuditCase, id: string, today: BusinessDate = TODAY): CheckResult => runChecks(c, ctx(today), [id])[0];
const nextWorkingDay = (d: BusinessDate) => CALENDAR.addWorkingDays(d, 1);

/** A case whose candidate is changed in its CASE_OPENED row (the history an import could bring). */
function withCandidate(c: AuditCase, change: Record<string, unknown>): AuditCase {
  return tamper(c, 'CASE_OPENED', (e) => (e.payload.candidate = { ...(e.payload.candidate as object), ...change }));
}
const atCellVote = (): AuditCase => upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 }).build();

describe('A1 age below 18 at the cell meeting (by completed months)', () => {
  it('exactly 216 months on the meeting day passes; one day younger fails, dated on the meeting', () => {
    expect(check(withCandidate(atCellVote(), { dateOfBirth: '2007-09-15' }), 'A1').status).toBe('pass');
    const r = check(withCandidate(atCellVote(), { dateOfBirth: '2007-09-16' }), 'A1');
    expect(r).toMatchObject({ status: 'fail', detectedOn: '2025-09-15', eventSeq: 10, evidence: { rule: 'AGE_BELOW_18', details: { ageInMonths: 215, minimum: 216 } } });
  });
  it('is not applicable before the cell vote', () => {
    expect(check(upToCellReview().build(), 'A1').status).toBe('not_applicable');
  });
});

// Since ADR 0013: A2 follows the engine, which asks for the over-60 consent at the admitting decision (ADR 0013).
describe('A2 above 60 without the provincial consent before the decision', () => {
  const atDecision = (b = upToCellReview()): AuditCase =>
    b
      .ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 })
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
      .build();
  it('720 months passes, 721 fails at the decision, and 721 with an over_60 consent before the decision passes', () => {
    expect(check(withCandidate(atDecision(), { dateOfBirth: '1965-09-15', youthUnionMember: false }), 'A2').status).toBe('pass');
    expect(check(withCandidate(atDecision(), { dateOfBirth: '1965-08-15', youthUnionMember: false }), 'A2')).toMatchObject({ status: 'fail', detectedOn: '2025-10-15' });
    const withConsent = atDecision(
      upToCellReview(new AuditCaseBuilder('2025-09-01', { ...CANDIDATE, dateOfBirth: '1965-08-15' })).ok('CONSENT_RECORDED', '2025-09-11', {
        kind: 'over_60',
        issuer: 'Ban Thường vụ Tỉnh ủy',
        documentNo: 'CV-60',
      }),
    );
    expect(check(withConsent, 'A2').status).toBe('pass');
  });
  it('is not applicable while only the cell has voted', () => {
    expect(check(withCandidate(atCellVote(), { dateOfBirth: '1965-08-15', youthUnionMember: false }), 'A2').status).toBe('not_applicable');
  });
});

describe('A3 education', () => {
  it('lower-secondary passes; primary in a standard area fails; primary in a disadvantaged area passes', () => {
    expect(check(withCandidate(atCellVote(), { education: 'lower_secondary' }), 'A3').status).toBe('pass');
    expect(check(withCandidate(atCellVote(), { education: 'primary' }), 'A3')).toMatchObject({ status: 'fail', evidence: { rule: 'EDUCATION_INSUFFICIENT' } });
    expect(check(withCandidate(atCellVote(), { education: 'primary', areaType: 'disadvantaged' }), 'A3').status).toBe('pass');
  });
});

describe('A4 awareness certificate at the cell vote', () => {
  const issued = (issuedOn: string) => tamper(atCellVote(), 'AWARENESS_CERTIFICATE_RECORDED', (e) => (e.payload.issuedOn = issuedOn));
  it('a certificate 60 months old on the vote day passes; one day older fails', () => {
    expect(check(issued('2020-09-15'), 'A4').status).toBe('pass');
    expect(check(issued('2020-09-14'), 'A4')).toMatchObject({ status: 'fail', detectedOn: '2025-09-15', evidence: { rule: 'AWARENESS_CERTIFICATE_EXPIRED', details: { validUntil: '2025-09-14' } } });
  });
  it('no certificate at all fails', () => {
    const c = atCellVote();
    c.events = c.events.filter((e) => e.type !== 'AWARENESS_CERTIFICATE_RECORDED');
    expect(check(c, 'A4')).toMatchObject({ status: 'fail', evidence: { rule: 'AWARENESS_CERTIFICATE_MISSING' } });
  });
});

describe('A5 dossier documents older than 12 months at the cell vote', () => {
  const votedOn = (on: string) => tamper(atCellVote(), 'CELL_VOTE_RECORDED', (e) => (e.occurredOn = on));
  it('a vote on the anniversary of the dossier passes; the day after fails', () => {
    expect(check(votedOn('2026-09-08'), 'A5').status).toBe('pass');
    expect(check(votedOn('2026-09-09'), 'A5')).toMatchObject({ status: 'fail', detectedOn: '2026-09-09', evidence: { rule: 'DOSSIER_DOCUMENTS_STALE' } });
  });
});

describe('A6 and A7 sponsors', () => {
  const sponsor = (change: Record<string, unknown>) => tamper(atCellVote(), 'SPONSOR_ADDED', (e) => (e.payload.sponsor = { ...(e.payload.sponsor as object), ...change }));
  it('A6: full member since the day of the letter passes; from the next day fails', () => {
    expect(check(sponsor({ fullMemberSince: '2025-09-09' }), 'A6').status).toBe('pass');
    expect(check(sponsor({ fullMemberSince: '2025-09-10' }), 'A6')).toMatchObject({ status: 'fail', detectedOn: '2025-09-09', evidence: { rule: 'SPONSOR_NOT_FULL_MEMBER' } });
  });
  it('A7: together exactly 12 months passes; one day short fails; a replacement sponsor is exempt', () => {
    expect(check(sponsor({ togetherSince: '2024-09-09' }), 'A7').status).toBe('pass');
    expect(check(sponsor({ togetherSince: '2024-09-10' }), 'A7')).toMatchObject({ status: 'fail', evidence: { rule: 'SPONSOR_TOGETHER_UNDER_12_MONTHS' } });
    expect(check(sponsor({ togetherSince: '2024-09-10', replacement: true }), 'A7').status).toBe('pass');
  });
  it('not applicable without sponsors', () => {
    expect(check(new AuditCaseBuilder().build(), 'A6').status).toBe('not_applicable');
  });
});

describe('A8 introducers and A10 opinions at the cell vote', () => {
  it('A8: a youth-age Youth Union member without the Youth Union resolution fails', () => {
    const c = atCellVote();
    c.events = c.events.filter((e) => e.type !== 'INTRODUCING_RESOLUTION_RECORDED');
    expect(check(c, 'A8')).toMatchObject({ status: 'fail', evidence: { rule: 'INTRODUCERS_INCOMPLETE', details: { requirement: 'youth_union_resolution_and_one_sponsor' } } });
    expect(check(atCellVote(), 'A8').status).toBe('pass');
  });
  it('A10: no residence-cell opinion fails; missing opinions fail', () => {
    expect(check(tamper(atCellVote(), 'OPINIONS_RECORDED', (e) => (e.payload.residenceCell = false)), 'A10')).toMatchObject({ status: 'fail', evidence: { rule: 'OPINIONS_MISSING' } });
    const c = atCellVote();
    c.events = c.events.filter((e) => e.type !== 'OPINIONS_RECORDED');
    expect(check(c, 'A10').status).toBe('fail');
    expect(check(atCellVote(), 'A10').status).toBe('pass');
  });
});

describe('A11 cell vote threshold (2/3 of full members counted)', () => {
  it('exactly 2/3 passes; one fewer that still went on fails; one fewer that stopped the case is the procedure working', () => {
    expect(check(atCellVote(), 'A11').status).toBe('pass');
    const proceeded = tamper(atCellVote(), 'CELL_VOTE_RECORDED', (e) => (e.payload.inFavour = 5));
    expect(check(proceeded, 'A11')).toMatchObject({ status: 'fail', detectedOn: '2025-09-15', evidence: { voters: 9, inFavour: 5, toState: 'grassrootsReview' } });
    const stopped = upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 5 }).build();
    expect(stopped.events[stopped.events.length - 1].toState).toBe('notAdmitted');
    expect(check(stopped, 'A11').status).toBe('pass');
  });
  it('excluded members leave the denominator: 10 members, 1 excluded, 6 in favour passes; counting more excluded than members fails', () => {
    const c = tamper(atCellVote(), 'CELL_VOTE_RECORDED', (e) => Object.assign(e.payload, { fullMembers: 10, excluded: 1, inFavour: 6 }));
    expect(check(c, 'A11').status).toBe('pass');
    const bad = tamper(atCellVote(), 'CELL_VOTE_RECORDED', (e) => Object.assign(e.payload, { fullMembers: 9, excluded: 10, inFavour: 6 }));
    expect(check(bad, 'A11')).toMatchObject({ status: 'fail', evidence: { rule: 'VOTE_COUNTS_INVALID' } });
  });
});

describe('A13 grassroots committee vote (2/3 of its members)', () => {
  const withGrassroots = (inFavour: number, toState: string) =>
    tamper(upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 }).ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 }).build(), 'GRASSROOTS_VOTE_RECORDED', (e) => {
      e.payload.inFavour = inFavour;
      e.toState = toState;
    });
  it('6 of 9 passes; 5 of 9 that went on fails', () => {
    expect(check(withGrassroots(6, 'superiorReview'), 'A13').status).toBe('pass');
    expect(check(withGrassroots(5, 'superiorReview'), 'A13')).toMatchObject({ status: 'fail', detectedOn: '2025-09-29' });
    expect(check(withGrassroots(5, 'notAdmitted'), 'A13').status).toBe('pass');
  });
});

describe('A14 decision: more than half of the standing committee, by the competent body', () => {
  const decided = (standingMembers: number, inFavour: number, actor: Record<string, unknown> = BOARD) =>
    upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 })
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .raw('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers, inFavour, receivedOn: '2025-10-15' }, 'awaitingCeremony', actor)
      .build();
  it('5 of 8 passes; exactly half (4 of 8) admitting fails', () => {
    expect(check(decided(8, 5), 'A14').status).toBe('pass');
    expect(check(decided(8, 4), 'A14')).toMatchObject({ status: 'fail', evidence: { voters: 8, inFavour: 4 } });
  });
  it('a decision adopted by a grassroots committee not authorised to admit fails, whoever recorded it', () => {
    const byGrassroots = tamper(decided(7, 5), 'ADMISSION_DECIDED', (e) => (e.payload.decidedBy = 'grassroots_committee'));
    expect(check(byGrassroots, 'A14')).toMatchObject({
      status: 'fail',
      eventSeq: 12,
      evidence: { rule: 'DECISION_BODY_NOT_COMPETENT', details: { decidedBy: 'grassroots_committee', authorisedToAdmit: false } },
    });
    // The account that typed the decision in says nothing about the body that adopted it.
    const office = { ...SECRETARY, username: 'vp.daguy', roles: ['grassroots_officer'] };
    expect(check(decided(7, 5, office), 'A14').status).toBe('pass');
    expect(check(tamper(decided(7, 5), 'ADMISSION_DECIDED', (e) => (e.payload.decidedBy = 'competent_committee')), 'A14').status).toBe('pass');
  });
});

describe('A15 admission decision within 45 working days of the cell resolution (+15 once)', () => {
  const limit45 = CALENDAR.addWorkingDays('2025-09-15', 45);
  const base = () =>
    upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 }).ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 });
  const decideOn = (b: AuditCaseBuilder, on: BusinessDate) => b.ok('ADMISSION_DECIDED', on, { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: on }, BOARD).build();

  it('a decision on the 45th working day passes; on the next working day it fails, one working day late', () => {
    expect(check(decideOn(base(), limit45), 'A15')).toMatchObject({ status: 'pass', evidence: { limit: limit45, workingDays: 45 } });
    const late = nextWorkingDay(limit45);
    expect(check(decideOn(base(), late), 'A15')).toMatchObject({ status: 'fail', detectedOn: addDays(limit45, 1), evidence: { limit: limit45, metOn: late, workingDaysLate: 1 } });
  });

  it('with the extension recorded, the 60th working day passes and the 61st fails', () => {
    const limit60 = CALENDAR.addWorkingDays(limit45, 15);
    const extended = () => base().ok('DEADLINE_EXTENDED', '2025-10-20', { deadlineKind: 'ADMISSION_DECISION', reason: 'Chờ thẩm tra' }, BOARD);
    expect(check(decideOn(extended(), limit60), 'A15')).toMatchObject({ status: 'pass', evidence: { extendedBy: 15 } });
    expect(check(decideOn(extended(), nextWorkingDay(limit60)), 'A15')).toMatchObject({ status: 'fail', evidence: { workingDaysLate: 1 } });
  });

  it('no decision yet: running until the limit, a breach from the day after it', () => {
    expect(check(base().build(), 'A15', limit45).status).toBe('not_applicable');
    expect(check(base().build(), 'A15', addDays(limit45, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(limit45, 1), eventSeq: null, evidence: { pendingAsOf: addDays(limit45, 1) } });
  });

  it('a cell resolution under the older texts (before 1 July 2025) has 60 working days', () => {
    const b = new AuditCaseBuilder('2025-03-03')
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-03-04', { certificateNo: 'CN-1', issuedOn: '2025-03-04', issuer: 'TTCT' })
      .ok('DOSSIER_OPENED', '2025-03-05', { resolutionNo: 'NQ-1' })
      .ok('APPLICATION_FILED', '2025-03-05')
      .ok('BIOGRAPHY_FILED', '2025-03-05')
      .ok('BIOGRAPHY_CERTIFIED', '2025-03-06', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-03-06', { body: 'youth_union', resolutionNo: 'NQ-DTN-1' })
      .ok('SPONSOR_ADDED', '2025-03-06', { sponsor: { name: 'B', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' } })
      .ok('OPINIONS_RECORDED', '2025-03-07', { organisations: ['CĐ'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2025-03-10', { fullMembers: 9, excluded: 0, inFavour: 6 })
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-03-17', { committeeMembers: 9, inFavour: 6 });
    const limit60 = CALENDAR.addWorkingDays('2025-03-10', 60);
    expect(check(decideOn(b, limit60), 'A15')).toMatchObject({ status: 'pass', evidence: { workingDays: 60, limitSource: 'QĐ232 §4.3.1' } });
  });

  it('a case not admitted by the cell never owes a decision', () => {
    const stopped = upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 5 }).build();
    expect(check(stopped, 'A15').status).toBe('not_applicable');
  });
});

describe('A16 ceremony within 30 working days of receiving the decision', () => {
  const decided = () =>
    upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 })
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD);
  const limit = CALENDAR.addWorkingDays('2025-10-16', 30);
  it('counts from the day the decision was received: the 30th working day passes, the next fails without consent, passes with it', () => {
    expect(check(decided().ok('CEREMONY_HELD', limit, { helper: { name: 'B' } }).build(), 'A16')).toMatchObject({ status: 'pass', evidence: { baseOn: '2025-10-16' } });
    const late = nextWorkingDay(limit);
    expect(check(decided().raw('CEREMONY_HELD', late, { helper: { name: 'B' } }, 'probation').build(), 'A16')).toMatchObject({ status: 'fail', evidence: { workingDaysLate: 1 } });
    const consented = decided().ok('CONSENT_RECORDED', limit, { kind: 'late_ceremony', issuer: 'Đảng ủy phường', documentNo: 'CV-2' }).ok('CEREMONY_HELD', late, { helper: { name: 'B' } }).build();
    expect(check(consented, 'A16').status).toBe('pass');
  });
});

describe('A18 the cell considers recognition after probation, within 30 working days', () => {
  const inProbation = () =>
    upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 })
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
      .ok('CEREMONY_HELD', '2025-11-03', { helper: { name: 'B' } })
      .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-02-02', { certificateNo: 'BD-1' });
  const end = '2026-11-03';
  const ready = () => inProbation().ok('PROBATION_ENDED', end).ok('SELF_REVIEW_SUBMITTED', end).ok('HELPER_ASSESSMENT_SUBMITTED', end).ok('RECOGNITION_OPINIONS_RECORDED', end);
  const vote = { fullMembers: 9, excluded: 0, inFavour: 6, motion: 'recognise' };
  const limit = CALENDAR.addWorkingDays(end, 30);
  it('a vote before the end of probation fails', () => {
    expect(check(inProbation().raw('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-02', vote, 'probation').build(), 'A18')).toMatchObject({ status: 'fail', detectedOn: '2026-11-02', evidence: { probationEndOn: end } });
  });
  it('the 30th working day after the end passes; the next fails', () => {
    expect(check(ready().ok('RECOGNITION_CELL_VOTE_RECORDED', limit, vote).build(), 'A18').status).toBe('pass');
    expect(check(ready().raw('RECOGNITION_CELL_VOTE_RECORDED', nextWorkingDay(limit), vote, 'recognitionReview').build(), 'A18')).toMatchObject({ status: 'fail', evidence: { workingDaysLate: 1 } });
  });
  it('A19: a recognition vote without the helper’s assessment fails, naming what is missing', () => {
    const c = ready().ok('RECOGNITION_CELL_VOTE_RECORDED', limit, vote).build();
    c.events = c.events.filter((e) => e.type !== 'HELPER_ASSESSMENT_SUBMITTED');
    expect(check(c, 'A19')).toMatchObject({ status: 'fail', evidence: { rule: 'RECOGNITION_DOSSIER_INCOMPLETE', details: { missing: ['helperAssessment'] } } });
    expect(check(ready().ok('RECOGNITION_CELL_VOTE_RECORDED', limit, vote).build(), 'A19').status).toBe('pass');
  });
});

describe('A20 recognition decision within 30 working days of the cell resolution (+15 once)', () => {
  const full = fullPath().build();
  const cellVoteOn = '2026-11-09';
  const limit30 = CALENDAR.addWorkingDays(cellVoteOn, 30);
  const decidedOn = (on: BusinessDate, extended = false) => {
    let c = tamper(full, 'RECOGNITION_DECIDED', (e) => (e.occurredOn = on));
    if (extended) {
      c = JSON.parse(JSON.stringify(c));
      const at = c.events.findIndex((e) => e.type === 'RECOGNITION_DECIDED');
      c.events.splice(at, 0, { seq: 99, type: 'DEADLINE_EXTENDED', occurredOn: '2026-11-20', payload: { deadlineKind: 'RECOGNITION_DECISION', reason: 'x' }, actor: BOARD, fromState: 'recognitionReview', toState: 'recognitionReview' });
    }
    return c;
  };
  it('the 30th working day passes, the 31st fails; extended, the 45th passes and the 46th fails', () => {
    expect(check(decidedOn(limit30), 'A20').status).toBe('pass');
    expect(check(decidedOn(nextWorkingDay(limit30)), 'A20')).toMatchObject({ status: 'fail', evidence: { workingDaysLate: 1 } });
    const limit45 = CALENDAR.addWorkingDays(limit30, 15);
    expect(check(decidedOn(limit45, true), 'A20').status).toBe('pass');
    expect(check(decidedOn(nextWorkingDay(limit45), true), 'A20')).toMatchObject({ status: 'fail', evidence: { extendedBy: 15 } });
  });
});

describe('A21 three failed recognition votes go to the superior', () => {
  const failedVote = { fullMembers: 9, excluded: 0, inFavour: 5, motion: 'recognise' };
  const threeFailures = () => {
    const b = fullPath();
    // Rebuild from the end of probation with three failed cell votes.
    const events = b.events.filter((e) => !['RECOGNITION_CELL_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_DECIDED'].includes(e.type));
    const c = b.build();
    c.events = events.map((e, i) => ({ ...e, seq: i + 1 }));
    const add = (type: string, on: string, payload: Record<string, unknown>, toState: string) =>
      c.events.push({ seq: c.events.length + 1, type, occurredOn: on, payload, actor: SECRETARY, fromState: c.events[c.events.length - 1].toState, toState });
    return { c, add };
  };
  it('the third failure sending the case to the superior passes; fewer than three is not applicable', () => {
    const { c, add } = threeFailures();
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', failedVote, 'recognitionReview');
    expect(check(c, 'A21').status).toBe('not_applicable');
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-16', failedVote, 'recognitionReview');
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-23', failedVote, 'escalated');
    expect(check(c, 'A21')).toMatchObject({ status: 'pass', evidence: { failedVotes: 3 } });
  });
  it('the cell voting a fourth time instead fails, dated on that vote', () => {
    const { c, add } = threeFailures();
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', failedVote, 'recognitionReview');
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-16', failedVote, 'recognitionReview');
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-23', failedVote, 'recognitionReview');
    add('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-30', { ...failedVote, inFavour: 6 }, 'recognitionReview');
    expect(check(c, 'A21')).toMatchObject({ status: 'fail', detectedOn: '2026-11-30', evidence: { stateAfterLastFailure: 'recognitionReview' } });
  });
});
