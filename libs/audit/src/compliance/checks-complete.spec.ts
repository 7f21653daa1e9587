import { addDays, addMonths, BusinessDate } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CALENDAR, ctx, fullPath, tamper, upToCellReview } from './__fixtures__/case-builder';
import { CHECKS } from './catalogue';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/**
 * The checks added or completed by ADR 0016 (A9, A11 probationers, A12, A14 deciding body, A15 notification, A16
 * individually, A17, A24, A26) and the titles stating the numbers of the rule set that judged a case. Histories the
 * engine refuses are built as an import holds them (`tamper`, `raw`). Weekdays-only calendar.
 */

const TODAY = '2027-06-30';
const check = (c: AuditCase, id: string, today: BusinessDate = TODAY): CheckResult => runChecks(c, ctx(today), [id])[0];
const PASSING_CELL_VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };
const atCellVote = (b = upToCellReview()): AuditCase => b.ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE).build();
const withCandidate = (c: AuditCase, change: Record<string, unknown>): AuditCase =>
  tamper(c, 'CASE_OPENED', (e) => (e.payload.candidate = { ...(e.payload.candidate as object), ...change }));

describe('A9 biography certified by the competent committee, verification not by the candidate or a relative', () => {
  it('a verified and certified biography passes once the cell voted; before the vote it is not applicable', () => {
    expect(check(atCellVote(upToCellReview(undefined, true)), 'A9')).toMatchObject({ status: 'pass' });
    expect(check(upToCellReview(undefined, true).build(), 'A9').status).toBe('not_applicable');
  });

  it('certifiedBy: the grassroots or the superior committee passes; the cell committee or another body fails, dated on the certification', () => {
    const c = atCellVote();
    expect(check(tamper(c, 'BIOGRAPHY_CERTIFIED', (e) => (e.payload.certifiedBy = 'superior_committee')), 'A9').status).toBe('pass');
    expect(check(tamper(c, 'BIOGRAPHY_CERTIFIED', (e) => (e.payload.certifiedBy = 'grassroots_committee')), 'A9').status).toBe('pass');
    for (const body of ['cell_committee', 'other']) {
      expect(check(tamper(c, 'BIOGRAPHY_CERTIFIED', (e) => (e.payload.certifiedBy = body)), 'A9')).toMatchObject({
        status: 'fail',
        detectedOn: '2025-09-09',
        eventSeq: 6,
        evidence: { rule: 'BIOGRAPHY_CERTIFIER_NOT_COMPETENT', details: { certifiedBy: body } },
      });
    }
  });

  it('verifiedBy the candidate or a relative fails as soon as it is recorded, even before the cell vote', () => {
    const dossier = upToCellReview(undefined, true).build();
    expect(check(tamper(dossier, 'VERIFICATION_REPLIED', (e) => (e.payload.verifiedBy = 'party_committee')), 'A9').status).toBe('not_applicable');
    for (const by of ['candidate', 'relative']) {
      expect(check(tamper(dossier, 'VERIFICATION_REPLIED', (e) => (e.payload.verifiedBy = by)), 'A9')).toMatchObject({
        status: 'fail',
        detectedOn: '2025-09-09',
        eventSeq: 7,
        evidence: { rule: 'VERIFICATION_BY_INTERESTED_PERSON', details: { verifiedBy: by } },
      });
    }
  });

  it('a cell vote with no certified biography (an imported history) fails on the vote', () => {
    const c = atCellVote();
    const uncertified: AuditCase = { ...c, events: c.events.filter((e) => e.type !== 'BIOGRAPHY_CERTIFIED').map((e, i) => ({ ...e, seq: i + 1 })) };
    expect(check(uncertified, 'A9')).toMatchObject({ status: 'fail', detectedOn: '2025-09-15', evidence: { rule: 'BIOGRAPHY_NOT_CERTIFIED' } });
  });
});

describe('A11 probationary members counted in a cell vote', () => {
  it('probationaryCounted 0 or absent passes; 1 fails on the vote, for admission and for recognition votes', () => {
    const c = atCellVote();
    expect(check(c, 'A11').status).toBe('pass');
    expect(check(tamper(c, 'CELL_VOTE_RECORDED', (e) => (e.payload.probationaryCounted = 0)), 'A11').status).toBe('pass');
    expect(check(tamper(c, 'CELL_VOTE_RECORDED', (e) => (e.payload.probationaryCounted = 1)), 'A11')).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      evidence: { rule: 'PROBATIONARY_MEMBERS_COUNTED', details: { probationaryCounted: 1 } },
    });
    const full = fullPath().build();
    expect(check(tamper(full, 'RECOGNITION_CELL_VOTE_RECORDED', (e) => (e.payload.probationaryCounted = 2)), 'A11')).toMatchObject({
      status: 'fail',
      detectedOn: '2026-11-09',
      evidence: { rule: 'PROBATIONARY_MEMBERS_COUNTED' },
    });
  });
});

