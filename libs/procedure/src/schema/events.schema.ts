import { z } from 'zod';
import { DEADLINE_KINDS } from '../model/deadlines';
import { DEADLINE_KIND_LABELS } from '../model/deadline-labels';
import { CANDIDATE_SCHEMA } from './candidate.schema';
import { READMISSION_SCHEMA } from './readmission.schema';
import { choice, count, date, flag, group, Label, organisation, text, texts } from './fields';
import { exampleOf, fieldsOf } from './walk';

/**
 * Every event a case's history can hold, declared once: its type, its labels, the label of its business date and
 * its payload fields with their types, ranges and labels. The `DomainEvent` union, the validation of the HTTP body
 * and of import rows, the OpenAPI `oneOf`, the forms of the staff application and the import columns are derived
 * from this list; a regulation change touches this file and the rules that use the field, nothing else (ADR 0011).
 *
 * The order is the procedure's: steps recorded on the same day are replayed in it.
 */

export const CONSENT_KINDS = ['over_60', 'education_exception', 'late_ceremony', 'political', 'readmission'] as const;
export const VERIFICATION_SCOPES = ['domestic', 'abroad'] as const;
export const INTRODUCING_BODIES = ['youth_union', 'trade_union'] as const;
export const RECOGNITION_MOTIONS = ['recognise', 'remove'] as const;
export const POLITICAL_CONCLUSIONS = ['cleared', 'not_cleared'] as const;
/** Who certified the biography (HD06 §3.3b; HD38 I.1.4 item 26): only the first two may. */
export const BIOGRAPHY_CERTIFIERS = ['grassroots_committee', 'superior_committee', 'cell_committee', 'other'] as const;
/** Who carried out a verification (HD38 I.1.4, note under item 23): never the candidate or a relative. */
export const VERIFIERS = ['party_committee', 'candidate', 'relative'] as const;
/** The body that adopted a decision on admission or recognition (QĐ294 §4.3.2, §22.1). */
export const DECIDING_BODIES = ['competent_committee', 'grassroots_committee'] as const;
/** Why a committee annuls its own admission or recognition decision (QĐ294 §4.4; HD38 I.3; ADR 0024). */
export const ANNULMENT_REASONS = ['standards_not_met', 'procedure_error'] as const;
export const ANNULMENT_REASON_LABELS: { readonly [K in (typeof ANNULMENT_REASONS)[number]]: Label } = {
  standards_not_met: { vi: 'Không đủ tiêu chuẩn, điều kiện', en: 'Standards or conditions not met' },
  procedure_error: { vi: 'Sai nguyên tắc, thẩm quyền, thủ tục', en: 'Procedure or authority error' },
};

/** What each consent is about, as staff read it. */
export const CONSENT_KIND_LABELS: { readonly [K in (typeof CONSENT_KINDS)[number]]: Label } = {
  over_60: { vi: 'Kết nạp người trên 60 tuổi', en: 'Admitting a person over 60' },
  education_exception: { vi: 'Ngoại lệ về trình độ học vấn', en: 'An education exception' },
  late_ceremony: { vi: 'Tổ chức lễ kết nạp quá thời hạn', en: 'A late ceremony' },
  political: { vi: 'Vấn đề chính trị', en: 'A political issue' },
  readmission: { vi: 'Kết nạp lại', en: 'Re-admission' },
};

/** Where a verification is made, the body introducing a candidate, the motion of a recognition vote: as staff read them. */
export const VERIFICATION_SCOPE_LABELS: { readonly [K in (typeof VERIFICATION_SCOPES)[number]]: Label } = {
  domestic: { vi: 'Trong nước', en: 'In Vietnam' },
  abroad: { vi: 'Ở nước ngoài', en: 'Abroad' },
};
export const INTRODUCING_BODY_LABELS: { readonly [K in (typeof INTRODUCING_BODIES)[number]]: Label } = {
  youth_union: { vi: 'Đoàn TNCS Hồ Chí Minh', en: 'Ho Chi Minh Communist Youth Union' },
  trade_union: { vi: 'Công đoàn cơ sở', en: 'Grassroots trade union' },
};
export const RECOGNITION_MOTION_LABELS: { readonly [K in (typeof RECOGNITION_MOTIONS)[number]]: Label } = {
  recognise: { vi: 'Công nhận đảng viên chính thức', en: 'Recognise as a full member' },
  remove: { vi: 'Xóa tên trong danh sách đảng viên', en: 'Remove from the membership' },
};

