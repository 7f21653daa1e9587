import type { OrganisationKind } from '@charterflow/organisations';
import { AreaType, DEADLINE_KIND_LABELS, DeadlineKind, DeadlineStatus, EducationLevel, EventType, Gender, TopState } from '@charterflow/procedure';

// Vietnamese labels of the console, typed against the procedure's own lists: a state, event type or deadline kind
// added there without a label here fails the type check. The English id is always shown after the label.

/** Top-level states (libs/procedure/src/model/states.ts). */
export const STATE_LABELS_VI: Readonly<Record<TopState, string>> = {
  sympathiser: 'Quần chúng ưu tú',
  awarenessCertified: 'Đã học lớp bồi dưỡng nhận thức về Đảng',
  dossier: 'Đang hoàn thiện hồ sơ',
  cellReview: 'Chi bộ xét đề nghị kết nạp',
  grassrootsReview: 'Đảng ủy cơ sở xét',
  superiorReview: 'Cấp ủy cấp trên xét, quyết định',
  awaitingCeremony: 'Chờ tổ chức lễ kết nạp',
  probation: 'Đảng viên dự bị',
  recognitionReview: 'Xét công nhận đảng viên chính thức',
  fullMember: 'Đảng viên chính thức',
  notAdmitted: 'Không được kết nạp',
  removed: 'Xóa tên trong danh sách đảng viên dự bị',
  withdrawn: 'Dừng, rút khỏi quy trình',
  escalated: 'Chuyển cấp ủy cấp trên quyết định',
};

/** Event types (libs/procedure/src/model/events.ts). */
export const EVENT_LABELS_VI: Readonly<Record<EventType, string>> = {
  CASE_OPENED: 'Chi bộ đưa vào danh sách quần chúng ưu tú (mở hồ sơ)',
  AWARENESS_CERTIFICATE_RECORDED: 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng',
  DOSSIER_OPENED: 'Đảng ủy cơ sở cho phép lập hồ sơ',
  APPLICATION_FILED: 'Nộp đơn xin vào Đảng (mẫu 1-KNĐ)',
  BIOGRAPHY_FILED: 'Nộp lý lịch người xin vào Đảng (mẫu 2-KNĐ)',
  VERIFICATION_REQUESTED: 'Gửi yêu cầu thẩm tra lý lịch',
  VERIFICATION_REPLIED: 'Nhận kết quả thẩm tra lý lịch',
  BIOGRAPHY_CERTIFIED: 'Chứng nhận lý lịch',
  SPONSOR_ADDED: 'Thêm đảng viên giới thiệu',
  INTRODUCING_RESOLUTION_RECORDED: 'Nghị quyết giới thiệu của Đoàn Thanh niên / Công đoàn',
  OPINIONS_RECORDED: 'Ý kiến nhận xét của đoàn thể và chi bộ nơi cư trú',
  CONSENT_RECORDED: 'Văn bản đồng ý của cấp có thẩm quyền',
  CELL_VOTE_RECORDED: 'Chi bộ biểu quyết đề nghị kết nạp',
  GRASSROOTS_VOTE_RECORDED: 'Đảng ủy cơ sở biểu quyết',
  ADMISSION_DECIDED: 'Quyết định kết nạp đảng viên',
  DEADLINE_EXTENDED: 'Gia hạn thời hạn',
  CEREMONY_HELD: 'Tổ chức lễ kết nạp',
  MEMBER_RECORDS_FILED: 'Hoàn thiện hồ sơ đảng viên',
  NEW_MEMBER_CLASS_COMPLETED: 'Hoàn thành lớp bồi dưỡng đảng viên mới',
  PROBATION_ENDED: 'Hết thời gian dự bị',
  SELF_REVIEW_SUBMITTED: 'Nộp bản tự kiểm điểm',
  HELPER_ASSESSMENT_SUBMITTED: 'Nhận xét của đảng viên giúp đỡ',
  RECOGNITION_OPINIONS_RECORDED: 'Ý kiến nhận xét (xét công nhận chính thức)',
  RECOGNITION_CELL_VOTE_RECORDED: 'Chi bộ biểu quyết công nhận chính thức',
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: 'Đảng ủy cơ sở biểu quyết công nhận chính thức',
  RECOGNITION_DECIDED: 'Quyết định công nhận đảng viên chính thức',
  WITHDRAWN: 'Rút khỏi quy trình',
};

