import { stepsOf } from '../history';
import { CheckDefinition } from './definition';
import { rulesAtSteps } from './outcome';

const AT_ADMISSION = ['CELL_VOTE_RECORDED', 'GRASSROOTS_VOTE_RECORDED', 'ADMISSION_DECIDED'] as const;
/** The steps that can be the admitting decision (the rules themselves tell whether one is). */
const AT_DECISION = ['GRASSROOTS_VOTE_RECORDED', 'ADMISSION_DECIDED'] as const;

/** A1 — age at the cell meeting below 18 full years, by month (QĐ294 §1.1.1): the engine's AGE_BELOW_18. */
export const A1: CheckDefinition = {
  id: 'A1',
  title: { vi: 'Chưa đủ 18 tuổi (tính theo tháng) tại ngày chi bộ xét kết nạp', en: 'Below 18 full years (by month) at the cell meeting' },
  source: 'QĐ294 §1.1.1',
  severity: 'critical',
  evaluate: (h) => rulesAtSteps(stepsOf(h, 'CELL_VOTE_RECORDED'), ['AGE_BELOW_18'], 'no cell vote yet'),
};

/**
 * A2 — above 60 at the cell meeting without the provincial standing committee's consent before the admitting decision
 * (QĐ294 §1.1.2; HD06 §1.1): the engine's AGE_ABOVE_60_WITHOUT_CONSENT, which applies at the admitting decision (ADR 0013).
 */
export const A2: CheckDefinition = {
  id: 'A2',
  title: { vi: 'Trên 60 tuổi mà không có văn bản đồng ý của ban thường vụ tỉnh ủy', en: 'Above 60 without the provincial standing committee’s consent' },
  source: 'QĐ294 §1.1.2; HD06 §1.1',
  severity: 'critical',
  evaluate: (h) => rulesAtSteps(stepsOf(h, ...AT_DECISION), ['AGE_ABOVE_60_WITHOUT_CONSENT'], 'no admission decision yet'),
};

/** A3 — education below lower-secondary without a recorded exception, or an exception without consent (QĐ294 §1.2; HD06 §1.2). */
export const A3: CheckDefinition = {
  id: 'A3',
  title: { vi: 'Trình độ học vấn không đạt mà không có trường hợp ngoại lệ được đồng ý', en: 'Education below the requirement without an approved exception' },
  source: 'QĐ294 §1.2; HD06 §1.2',
  severity: 'critical',
  evaluate: (h) => rulesAtSteps(stepsOf(h, ...AT_ADMISSION), ['EDUCATION_INSUFFICIENT', 'EDUCATION_EXCEPTION_WITHOUT_CONSENT'], 'no cell vote yet'),
};
