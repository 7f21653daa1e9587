import { RuleViolation } from '../model/errors';
import { DomainRefusal } from '../model/errors';
import { CaseDriver, PASSING_CELL_VOTE, toCellReview, toProbation, toRecognitionReview } from '../__fixtures__/scenario';

/**
 * Transfers (HD06 §3.9; D17–D18), the helper change and the annulment of a decision (S14e): ADR 0024. The calendar of
 * the fixtures counts weekdays, so the working-day boundaries below are computed with it.
 */

const DESTINATION = '7d0f6f0e-8d0a-4b8e-9a57-2b0c3c1d5e01';
const rule = (r: DomainRefusal): string => (r as RuleViolation).rule ?? r.code;
const transfer = (extra: Record<string, unknown> = {}) => ({ toOrganisationId: DESTINATION, decisionNo: 'QĐ-ĐĐ-12', ...extra });
const toGrassroots = (c: CaseDriver) => toCellReview(c).ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
const toSuperior = (c: CaseDriver) => toGrassroots(c).ok('GRASSROOTS_VOTE_RECORDED', '2025-11-20', { committeeMembers: 9, inFavour: 6 });
const admit = (on: string) => ({ decisionNo: 'QD-1', standingMembers: 7, inFavour: 5, receivedOn: on });

describe('a transfer before the dossier goes up (HD06 §3.9a)', () => {
  it('keeps the case where it stands, records the move and opens no transfer limit', () => {
    const c = toCellReview(new CaseDriver()).ok('TRANSFERRED', '2025-11-06', transfer());
    expect(c.state).toBe('cellReview');
    expect(c.description.facts.transfers).toEqual([
      expect.objectContaining({ on: '2025-11-06', toOrganisationId: DESTINATION, stage: 'beforeDossierUp', annulledDecision: null }),
    ]);
    expect(c.aggregate.deadlines.filter((d) => d.kind.startsWith('TRANSFER_'))).toEqual([]);
    // The destination's cell votes as any cell would.
    c.ok('CELL_VOTE_RECORDED', '2025-11-10', PASSING_CELL_VOTE);
    expect(c.state).toBe('grassrootsReview');
  });

  it('inside the dossier the regions keep their progress', () => {
    const c = new CaseDriver();
    c.ok('AWARENESS_CERTIFICATE_RECORDED', '2025-09-10', { certificateNo: 'CN-1', issuedOn: '2025-09-05', issuer: 'Trung tâm' })
      .ok('DOSSIER_OPENED', '2025-10-01', { resolutionNo: 'NQ-7' })
      .ok('APPLICATION_FILED', '2025-10-02')
      .ok('TRANSFERRED', '2025-10-03', transfer());
    expect(c.description.stateDetail.value).toMatchObject({ dossier: { application: 'filed' } });
  });
});

describe('a transfer while the dossier is with the competent committee (D17)', () => {
  it('cancels the origin’s decision limit; forwarding within 15 WD of the transfer decision: the 15th passes, the 16th is late', () => {
    for (const [n, status] of [[15, 'met'], [16, 'missed']] as const) {
      const c = toSuperior(new CaseDriver()).ok('TRANSFERRED', '2025-11-24', transfer());
      expect(c.state).toBe('superiorReview');
      expect(c.deadline('ADMISSION_DECISION').status).toBe('cancelled');
      const due = c.env.calendar.addWorkingDays('2025-11-24', 15);
      expect(c.deadline('TRANSFER_FORWARDING:1')).toMatchObject({ baseOn: '2025-11-24', dueOn: due, status: 'open', reference: 'QĐ-ĐĐ-12' });
      const receivedOn = c.env.calendar.addWorkingDays('2025-11-24', n);
      c.ok('TRANSFER_DOSSIER_RECEIVED', receivedOn);
      expect(c.deadline('TRANSFER_FORWARDING:1')).toMatchObject({ status, closedOn: receivedOn, lateWorkingDays: status === 'met' ? null : 1 });
      expect(c.deadline('TRANSFER_DECISION:1')).toMatchObject({ baseOn: receivedOn, dueOn: c.env.calendar.addWorkingDays(receivedOn, 30), status: 'open' });
    }
  });

  it('the destination decides within 30 WD of receipt: the 30th passes, the 31st is late; the receipt is recorded once', () => {
    for (const [n, status] of [[30, 'met'], [31, 'missed']] as const) {
      const c = toSuperior(new CaseDriver()).ok('TRANSFERRED', '2025-11-24', transfer()).ok('TRANSFER_DOSSIER_RECEIVED', '2025-12-01');
      expect(rule(c.refused('TRANSFER_DOSSIER_RECEIVED', '2025-12-02'))).toBe('TRANSFER_DOSSIER_NOT_AWAITED');
      const on = c.env.calendar.addWorkingDays('2025-12-01', n);
      c.ok('ADMISSION_DECIDED', on, admit(on));
      expect(c.state).toBe('awaitingCeremony');
      expect(c.deadline('TRANSFER_DECISION:1')).toMatchObject({ status, closedOn: on });
    }
  });

  it('a receipt without such a transfer is refused with its rule, in any state', () => {
    expect(rule(toSuperior(new CaseDriver()).refused('TRANSFER_DOSSIER_RECEIVED', '2025-11-25'))).toBe('TRANSFER_DOSSIER_NOT_AWAITED');
    const before = toCellReview(new CaseDriver()).ok('TRANSFERRED', '2025-11-06', transfer());
    expect(rule(before.refused('TRANSFER_DOSSIER_RECEIVED', '2025-11-07'))).toBe('TRANSFER_DOSSIER_NOT_AWAITED');
  });
});

