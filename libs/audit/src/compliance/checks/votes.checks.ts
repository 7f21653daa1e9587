import { voteOf, votePassed } from '@charterflow/procedure';
import { History, ruleFinding, Step, stepsOf } from '../history';
import { CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { viDate } from '../vi-text';
import { fail, notApplicable, pass } from './outcome';

/**
 * The two paths a vote belongs to, lowest body first: a step of a higher rank acts on the resolution of the lower
 * one (the ceremony acts on the admission decision).
 */
const PATHS: readonly (readonly string[])[] = [
  ['CELL_VOTE_RECORDED', 'GRASSROOTS_VOTE_RECORDED', 'ADMISSION_DECIDED', 'CEREMONY_HELD'],
  ['RECOGNITION_CELL_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_DECIDED'],
];

/** How far along the admission path a state is: a failed admission vote never moves a case forward. */
const ADMISSION_PROGRESS: Readonly<Record<string, number>> = {
  cellReview: 0,
  grassrootsReview: 1,
  superiorReview: 2,
  awaitingCeremony: 3,
  probation: 4,
  recognitionReview: 5,
  fullMember: 6,
};

/** States in which a recognition or removal motion has taken effect. */
const MOTION_EFFECT_STATES = ['fullMember', 'removed'];

/**
 * What shows that the case went on after `failed` (a vote that did not reach its threshold) as if it had passed:
 * a later step of a higher body on the same path before the same body voted again, or a recorded state further
 * along the path. A failed vote that stopped the case, left it with the same body for a new vote (a recognition
 * vote, a removal motion during probation, a refusal of the standing committee) or sent it to the superior after
 * the third failure (`escalated`, judged by A21) is the procedure working, not a breach.
 */
export function wentOnAfterFailure(h: History, failed: Step): Record<string, unknown> | null {
  if (failed.toState === 'escalated') return null;
  const path = PATHS.find((p) => p.includes(failed.type)) ?? [];
  const rank = path.indexOf(failed.type);
  const next = h.steps.find((s) => s.seq > failed.seq && path.includes(s.type));
  if (next && path.indexOf(next.type) > rank) return { proceededWith: { seq: next.seq, event: next.type, occurredOn: next.on } };
  return movedForward(failed, path === PATHS[0]) ? { fromState: failed.fromState } : null;
}

/** The recorded state after a failed vote is one only a passed vote leads to. */
function movedForward(failed: Step, admissionPath: boolean): boolean {
  if (!admissionPath) return MOTION_EFFECT_STATES.includes(failed.toState);
  const from = ADMISSION_PROGRESS[failed.fromState ?? ''];
  const to = ADMISSION_PROGRESS[failed.toState];
  return from !== undefined && to !== undefined && to > from;
}

/**
 * A vote breaks its threshold when its counts are inconsistent (VOTE_COUNTS_INVALID) or when it did not reach the
 * threshold (`votePassed`: ≥ 2/3 for a cell or a grassroots committee, > 1/2 for a standing committee) and yet the
 * case went on as if it had (`wentOnAfterFailure`).
 */
function voteThreshold(h: History, steps: Step[], threshold: string, notYet: string): CheckOutcome {
  if (steps.length === 0) return notApplicable(notYet);
  for (const step of steps) {
    const counts = voteOf(step.event);
    const invalid = ruleFinding('VOTE_COUNTS_INVALID', step) ?? ruleFinding('PROBATIONARY_MEMBERS_COUNTED', step);
    if (invalid) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...counts, ...invalid });
    const wentOn = votePassed(step.event) ? null : wentOnAfterFailure(h, step);
    if (wentOn) {
      return fail(step.on, step.seq, {
        event: step.type,
        occurredOn: step.on,
        ...counts,
        threshold,
        toState: step.toState,
        ...wentOn,
        messageVi: `Biểu quyết ngày ${viDate(step.on)} chỉ có ${counts!.inFavour}/${counts!.voters} phiếu tán thành, không đạt tỷ lệ quy định, nhưng hồ sơ vẫn được chuyển tiếp như đã đạt.`,
      });
    }
  }
  return pass({ votes: steps.map((s) => ({ seq: s.seq, event: s.type, occurredOn: s.on, ...voteOf(s.event), passed: votePassed(s.event) })), threshold });
}

/**
 * A11 — cell vote (admission, recognition or removal) below 2/3 of the full members counted, fullMembers − excluded
 * (or inconsistent counts), yet the case went on as if it had passed; or probationary members counted in the vote
 * (`probationaryCounted` > 0: the engine's PROBATIONARY_MEMBERS_COUNTED) (CH Art. 3, 4(3); QĐ294 §9.3.2).
 */
export const A11: CheckDefinition = {
  id: 'A11',
  title: {
    vi: 'Chi bộ biểu quyết không đủ 2/3 số đảng viên chính thức, tính cả đảng viên dự bị hoặc tính sai số đảng viên',
    en: 'Cell vote below 2/3 of full members, probationary members counted, or a wrong denominator',
  },
  source: 'CH Art. 4(3); QĐ294 §9.3.2',
  severity: 'critical',
  evaluate: (h) => voteThreshold(h, stepsOf(h, 'CELL_VOTE_RECORDED', 'RECOGNITION_CELL_VOTE_RECORDED'), 'at least 2/3 of (fullMembers − excluded)', 'no cell vote yet'),
};

/** A13 — grassroots committee vote below 2/3 of its members yet the case went on (HD06 §3.6c). */
export const A13: CheckDefinition = {
  id: 'A13',
  title: { vi: 'Đảng ủy cơ sở biểu quyết không đủ 2/3 số cấp ủy viên', en: 'Grassroots committee vote below 2/3 of its members' },
  source: 'HD06 §3.6c',
  severity: 'critical',
  evaluate: (h) => voteThreshold(h, stepsOf(h, 'GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED'), 'at least 2/3 of committeeMembers', 'no grassroots committee vote yet'),
};

/**
 * A14 — a competent decision with no more than half of the standing committee, or by a body without authority: an
 * admission or recognition decision the event says a grassroots committee adopted (`decidedBy`) for a cell whose
 * grassroots committee is not authorised to admit (HD06 §3.7; QĐ294 §4.3.2, §22): the engine's
 * DECISION_BODY_NOT_COMPETENT. The body is what the decision records, not the account that typed it in (ADR 0016);
 * a decision without `decidedBy` was adopted by the competent committee.
 */
export const A14: CheckDefinition = {
  id: 'A14',
  title: { vi: 'Quyết định kết nạp, công nhận không quá 1/2 số ủy viên thường vụ hoặc do cấp không có thẩm quyền', en: 'Decision by half or fewer of the standing committee, or by a body without authority' },
  source: 'HD06 §3.7; QĐ294 §4.3.2, §22',
  severity: 'critical',
  evaluate: (h) => {
    const decisions = stepsOf(h, 'ADMISSION_DECIDED', 'RECOGNITION_DECIDED');
    const threshold = voteThreshold(h, decisions, 'more than 1/2 of standingMembers', 'no decision yet');
    if (threshold.status === 'fail') return threshold;
    for (const step of decisions) {
      const finding = ruleFinding('DECISION_BODY_NOT_COMPETENT', step);
      if (finding) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...finding });
    }
    return threshold;
  },
};