/** Deadline kinds (libs/procedure/src/model/deadlines.ts). */
export const DEADLINE_KIND_LABELS_VI: Readonly<Record<DeadlineKind, string>> = Object.fromEntries(
  Object.entries(DEADLINE_KIND_LABELS).map(([kind, label]) => [kind, label.vi]),
) as Record<DeadlineKind, string>;

export const DEADLINE_STATUS_LABELS_VI: Readonly<Record<DeadlineStatus, string>> = {
  open: 'Đang chạy',
  met: 'Đã đáp ứng',
  missed: 'Quá hạn',
  cancelled: 'Đã hủy',
};

export const ORGANISATION_KIND_LABELS_VI: Readonly<Record<OrganisationKind, string>> = {
  province: 'Tỉnh ủy, thành ủy',
  commune: 'Đảng ủy xã, phường, đặc khu (cấp trên trực tiếp cơ sở)',
  grassroots: 'Đảng ủy cơ sở',
  cell: 'Chi bộ',
};

export const GENDER_LABELS_VI: Readonly<Record<Gender, string>> = { female: 'Nữ', male: 'Nam', other: 'Khác' };

export const EDUCATION_LABELS_VI: Readonly<Record<EducationLevel, string>> = {
  literate: 'Biết đọc, biết viết',
  primary: 'Tiểu học',
  lower_secondary: 'Trung học cơ sở',
  upper_secondary: 'Trung học phổ thông',
  college: 'Cao đẳng',
  university: 'Đại học',
  postgraduate: 'Sau đại học',
};

export const AREA_TYPE_LABELS_VI: Readonly<Record<AreaType, string>> = {
  standard: 'Vùng thông thường',
  disadvantaged: 'Miền núi, biên giới, hải đảo, vùng đồng bào dân tộc, vùng đặc biệt khó khăn, ngư dân trên biển',
};

/** `TODAY` in a template is replaced in the browser by today's date in Asia/Ho_Chi_Minh. */
export const TODAY_PLACEHOLDER = 'TODAY';

/**
 * The minimal payload of each event type beyond `type` and `occurredOn` (api.md "Events"), prefilled in the
 * console's editor. Empty strings are left for staff to fill in: the API names any field still missing.
 */
export const EVENT_TEMPLATES: Readonly<Record<EventType, Record<string, unknown>>> = {
  CASE_OPENED: {},
  AWARENESS_CERTIFICATE_RECORDED: { certificateNo: '', issuedOn: TODAY_PLACEHOLDER, issuer: '' },
  DOSSIER_OPENED: { resolutionNo: '' },
  APPLICATION_FILED: {},
  BIOGRAPHY_FILED: {},
  VERIFICATION_REQUESTED: { requestId: '', scope: 'domestic', subject: '' },
  VERIFICATION_REPLIED: { requestId: '' },
  BIOGRAPHY_CERTIFIED: { politicalIssue: false },
  SPONSOR_ADDED: { sponsor: { name: '', memberId: null, fullMemberSince: '', togetherSince: '' } },
  INTRODUCING_RESOLUTION_RECORDED: { body: 'youth_union', resolutionNo: '' },
  OPINIONS_RECORDED: { organisations: [], residenceCell: true },
  CONSENT_RECORDED: { kind: 'over_60', issuer: '', documentNo: '' },
  CELL_VOTE_RECORDED: { fullMembers: 0, excluded: 0, inFavour: 0 },
  GRASSROOTS_VOTE_RECORDED: { committeeMembers: 0, inFavour: 0 },
  ADMISSION_DECIDED: { decisionNo: '', standingMembers: 0, inFavour: 0, receivedOn: TODAY_PLACEHOLDER },
  DEADLINE_EXTENDED: { deadlineKind: 'ADMISSION_DECISION', reason: '' },
  CEREMONY_HELD: { helper: { name: '', memberId: null } },
  MEMBER_RECORDS_FILED: {},
  NEW_MEMBER_CLASS_COMPLETED: { certificateNo: '' },
  PROBATION_ENDED: {},
  SELF_REVIEW_SUBMITTED: {},
  HELPER_ASSESSMENT_SUBMITTED: {},
  RECOGNITION_OPINIONS_RECORDED: {},
  RECOGNITION_CELL_VOTE_RECORDED: { fullMembers: 0, excluded: 0, inFavour: 0, motion: 'recognise' },
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: { committeeMembers: 0, inFavour: 0, motion: 'recognise' },
  RECOGNITION_DECIDED: { decisionNo: '', standingMembers: 0, inFavour: 0, motion: 'recognise' },
  WITHDRAWN: { reason: '' },
};
