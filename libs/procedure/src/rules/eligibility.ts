import { BusinessDate } from '../model/dates';
import { EDUCATION_LEVELS, EducationLevel } from '../model/candidate';
import { EDUCATION_LABELS } from '../schema/candidate.schema';
import { completedMonths } from '../calendar/business-date';
import { ruleSetFor } from '../versions/rule-sets';
import { politicalIssueOpen, votePassed } from '../machine/facts';
import { defineRule, RuleInput, viDate } from './rule';

/** Eligibility is judged on the date of the cell's admission meeting (QĐ294 §1.1.1). */
export function meetingDate({ event, facts }: RuleInput): BusinessDate {
  if (event.type === 'CELL_VOTE_RECORDED') return event.occurredOn;
  return facts.cellVoteOn ?? event.occurredOn;
}

export function ageInMonths(input: RuleInput): number {
  return completedMonths(input.facts.candidate.dateOfBirth, meetingDate(input));
}

const rank = (level: EducationLevel): number => EDUCATION_LEVELS.indexOf(level);

/**
 * The consent rules (over 60 E3, education exception E6, political issue) apply at the deciding step: ADMISSION_DECIDED,
 * or the vote of an authorised grassroots committee, when it admits ("consent before the decision", HD06 §1.1, §1.2b).
 */
export function isAdmittingDecision({ event, env }: RuleInput): boolean {
  if (event.type === 'ADMISSION_DECIDED') return votePassed(event);
  if (event.type === 'GRASSROOTS_VOTE_RECORDED') {
    return env.organisation.authorisedToAdmit && !env.organisation.directlyUnderSuperior && votePassed(event);
  }
  return false;
}


export const AGE_BELOW_18 = defineRule({
  id: 'AGE_BELOW_18',
  source: 'QĐ294 §1.1.1',
  descriptionEn: 'At the cell meeting the candidate must be at least 18 full years old, counted in completed months (216).',
  descriptionVi: 'Tại ngày chi bộ xét kết nạp, người vào Đảng phải đủ 18 tuổi tính theo tháng (đủ 216 tháng).',
  check: (input) => {
    if (input.event.type !== 'CELL_VOTE_RECORDED') return null;
    const months = ageInMonths(input);
    const min = ruleSetFor(meetingDate(input), input.facts.ruleProfile).ageMinMonths;
    return months < min
      ? {
          message: `The candidate is ${months} completed months old at the cell meeting; at least ${min} are required.`,
          messageVi: `Người vào Đảng mới ${months} tháng tuổi tại ngày chi bộ họp xét kết nạp ${viDate(meetingDate(input))}; cần đủ ${min} tháng (18 tuổi)`,
          details: { ageInMonths: months, minimum: min },
        }
      : null;
  },
});

export const AGE_ABOVE_60_WITHOUT_CONSENT = defineRule({
  id: 'AGE_ABOVE_60_WITHOUT_CONSENT',
  source: 'QĐ294 §1.1.1–1.1.2; HD06 §1.1',
  descriptionEn: 'A candidate older than 60 full years (720 completed months) at the cell meeting needs the written consent of the provincial standing committee (over_60) before the admitting decision (ADMISSION_DECIDED, or the vote of an authorised grassroots committee).',
  descriptionVi: 'Người trên 60 tuổi (quá 720 tháng) tại ngày họp chi bộ phải có văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp.',
  check: (input) => {
    if (!isAdmittingDecision(input)) return null;
    const months = ageInMonths(input);
    const max = ruleSetFor(meetingDate(input), input.facts.ruleProfile).ageMaxMonths;
    return months > max && !input.facts.consents.over_60
      ? {
          message: `The candidate is ${months} completed months old at the cell meeting (over ${max}) and no over_60 consent is recorded.`,
          messageVi: `Người vào Đảng đã ${months} tháng tuổi tại ngày chi bộ họp xét kết nạp ${viDate(meetingDate(input))} (quá ${max} tháng, tức trên 60 tuổi) nhưng chưa có văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp`,
          details: { ageInMonths: months, maximum: max },
        }
      : null;
  },
});