interface EventDeclaration<S extends z.core.$ZodLooseShape> {
  label: Label;
  /** What the business date of the step is (the meeting, the decision, the filing…). */
  occurredOnLabel?: Label;
  /** A note for developers (OpenAPI), e.g. where the step leads. */
  description?: string;
  fields: S;
}

const ON: Label = { vi: 'Ngày', en: 'Date' };

/** One event's declaration: `type` and `occurredOn` join its own fields; nothing else is accepted. */
function defineEvent<const T extends string, S extends z.core.$ZodLooseShape>(type: T, d: EventDeclaration<S>) {
  const schema = z.strictObject({
    type: z.literal(type),
    occurredOn: date(d.occurredOnLabel ?? ON, { help: { vi: 'Ngày sự việc diễn ra (ngày họp, ngày ký quyết định…)', en: 'The business date the step happened (meeting, decision, filing…)' } }),
    ...d.fields,
  });
  return {
    type,
    label: d.label,
    occurredOnLabel: d.occurredOnLabel ?? ON,
    description: d.description ?? d.label.en,
    schema: schema.meta({ 'x-labels': d.label, description: d.description ?? d.label.en }),
  };
}

// Fields several events share.
const fullMembers = () =>
  count({ vi: 'Tổng số đảng viên chính thức của chi bộ', en: 'Full members of the cell' }, { example: 9 });
const excluded = () =>
  count(
    { vi: 'Số đảng viên không tính (đi vắng được miễn, đình chỉ, tạm giam, sinh hoạt tạm thời nơi khác)', en: 'Full members not counted (attached elsewhere, exempt and absent, suspended, detained)' },
    { example: 0 },
  );
const inFavour = () => count({ vi: 'Số phiếu tán thành', en: 'Votes in favour' }, { example: 6 });
const committeeMembers = () => count({ vi: 'Tổng số cấp ủy viên', en: 'Committee members' }, { example: 9 });
const standingMembers = () => count({ vi: 'Tổng số ủy viên ban thường vụ', en: 'Standing committee members' }, { example: 7 });
const decisionNo = () => text({ vi: 'Số quyết định', en: 'Decision number' }, { example: '123-QĐ/ĐU' });
const motion = () => choice(RECOGNITION_MOTIONS, { vi: 'Nội dung biểu quyết', en: 'Motion' }, RECOGNITION_MOTION_LABELS);
const helper = () =>
  group({ vi: 'Đảng viên được phân công giúp đỡ', en: 'Helper' }, {
    name: text({ vi: 'Họ và tên', en: 'Name' }, { example: 'Trần Văn Bình' }),
    memberId: text({ vi: 'Số thẻ đảng viên', en: 'Party card number' }, { example: 'M-001' }).nullish(),
  });

const votedIndividually = () =>
  flag(
    { vi: 'Chi bộ xét, biểu quyết riêng từng người', en: 'Voted on this candidate alone' },
    { help: { vi: 'Bỏ trống là có. Xét, biểu quyết gộp nhiều người một lần là trái Điều 4 khoản 3 Điều lệ Đảng', en: 'Empty means yes. Several candidates voted in one block breaks CH Art. 4(3) (VOTE_NOT_INDIVIDUAL)' } },
  ).optional();
const probationaryCounted = () =>
  count(
    { vi: 'Số đảng viên dự bị đã được tính vào biểu quyết', en: 'Probationary members counted in the vote' },
    { example: 0, help: { vi: 'Bỏ trống là 0. Đảng viên dự bị không có quyền biểu quyết (Điều 3 Điều lệ Đảng)', en: 'Empty means 0. Probationers have no vote (CH Art. 3; PROBATIONARY_MEMBERS_COUNTED)' } },
  ).optional();
