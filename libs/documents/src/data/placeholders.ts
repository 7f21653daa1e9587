import {
  EDUCATION_LABELS,
  EventType,
  GENDER_LABELS,
  INTRODUCING_BODY_LABELS,
  RECOGNITION_MOTION_LABELS,
  viDate,
  voteOf,
  votePassed,
} from '@charterflow/procedure';
import { percentVi, upperVi, writtenDate } from '../text/vi-format';
import { partyOrganisationName, placeName } from './body-names';
import { DocumentContext, eventOf } from './document-context';
import { DocumentBody, DocumentStep } from './document-input';

/**
 * The placeholders a template may use, `{name}` in its text: what each prints and how it is read from the case. The
 * built-in forms and the templates a province uploads use the same names; an uploaded template naming anything else
 * is refused. A placeholder with nothing to print yet (a step not recorded, a field left empty) prints the dotted
 * blank of a paper form, to be completed by hand.
 */
export interface Placeholder {
  /** What it prints, as the template author reads it. */
  vi: string;
  value(context: DocumentContext): string | null;
}

type Group = Record<string, Placeholder>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);
const on = (step: DocumentStep | null, read: (s: DocumentStep) => string | null): string | null => (step ? read(step) : null);

/** The name, capitals and party organisation of a body in a role. */
function bodyGroup(prefix: string, roleVi: string, body: (c: DocumentContext) => DocumentBody | null): Group {
  return {
    [`${prefix}.name`]: { vi: `Tên ${roleVi}`, value: (c) => body(c)?.name ?? null },
    [`${prefix}.nameUpper`]: { vi: `Tên ${roleVi}, chữ in hoa`, value: (c) => on2(body(c), (b) => upperVi(b.name)) },
    [`${prefix}.partyUpper`]: {
      vi: `Đảng bộ của ${roleVi}, chữ in hoa (dòng trên tên cơ quan ban hành)`,
      value: (c) => on2(body(c), (b) => upperVi(partyOrganisationName(b))),
    },
  };
}
const on2 = <T>(value: T | null, read: (v: T) => string): string | null => (value ? read(value) : null);

/** The date, written date and signer of a step. */
function stepGroup(prefix: string, stepVi: string, type: EventType): Group {
  return {
    [`${prefix}.date`]: { vi: `Ngày ${stepVi} (dd/mm/yyyy)`, value: (c) => on(c.currentOr(type), (s) => viDate(s.occurredOn)) },
    [`${prefix}.dateWritten`]: { vi: `Ngày ${stepVi}, viết "ngày … tháng … năm …"`, value: (c) => on(c.currentOr(type), (s) => writtenDate(s.occurredOn)) },
    [`${prefix}.signerName`]: { vi: `Họ và tên người ký (${stepVi})`, value: (c) => c.currentOr(type)?.signer?.fullName ?? null },
    [`${prefix}.signerTitleUpper`]: {
      vi: `Chức vụ người ký (${stepVi}), chữ in hoa; "BÍ THƯ" khi chưa ghi chức vụ`,
      value: (c) => on(c.currentOr(type), (s) => upperVi(s.signer?.title ?? 'Bí thư')),
    },
  };
}

/** A vote's counts, share and result. `voters` is the denominator the rule counts (cell: full members not excluded). */
function voteGroup(prefix: string, stepVi: string, type: EventType, membersVi: string, membersField: string): Group {
  const vote = (c: DocumentContext) => {
    const step = c.last(type);
    const counts = step ? voteOf(eventOf(step)) : null;
    return step && counts ? { step, ...counts } : null;
  };
  return {
    ...stepGroup(prefix, stepVi, type),
    [`${prefix}.members`]: { vi: membersVi, value: (c) => on(c.last(type), (s) => text(s.payload[membersField])) },
    [`${prefix}.voters`]: { vi: `Số người được tính khi biểu quyết (${stepVi})`, value: (c) => on2(vote(c), (v) => String(v.voters)) },
    [`${prefix}.inFavour`]: { vi: `Số tán thành (${stepVi})`, value: (c) => on2(vote(c), (v) => String(v.inFavour)) },
    [`${prefix}.notInFavour`]: { vi: `Số không tán thành hoặc không biểu quyết (${stepVi})`, value: (c) => on2(vote(c), (v) => String(v.voters - v.inFavour)) },
    [`${prefix}.percent`]: { vi: `Tỷ lệ tán thành (${stepVi}), "66,7%"`, value: (c) => on2(vote(c), (v) => percentVi(v.inFavour, v.voters)) },
    [`${prefix}.result`]: {
      vi: `Kết quả (${stepVi}): "đạt" hoặc "không đạt"`,
      value: (c) => on(c.last(type), (s) => (votePassed(eventOf(s)) ? 'đạt' : 'không đạt')),
    },
  };
}