describe('A12 the cell votes on each candidate separately', () => {
  it('votedIndividually true or absent passes; false fails on the vote; no vote yet is not applicable', () => {
    const c = atCellVote();
    expect(check(c, 'A12').status).toBe('pass');
    expect(check(tamper(c, 'CELL_VOTE_RECORDED', (e) => (e.payload.votedIndividually = true)), 'A12').status).toBe('pass');
    expect(check(tamper(c, 'CELL_VOTE_RECORDED', (e) => (e.payload.votedIndividually = false)), 'A12')).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      eventSeq: 10,
      evidence: { rule: 'VOTE_NOT_INDIVIDUAL' },
    });
    expect(check(upToCellReview().build(), 'A12').status).toBe('not_applicable');
  });
});

describe('A26 religion recognised by the State', () => {
  it('no religion, a recognised one, or one with the flag absent passes; an unrecognised one fails at the cell vote', () => {
    const c = atCellVote();
    expect(check(c, 'A26').status).toBe('pass');
    expect(check(withCandidate(c, { religion: 'Phật giáo' }), 'A26').status).toBe('pass');
    expect(check(withCandidate(c, { religion: 'Phật giáo', religionRecognised: true }), 'A26').status).toBe('pass');
    // The flag without a religion says nothing.
    expect(check(withCandidate(c, { religion: null, religionRecognised: false }), 'A26').status).toBe('pass');
    expect(check(withCandidate(c, { religion: 'Hội thánh X', religionRecognised: false }), 'A26')).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      evidence: { rule: 'RELIGION_NOT_RECOGNISED', details: { religion: 'Hội thánh X' } },
    });
    expect(check(withCandidate(upToCellReview().build(), { religion: 'Hội thánh X', religionRecognised: false }), 'A26').status).toBe('not_applicable');
  });
});

describe('A14 decided by the body the decision records', () => {
  it('a recognition decision adopted by a grassroots committee not authorised to admit fails; authorised, it passes', () => {
    const c = tamper(fullPath().build(), 'RECOGNITION_DECIDED', (e) => (e.payload.decidedBy = 'grassroots_committee'));
    expect(check(c, 'A14')).toMatchObject({ status: 'fail', detectedOn: '2026-11-23', evidence: { rule: 'DECISION_BODY_NOT_COMPETENT' } });
    expect(check({ ...c, organisation: { authorisedToAdmit: true, directlyUnderSuperior: false } }, 'A14').status).toBe('pass');
  });
});

