import { BusinessDate, OrganisationFacts } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CANDIDATE, ctx, ORDINARY, upToCellReview } from './__fixtures__/case-builder';
import { checkById, titleOf } from './catalogue';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/*
 * A27: the limits of a province's own rules (the Hà Nội profile, ADR 0023): D5 (dossier sent up within 5 WD of the
 * cell resolution), D6 (grassroots resolution within 25 WD), D13 (recognition decision within 15 WD, +15). The cell
 * votes on Monday 2025-09-15 in these histories; weekdays-only calendar.
 */

const HANOI: OrganisationFacts = { ...ORDINARY, ruleProfile: 'hanoi' };
const check = (c: AuditCase, today: BusinessDate = '2027-06-30'): CheckResult => runChecks(c, ctx(today), ['A27'])[0];
const hanoiCase = () => upToCellReview(new AuditCaseBuilder('2025-09-01', CANDIDATE, HANOI)).ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
const grassroots = (b: AuditCaseBuilder, on: BusinessDate, dossierReceivedOn?: BusinessDate) =>
  b.ok('GRASSROOTS_VOTE_RECORDED', on, { committeeMembers: 9, inFavour: 6, ...(dossierReceivedOn ? { dossierReceivedOn } : {}) });

describe('A27 a province profile’s own limits', () => {
  it('does not apply to a case under the central rules', () => {
    const central = upToCellReview().ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(check(grassroots(central, '2025-10-29').build())).toMatchObject({ status: 'not_applicable' });
    expect(central.build().ruleProfile).toBe('central');
  });

  it('D5: the dossier received on the 5th working day passes, on the 6th fails one day late', () => {
    expect(check(grassroots(hanoiCase(), '2025-10-06', '2025-09-22').build())).toMatchObject({ status: 'pass', evidence: { ruleSet: 'qd294-2025+hanoi' } });
    expect(check(grassroots(hanoiCase(), '2025-10-06', '2025-09-23').build())).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-23',
      evidence: { kind: 'DOSSIER_DISPATCH', limit: '2025-09-22', metOn: '2025-09-23', workingDaysLate: 1, workingDays: 5 },
    });
  });

  it('D6: the grassroots resolution on the 25th working day passes; on the 26th fails (D5 met by the receipt date)', () => {
    expect(check(grassroots(hanoiCase(), '2025-10-20', '2025-09-19').build()).status).toBe('pass');
    expect(check(grassroots(hanoiCase(), '2025-10-21', '2025-09-19').build())).toMatchObject({
      status: 'fail',
      evidence: { kind: 'GRASSROOTS_RESOLUTION', limit: '2025-10-20', workingDaysLate: 1, workingDays: 25 },
    });
  });

  it('an open limit past its day fails while still pending; before it is not applicable', () => {
    expect(check(hanoiCase().build(), '2025-09-22').status).toBe('not_applicable');
    expect(check(hanoiCase().build(), '2025-09-23')).toMatchObject({ status: 'fail', evidence: { kind: 'DOSSIER_DISPATCH', pendingAsOf: '2025-09-23' } });
  });

  const toRecognition = () =>
    grassroots(hanoiCase(), '2025-09-29', '2025-09-19')
      .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
      .ok('CEREMONY_HELD', '2025-11-03', { helper: { name: 'Trần Văn Bình' } })
      .ok('MEMBER_RECORDS_FILED', '2025-11-10')
      .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-02-02', { certificateNo: 'BD-1' })
      .ok('PROBATION_ENDED', '2026-11-03')
      .ok('SELF_REVIEW_SUBMITTED', '2026-11-04')
      .ok('HELPER_ASSESSMENT_SUBMITTED', '2026-11-04')
      .ok('RECOGNITION_OPINIONS_RECORDED', '2026-11-05')
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', { fullMembers: 10, excluded: 1, inFavour: 6, motion: 'recognise' }) // a Monday
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2026-11-16', { committeeMembers: 9, inFavour: 6, motion: 'recognise' });
  const recognised = (on: BusinessDate) => toRecognition().ok('RECOGNITION_DECIDED', on, { decisionNo: 'QĐ-2', standingMembers: 7, inFavour: 4, motion: 'recognise' }, BOARD).build();

  it('D13: the recognition decision on the 15th working day passes, on the 16th fails; A20 judges it with the same numbers', () => {
    expect(check(recognised('2026-11-30'))).toMatchObject({ status: 'pass' });
    const late = recognised('2026-12-01');
    expect(check(late)).toMatchObject({ status: 'fail', evidence: { kind: 'RECOGNITION_DECISION', limit: '2026-11-30', workingDaysLate: 1, workingDays: 15 } });
    expect(runChecks(late, ctx('2027-06-30'), ['A20'])[0]).toMatchObject({ status: 'fail', evidence: { workingDays: 15, ruleSet: 'qd294-2025+hanoi' } });
  });

  it('is titled with the numbers of the profile that judged the case', () => {
    const a27 = checkById('A27')!;
    expect(titleOf(a27, 'qd294-2025+hanoi').vi).toContain('5 ngày làm việc');
    expect(titleOf(a27, 'qd294-2025+hanoi').vi).toContain('15 ngày làm việc, gia hạn 15 ngày');
    expect(titleOf(a27, 'qd294-2025+unknown')).toEqual(a27.title);
  });
});
