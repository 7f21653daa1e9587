import { openCase } from '../engine/engine';
import { DomainRefusal } from '../model/errors';
import { DomainEvent } from '../model/events';
import { LEFT_REASONS, Readmission, READMISSION_SCHEMA } from '../schema/readmission.schema';
import { AUTHORISED_GRASSROOTS, CANDIDATE, CaseDriver, makeEnv, PASSING_CELL_VOTE, toCellReview } from '../__fixtures__/scenario';
import { excludedReason, partyAge } from './readmission';

/**
 * Re-admission (QĐ294 §3.5; api.md v1.1): who may never be re-admitted and the once-only limit at the opening, the
 * 36 / 60 months at the cell vote, the provincial consent at the admitting decision, and the party age.
 */

const READMITTED: Readmission = { previousAdmissionDecisionOn: '2010-05-19', leftOn: '2022-11-10', leftReason: 'removed', timesReadmittedBefore: 0 };
const env = makeEnv();
const open = (r: Partial<Readmission>, openedOn = '2025-09-01') =>
  openCase({ type: 'CASE_OPENED', occurredOn: openedOn, candidate: CANDIDATE, readmission: { ...READMITTED, ...r } }, env);
const refusedRule = (d: ReturnType<typeof open>): string | null => (d.ok ? null : ((d.refusal as DomainRefusal & { rule?: string }).rule ?? d.refusal.code));
const ruleOf = (r: DomainRefusal): string => (r as { rule?: string }).rule ?? r.code;

const CONSENT = { kind: 'readmission' as const, issuer: 'Ban Thường vụ Tỉnh ủy', documentNo: 'CV-12' };
const DECISION = { decisionNo: 'QD-1', standingMembers: 7, inFavour: 5, receivedOn: '2025-12-17' };

/** A re-admission case up to a passing cell vote on 2025-11-10 (the scenario's dates). */
function readmissionAtCell(r: Partial<Readmission> = {}): CaseDriver {
  return toCellReview(new CaseDriver(env, '2025-09-01', CANDIDATE, { ...READMITTED, ...r }));
}

describe('the readmission facts (schema)', () => {
  it('accepts the facts of api.md, with the optional ones left out', () => {
    expect(READMISSION_SCHEMA.safeParse(READMITTED).success).toBe(true);
    expect(READMISSION_SCHEMA.safeParse({ ...READMITTED, criminalRecordClearedOn: '2019-01-02', familyHardship: true }).success).toBe(true);
  });

  it('refuses leaving on or before the first admission decision (a day after passes), unreal dates, unknown reasons and negative counts', () => {
    const issues = (v: unknown) => READMISSION_SCHEMA.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ ...READMITTED, leftOn: '2010-05-19' })).toEqual(['leftOn']);
    expect(issues({ ...READMITTED, leftOn: '2010-05-18' })).toEqual(['leftOn']);
    expect(issues({ ...READMITTED, leftOn: '2010-05-20' })).toEqual([]);
    expect(issues({ ...READMITTED, leftOn: '2022-02-30' })).toContain('leftOn');
    expect(issues({ ...READMITTED, leftReason: 'resigned' })).toEqual(['leftReason']);
    expect(issues({ ...READMITTED, timesReadmittedBefore: -1 })).toEqual(['timesReadmittedBefore']);
    expect(issues({ ...READMITTED, timesReadmittedBefore: 0.5 })).toEqual(['timesReadmittedBefore']);
    expect(issues({ ...READMITTED, extra: 1 })).toEqual(['']);
  });
});

