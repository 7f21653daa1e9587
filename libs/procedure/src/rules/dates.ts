import { BusinessDate } from '../model/dates';
import { DomainEvent, EventType } from '../model/events';
import { EVENT_LABELS } from '../schema/events.schema';
import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN, isBusinessDate } from '../calendar/business-date';
import { fieldLabelVi } from '../schema/labels';
import { defineRule, RuleInput, viDate } from './rule';
import { stageBound, stagePlaceOf } from './stages';

/** Every business date an event carries, with its field name (occurredOn first). */
export function datesOf(event: DomainEvent): { field: string; date: BusinessDate }[] {
  const out: { field: string; date: BusinessDate }[] = [{ field: 'occurredOn', date: event.occurredOn }];
  switch (event.type) {
    case 'CASE_OPENED':
      out.push({ field: 'candidate.dateOfBirth', date: event.candidate.dateOfBirth });
      if (event.readmission) {
        out.push({ field: 'readmission.previousAdmissionDecisionOn', date: event.readmission.previousAdmissionDecisionOn });
        out.push({ field: 'readmission.leftOn', date: event.readmission.leftOn });
        if (event.readmission.criminalRecordClearedOn !== undefined) out.push({ field: 'readmission.criminalRecordClearedOn', date: event.readmission.criminalRecordClearedOn });
      }
      break;
    case 'AWARENESS_CERTIFICATE_RECORDED':
      out.push({ field: 'issuedOn', date: event.issuedOn });
      break;
    case 'ADMISSION_DECIDED':
      out.push({ field: 'receivedOn', date: event.receivedOn });
      break;
    case 'VERIFICATION_REQUESTED':
      if (event.receivedOn !== undefined) out.push({ field: 'receivedOn', date: event.receivedOn });
      break;
    case 'GRASSROOTS_VOTE_RECORDED':
      if (event.dossierReceivedOn !== undefined) out.push({ field: 'dossierReceivedOn', date: event.dossierReceivedOn });
      break;
    case 'MEMBER_CARD_HANDED_OVER':
      if (event.cardDecidedOn !== undefined) out.push({ field: 'cardDecidedOn', date: event.cardDecidedOn });
      break;
    case 'SPONSOR_ADDED':
      out.push({ field: 'sponsor.togetherSince', date: event.sponsor.togetherSince });
      if (event.sponsor.fullMemberSince != null) out.push({ field: 'sponsor.fullMemberSince', date: event.sponsor.fullMemberSince });
      break;
    default:
      break;
  }
  return out;
}

/** A date field of the event as a clerk reads it: «Ngày sinh», or "ngày của bước «…»" for the step's own date. */
export function dateFieldVi(event: DomainEvent, field: string): string {
  const label = fieldLabelVi(event.type, field);
  if (field === 'occurredOn' && (!label || label === 'Ngày')) return `ngày của bước «${EVENT_LABELS[event.type]?.vi ?? 'này'}»`;
  return label ? `«${label}»` : 'ngày đã nhập';
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A value entered as a date that is none, as given: `2025-13-01` → `ngày 01 tháng 13 năm 2025`. */
function enteredVi(value: unknown): string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : `"${String(value)}"`;
}

export const DATE_INVALID = defineRule({
  id: 'DATE_INVALID',
  source: 'api.md Conventions (dates are YYYY-MM-DD calendar dates)',
  basisVi: 'quy ước ghi ngày tháng của hệ thống, không phải quy định của Đảng',
  descriptionEn: `Every date of an event must be a real calendar date written YYYY-MM-DD, of the years ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}.`,
  descriptionVi: `Mọi ngày tháng của sự kiện phải là ngày có thật, viết theo dạng năm-tháng-ngày, trong các năm ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}.`,
  check: ({ event }) => {
    const bad = datesOf(event).find((d) => !isBusinessDate(d.date));
    return bad
      ? {
          message: `${bad.field} is not a calendar date YYYY-MM-DD of the years ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}: ${String(bad.date)}.`,
          messageVi: `${capitalised(dateFieldVi(event, bad.field))} không phải là một ngày có thật trong các năm ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX} (đã nhập: ${enteredVi(bad.date)})`,
          details: { field: bad.field },
        }
      : null;
  },
});

export const DATE_IN_FUTURE = defineRule({
  id: 'DATE_IN_FUTURE',
  source: 'architecture §3.4 (business dates record what happened)',
  basisVi: 'nguyên tắc của hệ thống: chỉ ghi nhận việc đã diễn ra, không phải quy định của Đảng',
  descriptionEn: 'A step cannot be dated after today, nor can any date it carries (issuedOn, receivedOn, togetherSince, fullMemberSince…).',
  descriptionVi: 'Không được ghi nhận bước công việc hoặc ngày tháng kèm theo (ngày cấp, ngày nhận, ngày cùng công tác, ngày chính thức…) sau ngày hôm nay.',
  check: ({ event, env }) => {
    const late = datesOf(event).find((d) => d.date > env.today);
    return late
      ? {
          message: `${late.field} ${late.date} is after today (${env.today}).`,
          messageVi: `${capitalised(dateFieldVi(event, late.field))} là ngày ${viDate(late.date)}, sau ngày hôm nay (${viDate(env.today)}); chưa thể ghi nhận việc chưa diễn ra`,
          details: { field: late.field, date: late.date, today: env.today },
        }
      : null;
  },
});

type StepProblem = { field: string; date: BusinessDate; before: BusinessDate; beforeStep: EventType | null; kind: 'stage' | 'part' | 'received' | 'ceremony' | 'card' };

