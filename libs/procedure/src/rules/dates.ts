import { BusinessDate } from '../model/dates';
import { DomainEvent } from '../model/events';
import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN, isBusinessDate } from '../calendar/business-date';
import { defineRule, RuleInput } from './rule';

/** Every business date an event carries, with its field name (occurredOn first). */
export function datesOf(event: DomainEvent): { field: string; date: BusinessDate }[] {
  const out: { field: string; date: BusinessDate }[] = [{ field: 'occurredOn', date: event.occurredOn }];
  switch (event.type) {
    case 'CASE_OPENED':
      out.push({ field: 'candidate.dateOfBirth', date: event.candidate.dateOfBirth });
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

export const DATE_INVALID = defineRule({
  id: 'DATE_INVALID',
  source: 'api.md Conventions (dates are YYYY-MM-DD calendar dates)',
  descriptionEn: `Every date of an event must be a real calendar date written YYYY-MM-DD, of the years ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}.`,
  descriptionVi: `Mọi ngày tháng của sự kiện phải là ngày có thật, viết theo dạng YYYY-MM-DD, trong các năm ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}.`,
  check: ({ event }) => {
    const bad = datesOf(event).find((d) => !isBusinessDate(d.date));
    return bad
      ? {
          message: `${bad.field} is not a calendar date YYYY-MM-DD of the years ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}: ${String(bad.date)}.`,
          messageVi: `${bad.field} không phải ngày hợp lệ (YYYY-MM-DD, năm ${BUSINESS_YEAR_MIN}–${BUSINESS_YEAR_MAX}): ${String(bad.date)}.`,
          details: { field: bad.field },
        }
      : null;
  },
});

export const DATE_IN_FUTURE = defineRule({
  id: 'DATE_IN_FUTURE',
  source: 'architecture §3.4 (business dates record what happened)',
  descriptionEn: 'A step cannot be dated after today, nor can any date it carries (issuedOn, receivedOn, togetherSince, fullMemberSince…).',
  descriptionVi: 'Không được ghi nhận bước công việc hoặc ngày tháng kèm theo (ngày cấp, ngày nhận, ngày cùng công tác, ngày chính thức…) sau ngày hôm nay.',
  check: ({ event, env }) => {
    const late = datesOf(event).find((d) => d.date > env.today);
    return late
      ? {
          message: `${late.field} ${late.date} is after today (${env.today}).`,
          messageVi: `${late.field} ${late.date} là ngày sau hôm nay (${env.today}).`,
          details: { field: late.field, date: late.date, today: env.today },
        }
      : null;
  },
});

function previousStepProblem({ event, facts }: RuleInput): { field: string; date: BusinessDate; before: BusinessDate } | null {
  // PROBATION_ENDED carries the legal end date of probation, which later recordings do not move.
  if (event.type !== 'PROBATION_ENDED' && event.occurredOn < facts.lastStepOn) {
    return { field: 'occurredOn', date: event.occurredOn, before: facts.lastStepOn };
  }
  if (event.type === 'VERIFICATION_REQUESTED' && event.receivedOn !== undefined && event.receivedOn < event.occurredOn) {
    return { field: 'receivedOn', date: event.receivedOn, before: event.occurredOn };
  }
  if (event.type === 'ADMISSION_DECIDED' && event.receivedOn < event.occurredOn) {
    return { field: 'receivedOn', date: event.receivedOn, before: event.occurredOn };
  }
  if (event.type === 'MEMBER_CARD_HANDED_OVER' && event.cardDecidedOn !== undefined && event.occurredOn < event.cardDecidedOn) {
    return { field: 'occurredOn', date: event.occurredOn, before: event.cardDecidedOn };
  }
  if (event.type === 'CEREMONY_HELD' && facts.decision && event.occurredOn < facts.decision.receivedOn) {
    return { field: 'occurredOn', date: event.occurredOn, before: facts.decision.receivedOn };
  }
  return null;
}

export const DATE_BEFORE_PREVIOUS_STEP = defineRule({
  id: 'DATE_BEFORE_PREVIOUS_STEP',
  source: 'procedure doc §1, §3.16 (steps follow one another)',
  descriptionEn: 'A step cannot be dated before the latest recorded step; a decision (or a verification request) cannot be received before it was made (sent); a ceremony cannot precede receipt of the decision; a party card cannot be handed over before its card decision. Equal dates pass.',
  descriptionVi: 'Không được ghi ngày của bước công việc trước ngày của bước đã ghi nhận gần nhất; ngày nhận quyết định (hoặc công văn đề nghị thẩm tra) không trước ngày ban hành (ngày gửi); lễ kết nạp không trước ngày nhận quyết định; thẻ đảng viên không trao trước ngày quyết định phát thẻ. Cùng ngày thì hợp lệ.',
  check: (input) => {
    const p = previousStepProblem(input);
    return p
      ? {
          message: `${p.field} ${p.date} is before ${p.before}, the date of an earlier step.`,
          messageVi: `${p.field} ${p.date} trước ngày ${p.before} của bước trước đó.`,
          details: p,
        }
      : null;
  },
});