describe('READMISSION_EXCLUDED and READMISSION_ONLY_ONCE at the opening', () => {
  it('refuses every reason on the never-re-admit list and opens the others', () => {
    const excluded = ['abandoned_activity', 'asked_to_leave', 'disunity', 'corruption_conviction', 'serious_crime_conviction'];
    for (const leftReason of LEFT_REASONS) {
      expect([leftReason, refusedRule(open({ leftReason }))]).toEqual([leftReason, excluded.includes(leftReason) ? 'READMISSION_EXCLUDED' : null]);
    }
  });

  it('asking to leave is excluded unless for special family hardship', () => {
    expect(excludedReason({ leftReason: 'asked_to_leave' })).toBe('asked_to_leave');
    expect(excludedReason({ leftReason: 'asked_to_leave', familyHardship: false })).toBe('asked_to_leave');
    expect(refusedRule(open({ leftReason: 'asked_to_leave', familyHardship: true }))).toBeNull();
    // Hardship excuses only asking to leave.
    expect(refusedRule(open({ leftReason: 'disunity', familyHardship: true }))).toBe('READMISSION_EXCLUDED');
  });

  it('a second re-admission is refused; none before opens', () => {
    expect(refusedRule(open({ timesReadmittedBefore: 1 }))).toBe('READMISSION_ONLY_ONCE');
    expect(refusedRule(open({ timesReadmittedBefore: 2 }))).toBe('READMISSION_ONLY_ONCE');
    expect(refusedRule(open({ timesReadmittedBefore: 0 }))).toBeNull();
  });

  it('explains the refusal in Vietnamese with its article', () => {
    const d = open({ leftReason: 'asked_to_leave' });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal).toMatchObject({ code: 'RULE_VIOLATION', rule: 'READMISSION_EXCLUDED', source: 'QĐ294 §3.5.2' });
    expect(d.refusal.messageVi).toBe(
      'Người ra khỏi Đảng với lý do «Xin ra khỏi Đảng» không vì hoàn cảnh gia đình đặc biệt khó khăn thì không được xem xét kết nạp lại (căn cứ mục 3.5.2 Quy định số 294-QĐ/TW ngày 26/05/2025).',
    );
  });

  it('a historical import opens the case and reports the broken rule as waived', () => {
    const d = openCase({ type: 'CASE_OPENED', occurredOn: '2025-09-01', candidate: CANDIDATE, readmission: { ...READMITTED, timesReadmittedBefore: 1 } }, { ...env, waiveRules: true });
    expect(d.ok).toBe(true);
    expect(d.ok && d.waived?.map((v) => v.rule)).toEqual(['READMISSION_ONLY_ONCE']);
  });

  it('a date of the readmission facts after today is refused (DATE_IN_FUTURE)', () => {
    const d = openCase({ type: 'CASE_OPENED', occurredOn: '2025-09-01', candidate: CANDIDATE, readmission: { ...READMITTED, criminalRecordClearedOn: '2025-09-02' } }, makeEnv('2025-09-01'));
    expect(refusedRule(d)).toBe('DATE_IN_FUTURE');
  });
});

