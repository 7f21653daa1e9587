import { ruleSetFor } from '@charterflow/procedure';
import { stepsOf } from '../history';
import { CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { rulesAtSteps, rulesInOrder } from './outcome';

/*
 * How a step was carried out, as its event records it (ADR 0016). The live engine refuses each of these breaches
 * at its step with a rule of libs/procedure rules/conduct.ts; the checks find them in histories recorded with the
 * rules waived (historical imports), by evaluating the same rules on the replayed facts.
 */

/** The rule set the case was judged under at the cell vote (or today's first step): for the evidence. */
const withRuleSet = (outcome: CheckOutcome, on: string | undefined): CheckOutcome =>
  on ? { ...outcome, evidence: { ruleSet: ruleSetFor(on).id, ...outcome.evidence } } : outcome;

/**
 * A9 — the biography not certified by the grassroots (or superior) committee before the cell vote, or the
 * verification carried out by the candidate or a relative (HD06 §3.3b; HD38 I.1.4 note under item 23). In the order
 * of the history: a verification reply carried out by the candidate or a relative (VERIFICATION_BY_INTERESTED_PERSON),
 * a certification by another body (BIOGRAPHY_CERTIFIER_NOT_COMPETENT), a cell vote without a certified biography
 * (BIOGRAPHY_NOT_CERTIFIED). A wrongful verification or certification fails as soon as it is recorded; otherwise
 * the check is judged once the cell has voted.
 */
export const A9: CheckDefinition = {
  id: 'A9',
  title: {
    vi: 'Lý lịch chưa được đảng ủy cơ sở (hoặc cấp ủy cấp trên) chứng nhận trước khi chi bộ xét, hoặc người vào Đảng, người thân tự đi thẩm tra',
    en: 'Biography not certified by the grassroots (or superior) committee before the cell vote, or verified by the candidate or a relative',
  },
  source: 'HD06 §3.3b; HD38 I.1.4 item 23',
  severity: 'major',
  evaluate: (h) => {
    const votes = stepsOf(h, 'CELL_VOTE_RECORDED');
    const outcome = rulesInOrder(
      [
        { steps: stepsOf(h, 'VERIFICATION_REPLIED'), rules: ['VERIFICATION_BY_INTERESTED_PERSON'] },
        { steps: stepsOf(h, 'BIOGRAPHY_CERTIFIED'), rules: ['BIOGRAPHY_CERTIFIER_NOT_COMPETENT'] },
        { steps: votes, rules: ['BIOGRAPHY_NOT_CERTIFIED'] },
      ],
      votes.length > 0,
      'no cell vote yet',
      'Chi bộ chưa xét kết nạp.',
    );
    return withRuleSet(outcome, votes[0]?.on);
  },
};

/** A12 — several candidates voted on in one block instead of one by one (CH Art. 4(3)): `votedIndividually: false`. */
export const A12: CheckDefinition = {
  id: 'A12',
  title: { vi: 'Chi bộ biểu quyết gộp nhiều người, không xét từng người một', en: 'Several candidates voted on in one block instead of one by one' },
  source: 'CH Art. 4(3)',
  severity: 'critical',
  evaluate: (h) => {
    const votes = stepsOf(h, 'CELL_VOTE_RECORDED');
    return withRuleSet(rulesAtSteps(votes, ['VOTE_NOT_INDIVIDUAL'], 'no cell vote yet'), votes[0]?.on);
  },
};

/**
 * A26 — a candidate following a religion not recognised by the State (HD06 §6.1), judged at the cell vote from the
 * candidate's `religion` and `religionRecognised` (default: recognised). The Hà Nội part (the superior committee's
 * prior written agreement, HN02) needs the Hà Nội rule profile and is not judged here.
 */
export const A26: CheckDefinition = {
  id: 'A26',
  title: { vi: 'Người vào Đảng theo tôn giáo chưa được Nhà nước công nhận', en: 'Candidate follows a religion not recognised by the State' },
  source: 'HD06 §6.1',
  severity: 'critical',
  evaluate: (h) => {
    const votes = stepsOf(h, 'CELL_VOTE_RECORDED');
    return withRuleSet(rulesAtSteps(votes, ['RELIGION_NOT_RECOGNISED'], 'no cell vote yet'), votes[0]?.on);
  },
};