function previousStepProblem({ event, facts }: RuleInput): StepProblem | null {
  // PROBATION_ENDED carries the legal end date of probation, which later recordings do not move.
  if (event.type !== 'PROBATION_ENDED') {
    const bound = stageBound(event, facts);
    if (event.occurredOn < bound.on) {
      const kind = stagePlaceOf(event, facts).role === 'gate' ? 'stage' : 'part';
      return { field: 'occurredOn', date: event.occurredOn, before: bound.on, beforeStep: bound.type, kind };
    }
  }
  if (event.type === 'VERIFICATION_REQUESTED' && event.receivedOn !== undefined && event.receivedOn < event.occurredOn) {
    return { field: 'receivedOn', date: event.receivedOn, before: event.occurredOn, beforeStep: 'VERIFICATION_REQUESTED', kind: 'received' };
  }
  if (event.type === 'ADMISSION_DECIDED' && event.receivedOn < event.occurredOn) {
    return { field: 'receivedOn', date: event.receivedOn, before: event.occurredOn, beforeStep: 'ADMISSION_DECIDED', kind: 'received' };
  }
  if (event.type === 'MEMBER_CARD_HANDED_OVER' && event.cardDecidedOn !== undefined && event.occurredOn < event.cardDecidedOn) {
    return { field: 'occurredOn', date: event.occurredOn, before: event.cardDecidedOn, beforeStep: null, kind: 'card' };
  }
  if (event.type === 'CEREMONY_HELD' && facts.decision && event.occurredOn < facts.decision.receivedOn) {
    return { field: 'occurredOn', date: event.occurredOn, before: facts.decision.receivedOn, beforeStep: 'ADMISSION_DECIDED', kind: 'ceremony' };
  }
  return null;
}

const stepName = (type: EventType | null): string => (type ? `«${EVENT_LABELS[type].vi}»` : 'đã ghi nhận gần nhất');

function messageViOf(event: DomainEvent, p: StepProblem): string {
  const label = `«${EVENT_LABELS[event.type].vi}»`;
  if (p.kind === 'received') {
    const what = event.type === 'ADMISSION_DECIDED' ? 'Ngày chi bộ nhận quyết định' : 'Ngày cấp ủy nơi thẩm tra nhận công văn';
    const from = event.type === 'ADMISSION_DECIDED' ? 'ngày ban hành quyết định' : 'ngày gửi công văn';
    return `${what} (${viDate(p.date)}) không thể trước ${from} (${viDate(p.before)})`;
  }
  if (p.kind === 'card') {
    return `Thẻ đảng viên (${viDate(p.date)}) không thể trao trước ngày quyết định phát thẻ (${viDate(p.before)})`;
  }
  if (p.kind === 'ceremony') {
    return `Lễ kết nạp (${viDate(p.date)}) không thể tổ chức trước ngày chi bộ nhận quyết định kết nạp (${viDate(p.before)})`;
  }
  if (p.kind === 'part') {
    return `Ngày ${viDate(p.date)} của bước ${label} trước ngày ${viDate(p.before)} của bước ${stepName(p.beforeStep)}: các văn bản trong cùng một giai đoạn được nhập theo thứ tự bất kỳ, nhưng không văn bản nào có ngày trước bước mà nó dựa vào`;
  }
  return `Ngày ${viDate(p.date)} của bước ${label} trước ngày ${viDate(p.before)} của bước ${stepName(p.beforeStep)}: các giai đoạn của quy trình phải nối tiếp nhau (biểu quyết sau khi đủ hồ sơ, quyết định sau biểu quyết, lễ kết nạp sau khi nhận quyết định)`;
}

export const DATE_BEFORE_PREVIOUS_STEP = defineRule({
  id: 'DATE_BEFORE_PREVIOUS_STEP',
  source: 'procedure doc §1, §3.16 (the stages follow one another); api.md v1.1 (catching up a paper backlog)',
  basisVi: 'trình tự các bước của quy trình kết nạp đảng viên',
  descriptionEn:
    'The stages follow one another: a step that opens a stage (a vote, a decision, the ceremony…) cannot be dated before any step recorded earlier; the documents of one stage (dossier parts, probation steps, the recognition dossier) may be entered in any order of their dates, but none before the step that opened its stage or a document it rests on; a consent or an extension not before the latest stage. A decision (or a verification request) cannot be received before it was made (sent); a ceremony cannot precede receipt of the decision; a party card cannot be handed over before its card decision. Equal dates pass.',
  descriptionVi:
    'Các giai đoạn phải nối tiếp nhau: bước mở một giai đoạn (biểu quyết, quyết định, lễ kết nạp…) không được ghi ngày trước bất kỳ bước nào đã ghi nhận; các văn bản trong cùng một giai đoạn (các thành phần hồ sơ, các việc trong thời kỳ dự bị, hồ sơ xét công nhận chính thức) được nhập theo thứ tự ngày bất kỳ, nhưng không trước bước mở giai đoạn đó hoặc văn bản mà nó dựa vào; văn bản đồng ý, gia hạn không trước giai đoạn gần nhất. Ngày nhận quyết định (hoặc công văn đề nghị thẩm tra) không trước ngày ban hành (ngày gửi); lễ kết nạp không trước ngày nhận quyết định; thẻ đảng viên không trao trước ngày quyết định phát thẻ. Cùng ngày thì hợp lệ.',
  check: (input) => {
    const p = previousStepProblem(input);
    return p
      ? {
          message: `${p.field} ${p.date} is before ${p.before}, the date of ${p.beforeStep ?? 'an earlier step'}${p.kind === 'part' ? ' (the step its stage or document rests on)' : ''}.`,
          messageVi: messageViOf(input.event, p),
          details: { field: p.field, date: p.date, before: p.before, beforeStep: p.beforeStep },
        }
      : null;
  },
});
