import { BusinessDate } from '../model/dates';
import { addMonths, completedMonths } from '../calendar/business-date';
import { LEFT_REASON_LABELS, LeftReason, Readmission } from '../schema/readmission.schema';
import { ruleSetFor } from '../versions/rule-sets';
import { CaseFacts } from '../machine/facts';
import { isAdmittingDecision } from './eligibility';
import { defineRule, RuleInput, viDate } from './rule';

/**
 * Re-admission (kết nạp lại, QĐ294 §3.5; procedure doc E10–E12, D21, A22). The facts come with the opening of the
 * case (`POST /cases` `readmission`); a case without them is a first admission and none of these rules applies.
 */

/** A case's re-admission facts, or null for a first admission (facts stored before re-admission existed read as null). */
export function readmissionOf(facts: Pick<CaseFacts, 'readmission'>): Readmission | null {
  return facts.readmission ?? null;
}

/** The re-admission facts the rule judges: those of the opening event itself, else those recorded at the opening. */
function readmissionIn({ event, facts }: RuleInput): Readmission | null {
  if (event.type === 'CASE_OPENED') return event.readmission ?? null;
  return readmissionOf(facts);
}

/**
 * E11 (QĐ294 §3.5.2): never re-admitted, whoever asks. Asking to leave is excluded unless it was for special family
 * hardship; every other reason on the list is excluded outright.
 */
export function excludedReason(r: Pick<Readmission, 'leftReason' | 'familyHardship'>): LeftReason | null {
  switch (r.leftReason) {
    case 'abandoned_activity':
    case 'disunity':
    case 'corruption_conviction':
    case 'serious_crime_conviction':
      return r.leftReason;
    case 'asked_to_leave':
      return r.familyHardship === true ? null : r.leftReason;
    default:
      return null;
  }
}

/**
 * D21 (QĐ294 §3.5.1): the earliest day the cell may vote on a re-admission, and what that day is counted from: 36
 * calendar months after leaving, and 60 after a cleared criminal record, whichever is later. The day itself is
 * allowed ("đủ 36 tháng").
 */
export function readmissionEarliestVote(r: Readmission, on: BusinessDate): { earliestOn: BusinessDate; from: 'leftOn' | 'criminalRecordClearedOn'; months: number } {
  const set = ruleSetFor(on);
  const afterLeaving = { earliestOn: addMonths(r.leftOn, set.readmissionWaitMonths), from: 'leftOn' as const, months: set.readmissionWaitMonths };
  if (!r.criminalRecordClearedOn) return afterLeaving;
  const afterRecord = {
    earliestOn: addMonths(r.criminalRecordClearedOn, set.readmissionAfterRecordClearedMonths),
    from: 'criminalRecordClearedOn' as const,
    months: set.readmissionAfterRecordClearedMonths,
  };
  return afterRecord.earliestOn > afterLeaving.earliestOn ? afterRecord : afterLeaving;
}

export const READMISSION_EXCLUDED = defineRule({
  id: 'READMISSION_EXCLUDED',
  source: 'QĐ294 §3.5.2',
  descriptionEn:
    'Never re-admitted: a person who left by abandoning party activity, by asking to leave (unless for special family hardship), who caused serious internal disunity, or was convicted of corruption or of a serious crime or worse. Judged when the case is opened.',
  descriptionVi:
    'Không kết nạp lại người ra khỏi Đảng vì tự ý bỏ sinh hoạt đảng, tự xin ra khỏi Đảng (trừ trường hợp vì hoàn cảnh gia đình đặc biệt khó khăn), gây mất đoàn kết nội bộ nghiêm trọng, bị kết án về tội tham nhũng hoặc tội nghiêm trọng trở lên.',
  check: (input) => {
    if (input.event.type !== 'CASE_OPENED') return null;
    const r = readmissionIn(input);
    const reason = r ? excludedReason(r) : null;
    if (!r || !reason) return null;
    return {
      message: `A person who left the Party for the reason "${reason}"${reason === 'asked_to_leave' ? ' without special family hardship' : ''} may never be re-admitted.`,
      messageVi: `Người ra khỏi Đảng với lý do «${LEFT_REASON_LABELS[reason].vi}»${reason === 'asked_to_leave' ? ' không vì hoàn cảnh gia đình đặc biệt khó khăn' : ''} thì không được xem xét kết nạp lại`,
      details: { leftReason: reason, familyHardship: r.familyHardship ?? false },
    };
  },
});

