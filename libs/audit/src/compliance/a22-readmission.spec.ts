import { Readmission } from '@charterflow/procedure';
import { AuditCaseBuilder, BOARD, CANDIDATE, ctx, ORDINARY, tamper, upToCellReview } from './__fixtures__/case-builder';
import { AuditCase, CheckResult } from './model';
import { runChecks } from './run-checks';

/**
 * A22 — re-admission (QĐ294 §3.5; ADR 0022): judged on the stored history with the engine's READMISSION_* rules.
 * Histories the engine refuses are built as an import may hold them (`tamper`). The cell votes on 2025-09-15.
 */

const READMISSION: Readmission = { previousAdmissionDecisionOn: '2008-06-02', leftOn: '2022-09-15', leftReason: 'removed', timesReadmittedBefore: 0 };
const check = (c: AuditCase): CheckResult => runChecks(c, ctx('2027-06-30'), ['A22'])[0];
const withReadmission = (c: AuditCase, change: Partial<Readmission>): AuditCase =>
  tamper(c, 'CASE_OPENED', (e) => (e.payload.readmission = { ...(e.payload.readmission as object), ...change }));
/** The history without its `type` events, renumbered (an import that never recorded them). */
const without = (c: AuditCase, type: string): AuditCase => ({ ...c, events: c.events.filter((e) => e.type !== type).map((e, i) => ({ ...e, seq: i + 1 })) });

/** A compliant re-admission to probation: consent 2025-10-01, decision 2025-10-15, ceremony 2025-11-03. */
function readmitted(): AuditCaseBuilder {
  return upToCellReview(new AuditCaseBuilder('2025-09-01', CANDIDATE, ORDINARY, READMISSION))
    .ok('CELL_VOTE_RECORDED', '2025-09-15', { fullMembers: 9, excluded: 0, inFavour: 6 })
    .ok('GRASSROOTS_VOTE_RECORDED', '2025-09-29', { committeeMembers: 9, inFavour: 6 })
    .ok('CONSENT_RECORDED', '2025-10-01', { kind: 'readmission', issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: '88-CV/TU' }, BOARD)
    .ok('ADMISSION_DECIDED', '2025-10-15', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2025-10-16' }, BOARD)
    .ok('CEREMONY_HELD', '2025-11-03', { helper: { name: 'Trần Văn Bình' } });
}

describe('A22 re-admission', () => {
  it('a first admission is not applicable; a compliant re-admission passes', () => {
    expect(check(upToCellReview().build())).toMatchObject({ status: 'not_applicable', evidence: { messageVi: 'Không phải hồ sơ kết nạp lại.' } });
    expect(check(readmitted().build())).toMatchObject({ status: 'pass', evidence: { leftOn: '2022-09-15', leftReason: 'removed' } });
    // Opened and nothing more yet: the opening is judged.
    expect(check(new AuditCaseBuilder('2025-09-01', CANDIDATE, ORDINARY, READMISSION).build()).status).toBe('pass');
  });

  it('an excluded reason, or asking to leave without family hardship, fails on the opening', () => {
    const c = readmitted().build();
    for (const leftReason of ['abandoned_activity', 'disunity', 'corruption_conviction', 'serious_crime_conviction', 'asked_to_leave'] as const) {
      expect(check(withReadmission(c, { leftReason }))).toMatchObject({
        status: 'fail',
        detectedOn: '2025-09-01',
        eventSeq: 1,
        evidence: { rule: 'READMISSION_EXCLUDED', details: { leftReason } },
      });
    }
    expect(check(withReadmission(c, { leftReason: 'asked_to_leave', familyHardship: true })).status).toBe('pass');
  });

  it('a second re-admission fails on the opening', () => {
    expect(check(withReadmission(readmitted().build(), { timesReadmittedBefore: 1 }))).toMatchObject({
      status: 'fail',
      eventSeq: 1,
      evidence: { rule: 'READMISSION_ONLY_ONCE', messageVi: expect.stringContaining('chỉ được xem xét kết nạp lại một lần') },
    });
  });

  it('the cell vote a day short of 36 months after leaving fails, dated on the vote; exactly 36 passes', () => {
    const c = readmitted().build();
    const vote = c.events.find((e) => e.type === 'CELL_VOTE_RECORDED')!;
    expect(check(withReadmission(c, { leftOn: '2022-09-16' }))).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      eventSeq: vote.seq,
      evidence: { rule: 'READMISSION_TOO_EARLY', details: { from: 'leftOn', months: 35, minimum: 36, earliestOn: '2025-09-16' } },
    });
    expect(check(withReadmission(c, { leftOn: '2022-09-15' })).status).toBe('pass');
  });

  it('60 months after a cleared criminal record: a day short fails, exactly 60 passes', () => {
    const c = readmitted().build();
    expect(check(withReadmission(c, { criminalRecordClearedOn: '2020-09-16' }))).toMatchObject({
      status: 'fail',
      detectedOn: '2025-09-15',
      evidence: { rule: 'READMISSION_TOO_EARLY', details: { from: 'criminalRecordClearedOn', months: 59, minimum: 60 } },
    });
    expect(check(withReadmission(c, { criminalRecordClearedOn: '2020-09-15' })).status).toBe('pass');
  });

  it('the admission decided without the provincial consent fails, dated on the decision', () => {
    const c = without(readmitted().build(), 'CONSENT_RECORDED');
    const decision = c.events.find((e) => e.type === 'ADMISSION_DECIDED')!;
    expect(check(c)).toMatchObject({ status: 'fail', detectedOn: '2025-10-15', eventSeq: decision.seq, evidence: { rule: 'READMISSION_CONSENT_MISSING' } });
  });

  it('recognition considered with no probation served fails', () => {
    const c = readmitted()
      .ok('MEMBER_RECORDS_FILED', '2025-11-10')
      .ok('NEW_MEMBER_CLASS_COMPLETED', '2026-02-02', { certificateNo: 'BD-1' })
      .ok('PROBATION_ENDED', '2026-11-03')
      .ok('SELF_REVIEW_SUBMITTED', '2026-11-04')
      .ok('HELPER_ASSESSMENT_SUBMITTED', '2026-11-04')
      .ok('RECOGNITION_OPINIONS_RECORDED', '2026-11-05')
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2026-11-09', { fullMembers: 10, excluded: 1, inFavour: 6, motion: 'recognise' })
      .build();
    expect(check(c).status).toBe('pass');
    const unserved = without(c, 'CEREMONY_HELD');
    expect(check(unserved)).toMatchObject({ status: 'fail', detectedOn: '2026-11-09', evidence: { event: 'RECOGNITION_CELL_VOTE_RECORDED' } });
    expect(check(unserved).evidence.messageVi).toContain('phải trải qua thời kỳ dự bị');
  });
});