const decidedBy = () =>
  choice(DECIDING_BODIES, { vi: 'Cấp ra quyết định', en: 'Deciding body' }, {
    competent_committee: { vi: 'Ban thường vụ cấp ủy có thẩm quyền', en: 'Standing committee of the competent committee' },
    grassroots_committee: { vi: 'Đảng ủy cơ sở', en: 'Grassroots committee' },
  }, { help: { vi: 'Bỏ trống là ban thường vụ cấp ủy có thẩm quyền', en: 'Empty means the competent committee (DECISION_BODY_NOT_COMPETENT)' } }).optional();
const MEETING: Label = { vi: 'Ngày họp', en: 'Meeting date' };
const DECIDED: Label = { vi: 'Ngày ký quyết định', en: 'Date of the decision' };

export const EVENTS = [
  defineEvent('CASE_OPENED', {
    label: { vi: 'Chi bộ đưa vào danh sách quần chúng ưu tú (mở hồ sơ)', en: 'Put on the sympathiser list (case opened)' },
    occurredOnLabel: { vi: 'Ngày nghị quyết của chi bộ', en: 'Date of the cell resolution' },
    description: 'Recorded by POST /cases only: staff sending it as an event get 403',
    fields: { candidate: CANDIDATE_SCHEMA, readmission: READMISSION_SCHEMA.optional() },
  }),
  defineEvent('AWARENESS_CERTIFICATE_RECORDED', {
    label: { vi: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng', en: 'Party awareness class certificate' },
    fields: {
      certificateNo: text({ vi: 'Số giấy chứng nhận', en: 'Certificate number' }, { example: '123/CN' }),
      issuedOn: date({ vi: 'Ngày cấp', en: 'Date of issue' }, { help: { vi: 'Giấy chứng nhận có giá trị 60 tháng kể từ ngày cấp', en: 'The certificate is valid 60 months from this date' } }),
      issuer: text({ vi: 'Nơi cấp', en: 'Issued by' }, { example: 'Trung tâm chính trị phường' }),
    },
  }),
  defineEvent('DOSSIER_OPENED', {
    label: { vi: 'Đảng ủy cơ sở cho phép lập hồ sơ', en: 'Dossier permitted' },
    occurredOnLabel: DECIDED,
    description: 'The grassroots committee permits the dossier; starts the 12-month document clock',
    fields: { resolutionNo: text({ vi: 'Số nghị quyết', en: 'Resolution number' }, { example: 'NQ-7' }) },
  }),
  defineEvent('APPLICATION_FILED', {
    label: { vi: 'Nộp đơn xin vào Đảng (mẫu 1-KNĐ)', en: 'Application filed (form 1-KNĐ)' },
    fields: {},
  }),
  defineEvent('BIOGRAPHY_FILED', {
    label: { vi: 'Nộp lý lịch người xin vào Đảng (mẫu 2-KNĐ)', en: 'Biography filed (form 2-KNĐ)' },
    fields: {},
  }),
  defineEvent('VERIFICATION_REQUESTED', {
    label: { vi: 'Gửi yêu cầu thẩm tra lý lịch', en: 'Biography verification requested' },
    description: 'Opens the verification reply limit (domestic or abroad, as long as the rule set in force says), counted from receivedOn (default: the request date)',
    fields: {
      requestId: text({ vi: 'Số công văn đề nghị thẩm tra', en: 'Request reference' }, { max: 200, example: 'TT-1' }),
      scope: choice(VERIFICATION_SCOPES, { vi: 'Nơi thẩm tra', en: 'Where' }, VERIFICATION_SCOPE_LABELS),
      subject: text({ vi: 'Người được thẩm tra', en: 'Person verified' }, { max: 500, example: 'Cha: Nguyễn Văn A' }),
      receivedOn: date(
        { vi: 'Ngày nơi thẩm tra nhận công văn', en: 'Date the verifying committee received the request' },
        { help: { vi: 'Thời hạn trả lời 30 (trong nước) hoặc 90 (ngoài nước) ngày làm việc tính từ ngày này; để trống nếu là ngày gửi', en: 'The reply limit counts from it; empty means the request date' } },
      ).optional(),
    },
  }),
  defineEvent('VERIFICATION_REPLIED', {
    label: { vi: 'Nhận kết quả thẩm tra lý lịch', en: 'Verification reply received' },
    occurredOnLabel: { vi: 'Ngày nhận kết quả', en: 'Date received' },
    description: 'Closes the request’s reply limit; verifiedBy candidate or relative → VERIFICATION_BY_INTERESTED_PERSON',
    fields: {
      requestId: text({ vi: 'Số công văn đề nghị thẩm tra', en: 'Request reference' }, { max: 200, example: 'TT-1' }),
      verifiedBy: choice(VERIFIERS, { vi: 'Người thực hiện thẩm tra', en: 'Verification carried out by' }, {
        party_committee: { vi: 'Cấp ủy, đảng viên được phân công', en: 'The party committee or a member it appointed' },
        candidate: { vi: 'Người vào Đảng', en: 'The candidate' },
        relative: { vi: 'Người thân của người vào Đảng', en: 'A relative of the candidate' },
      }, { help: { vi: 'Bỏ trống là cấp ủy, đảng viên được phân công. Không được giao người vào Đảng hoặc người thân đi thẩm tra', en: 'Empty means the party committee. Never the candidate or a relative (HD38 item 23 note; VERIFICATION_BY_INTERESTED_PERSON)' } }).optional(),
    },
  }),
  defineEvent('BIOGRAPHY_CERTIFIED', {
    label: { vi: 'Chứng nhận lý lịch', en: 'Biography certified' },
    description: 'Needs every verification replied; politicalIssue: true holds the dossier until POLITICAL_ISSUE_CONCLUDED; certifiedBy other than the grassroots or superior committee → BIOGRAPHY_CERTIFIER_NOT_COMPETENT',
    fields: {
      politicalIssue: flag(
        { vi: 'Có vấn đề về chính trị cần kết luận', en: 'A political issue was found' },
        { help: { vi: 'Hồ sơ chờ kết luận của cấp ủy có thẩm quyền về vấn đề chính trị', en: 'The dossier then waits for the competent committee’s conclusion (POLITICAL_ISSUE_CONCLUDED)' } },
      ),
      certifiedBy: choice(BIOGRAPHY_CERTIFIERS, { vi: 'Cấp chứng nhận lý lịch', en: 'Certified by' }, {
        grassroots_committee: { vi: 'Đảng ủy cơ sở', en: 'The grassroots committee' },
        superior_committee: { vi: 'Cấp ủy cấp trên (nơi không có đảng ủy cơ sở)', en: 'The superior committee (where there is no grassroots committee)' },
        cell_committee: { vi: 'Chi ủy, chi bộ', en: 'The cell or its committee' },
        other: { vi: 'Cơ quan, tổ chức khác', en: 'Another body' },
      }, { help: { vi: 'Bỏ trống là đảng ủy cơ sở. Chỉ đảng ủy cơ sở hoặc cấp ủy cấp trên được chứng nhận lý lịch', en: 'Empty means the grassroots committee. Only it or the superior committee may certify (BIOGRAPHY_CERTIFIER_NOT_COMPETENT)' } }).optional(),
    },
  }),
  defineEvent('POLITICAL_ISSUE_CONCLUDED', {
    label: { vi: 'Kết luận của cấp ủy có thẩm quyền về vấn đề chính trị', en: 'Political issue concluded by the competent committee' },
    occurredOnLabel: DECIDED,
    description: 'Needed after BIOGRAPHY_CERTIFIED {politicalIssue: true}: cleared → the dossier may complete; not_cleared → notAdmitted',
    fields: {
      conclusion: choice(POLITICAL_CONCLUSIONS, { vi: 'Kết luận', en: 'Conclusion' }, {
        cleared: { vi: 'Đủ tiêu chuẩn chính trị, được tiếp tục xem xét kết nạp', en: 'Cleared: the admission may proceed' },
        not_cleared: { vi: 'Không đủ tiêu chuẩn chính trị, không kết nạp', en: 'Not cleared: the candidate is not admitted' },
      }),
      decisionNo: text({ vi: 'Số văn bản kết luận', en: 'Number of the conclusion' }, { example: '15-KL/ĐU' }),
    },
  }),
  defineEvent('SPONSOR_ADDED', {
    label: { vi: 'Thêm đảng viên giới thiệu', en: 'Sponsor added' },
    fields: {
      sponsor: group({ vi: 'Đảng viên giới thiệu', en: 'Sponsor' }, {
        name: text({ vi: 'Họ và tên', en: 'Name' }, { example: 'Trần Văn Bình' }),
        memberId: text({ vi: 'Số thẻ đảng viên', en: 'Party card number' }, { example: 'M-001' }).nullish(),
        fullMemberSince: date({ vi: 'Ngày trở thành đảng viên chính thức', en: 'Full member since' }).nullish(),
        togetherSince: date(
          { vi: 'Cùng công tác, học tập hoặc cư trú với người vào Đảng từ ngày', en: 'Worked, studied or lived together since' },
          { help: { vi: 'Phải đủ 12 tháng trong cùng một đơn vị', en: 'At least 12 months in the same unit' } },
        ),
        replacement: flag({ vi: 'Người giới thiệu thay thế', en: 'Replacement sponsor' }, { help: { vi: 'Không cần đủ 12 tháng (QĐ294 §3.2.2)', en: 'Exempt from the 12-month condition (QĐ294 §3.2.2)' } }).optional(),
      }),
    },
  }),
  defineEvent('INTRODUCING_RESOLUTION_RECORDED', {
    label: { vi: 'Nghị quyết giới thiệu của Đoàn Thanh niên / Công đoàn', en: 'Introducing resolution of the Youth Union / trade union' },
    description: 'Replaces one sponsor',
    fields: {
      body: choice(INTRODUCING_BODIES, { vi: 'Tổ chức giới thiệu', en: 'Introducing body' }, INTRODUCING_BODY_LABELS),
      resolutionNo: text({ vi: 'Số nghị quyết', en: 'Resolution number' }, { example: 'NQ-DTN-3' }),
    },
  }),
  defineEvent('OPINIONS_RECORDED', {
    label: { vi: 'Ý kiến nhận xét của đoàn thể và chi bộ nơi cư trú', en: 'Opinions of mass organisations and the residence cell' },
    fields: {
      organisations: texts({ vi: 'Các đoàn thể đã nhận xét', en: 'Organisations that gave opinions' }, { example: ['Đoàn TNCS Hồ Chí Minh'] }),
      residenceCell: flag({ vi: 'Có ý kiến của chi ủy nơi cư trú', en: 'The residence cell’s opinion is included' }),
    },
  }),
  defineEvent('CONSENT_RECORDED', {
    label: { vi: 'Văn bản đồng ý của cấp có thẩm quyền', en: 'Consent of the competent committee' },
    description: 'Accepted only at the step its kind applies to (CONSENT_NOT_APPLICABLE): admission consents before the admitting decision, late_ceremony while the ceremony is awaited',
    occurredOnLabel: { vi: 'Ngày ký văn bản', en: 'Date of the document' },
    fields: {
      kind: choice(CONSENT_KINDS, { vi: 'Đồng ý về việc', en: 'Consent to' }, CONSENT_KIND_LABELS),
      issuer: text({ vi: 'Cơ quan ban hành', en: 'Issued by' }, { example: 'Ban Thường vụ Tỉnh ủy' }),
      documentNo: text({ vi: 'Số văn bản', en: 'Document number' }, { example: '45-CV/TU' }),
    },
  }),
  defineEvent('CELL_VOTE_RECORDED', {
    label: { vi: 'Chi bộ biểu quyết đề nghị kết nạp', en: 'Cell vote on the admission' },
    occurredOnLabel: MEETING,
    description:
      '≥ 2/3 of (fullMembers − excluded) in favour → grassrootsReview, else notAdmitted. Refused: votedIndividually false (VOTE_NOT_INDIVIDUAL), probationaryCounted > 0 (PROBATIONARY_MEMBERS_COUNTED), a religion not recognised by the State (RELIGION_NOT_RECOGNISED)',
    fields: { fullMembers: fullMembers(), excluded: excluded(), inFavour: inFavour(), votedIndividually: votedIndividually(), probationaryCounted: probationaryCounted() },
  }),
  defineEvent('GRASSROOTS_VOTE_RECORDED', {
    label: { vi: 'Đảng ủy cơ sở biểu quyết', en: 'Grassroots committee vote' },
    occurredOnLabel: MEETING,
    description:
      '≥ 2/3 → superiorReview (an authorised grassroots committee decides: → awaitingCeremony). dossierReceivedOn (optional): the day the committee received the cell\'s dossier, which the dispatch limit of a profile that has one is judged by (default: the vote date)',
    fields: {
      committeeMembers: committeeMembers(),
      inFavour: inFavour(),
      dossierReceivedOn: date(
        { vi: 'Ngày đảng ủy cơ sở nhận hồ sơ của chi bộ', en: 'Date the committee received the cell’s dossier' },
        {
          help: {
            vi: 'Bỏ trống là ngày họp. Dùng để xét thời hạn chi bộ gửi hồ sơ lên (nơi quy định có thời hạn này)',
            en: 'Empty means the meeting date. Judges the cell’s dispatch limit where the rules have one',
          },
        },
      ).optional(),
    },
  }),
  defineEvent('ADMISSION_DECIDED', {
    label: { vi: 'Quyết định kết nạp đảng viên', en: 'Admission decision' },
    occurredOnLabel: DECIDED,
    description: '> 1/2 → awaitingCeremony, else notAdmitted. receivedOn is the notification to the cell (A15); decidedBy grassroots_committee where it is not authorised → DECISION_BODY_NOT_COMPETENT',
    fields: {
      decisionNo: decisionNo(),
      standingMembers: standingMembers(),
      inFavour: inFavour(),
      receivedOn: date(
        { vi: 'Ngày chi bộ nhận quyết định', en: 'Date the cell received the decision' },
        {
          help: {
            vi: 'Là ngày chi bộ được thông báo kết quả (kết nạp hay không); thời hạn tổ chức lễ kết nạp tính từ ngày này',
            en: 'The notification of the result to the cell, either way; the ceremony limit counts from it',
          },
        },
      ),
      decidedBy: decidedBy(),
    },
  }),
  defineEvent('DEADLINE_EXTENDED', {
    label: { vi: 'Gia hạn thời hạn', en: 'Deadline extended' },
    occurredOnLabel: DECIDED,
    description: 'Extends a running limit once, by what its rule set allows, on or before its due day (EXTENSION_AFTER_LIMIT)',
    fields: {
      deadlineKind: choice(DEADLINE_KINDS, { vi: 'Thời hạn được gia hạn', en: 'Deadline' }, DEADLINE_KIND_LABELS),
      reason: text({ vi: 'Lý do gia hạn', en: 'Reason' }, { max: 2000 }),
    },
  }),
  defineEvent('TRANSFERRED', {
    label: { vi: 'Chuyển sinh hoạt đến chi bộ khác', en: 'Transferred to another cell' },
    occurredOnLabel: { vi: 'Ngày quyết định điều động, chuyển công tác', en: 'Date of the transfer decision' },
    description:
      'A pending case or a probationer moves to another cell, any province (HD06 §3.9; ADR 0024): afterwards the case belongs to the destination cell. With an admission decision already issued, a decision issued more than 30 working days after the transfer decision is annulled and the dossier forwarded (D18)',
    fields: {
      toOrganisationId: organisation({ vi: 'Chi bộ nơi đến', en: 'Destination cell' }, ['cell']),
      decisionNo: decisionNo(),
      previousAssessmentOn: date(
        { vi: 'Ngày chi bộ nơi đi nhận xét đảng viên dự bị', en: 'Date of the origin cell’s assessment of the probationer' },
        { help: { vi: 'Chỉ với đảng viên dự bị: nhận xét của chi bộ, người giúp đỡ nơi đi được tính khi xét công nhận chính thức', en: 'Probationers only: the origin’s assessment counts for recognition' } },
      ).optional(),
    },
  }),
  defineEvent('TRANSFER_DOSSIER_RECEIVED', {
    label: { vi: 'Cấp ủy nơi đến nhận hồ sơ chuyển đến', en: 'Transferred dossier received' },
    occurredOnLabel: { vi: 'Ngày nhận hồ sơ', en: 'Date of receipt' },
    description: 'The destination’s competent committee received the forwarded dossier (D17): it decides within 30 working days',
    fields: {},
  }),
  defineEvent('CEREMONY_HELD', {
    label: { vi: 'Tổ chức lễ kết nạp', en: 'Admission ceremony held' },
    occurredOnLabel: { vi: 'Ngày tổ chức lễ kết nạp', en: 'Date of the ceremony' },
    description: 'Probation starts on this date; individually false (a joint ceremony) → CEREMONY_NOT_INDIVIDUAL',
    fields: {
      helper: helper(),
      individually: flag(
        { vi: 'Kết nạp riêng từng người', en: 'Admitted individually' },
        { help: { vi: 'Bỏ trống là có. Lễ kết nạp phải kết nạp từng người một', en: 'Empty means yes. Each person is admitted separately (HD06 §3.8; CEREMONY_NOT_INDIVIDUAL)' } },
      ).optional(),
    },
  }),
  defineEvent('MEMBER_RECORDS_FILED', {
    label: { vi: 'Hoàn thiện hồ sơ đảng viên', en: 'Member records filed' },
    description: 'A step of the probation: dated from the ceremony to the end of probation; also accepted after the engine ended probation, while recognition is under review (dated after the end: PROBATION_STEP_AFTER_END)',
    fields: {},
  }),
  defineEvent('NEW_MEMBER_CLASS_COMPLETED', {
    label: { vi: 'Hoàn thành lớp bồi dưỡng đảng viên mới', en: 'New-member class completed' },
    description: 'A step of the probation: dated from the ceremony to the end of probation; also accepted after the engine ended probation, while recognition is under review (dated after the end: PROBATION_STEP_AFTER_END)',
    fields: { certificateNo: text({ vi: 'Số giấy chứng nhận', en: 'Certificate number' }, { example: 'BD-9' }) },
  }),
  defineEvent('HELPER_CHANGED', {
    label: { vi: 'Phân công đảng viên khác giúp đỡ', en: 'Helper changed' },
    occurredOnLabel: { vi: 'Ngày phân công', en: 'Date of the assignment' },
    description: 'A step of the probation (as the new-member class): the cell names a new helper; the earlier helper’s assessment counts for recognition',
    fields: {
      helper: helper(),
      previousAssessmentOn: date(
        { vi: 'Ngày đảng viên giúp đỡ trước nhận xét', en: 'Date of the earlier helper’s assessment' },
        { help: { vi: 'Nhận xét của người giúp đỡ trước được tính khi xét công nhận chính thức', en: 'The earlier helper’s assessment counts for recognition' } },
      ).optional(),
    },
  }),
  defineEvent('PROBATION_ENDED', {
    label: { vi: 'Hết thời gian dự bị', en: 'Probation ended' },
    description: 'Recorded by the engine on the probation end date: staff sending it get 403',
    fields: {},
  }),
  defineEvent('SELF_REVIEW_SUBMITTED', {
    label: { vi: 'Nộp bản tự kiểm điểm', en: 'Self-review submitted' },
    description: 'Only after probation ends',
    fields: {},
  }),
  defineEvent('HELPER_ASSESSMENT_SUBMITTED', {
    label: { vi: 'Nhận xét của đảng viên giúp đỡ', en: 'Helper’s assessment submitted' },
    description: 'Only after probation ends',
    fields: {},
  }),
  defineEvent('RECOGNITION_OPINIONS_RECORDED', {
    label: { vi: 'Ý kiến nhận xét (xét công nhận chính thức)', en: 'Opinions on recognition recorded' },
    description: 'Only after probation ends',
    fields: {},
  }),
  defineEvent('RECOGNITION_CELL_VOTE_RECORDED', {
    label: { vi: 'Chi bộ biểu quyết công nhận chính thức', en: 'Cell vote on recognition' },
    occurredOnLabel: MEETING,
    fields: { fullMembers: fullMembers(), excluded: excluded(), inFavour: inFavour(), motion: motion(), probationaryCounted: probationaryCounted() },
  }),
  defineEvent('RECOGNITION_GRASSROOTS_VOTE_RECORDED', {
    label: { vi: 'Đảng ủy cơ sở biểu quyết công nhận chính thức', en: 'Grassroots committee vote on recognition' },
    occurredOnLabel: MEETING,
    fields: { committeeMembers: committeeMembers(), inFavour: inFavour(), motion: motion() },
  }),
  defineEvent('RECOGNITION_DECIDED', {
    label: { vi: 'Quyết định công nhận đảng viên chính thức', en: 'Recognition decision' },
    occurredOnLabel: DECIDED,
    description: 'recognise → fullMember dated at probation end; remove → removed',
    fields: { decisionNo: decisionNo(), standingMembers: standingMembers(), inFavour: inFavour(), motion: motion(), decidedBy: decidedBy() },
  }),
  defineEvent('RECOGNITION_ANNOUNCED', {
    label: { vi: 'Công bố quyết định công nhận đảng viên chính thức tại chi bộ', en: 'Recognition decision announced at a cell meeting' },
    occurredOnLabel: MEETING,
    description: 'Accepted in fullMember: the cell announces the decision at its next regular meeting (HD06 §4.5b; A24)',
    fields: {},
  }),
  defineEvent('MEMBER_CARD_HANDED_OVER', {
    label: { vi: 'Trao thẻ đảng viên', en: 'Party card handed over' },
    occurredOnLabel: MEETING,
    description: 'Accepted in fullMember: the card is handed over at the next regular cell meeting after the card decision (QĐ294 §6.1.1; A24)',
    fields: {
      cardNo: text({ vi: 'Số thẻ đảng viên', en: 'Party card number' }, { example: '12.345678' }).optional(),
      cardDecidedOn: date(
        { vi: 'Ngày ký quyết định phát thẻ đảng viên', en: 'Date of the card decision' },
        {
          help: {
            vi: 'Thẻ phải được trao tại kỳ sinh hoạt chi bộ gần nhất sau ngày này',
            en: 'The card is due at the next regular cell meeting after it',
          },
        },
      ).optional(),
    },
  }),
  defineEvent('ADMISSION_ANNULLED', {
    label: { vi: 'Hủy quyết định kết nạp', en: 'Admission decision annulled' },
    occurredOnLabel: DECIDED,
    description: 'The committee that decided annuls its admission decision (S14e; QĐ294 §4.4) → annulled, the reason kept',
    fields: { decisionNo: decisionNo(), reason: choice(ANNULMENT_REASONS, { vi: 'Lý do hủy', en: 'Reason' }, ANNULMENT_REASON_LABELS) },
  }),
  defineEvent('RECOGNITION_ANNULLED', {
    label: { vi: 'Hủy quyết định công nhận đảng viên chính thức', en: 'Recognition decision annulled' },
    occurredOnLabel: DECIDED,
    description: 'The committee that decided annuls its recognition decision (S14e; QĐ294 §4.4) → annulled, the reason kept',
    fields: { decisionNo: decisionNo(), reason: choice(ANNULMENT_REASONS, { vi: 'Lý do hủy', en: 'Reason' }, ANNULMENT_REASON_LABELS) },
  }),
  defineEvent('WITHDRAWN', {
    label: { vi: 'Rút khỏi quy trình', en: 'Withdrawn' },
    description: 'The candidate leaves the path',
    fields: { reason: text({ vi: 'Lý do', en: 'Reason' }, { max: 2000, example: 'Chuyển công tác ra nước ngoài' }) },
  }),
] as const;

export type EventDefinition = (typeof EVENTS)[number];
export type EventType = EventDefinition['type'];
/** The event of one type, as the engine reads it (after parsing: defaults filled in). */
export type EventOf<T extends EventType> = z.output<Extract<EventDefinition, { type: T }>['schema']>;
export type DomainEvent = { [T in EventType]: EventOf<T> }[EventType];

/** Every event type, in the procedure's order. */
export const EVENT_TYPES: readonly EventType[] = EVENTS.map((e) => e.type);

/** Each event's declaration by type. */
export const EVENT_DEFINITIONS: Readonly<Record<EventType, EventDefinition>> = Object.fromEntries(EVENTS.map((e) => [e.type, e])) as Record<EventType, EventDefinition>;

/** The event names as staff read them, Vietnamese first. */
export const EVENT_LABELS: Readonly<Record<EventType, Label>> = Object.fromEntries(EVENTS.map((e) => [e.type, e.label])) as Record<EventType, Label>;

/** A well-formed event of `type` on `on` (examples of the schema; used by forms, fixtures and the schema's tests). */
export function exampleEvent<T extends EventType>(type: T, on: string): EventOf<T> {
  const schema = EVENT_DEFINITIONS[type].schema;
  return schema.parse({ type, occurredOn: on, ...exampleOf(fieldsOf(schema), on) }) as EventOf<T>;
}
