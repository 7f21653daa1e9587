import { ruleSetFor } from '@charterflow/procedure';
import { votePassed } from '@charterflow/procedure';
import { Step, stepsOf } from '../history';
import { CheckDefinition } from './definition';
import { fail, notApplicable, pass, rulesAtSteps } from './outcome';

/**
 * A19 — the recognition vote without the new-member class certificate, the self-review, the helper's assessment or
 * the opinions (HD06 §4.1–4.4): the engine's RECOGNITION_DOSSIER_INCOMPLETE at the cell's recognition vote.
 */
export const A19: CheckDefinition = {
  id: 'A19',
  title: { vi: 'Hồ sơ đề nghị công nhận đảng viên chính thức thiếu giấy tờ', en: 'Recognition dossier incomplete at the cell vote' },
  source: 'HD06 §4.1–4.4',
  severity: 'major',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'RECOGNITION_CELL_VOTE_RECORDED'), ['RECOGNITION_DOSSIER_INCOMPLETE'], 'no recognition vote yet'),
};

const LOWER_BODY_STEPS = ['RECOGNITION_CELL_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', 'WITHDRAWN'];

/**
 * A21 — after three votes of the same body without 2/3 (neither recognition nor removal), the lower body closed the
 * case itself instead of reporting to the direct superior and the competent committee (QĐ294 §4.2.3): the failed
 * vote that reached the limit did not send the case to `escalated`, or the cell / grassroots committee acted again.
 */
export const A21: CheckDefinition = {
  id: 'A21',
  title: { vi: 'Sau ba lần biểu quyết không đủ 2/3, cấp dưới tự giải quyết thay vì báo cáo cấp ủy có thẩm quyền', en: 'After three votes without 2/3 the lower body closed the case itself' },
  source: 'QĐ294 §4.2.3',
  severity: 'critical',
  evaluate: (h) => {
    for (const body of ['RECOGNITION_CELL_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED'] as const) {
      // As the engine counts them: failed votes after probation ended (a removal motion failing during probation is not one).
      const failures = stepsOf(h, body).filter((s) => s.before.probationEnded && !votePassed(s.event));
      // The failure that reaches the number of the rule set in force on its own date sends the case up, as the engine
      // counts (escalatesOnFailure), not the number in force on the first failure (ADR 0017).
      const reached = failures.findIndex((s, i) => i + 1 >= ruleSetFor(s.on).failedVotesBeforeEscalation);
      if (reached < 0) continue;
      const limit = reached + 1;
      const last: Step = failures[reached];
      const after = h.steps.filter((s) => s.seq > last.seq && LOWER_BODY_STEPS.includes(s.type));
      if (last.toState !== 'escalated' || after.length > 0) {
        const closing = after[0] ?? last;
        return fail(closing.on, closing.seq, {
          body,
          failedVotes: failures.slice(0, limit).map((s) => ({ seq: s.seq, occurredOn: s.on })),
          stateAfterLastFailure: last.toState,
          lowerBodyActedAfter: after.map((s) => ({ seq: s.seq, event: s.type, occurredOn: s.on })),
        });
      }
      return pass({ body, failedVotes: limit, escalatedAt: last.seq });
    }
    return notApplicable('fewer than three failed recognition votes by one body');
  },
};
