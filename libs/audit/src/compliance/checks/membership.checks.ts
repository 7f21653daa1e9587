import { addDays, addMonths, BusinessDate, ruleSetFor, tracesOf } from '@charterflow/procedure';
import { History, Step, stepsOf } from '../history';
import { AuditCase, CheckOutcome, StoredMembership } from '../model';
import { viArticle, viDate } from '../vi-text';
import { CheckDefinition } from './definition';
import { deadlineOutcome, fail, notApplicable, pass } from './outcome';

const A17_SOURCE = 'CH Art. 5; QĐ294 §4.2.2, §4.5';

/** The dates a case's membership record holds, in the order the path fixes them, with their Vietnamese names. */
const MEMBERSHIP_DATES: readonly { key: keyof StoredMembership; vi: string; rule: string }[] = [
  { key: 'admissionDecisionOn', vi: 'tuổi đảng (ngày quyết định kết nạp)', rule: 'party age counts from the admission decision (QĐ294 §4.5)' },
  { key: 'probationStartOn', vi: 'ngày bắt đầu dự bị (ngày lễ kết nạp)', rule: 'probation starts on the ceremony date (CH Art. 5(1))' },
  { key: 'probationEndOn', vi: 'ngày hết dự bị', rule: 'probation ends 12 months after the ceremony (CH Art. 5(1))' },
  { key: 'fullMemberSince', vi: 'ngày công nhận đảng viên chính thức (ngày hết dự bị)', rule: 'full membership dates from the end of probation (QĐ294 §4.2.2)' },
];

/** The step that fixed each membership date: the admitting decision, the ceremony, the recognition. */
function fixingStep(h: History, key: keyof StoredMembership): Step | undefined {
  switch (key) {
    case 'admissionDecisionOn':
      return h.steps.find((s) => s.after.decision !== null && s.before.decision === null);
    case 'probationStartOn':
    case 'probationEndOn':
      return stepsOf(h, 'CEREMONY_HELD')[0];
    case 'fullMemberSince':
      return h.steps.find((s) => s.after.fullMemberSince !== null && s.before.fullMemberSince === null);
  }
}

/**
 * A17 — the stored membership dates disagree with what the history implies (CH Art. 5; QĐ294 §4.2.2, §4.5): party
 * age ≠ the admission decision date, probation start ≠ the ceremony date, probation end ≠ 12 months after it, full
 * membership ≠ the end of probation. The history's dates are those the engine's fact reducer derives on replay; the
 * stored ones are the case's membership projection (`AuditCase.membership`), written when each step was recorded.
 */
export const A17: CheckDefinition = {
  id: 'A17',
  title: {
    vi: 'Ngày bắt đầu dự bị, ngày công nhận chính thức hoặc tuổi đảng ghi không đúng',
    en: 'Probation start, full-membership date or party age recorded wrongly',
  },
  source: A17_SOURCE,
  severity: 'major',
  evaluate: (h, c) => {
    if (!c.membership) return notApplicable('the stored membership dates are not available', 'Không có dữ liệu ngày đảng viên đã lưu để đối chiếu.');
    const implied: StoredMembership = {
      admissionDecisionOn: h.facts.decision?.decidedOn ?? null,
      probationStartOn: h.facts.probationStartOn,
      probationEndOn: h.facts.probationEndOn,
      fullMemberSince: h.facts.fullMemberSince,
    };
    if (implied.admissionDecisionOn === null && c.membership.admissionDecisionOn === null) return notApplicable('no admission decision yet', 'Chưa có quyết định kết nạp.');
    const ruleSet = ruleSetFor(implied.admissionDecisionOn ?? c.membership.admissionDecisionOn!).id;
    for (const d of MEMBERSHIP_DATES) {
      const stored = c.membership[d.key];
      const expected = implied[d.key];
      if (stored === expected) continue;
      const step = fixingStep(h, d.key);
      const show = (v: BusinessDate | null) => (v ? viDate(v) : 'chưa có');
      return fail(step?.on ?? null, step?.seq ?? null, {
        field: d.key,
        stored,
        expected,
        rule: d.rule,
        ruleSet,
        messageVi: `Hồ sơ ghi ${d.vi} là ${show(stored)}, nhưng theo các bước đã ghi nhận phải là ${show(expected)} (căn cứ ${viArticle(A17_SOURCE)}).`,
      });
    }
    return pass({ ...implied, ruleSet, messageVi: 'Các ngày tuổi đảng, bắt đầu và kết thúc dự bị, công nhận chính thức khớp với các bước đã ghi nhận.' });
  },
};