/** A cell's vote: the full members, those not counted and the vote (the denominator excludes them, CH Art. 4(3)). */
function cellVoteGroup(prefix: string, stepVi: string, type: 'CELL_VOTE_RECORDED' | 'RECOGNITION_CELL_VOTE_RECORDED'): Group {
  return {
    ...voteGroup(prefix, stepVi, type, `Tổng số đảng viên chính thức của chi bộ (${stepVi})`, 'fullMembers'),
    [`${prefix}.excluded`]: { vi: `Số đảng viên chính thức không tính khi biểu quyết (${stepVi})`, value: (c) => on(c.last(type), (s) => text(s.payload.excluded) ?? '0') },
  };
}

/**
 * Who adopts a decision: the standing committee of the competent committee, or an authorised grassroots committee as
 * a whole (QĐ294 §4.3.2), which has no standing committee and no organisation board of its own.
 */
const DECIDING_COLLECTIVES = { standing: 'Ban Thường vụ', grassroots: 'Đảng ủy' } as const;

function decisionGroup(prefix: string, stepVi: string, type: 'ADMISSION_DECIDED' | 'RECOGNITION_DECIDED'): Group {
  const byGrassroots = (c: DocumentContext) => c.decidingBody(type)?.kind === 'grassroots';
  const collective = (c: DocumentContext) => DECIDING_COLLECTIVES[byGrassroots(c) ? 'grassroots' : 'standing'];
  return {
    ...voteGroup(prefix, stepVi, type, `Tổng số ủy viên ban thường vụ, hoặc cấp ủy viên khi đảng ủy cơ sở quyết định (${stepVi})`, 'standingMembers'),
    [`${prefix}.no`]: { vi: `Số quyết định (${stepVi})`, value: (c) => on(c.last(type), (s) => text(s.payload.decisionNo)) },
    [`${prefix}.collective`]: { vi: `Tập thể biểu quyết (${stepVi}): "Ban Thường vụ" hoặc "Đảng ủy"`, value: collective },
    [`${prefix}.onBehalfUpper`]: { vi: `Dòng "thay mặt" của chữ ký (${stepVi}): "T/M BAN THƯỜNG VỤ" hoặc "T/M ĐẢNG ỦY"`, value: (c) => `T/M ${upperVi(collective(c))}` },
    [`${prefix}.deciderUpper`]: {
      vi: `Tập thể ra quyết định (${stepVi}), chữ in hoa: "BAN THƯỜNG VỤ ĐẢNG ỦY …" hoặc "ĐẢNG ỦY …"`,
      value: (c) => on2(c.decidingBody(type), (b) => upperVi(byGrassroots(c) ? b.name : `${DECIDING_COLLECTIVES.standing} ${b.name}`)),
    },
    [`${prefix}.proposedBy`]: {
      vi: `Các cấp đề nghị (${stepVi}): chi bộ, đảng ủy cơ sở (khi không tự quyết định) và ban tổ chức của cấp ủy quyết định`,
      value: (c) => {
        const decider = c.decidingBody(type);
        const names = [c.cell?.name, byGrassroots(c) ? null : c.grassroots?.name, !byGrassroots(c) && decider ? `Ban Tổ chức ${decider.name}` : null];
        return joinVi(names.filter((n): n is string => Boolean(n)));
      },
    },
  };
}

