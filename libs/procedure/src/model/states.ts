/** Top-level states of api.md. Sub-states are internal and exposed only as `stateDetail`. */
export const TOP_STATES = [
  'sympathiser',
  'awarenessCertified',
  'dossier',
  'cellReview',
  'grassrootsReview',
  'superiorReview',
  'awaitingCeremony',
  'probation',
  'recognitionReview',
  'fullMember',
  'notAdmitted',
  'removed',
  'withdrawn',
  'escalated',
  'annulled',
] as const;
export type TopState = (typeof TOP_STATES)[number];

/** The states as staff read them, Vietnamese first (screens, reports, notifications, documents). */
export const STATE_LABELS: Readonly<Record<TopState, { vi: string; en: string }>> = {
  sympathiser: { vi: 'Quần chúng ưu tú', en: 'Sympathiser' },
  awarenessCertified: { vi: 'Đã học lớp bồi dưỡng nhận thức về Đảng', en: 'Party awareness class completed' },
  dossier: { vi: 'Đang hoàn thiện hồ sơ', en: 'Dossier in preparation' },
  cellReview: { vi: 'Chi bộ xét đề nghị kết nạp', en: 'Cell review' },
  grassrootsReview: { vi: 'Đảng ủy cơ sở xét', en: 'Grassroots committee review' },
  superiorReview: { vi: 'Cấp ủy cấp trên xét, quyết định', en: 'Superior committee review' },
  awaitingCeremony: { vi: 'Chờ tổ chức lễ kết nạp', en: 'Awaiting the ceremony' },
  probation: { vi: 'Đảng viên dự bị', en: 'Probationary member' },
  recognitionReview: { vi: 'Xét công nhận đảng viên chính thức', en: 'Recognition review' },
  fullMember: { vi: 'Đảng viên chính thức', en: 'Full member' },
  notAdmitted: { vi: 'Không được kết nạp', en: 'Not admitted' },
  removed: { vi: 'Xóa tên trong danh sách đảng viên dự bị', en: 'Removed from probation' },
  withdrawn: { vi: 'Dừng, rút khỏi quy trình', en: 'Withdrawn' },
  escalated: { vi: 'Chuyển cấp ủy cấp trên quyết định', en: 'Escalated to the superior committee' },
  annulled: { vi: 'Đã hủy quyết định kết nạp, công nhận', en: 'Decision annulled' },
};

export const FINAL_STATES: readonly TopState[] = ['fullMember', 'notAdmitted', 'removed', 'withdrawn', 'annulled'];