describe('A15 the decision notified to the cell (receivedOn)', () => {
  const decided = (payload: Record<string, unknown>) =>
    upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .raw('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, ...payload }, 'awaitingCeremony', BOARD)
      .build();

  it('received on the decision day passes; the day before fails; a refusal with no receipt recorded fails', () => {
    expect(check(decided({ receivedOn: '2025-10-15' }), 'A15').status).toBe('pass');
    expect(check(decided({ receivedOn: '2025-10-16' }), 'A15').status).toBe('pass');
    expect(check(decided({ receivedOn: '2025-10-14' }), 'A15')).toMatchObject({ status: 'fail', detectedOn: '2025-10-15', eventSeq: 12, evidence: { receivedOn: '2025-10-14' } });
    const refused = upToCellReview()
      .ok('CELL_VOTE_RECORDED', '2025-09-15', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
      .raw('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 3 }, 'notAdmitted', BOARD)
      .build();
    expect(check(refused, 'A15')).toMatchObject({ status: 'fail', evidence: { reason: 'the notification to the cell is not recorded' } });
  });
});

describe('A16 each person admitted individually at the ceremony', () => {
  it('individually true or absent passes; false fails on the ceremony, within the time limit', () => {
    const c = fullPath().build();
    expect(check(c, 'A16').status).toBe('pass');
    expect(check(tamper(c, 'CEREMONY_HELD', (e) => (e.payload.individually = true)), 'A16').status).toBe('pass');
    expect(check(tamper(c, 'CEREMONY_HELD', (e) => (e.payload.individually = false)), 'A16')).toMatchObject({
      status: 'fail',
      detectedOn: '2025-11-03',
      evidence: { rule: 'CEREMONY_NOT_INDIVIDUAL' },
    });
  });
});

describe('A17 the stored membership dates agree with the history', () => {
  it('the projection the engine wrote agrees: pass; without stored dates or before the decision: not applicable', () => {
    const c = fullPath().build();
    expect(c.membership).toEqual({ admissionDecisionOn: '2025-10-15', probationStartOn: '2025-11-03', probationEndOn: '2026-11-03', fullMemberSince: '2026-11-03' });
    expect(check(c, 'A17')).toMatchObject({ status: 'pass' });
    expect(check({ ...c, membership: undefined }, 'A17').status).toBe('not_applicable');
    expect(check(upToCellReview().build(), 'A17').status).toBe('not_applicable');
  });

  it.each([
    ['admissionDecisionOn', '2025-10-16', '2025-10-15', 12],
    ['probationStartOn', '2025-11-04', '2025-11-03', 13],
    ['probationEndOn', '2026-11-02', '2025-11-03', 13],
    ['fullMemberSince', '2026-11-23', '2026-11-23', 22],
  ] as const)('a stored %s of %s (a day off, or the decision date) fails, dated on the step that fixed it', (field, stored, on, seq) => {
    const c = fullPath().build();
    const r = check({ ...c, membership: { ...c.membership!, [field]: stored } }, 'A17');
    expect(r).toMatchObject({ status: 'fail', detectedOn: on, eventSeq: seq, evidence: { field, stored, expected: c.membership![field] } });
    expect(r.evidence.messageVi).toContain('/');
  });

  it('the day the history implies, the day before and the day after: only the first passes', () => {
    const c = fullPath().build();
    const start = c.membership!.probationStartOn!;
    expect(check({ ...c, membership: { ...c.membership!, probationStartOn: start } }, 'A17').status).toBe('pass');
    expect(check({ ...c, membership: { ...c.membership!, probationStartOn: addDays(start, -1) } }, 'A17').status).toBe('fail');
    expect(check({ ...c, membership: { ...c.membership!, probationStartOn: addDays(start, 1) } }, 'A17').status).toBe('fail');
  });
});

describe('A24 announced and card handed over at the next regular cell meeting (within one calendar month)', () => {
  /** Recognised on 2026-11-23 (the competent committee's decision). */
  const recognised = () => {
    const b = fullPath();
    const c = b.build();
    const cut = c.events.findIndex((e) => e.type === 'RECOGNITION_ANNOUNCED');
    return { ...c, events: c.events.slice(0, cut) };
  };
  const by = addMonths('2026-11-23', 1); // 2026-12-23
  const announcedOn = (on: BusinessDate) => {
    const c = recognised();
    return { ...c, events: [...c.events, { seq: c.events.length + 1, type: 'RECOGNITION_ANNOUNCED', occurredOn: on, payload: {}, actor: null, fromState: 'fullMember', toState: 'fullMember' }] };
  };

  it('announced on the last day of the month passes; the day after fails, dated the day after the month', () => {
    expect(by).toBe('2026-12-23');
    const met = check(announcedOn(by), 'A24');
    expect(met).toMatchObject({ status: 'pass', evidence: { baseOn: '2026-11-23', limit: by, metOn: by, ruleSet: 'qd294-2025' } });
    expect(met.title.vi).toContain('(trong 1 tháng)');
    expect(check(announcedOn(addDays(by, 1)), 'A24')).toMatchObject({ status: 'fail', detectedOn: addDays(by, 1), evidence: { metOn: addDays(by, 1), limit: by } });
  });

  it('not announced: not applicable until the month is over, never a fail; a fail from the day after', () => {
    expect(check(recognised(), 'A24', by)).toMatchObject({ status: 'not_applicable' });
    expect(check(recognised(), 'A24', '2026-11-23')).toMatchObject({ status: 'not_applicable' });
    expect(check(recognised(), 'A24', addDays(by, 1))).toMatchObject({ status: 'fail', detectedOn: addDays(by, 1), eventSeq: null, evidence: { pendingAsOf: addDays(by, 1) } });
    expect(check(upToCellReview().build(), 'A24').status).toBe('not_applicable');
  });

  it('the card: handed over within one month of the card decision passes, the day after fails; without the card decision it is not judged', () => {
    const c = fullPath().build();
    expect(check(c, 'A24')).toMatchObject({ status: 'pass' });
    const cardBy = addMonths('2026-12-14', 1);
    const handedOn = (on: BusinessDate, cardDecidedOn?: BusinessDate) =>
      tamper(c, 'MEMBER_CARD_HANDED_OVER', (e) => {
        e.occurredOn = on;
        if (cardDecidedOn) e.payload.cardDecidedOn = cardDecidedOn;
        else delete e.payload.cardDecidedOn;
      });
    expect(check(handedOn(cardBy, '2026-12-14'), 'A24').status).toBe('pass');
    expect(check(handedOn(addDays(cardBy, 1), '2026-12-14'), 'A24')).toMatchObject({ status: 'fail', detectedOn: addDays(cardBy, 1), evidence: { what: 'handover of the party card' } });
    expect(check(handedOn(addDays(cardBy, 1)), 'A24').status).toBe('pass');
  });

  it('the live engine records both in fullMember', () => {
    const c = fullPath().build();
    expect(c.events.slice(-2).map((e) => [e.type, e.fromState, e.toState])).toEqual([
      ['RECOGNITION_ANNOUNCED', 'fullMember', 'fullMember'],
      ['MEMBER_CARD_HANDED_OVER', 'fullMember', 'fullMember'],
    ]);
  });
});

describe('titles and evidence state the numbers of the rule set that judged the case', () => {
  /** A cell resolution of 2025-03-10 (QĐ232: 60 working days, +30) decided on `on`. */
  const olderCase = (on: BusinessDate) =>
    new AuditCaseBuilder('2025-03-03')
      .ok('AWARENESS_CERTIFICATE_RECORDED', '2025-03-04', { certificateNo: 'CN-1', issuedOn: '2025-03-04', issuer: 'TTCT' })
      .ok('DOSSIER_OPENED', '2025-03-05', { resolutionNo: 'NQ-1' })
      .ok('APPLICATION_FILED', '2025-03-05')
      .ok('BIOGRAPHY_FILED', '2025-03-05')
      .ok('BIOGRAPHY_CERTIFIED', '2025-03-06', { politicalIssue: false })
      .ok('INTRODUCING_RESOLUTION_RECORDED', '2025-03-06', { body: 'youth_union', resolutionNo: 'NQ-DTN-1' })
      .ok('SPONSOR_ADDED', '2025-03-06', { sponsor: { name: 'B', fullMemberSince: '2015-01-01', togetherSince: '2023-01-01' } })
      .ok('OPINIONS_RECORDED', '2025-03-07', { organisations: ['CĐ'], residenceCell: true })
      .ok('CELL_VOTE_RECORDED', '2025-03-10', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-03-17', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', on, { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: on }, BOARD)
      .build();

  it('A15 under QĐ232 says 60 working days (+30) and under QĐ294 45 (+15); the catalogue keeps both', () => {
    const limit60 = CALENDAR.addWorkingDays('2025-03-10', 60);
    const late = check(olderCase(CALENDAR.addWorkingDays(limit60, 1)), 'A15');
    expect(late.status).toBe('fail');
    expect(late.title.vi).toContain('60 ngày làm việc, gia hạn 30 ngày');
    expect(late.title.vi).not.toContain('45');
    expect(late.title.en).toContain('60 working days, +30 once');
    expect(late.evidence.messageVi).toContain('60 ngày làm việc');
    expect(late.evidence.messageVi).toContain('mục 4.3.1 Quy định số 232-QĐ/TW');

    const newer = check(fullPath().build(), 'A15');
    expect(newer.title.vi).toContain('45 ngày làm việc, gia hạn 15 ngày');
    expect(newer.title.vi).not.toContain('60');

    const general = CHECKS.find((c) => c.id === 'A15')!.title.vi;
    expect(general).toContain('45');
    expect(general).toContain('60');
  });

  it('every result of a full path and of a late older case carries a Vietnamese message without ids, dates as dd/mm/yyyy', () => {
    const results = [...runChecks(fullPath(true).build(), ctx('2027-01-29')), ...runChecks(olderCase('2025-07-01'), ctx(TODAY))];
    for (const r of results) {
      const m = r.evidence.messageVi as string;
      expect(typeof m).toBe('string');
      expect(m.length).toBeGreaterThan(5);
      expect(m).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(m).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    }
    const a15 = results.find((r) => r.check === 'A15' && r.status === 'pass')!;
    expect(a15.evidence.messageVi).toMatch(/hạn cuối ngày \d{2}\/\d{2}\/\d{4}/);
  });
});