export const READMISSION_ONLY_ONCE = defineRule({
  id: 'READMISSION_ONLY_ONCE',
  source: 'QĐ294 §3.5.3',
  descriptionEn: 'A person is re-admitted once only: one who was re-admitted before cannot be re-admitted again. Judged when the case is opened.',
  descriptionVi: 'Chỉ xem xét kết nạp lại một lần; người đã được kết nạp lại thì không kết nạp lại lần nữa.',
  check: (input) => {
    if (input.event.type !== 'CASE_OPENED') return null;
    const r = readmissionIn(input);
    if (!r || r.timesReadmittedBefore < 1) return null;
    return {
      message: `The person was re-admitted ${r.timesReadmittedBefore} time(s) before; re-admission is allowed once only.`,
      messageVi: `Người này đã được kết nạp lại ${r.timesReadmittedBefore} lần trước đây; chỉ được xem xét kết nạp lại một lần`,
      details: { timesReadmittedBefore: r.timesReadmittedBefore },
    };
  },
});

export const READMISSION_TOO_EARLY = defineRule({
  id: 'READMISSION_TOO_EARLY',
  source: 'QĐ294 §3.5.1',
  descriptionEn:
    'The cell votes on a re-admission at least 36 calendar months after the person left the Party and, after a conviction for a less-serious crime, at least 60 months after the criminal record was cleared (the day the months complete is allowed).',
  descriptionVi:
    'Chi bộ chỉ xét kết nạp lại khi người xin kết nạp lại đã ra khỏi Đảng đủ 36 tháng và, nếu bị kết án về tội ít nghiêm trọng, đã được xóa án tích đủ 60 tháng, tính đến ngày chi bộ họp xét.',
  check: (input) => {
    if (input.event.type !== 'CELL_VOTE_RECORDED') return null;
    const r = readmissionIn(input);
    if (!r) return null;
    const on = input.event.occurredOn;
    const earliest = readmissionEarliestVote(r, on);
    if (on >= earliest.earliestOn) return null;
    const fromOn = earliest.from === 'leftOn' ? r.leftOn : r.criminalRecordClearedOn!;
    const done = completedMonths(fromOn, on);
    return {
      message: `The cell met on ${on}, ${done} completed months after ${earliest.from === 'leftOn' ? 'leaving the Party' : 'the criminal record was cleared'} on ${fromOn}; at least ${earliest.months} are required (from ${earliest.earliestOn}).`,
      messageVi: `Chi bộ họp xét kết nạp lại ngày ${viDate(on)}, mới ${done} tháng kể từ ngày ${earliest.from === 'leftOn' ? 'ra khỏi Đảng' : 'được xóa án tích'} ${viDate(fromOn)}; cần đủ ${earliest.months} tháng, tức từ ngày ${viDate(earliest.earliestOn)}`,
      details: { from: earliest.from, fromOn, months: done, minimum: earliest.months, earliestOn: earliest.earliestOn },
    };
  },
});

export const READMISSION_CONSENT_MISSING = defineRule({
  id: 'READMISSION_CONSENT_MISSING',
  source: 'QĐ294 §3.5.1, §4.3.2c',
  descriptionEn:
    'A re-admission needs the written consent of the provincial standing committee (CONSENT_RECORDED kind readmission) before the admitting decision (ADMISSION_DECIDED, or the vote of an authorised grassroots committee).',
  descriptionVi: 'Kết nạp lại phải có văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp.',
  check: (input) => {
    if (!isAdmittingDecision(input)) return null;
    const r = readmissionIn(input);
    if (!r || input.facts.consents.readmission) return null;
    return {
      message: 'A re-admission is being decided and no readmission consent of the provincial standing committee is recorded.',
      messageVi: 'Hồ sơ kết nạp lại chưa có văn bản đồng ý của ban thường vụ tỉnh ủy, thành ủy trước khi ra quyết định kết nạp',
      details: { leftOn: r.leftOn },
    };
  },
});

/** The rules judged when a case is opened (beside the date rules), in the order a refusal reports them. */
export const OPENING_RULES = [READMISSION_EXCLUDED, READMISSION_ONLY_ONCE] as const;

/**
 * Party age (QĐ294 §4.5; procedure doc §3.14): from the admission decision; for a re-admitted member from the first
 * admission decision, minus the time outside the Party (from leaving to the new admission decision). Null and no gaps
 * until an admission is decided.
 */
export function partyAge(facts: Pick<CaseFacts, 'readmission' | 'decision'>): { partyAgeFrom: BusinessDate | null; partyAgeGaps: { from: BusinessDate; to: BusinessDate }[] } {
  const decidedOn = facts.decision?.decidedOn ?? null;
  if (!decidedOn) return { partyAgeFrom: null, partyAgeGaps: [] };
  const r = readmissionOf(facts);
  if (!r) return { partyAgeFrom: decidedOn, partyAgeGaps: [] };
  return { partyAgeFrom: r.previousAdmissionDecisionOn, partyAgeGaps: [{ from: r.leftOn, to: decidedOn }] };
}