describe('a transfer after the admission decision (D18)', () => {
  const T = '2025-11-24';
  const decidedAfter = (n: number): CaseDriver => {
    const c = toSuperior(new CaseDriver());
    const on = c.env.calendar.addWorkingDays(T, n);
    return c.ok('ADMISSION_DECIDED', on, admit(on));
  };

  it('a decision issued 30 working days after the transfer decision is forwarded: the ceremony is held at the destination', () => {
    const c = decidedAfter(30).ok('TRANSFERRED', T, transfer());
    expect(c.state).toBe('awaitingCeremony');
    expect(c.description.facts.transfers).toEqual([expect.objectContaining({ stage: 'decided', annulledDecision: null })]);
    expect(c.deadline('CEREMONY').status).toBe('open');
    expect(c.aggregate.deadlines.some((d) => d.kind === 'TRANSFER_FORWARDING')).toBe(false);
    const ceremonyOn = c.deadline('CEREMONY').dueOn;
    c.ok('CEREMONY_HELD', ceremonyOn, { helper: { name: 'Phạm Thị Dung' } });
    expect(c.state).toBe('probation');
  });

  it('a decision issued 31 working days after it is annulled and the dossier forwarded to the destination’s committee', () => {
    const c = decidedAfter(31);
    const decidedOn = c.description.membership.admissionDecisionOn;
    c.ok('TRANSFERRED', T, transfer());
    expect(c.state).toBe('superiorReview');
    expect(c.description.membership.admissionDecisionOn).toBeNull();
    expect(c.description.facts.transfers).toEqual([
      expect.objectContaining({ stage: 'decided', annulledDecision: { decisionNo: 'QD-1', decidedOn } }),
    ]);
    expect(c.deadline('CEREMONY').status).toBe('cancelled');
    // HD06 §3.9c sets no forwarding limit after an annulment; the destination's decision limit runs from receipt.
    expect(c.aggregate.deadlines.some((d) => d.kind === 'TRANSFER_FORWARDING')).toBe(false);
    // The destination receives the dossier and decides anew; the ceremony follows its decision.
    c.ok('TRANSFER_DOSSIER_RECEIVED', decidedOn!);
    expect(c.deadline('TRANSFER_DECISION:1')).toMatchObject({ baseOn: decidedOn, status: 'open' });
    c.ok('ADMISSION_DECIDED', decidedOn!, { ...admit(decidedOn!), decisionNo: 'QD-DEST-4' });
    expect(c.state).toBe('awaitingCeremony');
    expect(c.description.membership.admissionDecisionOn).toBe(decidedOn);
  });

  it('the transfer decision may precede the admission decision but not the cell vote', () => {
    const c = decidedAfter(30);
    expect(rule(c.refused('TRANSFERRED', '2025-11-07', transfer()))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    c.ok('TRANSFERRED', '2025-11-10', transfer());
  });
});

describe('a probationer transferred or given a new helper', () => {
  it('probation runs on; the origin’s and the earlier helper’s assessments are kept for recognition', () => {
    const c = toProbation(new CaseDriver())
      .ok('HELPER_CHANGED', '2026-03-02', { helper: { name: 'Đỗ Văn Hải' }, previousAssessmentOn: '2026-02-27' })
      .ok('TRANSFERRED', '2026-06-01', transfer({ previousAssessmentOn: '2026-05-29' }))
      .ok('HELPER_CHANGED', '2026-06-08', { helper: { name: 'Vũ Thị Lan' } });
    expect(c.state).toBe('probation');
    expect(c.description.membership.probationEndOn).toBe('2027-01-06');
    expect(c.description.facts.transfers).toEqual([expect.objectContaining({ stage: 'probation', previousAssessmentOn: '2026-05-29' })]);
    expect(c.description.stateDetail.recognition).toMatchObject({
      earlierAssessments: [
        { on: '2026-02-27', after: 'HELPER_CHANGED' },
        { on: '2026-05-29', after: 'TRANSFERRED' },
      ],
    });
  });

  it('a helper change is a step of the probation: after the engine ended it, the end day passes and the day after is refused', () => {
    const c = toRecognitionReview(new CaseDriver());
    expect(rule(c.refused('HELPER_CHANGED', '2027-01-07', { helper: { name: 'Đỗ Văn Hải' } }))).toBe('PROBATION_STEP_AFTER_END');
    c.ok('HELPER_CHANGED', '2027-01-06', { helper: { name: 'Đỗ Văn Hải' } });
    expect(c.state).toBe('recognitionReview');
  });

  it('a helper change before the ceremony is not a step of the case', () => {
    const c = toSuperior(new CaseDriver());
    expect(c.refused('HELPER_CHANGED', '2025-11-25', { helper: { name: 'x' } }).code).toBe('EVENT_NOT_ALLOWED');
  });
});

describe('annulment (S14e)', () => {
  it('an admission annulled during probation: state annulled, the reason kept, nothing else accepted', () => {
    const c = toProbation(new CaseDriver());
    expect(rule(c.refused('ADMISSION_ANNULLED', '2026-04-01', { decisionNo: 'QD-2', reason: 'standards_not_met' }))).toBe('ANNULLED_DECISION_MISMATCH');
    c.ok('ADMISSION_ANNULLED', '2026-04-01', { decisionNo: 'QD-1', reason: 'standards_not_met' });
    expect(c.state).toBe('annulled');
    expect(c.description.facts.annulment).toEqual({ decision: 'admission', decisionNo: 'QD-1', reason: 'standards_not_met', on: '2026-04-01' });
    expect(c.description.allowedEvents).toEqual([]);
    expect(c.aggregate.deadlines.filter((d) => d.status === 'open')).toEqual([]);
  });

  it('a recognition annulled for a procedure error; not before the decision it annuls', () => {
    const c = toRecognitionReview(new CaseDriver())
      .ok('RECOGNITION_CELL_VOTE_RECORDED', '2027-01-15', { fullMembers: 9, excluded: 0, inFavour: 6, motion: 'recognise' })
      .ok('RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-01-20', { committeeMembers: 9, inFavour: 6, motion: 'recognise' })
      .ok('RECOGNITION_DECIDED', '2027-02-01', { decisionNo: 'QD-R', standingMembers: 7, inFavour: 5, motion: 'recognise' });
    expect(c.state).toBe('fullMember');
    expect(rule(c.refused('RECOGNITION_ANNULLED', '2027-01-31', { decisionNo: 'QD-R', reason: 'procedure_error' }))).toBe('DATE_BEFORE_PREVIOUS_STEP');
    c.ok('RECOGNITION_ANNULLED', '2027-02-01', { decisionNo: 'QD-R', reason: 'procedure_error' });
    expect(c.state).toBe('annulled');
    expect(c.description.facts.annulment).toMatchObject({ decision: 'recognition', reason: 'procedure_error' });
  });

  it('nothing to annul before the decision', () => {
    expect(toSuperior(new CaseDriver()).refused('ADMISSION_ANNULLED', '2025-11-25', { decisionNo: 'QD-1', reason: 'standards_not_met' }).code).toBe('EVENT_NOT_ALLOWED');
  });
});