describe('READMISSION_TOO_EARLY at the cell vote (cell meets 2025-11-10)', () => {
  it('36 months since leaving: a day short is refused, exactly 36 is accepted', () => {
    const early = readmissionAtCell({ leftOn: '2022-11-11' });
    const refusal = early.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(ruleOf(refusal)).toBe('READMISSION_TOO_EARLY');
    expect(refusal.messageVi).toContain('mới 35 tháng kể từ ngày ra khỏi Đảng 11/11/2022; cần đủ 36 tháng, tức từ ngày 11/11/2025');
    expect(early.state).toBe('cellReview');
    // The same case may vote once the months are complete.
    expect(early.send('CELL_VOTE_RECORDED', '2025-11-11', PASSING_CELL_VOTE).ok).toBe(true);

    expect(readmissionAtCell({ leftOn: '2022-11-10' }).send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok).toBe(true);
  });

  it('60 months after a cleared record: a day short is refused, exactly 60 is accepted', () => {
    const early = readmissionAtCell({ criminalRecordClearedOn: '2020-11-11' });
    const refusal = early.refused('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(ruleOf(refusal)).toBe('READMISSION_TOO_EARLY');
    expect(refusal.messageVi).toContain('mới 59 tháng kể từ ngày được xóa án tích 11/11/2020; cần đủ 60 tháng');
    expect(readmissionAtCell({ criminalRecordClearedOn: '2020-11-10' }).send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok).toBe(true);
  });

  it('a first admission is not held to it', () => {
    const first = toCellReview(new CaseDriver(env, '2025-09-01'));
    expect(first.send('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok).toBe(true);
  });
});

describe('READMISSION_CONSENT_MISSING at the admitting decision', () => {
  it('the competent committee cannot admit without the provincial consent; with it, it can', () => {
    const c = readmissionAtCell().ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
    const refusal = c.refused('ADMISSION_DECIDED', '2025-12-15', DECISION);
    expect(ruleOf(refusal)).toBe('READMISSION_CONSENT_MISSING');
    expect(refusal.messageVi).toBe(
      'Hồ sơ kết nạp lại chưa có văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp (căn cứ mục 3.5.1, điểm c mục 4.3.2 Quy định số 294-QĐ/TW ngày 26/05/2025).',
    );
    c.ok('CONSENT_RECORDED', '2025-12-10', CONSENT).ok('ADMISSION_DECIDED', '2025-12-15', DECISION);
    expect(c.state).toBe('awaitingCeremony');
  });

  it('a refusing decision needs no consent', () => {
    const c = readmissionAtCell().ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE).ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
    c.ok('ADMISSION_DECIDED', '2025-12-15', { ...DECISION, inFavour: 3 });
    expect(c.state).toBe('notAdmitted');
  });

  it('an authorised grassroots committee admitting by its vote needs it too', () => {
    const c = toCellReview(new CaseDriver(makeEnv('2030-12-31', AUTHORISED_GRASSROOTS), '2025-09-01', CANDIDATE, READMITTED)).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(ruleOf(c.refused('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 }))).toBe('READMISSION_CONSENT_MISSING');
    c.ok('CONSENT_RECORDED', '2025-11-20', CONSENT).ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 });
    expect(c.state).toBe('awaitingCeremony');
  });
});

describe('the readmission consent applies to a re-admission before the decision only (CONSENT_NOT_APPLICABLE)', () => {
  it('a first admission cannot record it, at any stage', () => {
    const first = new CaseDriver(env, '2025-09-01');
    const refusal = first.refused('CONSENT_RECORDED', '2025-09-02', CONSENT);
    expect(ruleOf(refusal)).toBe('CONSENT_NOT_APPLICABLE');
    expect(refusal.messageVi).toContain('chỉ ghi nhận cho hồ sơ kết nạp lại; hồ sơ này là kết nạp lần đầu');
  });

  it('a re-admission records it before the decision, not after', () => {
    const c = new CaseDriver(env, '2025-09-01', CANDIDATE, READMITTED);
    expect(c.send('CONSENT_RECORDED', '2025-09-02', CONSENT).ok).toBe(true);
    const after = readmissionAtCell()
      .ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 })
      .ok('CONSENT_RECORDED', '2025-12-10', CONSENT)
      .ok('ADMISSION_DECIDED', '2025-12-15', DECISION);
    expect(ruleOf(after.refused('CONSENT_RECORDED', '2025-12-16', { ...CONSENT, documentNo: 'CV-13' }))).toBe('CONSENT_NOT_APPLICABLE');
  });
});

describe('probation and party age of a re-admitted member', () => {
  function admitted(): CaseDriver {
    return readmissionAtCell()
      .ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 })
      .ok('CONSENT_RECORDED', '2025-12-10', CONSENT)
      .ok('ADMISSION_DECIDED', '2025-12-15', DECISION);
  }

  it('serves a probation of 12 months from the ceremony, as any admission', () => {
    const c = admitted().ok('CEREMONY_HELD', '2026-01-06', { helper: { name: 'Trần Văn Bình', memberId: 'M-001' } });
    expect(c.state).toBe('probation');
    expect(c.description.membership).toMatchObject({ probationStartOn: '2026-01-06', probationEndOn: '2027-01-06', fullMemberSince: null });
  });

  it('counts the party age from the first admission decision, leaving out the time outside the Party', () => {
    expect(readmissionAtCell().description.membership).toMatchObject({ partyAgeFrom: null, partyAgeGaps: [] });
    expect(admitted().description.membership).toMatchObject({
      admissionDecisionOn: '2025-12-15',
      partyAgeFrom: '2010-05-19',
      partyAgeGaps: [{ from: '2022-11-10', to: '2025-12-15' }],
    });
  });

  it('a first admission counts from its decision with no gaps', () => {
    const first = toCellReview(new CaseDriver(env, '2025-09-01'))
      .ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2025-12-01', { committeeMembers: 9, inFavour: 7 })
      .ok('ADMISSION_DECIDED', '2025-12-15', DECISION);
    expect(first.description.membership).toMatchObject({ partyAgeFrom: '2025-12-15', partyAgeGaps: [] });
    // Facts stored before re-admission existed (no `readmission` field) read as a first admission.
    expect(partyAge({ decision: { decisionNo: 'QD-1', decidedOn: '2025-12-15', receivedOn: '2025-12-17' } })).toEqual({ partyAgeFrom: '2025-12-15', partyAgeGaps: [] });
  });
});

describe('the opening event carries the facts', () => {
  it('keeps them in the case facts', () => {
    const c = new CaseDriver(env, '2025-09-01', CANDIDATE, READMITTED);
    expect((c.description.facts as { readmission: unknown }).readmission).toEqual(READMITTED);
    const first = new CaseDriver(env, '2025-09-01');
    expect((first.description.facts as { readmission: unknown }).readmission).toBeNull();
  });

  it('is typed with the readmission as optional', () => {
    const e: DomainEvent = { type: 'CASE_OPENED', occurredOn: '2025-09-01', candidate: CANDIDATE };
    expect(e.type).toBe('CASE_OPENED');
  });
});