/** The card's "next regular cell meeting" after its decision: within the months of the rule set in force on it (ADR 0016). */
function cardOutcome(card: Step, cardDecidedOn: BusinessDate): CheckOutcome {
  const rs = ruleSetFor(cardDecidedOn);
  const by = addMonths(cardDecidedOn, rs.nextCellMeetingMonths);
  const evidence = { what: 'handover of the party card', cardDecidedOn, by, handedOverOn: card.on, seq: card.seq, ruleSet: rs.id };
  const when = `quyết định phát thẻ ngày ${viDate(cardDecidedOn)}, hạn trao thẻ tại kỳ sinh hoạt chi bộ gần nhất là ngày ${viDate(by)} (chi bộ họp hằng tháng; căn cứ ${viArticle('QĐ294 §6.1.1')})`;
  if (card.on <= by) return pass({ ...evidence, messageVi: `Trao thẻ đảng viên ngày ${viDate(card.on)}; ${when}: đúng hạn.` });
  return fail(addDays(by, 1), card.seq, { ...evidence, messageVi: `Trao thẻ đảng viên ngày ${viDate(card.on)}, quá hạn; ${when}.` });
}

/**
 * A24 — the recognition decision not announced, or the party card not handed over, at the next regular cell meeting
 * (HD06 §4.5b; QĐ294 §6.1.1; D15). Cells meet monthly (CH Art. 24): the next regular meeting is read as within
 * `nextCellMeetingMonths` (one) calendar month. The announcement is DEADLINE_TABLE's RECOGNITION_ANNOUNCEMENT, opened
 * by the step that made the probationer a full member and met by RECOGNITION_ANNOUNCED; a case still within the
 * month is not applicable, never failed. The card counts from its card decision (MEMBER_CARD_HANDED_OVER's
 * `cardDecidedOn`); a handover without it cannot be judged (ADR 0016).
 */
export const A24: CheckDefinition = {
  id: 'A24',
  title: {
    vi: 'Không công bố quyết định công nhận đảng viên chính thức hoặc không trao thẻ đảng viên tại kỳ sinh hoạt chi bộ gần nhất',
    en: 'Recognition decision not announced, or party card not handed over, at the next regular cell meeting',
  },
  titleFor: (rs) => ({
    vi: `Không công bố quyết định công nhận đảng viên chính thức hoặc không trao thẻ đảng viên tại kỳ sinh hoạt chi bộ gần nhất (trong ${rs.nextCellMeetingMonths} tháng)`,
    en: `Recognition decision not announced, or party card not handed over, at the next regular cell meeting (within ${rs.nextCellMeetingMonths} month)`,
  }),
  source: 'HD06 §4.5b; QĐ294 §6.1.1; CH Art. 24',
  severity: 'minor',
  evaluate: (h, _c: AuditCase, ctx) => {
    const trace = tracesOf(h.deadlines, 'RECOGNITION_ANNOUNCEMENT')[0];
    if (!trace) return notApplicable('no recognition decision yet', 'Chưa có quyết định công nhận đảng viên chính thức.');
    const announcement = deadlineOutcome(ctx, trace);
    if (announcement.status === 'fail') return announcement;
    for (const card of stepsOf(h, 'MEMBER_CARD_HANDED_OVER')) {
      const cardDecidedOn = (card.event as { cardDecidedOn?: BusinessDate }).cardDecidedOn;
      if (!cardDecidedOn) continue;
      const handover = cardOutcome(card, cardDecidedOn);
      if (handover.status === 'fail') return handover;
    }
    return announcement;
  },
};