export const EDUCATION_INSUFFICIENT = defineRule({
  id: 'EDUCATION_INSUFFICIENT',
  source: 'QĐ294 §1.2.1; HD06 §1.2',
  descriptionEn: 'Lower-secondary education or higher; in disadvantaged areas at least primary, or literate with the education_exception consent.',
  descriptionVi: 'Trình độ tốt nghiệp trung học cơ sở trở lên; ở vùng khó khăn tối thiểu tốt nghiệp tiểu học, hoặc biết chữ quốc ngữ khi có văn bản đồng ý ngoại lệ về trình độ học vấn.',
  check: ({ event, facts }) => {
    if (event.type !== 'CELL_VOTE_RECORDED') return null;
    const { education, areaType } = facts.candidate;
    if (rank(education) >= rank('lower_secondary')) return null;
    if (areaType === 'disadvantaged') return null; // primary passes; literate is EDUCATION_EXCEPTION_WITHOUT_CONSENT's concern
    return {
      message: `Education "${education}" is below lower-secondary and the candidate does not live in a disadvantaged area.`,
      messageVi: `Trình độ học vấn «${EDUCATION_LABELS[education]?.vi ?? education}» thấp hơn tốt nghiệp trung học cơ sở và người vào Đảng không ở vùng được áp dụng ngoại lệ`,
      details: { education, areaType },
    };
  },
});

export const EDUCATION_EXCEPTION_WITHOUT_CONSENT = defineRule({
  id: 'EDUCATION_EXCEPTION_WITHOUT_CONSENT',
  source: 'HD06 §1.2b',
  descriptionEn: 'A candidate in a disadvantaged area who is only literate (village elder, hamlet head…) needs the provincial standing committee\'s written consent (education_exception) before the admitting decision.',
  descriptionVi: 'Người ở vùng khó khăn chỉ biết đọc, biết viết chữ quốc ngữ (già làng, trưởng bản…) phải có văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp.',
  check: (input) => {
    if (!isAdmittingDecision(input)) return null;
    const { education, areaType } = input.facts.candidate;
    if (areaType !== 'disadvantaged' || rank(education) >= rank('primary')) return null;
    return input.facts.consents.education_exception
      ? null
      : {
          message: 'The candidate is only literate; the education_exception consent is not recorded.',
          messageVi: `Người vào Đảng chỉ biết đọc, biết viết chữ quốc ngữ nhưng chưa có văn bản đồng ý ngoại lệ về trình độ học vấn của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp`,
          details: { education, areaType },
        };
  },
});

export const POLITICAL_ISSUE_WITHOUT_CONSENT = defineRule({
  id: 'POLITICAL_ISSUE_WITHOUT_CONSENT',
  source: 'QĐ294 §3.3; HD06 §3.4',
  descriptionEn: 'When the biography was certified with a political-standards issue, the competent committee must have cleared it (POLITICAL_ISSUE_CONCLUDED cleared), or the written agreement of the competent body (political consent) must be recorded, before the admission decision.',
  descriptionVi: 'Khi lý lịch được chứng nhận có vấn đề về tiêu chuẩn chính trị, trước khi ra quyết định kết nạp phải có kết luận đủ tiêu chuẩn của cấp ủy có thẩm quyền hoặc văn bản đồng ý của cấp có thẩm quyền.',
  check: (input) => {
    if (!isAdmittingDecision(input)) return null;
    const { facts } = input;
    const cleared = facts.politicalConclusion?.conclusion === 'cleared';
    return facts.politicalIssue && !cleared && !facts.consents.political
      ? {
          message: 'The biography records a political-standards issue; it is neither cleared by the competent committee nor covered by a political consent.',
          messageVi: 'Lý lịch có vấn đề về tiêu chuẩn chính trị nhưng chưa có kết luận đủ tiêu chuẩn chính trị của cấp ủy có thẩm quyền hoặc văn bản đồng ý của cấp có thẩm quyền trước khi ra quyết định kết nạp',
        }
      : null;
  },
});

export const POLITICAL_ISSUE_UNRESOLVED = defineRule({
  id: 'POLITICAL_ISSUE_UNRESOLVED',
  source: 'HD06 §3.4; HD38 I.1.4 item 26; QĐ294 §3.3',
  descriptionEn: 'A biography certified with a political issue keeps the dossier open until the competent committee concludes the issue (POLITICAL_ISSUE_CONCLUDED); no vote before that.',
  descriptionVi: 'Lý lịch được chứng nhận có vấn đề về chính trị thì hồ sơ chưa hoàn chỉnh cho đến khi cấp ủy có thẩm quyền kết luận vấn đề đó; chưa được biểu quyết xét kết nạp trước khi có kết luận.',
  check: ({ facts }) =>
    politicalIssueOpen(facts)
      ? {
          message: `The biography certified on ${facts.biographyCertifiedOn ?? '(unknown)'} records a political issue the competent committee has not concluded.`,
          messageVi: `Lý lịch chứng nhận ngày ${facts.biographyCertifiedOn ? viDate(facts.biographyCertifiedOn) : '(chưa rõ)'} có vấn đề về chính trị chưa được cấp ủy có thẩm quyền kết luận, nên chi bộ chưa thể biểu quyết đề nghị kết nạp. Vấn đề chính trị phải được kết luận trước khi xét kết nạp`,
          details: { biographyCertifiedOn: facts.biographyCertifiedOn },
        }
      : null,
});