/** "A", "A và B", "A, B và C"; null for none. */
function joinVi(items: string[]): string | null {
  if (items.length === 0) return null;
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

const candidate: Group = {
  'candidate.fullName': { vi: 'Họ và tên người vào Đảng', value: (c) => c.input.candidate.fullName },
  'candidate.fullNameUpper': { vi: 'Họ và tên người vào Đảng, chữ in hoa', value: (c) => upperVi(c.input.candidate.fullName) },
  'candidate.dateOfBirth': { vi: 'Ngày sinh (dd/mm/yyyy)', value: (c) => viDate(c.input.candidate.dateOfBirth) },
  'candidate.gender': { vi: 'Giới tính', value: (c) => GENDER_LABELS[c.input.candidate.gender].vi },
  'candidate.ethnicity': { vi: 'Dân tộc', value: (c) => text(c.input.candidate.ethnicity) },
  'candidate.religion': { vi: 'Tôn giáo ("Không" khi không theo tôn giáo)', value: (c) => c.input.candidate.religion ?? 'Không' },
  'candidate.education': { vi: 'Trình độ học vấn', value: (c) => EDUCATION_LABELS[c.input.candidate.education].vi },
  'candidate.occupation': { vi: 'Nghề nghiệp', value: (c) => text(c.input.candidate.occupation) },
  'candidate.youthUnion': { vi: 'Đoàn viên Đoàn TNCS Hồ Chí Minh: "Có" hoặc "Không"', value: (c) => (c.input.candidate.youthUnionMember ? 'Có' : 'Không') },
  'candidate.tradeUnion': { vi: 'Đoàn viên công đoàn: "Có" hoặc "Không"', value: (c) => (c.input.candidate.tradeUnionMember ? 'Có' : 'Không') },
};

const bodies: Group = {
  ...bodyGroup('cell', 'chi bộ', (c) => c.cell),
  ...bodyGroup('grassroots', 'đảng ủy cơ sở', (c) => c.grassroots),
  ...bodyGroup('superior', 'cấp ủy cấp trên trực tiếp của đảng ủy cơ sở', (c) => c.superior),
  ...bodyGroup('admissionBody', 'cấp ủy ra quyết định kết nạp', (c) => c.decidingBody('ADMISSION_DECIDED')),
  ...bodyGroup('admissionBodyParent', 'cấp trên của cấp ủy ra quyết định kết nạp', (c) => c.above(c.decidingBody('ADMISSION_DECIDED'))),
  ...bodyGroup('recognitionBody', 'cấp ủy ra quyết định công nhận', (c) => c.decidingBody('RECOGNITION_DECIDED')),
  ...bodyGroup('recognitionBodyParent', 'cấp trên của cấp ủy ra quyết định công nhận', (c) => c.above(c.decidingBody('RECOGNITION_DECIDED'))),
  place: { vi: 'Địa danh ghi trước ngày tháng (tên tỉnh, thành phố)', value: (c) => placeName(c.province) },
};

const sponsorField = (field: string) => (c: DocumentContext) => {
  const sponsor = c.currentOr('SPONSOR_ADDED')?.payload.sponsor as Record<string, unknown> | undefined;
  return sponsor ? text(sponsor[field]) : null;
};

type IntroducingBody = keyof typeof INTRODUCING_BODY_LABELS;
const introducingBody = (c: DocumentContext): IntroducingBody | null => {
  const body = c.last('INTRODUCING_RESOLUTION_RECORDED')?.payload.body;
  return typeof body === 'string' && Object.prototype.hasOwnProperty.call(INTRODUCING_BODY_LABELS, body) ? (body as IntroducingBody) : null;
};
/** What a Youth Union or trade-union document prints top right, where a party document prints the party's name. */
const INTRODUCING_HEADINGS: Readonly<Record<IntroducingBody, { heading: string; motto: string }>> = {
  youth_union: { heading: 'ĐOÀN TNCS HỒ CHÍ MINH', motto: '' },
  trade_union: { heading: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' },
};

const dossier: Group = {
  ...stepGroup('dossier', 'đảng ủy cho phép lập hồ sơ', 'DOSSIER_OPENED'),
  'dossier.resolutionNo': { vi: 'Số nghị quyết cho phép lập hồ sơ', value: (c) => on(c.last('DOSSIER_OPENED'), (s) => text(s.payload.resolutionNo)) },
  'certificate.no': { vi: 'Số giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng', value: (c) => on(c.last('AWARENESS_CERTIFICATE_RECORDED'), (s) => text(s.payload.certificateNo)) },
  'certificate.issuedOn': { vi: 'Ngày cấp giấy chứng nhận (dd/mm/yyyy)', value: (c) => on(c.last('AWARENESS_CERTIFICATE_RECORDED'), (s) => text(s.payload.issuedOn) && viDate(String(s.payload.issuedOn))) },
  'certificate.issuer': { vi: 'Nơi cấp giấy chứng nhận', value: (c) => on(c.last('AWARENESS_CERTIFICATE_RECORDED'), (s) => text(s.payload.issuer)) },
  ...stepGroup('application', 'nộp đơn xin vào Đảng', 'APPLICATION_FILED'),
  ...stepGroup('biography', 'nộp lý lịch', 'BIOGRAPHY_FILED'),
  ...stepGroup('certification', 'chứng nhận lý lịch', 'BIOGRAPHY_CERTIFIED'),
  ...stepGroup('sponsor', 'giới thiệu', 'SPONSOR_ADDED'),
  'sponsor.name': { vi: 'Họ và tên đảng viên giới thiệu', value: sponsorField('name') },
  'sponsor.memberId': { vi: 'Số thẻ đảng viên của người giới thiệu', value: sponsorField('memberId') },
  'sponsor.fullMemberSince': { vi: 'Ngày người giới thiệu vào Đảng chính thức (dd/mm/yyyy)', value: (c) => on2(sponsorField('fullMemberSince')(c), viDate) },
  'sponsor.togetherSince': { vi: 'Cùng công tác với người vào Đảng từ ngày (dd/mm/yyyy)', value: (c) => on2(sponsorField('togetherSince')(c), viDate) },
  'sponsors.names': {
    vi: 'Họ và tên các đảng viên giới thiệu, cách nhau bởi "và"',
    value: (c) => {
      const names = c.all('SPONSOR_ADDED').map((s) => text((s.payload.sponsor as Record<string, unknown> | undefined)?.name)).filter((n): n is string => n !== null);
      return names.length ? names.join(' và ') : null;
    },
  },
  ...stepGroup('introducing', 'nghị quyết giới thiệu của đoàn thể', 'INTRODUCING_RESOLUTION_RECORDED'),
  'introducing.body': { vi: 'Tổ chức giới thiệu (Đoàn TNCS Hồ Chí Minh hoặc Công đoàn cơ sở)', value: (c) => on2(introducingBody(c), (b) => INTRODUCING_BODY_LABELS[b].vi) },
  'introducing.bodyUpper': { vi: 'Tổ chức giới thiệu, chữ in hoa', value: (c) => on2(introducingBody(c), (b) => upperVi(INTRODUCING_BODY_LABELS[b].vi)) },
  'introducing.heading': {
    vi: 'Dòng tiêu đề góc phải văn bản của tổ chức giới thiệu ("ĐOÀN TNCS HỒ CHÍ MINH"; công đoàn: quốc hiệu)',
    value: (c) => on2(introducingBody(c), (b) => INTRODUCING_HEADINGS[b].heading),
  },
  'introducing.motto': {
    vi: 'Dòng dưới tiêu đề góc phải (công đoàn: "Độc lập - Tự do - Hạnh phúc"; Đoàn: để trống)',
    value: (c) => on2(introducingBody(c), (b) => INTRODUCING_HEADINGS[b].motto),
  },
  'introducing.resolutionNo': { vi: 'Số nghị quyết giới thiệu của đoàn thể', value: (c) => on(c.last('INTRODUCING_RESOLUTION_RECORDED'), (s) => text(s.payload.resolutionNo)) },
  ...stepGroup('opinions', 'tổng hợp ý kiến nhận xét', 'OPINIONS_RECORDED'),
  'opinions.organisations': {
    vi: 'Các đoàn thể đã nhận xét, cách nhau bởi dấu phẩy',
    value: (c) => on(c.last('OPINIONS_RECORDED'), (s) => (Array.isArray(s.payload.organisations) && s.payload.organisations.length ? s.payload.organisations.join(', ') : null)),
  },
  'opinions.residenceCell': {
    vi: 'Có ý kiến của chi ủy nơi cư trú: "Có" hoặc "Không"',
    value: (c) => on(c.last('OPINIONS_RECORDED'), (s) => (s.payload.residenceCell ? 'Có' : 'Không')),
  },
};

const admission: Group = {
  ...cellVoteGroup('cellVote', 'chi bộ họp xét kết nạp', 'CELL_VOTE_RECORDED'),
  ...voteGroup('grassrootsVote', 'đảng ủy cơ sở xét kết nạp', 'GRASSROOTS_VOTE_RECORDED', 'Tổng số cấp ủy viên', 'committeeMembers'),
  ...decisionGroup('decision', 'quyết định kết nạp', 'ADMISSION_DECIDED'),
  ...stepGroup('ceremony', 'lễ kết nạp', 'CEREMONY_HELD'),
  'ceremony.helperName': {
    vi: 'Họ và tên đảng viên được phân công giúp đỡ',
    value: (c) => on(c.last('CEREMONY_HELD'), (s) => text((s.payload.helper as Record<string, unknown> | undefined)?.name)),
  },
  'probation.startOn': { vi: 'Ngày bắt đầu thời kỳ dự bị (dd/mm/yyyy)', value: (c) => on2(c.input.membership.probationStartOn, viDate) },
  'probation.endOn': { vi: 'Ngày hết thời kỳ dự bị (dd/mm/yyyy)', value: (c) => on2(c.input.membership.probationEndOn, viDate) },
  'probation.endOnWritten': { vi: 'Ngày hết thời kỳ dự bị, viết "ngày … tháng … năm …"', value: (c) => on2(c.input.membership.probationEndOn, writtenDate) },
  ...stepGroup('newMemberClass', 'hoàn thành lớp bồi dưỡng đảng viên mới', 'NEW_MEMBER_CLASS_COMPLETED'),
  'newMemberClass.certificateNo': { vi: 'Số giấy chứng nhận lớp bồi dưỡng đảng viên mới', value: (c) => on(c.last('NEW_MEMBER_CLASS_COMPLETED'), (s) => text(s.payload.certificateNo)) },
};

const motionOf = (type: EventType) => (c: DocumentContext) =>
  on(c.last(type), (s) => RECOGNITION_MOTION_LABELS[s.payload.motion as keyof typeof RECOGNITION_MOTION_LABELS]?.vi ?? null);

const recognition: Group = {
  ...stepGroup('selfReview', 'nộp bản tự kiểm điểm', 'SELF_REVIEW_SUBMITTED'),
  ...stepGroup('helperAssessment', 'nộp bản nhận xét của đảng viên giúp đỡ', 'HELPER_ASSESSMENT_SUBMITTED'),
  ...stepGroup('recognitionOpinions', 'tổng hợp ý kiến nhận xét đảng viên dự bị', 'RECOGNITION_OPINIONS_RECORDED'),
  ...cellVoteGroup('recognitionCellVote', 'chi bộ xét công nhận', 'RECOGNITION_CELL_VOTE_RECORDED'),
  'recognitionCellVote.motion': { vi: 'Nội dung chi bộ biểu quyết', value: motionOf('RECOGNITION_CELL_VOTE_RECORDED') },
  ...voteGroup('recognitionGrassrootsVote', 'đảng ủy cơ sở xét công nhận', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', 'Tổng số cấp ủy viên', 'committeeMembers'),
  'recognitionGrassrootsVote.motion': { vi: 'Nội dung đảng ủy cơ sở biểu quyết', value: motionOf('RECOGNITION_GRASSROOTS_VOTE_RECORDED') },
  ...decisionGroup('recognitionDecision', 'quyết định công nhận', 'RECOGNITION_DECIDED'),
  'membership.admissionDecisionOn': { vi: 'Ngày ký quyết định kết nạp (dd/mm/yyyy)', value: (c) => on2(c.input.membership.admissionDecisionOn, viDate) },
  'membership.fullMemberSince': { vi: 'Ngày trở thành đảng viên chính thức (dd/mm/yyyy)', value: (c) => on2(c.input.membership.fullMemberSince ?? c.input.membership.probationEndOn, viDate) },
};

export const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = { ...candidate, ...bodies, ...dossier, ...admission, ...recognition };

export function isPlaceholder(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}
