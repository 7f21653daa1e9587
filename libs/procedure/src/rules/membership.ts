import { EVENT_LABELS } from '../schema/events.schema';
import { PROBATION_STEPS } from './stages';
import { RECOGNITION_MOTION_LABELS } from '../schema/events.schema';
import { defineRule, viDate, viDateOr } from './rule';

/** The parts of the recognition dossier, as a clerk names them. */
const RECOGNITION_PARTS_VI: Readonly<Record<string, string>> = {
  newMemberClassCertificate: 'giấy chứng nhận lớp bồi dưỡng đảng viên mới',
  selfReview: 'bản tự kiểm điểm',
  helperAssessment: 'bản nhận xét của đảng viên giúp đỡ',
  opinions: 'ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú',
};

const motionVi = (motion: string): string => RECOGNITION_MOTION_LABELS[motion as keyof typeof RECOGNITION_MOTION_LABELS]?.vi.toLowerCase() ?? 'khác';

export const CEREMONY_LATE_WITHOUT_CONSENT = defineRule({
  id: 'CEREMONY_LATE_WITHOUT_CONSENT',
  source: 'QĐ294 §4.1; HD06 §3.8',
  descriptionEn: 'The ceremony is held within 30 working days of the cell receiving the decision; later only with the consent of the directly superior committee (late_ceremony).',
  descriptionVi: 'Lễ kết nạp phải tổ chức trong 30 ngày làm việc kể từ ngày chi bộ nhận quyết định; quá hạn phải báo cáo và được cấp ủy cấp trên trực tiếp đồng ý.',
  check: ({ event, env, facts }) => {
    if (event.type !== 'CEREMONY_HELD') return null;
    const due = env.openDeadlines.find((d) => d.kind === 'CEREMONY')?.dueOn;
    if (!due || event.occurredOn <= due || facts.consents.late_ceremony) return null;
    return {
      message: `The ceremony was due by ${due}; no late_ceremony consent is recorded.`,
      messageVi: `Hạn tổ chức lễ kết nạp là ngày ${viDate(due)}; lễ kết nạp ngày ${viDate(event.occurredOn)} đã quá hạn nhưng chưa có văn bản đồng ý của cấp ủy cấp trên trực tiếp về việc tổ chức lễ kết nạp quá thời hạn`,
      details: { dueOn: due },
    };
  },
});

export const PROBATION_NOT_ENDED = defineRule({
  id: 'PROBATION_NOT_ENDED',
  source: 'CH Art. 5(1)',
  descriptionEn: 'Probation ends 12 calendar months after the ceremony; PROBATION_ENDED cannot be dated earlier.',
  descriptionVi: 'Thời kỳ dự bị kết thúc sau 12 tháng kể từ ngày kết nạp; không thể ghi kết thúc dự bị trước ngày đó.',
  check: ({ event, facts }) => {
    if (event.type !== 'PROBATION_ENDED') return null;
    return facts.probationEndOn && event.occurredOn >= facts.probationEndOn
      ? null
      : {
          message: `Probation ends on ${facts.probationEndOn ?? '(unknown)'}.`,
          messageVi: `Thời kỳ dự bị kết thúc vào ngày ${viDateOr(facts.probationEndOn)}; chưa thể ghi nhận hết thời gian dự bị vào ngày ${viDate(event.occurredOn)}`,
          details: { probationEndOn: facts.probationEndOn },
        };
  },
});

export const RECOGNITION_BEFORE_PROBATION_END = defineRule({
  id: 'RECOGNITION_BEFORE_PROBATION_END',
  source: 'QĐ294 §4.2.1; HD06 §4.2',
  descriptionEn: 'The self-review, the helper\'s assessment, the opinions and the cell\'s recognition vote come only after the 12 months of probation (removal may be proposed at any time).',
  descriptionVi: 'Bản tự kiểm điểm, nhận xét của đảng viên giúp đỡ, ý kiến đoàn thể và việc chi bộ xét công nhận chính thức chỉ thực hiện sau khi hết 12 tháng dự bị (đề nghị xóa tên có thể thực hiện bất cứ lúc nào).',
  check: ({ event, facts }) => {
    const concerned =
      event.type === 'SELF_REVIEW_SUBMITTED' ||
      event.type === 'HELPER_ASSESSMENT_SUBMITTED' ||
      event.type === 'RECOGNITION_OPINIONS_RECORDED' ||
      (event.type === 'RECOGNITION_CELL_VOTE_RECORDED' && event.motion === 'recognise');
    if (!concerned || facts.probationEnded) return null;
    return {
      message: `Probation has not ended (end date ${facts.probationEndOn ?? 'unknown'}).`,
      messageVi: `Chưa hết thời kỳ dự bị 12 tháng (kết thúc ngày ${viDateOr(facts.probationEndOn)}); việc xét công nhận đảng viên chính thức chỉ bắt đầu sau ngày đó`,
      details: { probationEndOn: facts.probationEndOn },
    };
  },
});

