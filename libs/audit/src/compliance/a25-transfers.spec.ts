import { BusinessDate } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CALENDAR, ctx, upToCellReview } from './__fixtures__/case-builder';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/** A25 (HD06 §3.9; ADR 0024): the forwarding of a transferred dossier, and a late decision not annulled (D18). */

const TODAY = '2026-12-31';
const check = (c: AuditCase, today: BusinessDate = TODAY): CheckResult => runChecks(c, ctx(today), ['A25'])[0];
const DESTINATION = { toOrganisationId: '7d0f6f0e-8d0a-4b8e-9a57-2b0c3c1d5e01', decisionNo: 'QĐ-ĐĐ-3' };
const T = '2025-10-01';

/** Cell vote 2025-09-15, grassroots vote 2025-09-29: the dossier is with the competent committee. */
const atCompetentCommittee = (b = upToCellReview()) =>
  b.ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 }).ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 });

describe('A25 transfers', () => {
  it('not applicable without a transfer', () => {
    expect(check(atCompetentCommittee().build()).status).toBe('not_applicable');
  });

  it('the dossier received on the 15th working day after the transfer decision passes; on the 16th it fails, dated the day after the limit', () => {
    const limit = CALENDAR.addWorkingDays(T, 15);
    const received = (on: BusinessDate) => atCompetentCommittee().ok('TRANSFERRED', T, DESTINATION, BOARD).ok('TRANSFER_DOSSIER_RECEIVED', on, {}, BOARD).build();
    expect(check(received(limit))).toMatchObject({ status: 'pass', evidence: { metOn: limit, limit } });
    const late = CALENDAR.addWorkingDays(T, 16);
    expect(check(received(late))).toMatchObject({ status: 'fail', evidence: { metOn: late, workingDaysLate: 1 } });
  });

  it('a dossier never received fails once the limit has passed, not before', () => {
    const c = atCompetentCommittee().ok('TRANSFERRED', T, DESTINATION, BOARD).build();
    const limit = CALENDAR.addWorkingDays(T, 15);
    expect(check(c, limit).status).toBe('not_applicable');
    expect(check(c, CALENDAR.addWorkingDays(limit, 1))).toMatchObject({ status: 'fail', eventSeq: null });
  });

  it('a decision issued 30 working days after the transfer decision is forwarded (pass); one issued 31 working days after and kept fails', () => {
    const decidedAfter = (n: number) => {
      const on = CALENDAR.addWorkingDays(T, n);
      return atCompetentCommittee().ok('ADMISSION_DECIDED', on, { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: on }, BOARD);
    };
    expect(check(decidedAfter(30).ok('TRANSFERRED', T, DESTINATION, BOARD).build()).status).toBe('pass');
    // The engine annuls the late one: the history then passes (its forwarding limit is met by the receipt).
    const annulled = decidedAfter(31).ok('TRANSFERRED', T, DESTINATION, BOARD);
    expect(annulled.state).toBe('superiorReview');
    const on = CALENDAR.addWorkingDays(T, 31);
    expect(check(annulled.ok('TRANSFER_DOSSIER_RECEIVED', on, {}, BOARD).build()).status).toBe('pass');
    // An imported history that kept it (the transfer recorded as leaving the case awaiting its ceremony) fails.
    const kept = decidedAfter(31).raw('TRANSFERRED', T, DESTINATION, 'awaitingCeremony', BOARD).build();
    expect(check(kept)).toMatchObject({ status: 'fail', evidence: { decidedOn: on, limit: CALENDAR.addWorkingDays(T, 30) } });
    expect(String(check(kept).evidence.messageVi)).toContain('không bị hủy');
  });

  it('a probationer’s transfer passes', () => {
    const b = new AuditCaseBuilder();
    atCompetentCommittee(upToCellReview(b))
      .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
      .ok('CEREMONY_HELD', '2025-11-03', { helper: { name: 'Trần Văn Bình' } })
      .ok('TRANSFERRED', '2026-02-02', DESTINATION, BOARD);
    expect(check(b.build())).toMatchObject({ status: 'pass' });
  });
});
