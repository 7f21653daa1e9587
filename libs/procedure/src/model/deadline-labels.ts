import { DeadlineKind, DeadlineStatus } from './deadlines';

/** The names of the deadline kinds as staff read them, Vietnamese first (console, notifications, documents). */
export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, { vi: string; en: string }>> = {
  AWARENESS_CERTIFICATE_EXPIRY: { vi: 'Hết hạn giấy chứng nhận nhận thức về Đảng', en: 'Expiry of the Party awareness certificate' },
  DOSSIER_DOCUMENTS_EXPIRY: { vi: 'Hết hạn giá trị giấy tờ hồ sơ', en: 'Expiry of the dossier documents' },
  VERIFICATION_REPLY: { vi: 'Hạn trả lời thẩm tra lý lịch', en: 'Biography verification reply' },
  ADMISSION_DECISION: { vi: 'Hạn ra quyết định kết nạp', en: 'Admission decision' },
  CEREMONY: { vi: 'Hạn tổ chức lễ kết nạp', en: 'Admission ceremony' },
  MEMBER_RECORDS: { vi: 'Hạn hoàn thiện hồ sơ đảng viên', en: 'Party member records' },
  PROBATION_END: { vi: 'Kết thúc thời gian dự bị', en: 'End of probation' },
  RECOGNITION_CELL_REVIEW: { vi: 'Hạn chi bộ xét công nhận đảng viên chính thức', en: 'Cell review of full membership' },
  RECOGNITION_DECISION: { vi: 'Hạn quyết định công nhận đảng viên chính thức', en: 'Full membership decision' },
  RECOGNITION_ANNOUNCEMENT: { vi: 'Hạn công bố quyết định công nhận đảng viên chính thức tại chi bộ', en: 'Announcement of the recognition at the cell' },
  DOSSIER_DISPATCH: { vi: 'Hạn chi bộ gửi hồ sơ đề nghị kết nạp lên cấp trên', en: 'Cell sends the admission dossier up' },
  GRASSROOTS_RESOLUTION: { vi: 'Hạn đảng ủy cơ sở ra nghị quyết đề nghị kết nạp', en: 'Grassroots committee resolution on the admission' },
  DATABASE_ENTRY: { vi: 'Hạn cập nhật đảng viên mới vào cơ sở dữ liệu đảng viên', en: 'Entry of the new member in the member database' },
  RECOGNITION_REVOTE: {
    vi: 'Hạn chi bộ và đảng ủy cơ sở xét lại khi chưa có quyết định công nhận đảng viên chính thức',
    en: 'Cell and grassroots committee re-vote when no recognition decision came',
  },
  TRANSFER_FORWARDING: { vi: 'Hạn chuyển hồ sơ kết nạp đến cấp ủy nơi đến', en: 'Forwarding of a transferred dossier' },
  TRANSFER_DECISION: { vi: 'Hạn cấp ủy nơi đến xem xét, quyết định kết nạp', en: 'Destination’s decision on a transferred dossier' },
};

/** What a deadline's status means to staff. */
export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, { vi: string; en: string }>> = {
  open: { vi: 'Đang chạy', en: 'Open' },
  met: { vi: 'Đã đáp ứng', en: 'Met' },
  missed: { vi: 'Quá hạn', en: 'Missed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};
