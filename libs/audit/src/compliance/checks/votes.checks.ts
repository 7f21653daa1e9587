import { grassrootsDecides, voteOf, votePassed } from '@charterflow/procedure/machine/facts';
import { ruleFinding, Step, stepsOf } from '../history';
import { CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { fail, notApplicable, pass } from './outcome';

/** States a case reaches when a vote or a decision does not pass. */
const REFUSED = ['notAdmitted', 'removed', 'escalated'];

/**
 * A vote breaks its threshold when its counts are inconsistent (VOTE_COUNTS_INVALID) or when it did not reach the
 * threshold (`votePassed`: ≥ 2/3 for a cell or a grassroots committee, > 1/2 for a standing committee) and yet the
 * case went on as if it had. A vote that failed and stopped the case is the procedure working, not a breach.
 */
function voteThreshold(steps: Step[], threshold: string, notYet: string): CheckOutcome {
  if (steps.length === 0) return notApplicable(notYet);
  for (const step of steps) {
    const counts = voteOf(step.event);
    const invalid = ruleFinding('VOTE_COUNTS_INVALID', step);
    if (invalid) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...counts, ...invalid });
    if (!votePassed(step.event) && !REFUSED.includes(step.toState)) {
      return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...counts, threshold, toState: step.toState });
    }
  }
  return pass({ votes: steps.map((s) => ({ seq: s.seq, event: s.type, occurredOn: s.on, ...voteOf(s.event), passed: votePassed(s.event) })), threshold });
}

/** A11 — cell vote below 2/3 of the full members counted (or inconsistent counts) yet the case went on (CH Art. 4(3); QĐ294 §9.3.2). */
export const A11: CheckDefinition = {
  id: 'A11',
  title: { vi: 'Chi bộ biểu quyết không đủ 2/3 số đảng viên chính thức hoặc tính sai số đảng viên', en: 'Cell vote below 2/3 of full members, or a wrong denominator' },
  source: 'CH Art. 4(3); QĐ294 §9.3.2',
  severity: 'critical',
  evaluate: (h) => voteThreshold(stepsOf(h, 'CELL_VOTE_RECORDED', 'RECOGNITION_CELL_VOTE_RECORDED'), 'at least 2/3 of (fullMembers − excluded)', 'no cell vote yet'),
};

/** A13 — grassroots committee vote below 2/3 of its members yet the case went on (HD06 §3.6c). */
export const A13: CheckDefinition = {
  id: 'A13',
  title: { vi: 'Đảng ủy cơ sở biểu quyết không đủ 2/3 số cấp ủy viên', en: 'Grassroots committee vote below 2/3 of its members' },
  source: 'HD06 §3.6c',
  severity: 'critical',
  evaluate: (h) => voteThreshold(stepsOf(h, 'GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED'), 'at least 2/3 of committeeMembers', 'no grassroots committee vote yet'),
};

/**
 * A14 — a competent decision with no more than half of the standing committee, or by a body without authority: an
 * admission or recognition decision recorded by an account acting only as a grassroots committee office for a cell
 * whose grassroots committee is not authorised to admit (HD06 §3.7; QĐ294 §4.3.2, §22). The actor is known for
 * histories recorded with accounts; imported or older rows without an actor are judged on the counts alone.
 */
export const A14: CheckDefinition = {
  id: 'A14',
  title: { vi: 'Quyết định kết nạp, công nhận không quá 1/2 số ủy viên thường vụ hoặc do cấp không có thẩm quyền', en: 'Decision by half or fewer of the standing committee, or by a body without authority' },
  source: 'HD06 §3.7; QĐ294 §4.3.2, §22',
  severity: 'critical',
  evaluate: (h, c) => {
    const decisions = stepsOf(h, 'ADMISSION_DECIDED', 'RECOGNITION_DECIDED');
    const threshold = voteThreshold(decisions, 'more than 1/2 of standingMembers', 'no decision yet');
    if (threshold.status === 'fail') return threshold;
    for (const step of decisions) {
      const roles = Array.isArray(step.actor?.roles) ? (step.actor!.roles as string[]) : [];
      const onlyGrassroots = roles.includes('grassroots_officer') && !roles.includes('superior_officer') && !roles.includes('admin');
      if (onlyGrassroots && !grassrootsDecides(step.env)) {
        return fail(step.on, step.seq, {
          event: step.type,
          occurredOn: step.on,
          recordedBy: { username: step.actor?.username ?? null, organisationId: step.actor?.organisationId ?? null, roles },
          authorisedToAdmit: c.organisation.authorisedToAdmit,
        });
      }
    }
    return threshold;
  },
};