export const RECOGNITION_DOSSIER_INCOMPLETE = defineRule({
  id: 'RECOGNITION_DOSSIER_INCOMPLETE',
  source: 'HD06 §4.1–4.4',
  descriptionEn: 'Before the cell votes recognition: new-member class certificate, self-review, helper\'s assessment and opinions.',
  descriptionVi: 'Trước khi chi bộ xét công nhận chính thức phải có: giấy chứng nhận lớp bồi dưỡng đảng viên mới, bản tự kiểm điểm, bản nhận xét của đảng viên giúp đỡ, ý kiến nhận xét của đoàn thể và chi ủy nơi cư trú.',
  check: ({ event, facts }) => {
    if (event.type !== 'RECOGNITION_CELL_VOTE_RECORDED' || event.motion !== 'recognise') return null;
    const missing = [
      ...(facts.newMemberClass ? [] : ['newMemberClassCertificate']),
      ...(facts.selfReviewOn ? [] : ['selfReview']),
      ...(facts.helperAssessmentOn ? [] : ['helperAssessment']),
      ...(facts.recognitionOpinionsOn ? [] : ['opinions']),
    ];
    return missing.length
      ? {
          message: `Recognition dossier incomplete: missing ${missing.join(', ')}.`,
          messageVi: `Hồ sơ đề nghị công nhận đảng viên chính thức còn thiếu: ${missing.map((m) => RECOGNITION_PARTS_VI[m] ?? m).join(', ')}`,
          details: { missing },
        }
      : null;
  },
});

export const RECOGNITION_MOTION_MISMATCH = defineRule({
  id: 'RECOGNITION_MOTION_MISMATCH',
  source: 'QĐ294 §4.2.1, §4.3; HD06 §4.6',
  descriptionEn: 'The grassroots committee and the competent committee decide on the motion the cell adopted (recognise or remove).',
  descriptionVi: 'Đảng ủy cơ sở và cấp ủy có thẩm quyền xem xét đúng đề nghị mà chi bộ đã thông qua (công nhận chính thức hoặc xóa tên).',
  check: ({ event, facts }) => {
    if (event.type !== 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' && event.type !== 'RECOGNITION_DECIDED') return null;
    if (!facts.pendingMotion || event.motion === facts.pendingMotion) return null;
    return {
      message: `The motion under consideration is "${facts.pendingMotion}", not "${event.motion}".`,
      messageVi: `Đề nghị mà cấp dưới đã thông qua và đang được xem xét là «${motionVi(facts.pendingMotion)}», không phải «${motionVi(event.motion)}»`,
      details: { pendingMotion: facts.pendingMotion },
    };
  },
});

export const PROBATION_STEP_AFTER_END = defineRule({
  id: 'PROBATION_STEP_AFTER_END',
  source: 'CH Art. 5(1); HD06 §4.1, §4.3',
  descriptionEn:
    'A step of the probation (new-member class, member records) happens during the 12 months of probation: one dated on or before the end of probation is accepted even after the engine ended probation (a backlog entered late); one dated after the end is refused.',
  descriptionVi:
    'Các việc trong thời kỳ dự bị (học lớp bồi dưỡng đảng viên mới, hoàn thiện hồ sơ đảng viên) diễn ra trong 12 tháng dự bị: việc có ngày trước hoặc đúng ngày hết dự bị vẫn được nhập sau khi thời kỳ dự bị đã kết thúc; việc có ngày sau ngày hết dự bị không được ghi nhận.',
  check: ({ event, facts }) => {
    if (!PROBATION_STEPS.includes(event.type) || !facts.probationEndOn || event.occurredOn <= facts.probationEndOn) return null;
    return {
      message: `Probation ended on ${facts.probationEndOn}; a step of the probation dated ${event.occurredOn} is after it.`,
      messageVi: `Thời kỳ dự bị đã kết thúc ngày ${viDate(facts.probationEndOn)}; bước «${EVENT_LABELS[event.type].vi}» ghi ngày ${viDate(event.occurredOn)} là sau thời kỳ dự bị nên không thể ghi nhận là việc của thời kỳ dự bị`,
      details: { probationEndOn: facts.probationEndOn, occurredOn: event.occurredOn },
    };
  },
});
