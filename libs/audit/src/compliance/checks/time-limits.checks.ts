import {
  closeTrace,
  DeadlineKind,
  DeadlineTrace,
  deadlineDefinition,
  deadlineLimitsText,
  deadlineLimitText,
  projectedDeadline,
  RULE_SETS,
  RuleSet,
  ruleSetFor,
  tracesOf,
} from '@charterflow/procedure';
import { History, ruleFinding, Step, stepsOf } from '../history';
import { AuditContext, CheckOutcome } from '../model';
import { viArticle, viDate } from '../vi-text';
import { CheckDefinition } from './definition';
import { deadlineOutcome, fail, notApplicable, pass } from './outcome';

/*
 * The time-limit checks judge the limits the engine's DEADLINE_TABLE traces through the recorded history
 * (`History.deadlines`, from `traceDeadlines`): when a limit opens, its length under the rule set in force on the
 * triggering event's date, its extension, the step that closes it. No number of days is written here; the titles
 * name the limits as the table and the rule sets state them (ADR 0010, "Time limits from one table").
 */

/** The limit of `kind` in words, newest rule set first (e.g. `QĐ294 §4.3.1: 45 working days, +15 once; QĐ232 …`). */
const limits = (kind: DeadlineKind) => ({ vi: deadlineLimitsText(kind, 'vi'), en: deadlineLimitsText(kind, 'en') });
/** The limit of `kind` in words under one rule set: the numbers that judged a case (`45 ngày làm việc, gia hạn 15 ngày`). */
const limitOf = (kind: DeadlineKind, rs: RuleSet) => ({ vi: deadlineLimitText(kind, rs, 'vi'), en: deadlineLimitText(kind, rs, 'en') });

/** The sources of a kind's limit under every rule set, newest first, without repeats. */
function sources(kind: DeadlineKind, ...more: string[]): string {
  const def = deadlineDefinition(kind)!;
  const all = [...RULE_SETS].reverse().map((rs) => def.source(rs));
  return [...new Set([...all, ...more])].join('; ');
}

/** The first limit of `kind` the history opened (a limit re-opened later gets a `#n` key and is not judged). */
const firstTrace = (h: History, kind: DeadlineKind): DeadlineTrace | undefined => tracesOf(h.deadlines, kind)[0];

/**
 * The notification of a competent decision to the cell: ADMISSION_DECIDED's `receivedOn` (the day the cell received
 * the result, admitted or not; ADR 0016). A decision without it, or received before it was made, was not notified.
 */
function notNotified(h: History): CheckOutcome | null {
  for (const step of stepsOf(h, 'ADMISSION_DECIDED')) {
    const receivedOn = (step.event as { receivedOn?: string }).receivedOn;
    if (receivedOn && receivedOn >= step.on) continue;
    return fail(step.on, step.seq, {
      event: step.type,
      occurredOn: step.on,
      receivedOn: receivedOn ?? null,
      ruleSet: ruleSetFor(step.on).id,
      reason: receivedOn ? 'received before the decision was made' : 'the notification to the cell is not recorded',
      messageVi: receivedOn
        ? `Quyết định ký ngày ${viDate(step.on)} nhưng ghi chi bộ nhận ngày ${viDate(receivedOn)}, trước ngày ký: việc thông báo cho chi bộ không hợp lệ (căn cứ ${viArticle('QĐ294 §4.3.1')}).`
        : `Quyết định ký ngày ${viDate(step.on)} không có ngày chi bộ nhận quyết định: chưa thông báo kết quả cho chi bộ (căn cứ ${viArticle('QĐ294 §4.3.1')}).`,
    });
  }
  return null;
}

/**
 * A15 — the admission decision later than the limit after the cell resolution (DEADLINE_TABLE's ADMISSION_DECISION,
 * with the numbers and the one extension of the rule set in force on the resolution's date), counted from the first
 * cell resolution to admit, or a decision not notified to the cell. The decision is ADMISSION_DECIDED, or the
 * deciding vote of an authorised grassroots committee (its own vote: the cell is its own notification). The
 * notification is the decision's `receivedOn`, recorded for a refusal as for an admission (ADR 0016).
 */
export const A15: CheckDefinition = {
  id: 'A15',
  title: {
    vi: `Cấp có thẩm quyền quyết định kết nạp quá thời hạn (${limits('ADMISSION_DECISION').vi}) hoặc không thông báo cho chi bộ`,
    en: `Admission decision later than the limit (${limits('ADMISSION_DECISION').en}), or not notified to the cell`,
  },
  titleFor: (rs) => ({
    vi: `Cấp có thẩm quyền quyết định kết nạp quá ${limitOf('ADMISSION_DECISION', rs).vi} hoặc không thông báo cho chi bộ`,
    en: `Admission decision later than ${limitOf('ADMISSION_DECISION', rs).en}, or not notified to the cell`,
  }),
  source: sources('ADMISSION_DECISION'),
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const trace = firstTrace(h, 'ADMISSION_DECISION');
    if (!trace) return notApplicable('no cell resolution to admit yet', 'Chi bộ chưa có nghị quyết đề nghị kết nạp.');
    const outcome = deadlineOutcome(ctx, trace);
    if (outcome.status === 'fail') return outcome;
    return notNotified(h) ?? outcome;
  },
};

/**
 * A16 — the ceremony later than the limit after the decision was received, without the superior's consent recorded
 * before it (QĐ294 §4.1), or several people admitted together (HD06 §3.8: the engine's CEREMONY_NOT_INDIVIDUAL on
 * `individually`).
 */
export const A16: CheckDefinition = {
  id: 'A16',
  title: {
    vi: `Tổ chức lễ kết nạp quá ${limits('CEREMONY').vi} mà không được cấp trên đồng ý, hoặc không kết nạp riêng từng người`,
    en: `Ceremony later than ${limits('CEREMONY').en} without the superior’s consent, or not admitting each person individually`,
  },
  titleFor: (rs) => ({
    vi: `Tổ chức lễ kết nạp quá ${limitOf('CEREMONY', rs).vi} mà không được cấp trên đồng ý, hoặc không kết nạp riêng từng người`,
    en: `Ceremony later than ${limitOf('CEREMONY', rs).en} without the superior’s consent, or not admitting each person individually`,
  }),
  source: sources('CEREMONY', 'HD06 §3.8'),
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const trace = firstTrace(h, 'CEREMONY');
    if (!trace) return notApplicable('no admission decision yet', 'Chưa có quyết định kết nạp.');
    // As the engine decides (CEREMONY_LATE_WITHOUT_CONSENT reads the consents recorded before the ceremony): a consent
    // recorded after the step that closed the limit does not excuse it, even on the same day (ADR 0017).
    const consent = h.steps.find(
      (s) =>
        s.type === 'CONSENT_RECORDED' &&
        (s.event as { kind?: string }).kind === 'late_ceremony' &&
        s.seq > trace.openedBySeq &&
        (trace.closedBySeq === null || s.seq < trace.closedBySeq),
    );
    const outcome = deadlineOutcome(ctx, trace, consent);
    if (outcome.status === 'fail') return outcome;
    for (const step of stepsOf(h, 'CEREMONY_HELD')) {
      const finding = ruleFinding('CEREMONY_NOT_INDIVIDUAL', step);
      if (finding) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ruleSet: trace.ruleSet, ...finding });
    }
    return outcome;
  },
};

/**
 * A18 — the cell's recognition vote before probation ended, or later than the limit after (DEADLINE_TABLE's
 * RECOGNITION_CELL_REVIEW; QĐ294 §4.2.1; HD06 §4.2). Only a `recognise` motion can be early: removal may be proposed
 * at any time during probation. The limit opens when probation ends and is met by the cell's first vote (either
 * motion); as the table says, no limit runs when a removal motion adopted during probation was still before the
 * committees when probation ended.
 */
export const A18: CheckDefinition = {
  id: 'A18',
  title: {
    vi: `Chi bộ xét công nhận đảng viên chính thức trước khi hết ${limits('PROBATION_END').vi} dự bị hoặc quá ${limits('RECOGNITION_CELL_REVIEW').vi}`,
    en: `Cell recognition vote before probation (${limits('PROBATION_END').en}) ended, or later than ${limits('RECOGNITION_CELL_REVIEW').en} after`,
  },
  titleFor: (rs) => ({
    vi: `Chi bộ xét công nhận đảng viên chính thức trước khi hết ${limitOf('PROBATION_END', rs).vi} dự bị hoặc quá ${limitOf('RECOGNITION_CELL_REVIEW', rs).vi}`,
    en: `Cell recognition vote before probation (${limitOf('PROBATION_END', rs).en}) ended, or later than ${limitOf('RECOGNITION_CELL_REVIEW', rs).en} after`,
  }),
  source: sources('RECOGNITION_CELL_REVIEW', 'HD06 §4.2'),
  severity: 'major',
  evaluate: (h, _c, ctx): CheckOutcome => {
    const ceremony = h.steps.find((s) => s.type === 'CEREMONY_HELD');
    const end = ceremony?.after.probationEndOn ?? null;
    if (!ceremony || !end) return notApplicable('no ceremony yet', 'Chưa tổ chức lễ kết nạp.');
    const votes = stepsOf(h, 'RECOGNITION_CELL_VOTE_RECORDED');
    const early = votes.find((s) => (s.event as { motion?: string }).motion === 'recognise' && s.on < end);
    if (early) {
      return {
        status: 'fail',
        detectedOn: early.on,
        eventSeq: early.seq,
        evidence: {
          probationEndOn: end,
          votedOn: early.on,
          reason: 'before the end of probation',
          ruleSet: ruleSetFor(ceremony.on).id,
          messageVi: `Chi bộ xét công nhận đảng viên chính thức ngày ${viDate(early.on)}, trước khi hết thời gian dự bị ngày ${viDate(end)} (căn cứ ${viArticle('QĐ294 §4.2.1')}).`,
        },
      };
    }
    const ended = stepsOf(h, 'PROBATION_ENDED')[0];
    if (ended && ended.after.pendingMotion !== null) return notApplicable(`a ${ended.after.pendingMotion} motion was before the committees when probation ended`);
    const trace = firstTrace(h, 'RECOGNITION_CELL_REVIEW');
    if (trace) return deadlineOutcome(ctx, trace);
    if (ended) return notApplicable('no recognition review was due when probation ended');
    // PROBATION_ENDED not recorded (yet): the limit the table opens on the end of probation, met by the first vote
    // on or after it, stopped by an exit from the path.
    const projected = projectedDeadline('RECOGNITION_CELL_REVIEW', end, ctx.calendar, h.steps.find((s) => s.type === 'CEREMONY_HELD')!.seq);
    const vote = votes.find((s) => s.on >= end);
    if (vote) return deadlineOutcome(ctx, closeTrace(projected, vote.on, vote.seq, ctx.calendar));
    const exit = h.steps.find((s) => ['notAdmitted', 'withdrawn', 'removed'].includes(s.toState));
    return deadlineOutcome(ctx, exit ? closeTrace(projected, exit.on, exit.seq, ctx.calendar, true) : projected);
  },
};

/**
 * A20 — the recognition (or removal) decision later than the limit after the cell's resolution (DEADLINE_TABLE's
 * RECOGNITION_DECISION; QĐ294 §4.3.1). As the table traces it: the limit runs from each cell resolution adopted and
 * is met only by a decision that passed (a refusal by the standing committee leaves the motion before it); it stops
 * running when the motion ended below (a removal motion rejected by the grassroots committee during probation). The
 * first decision is judged against the latest resolution it closed.
 */
export const A20: CheckDefinition = {
  id: 'A20',
  title: {
    vi: `Cấp có thẩm quyền quyết định công nhận đảng viên chính thức quá thời hạn (${limits('RECOGNITION_DECISION').vi})`,
    en: `Recognition decision later than the limit (${limits('RECOGNITION_DECISION').en})`,
  },
  titleFor: (rs) => ({
    vi: `Cấp có thẩm quyền quyết định công nhận đảng viên chính thức quá ${limitOf('RECOGNITION_DECISION', rs).vi}`,
    en: `Recognition decision later than ${limitOf('RECOGNITION_DECISION', rs).en}`,
  }),
  source: sources('RECOGNITION_DECISION'),
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const traces = tracesOf(h.deadlines, 'RECOGNITION_DECISION');
    if (traces.length === 0) return notApplicable('no cell resolution on recognition yet');
    const decided = traces.filter((t) => t.status === 'met' || t.status === 'missed');
    if (decided.length > 0) {
      const first = Math.min(...decided.map((t) => t.closedBySeq!));
      const closedByFirst = decided.filter((t) => t.closedBySeq === first);
      return deadlineOutcome(ctx, closedByFirst[closedByFirst.length - 1]);
    }
    const last = traces[traces.length - 1];
    if (last.status === 'cancelled') return notApplicable('the motion ended before the committees without a decision being due');
    return deadlineOutcome(ctx, last);
  },
};

/** One request's reply limit, as the engine's VERIFICATION_REPLY deadline traces it. */
function verificationReply(h: History, ctx: AuditContext, trace: DeadlineTrace): CheckOutcome {
  const request = h.steps.find((s) => s.seq === trace.openedBySeq) as Step;
  const { requestId, scope, receivedOn } = request.event as { requestId: string; scope: 'domestic' | 'abroad'; receivedOn?: string };
  const outcome = deadlineOutcome(ctx, trace);
  return { ...outcome, evidence: { requestId, scope, requestSeq: request.seq, receivedOn: receivedOn ?? request.on, ...outcome.evidence } };
}

/**
 * A23 — a verification reply later than the limit (DEADLINE_TABLE's VERIFICATION_REPLY: domestic or abroad; HD06
 * §3.4d). Counted, as the engine's traced deadline counts it, from the day the verifying committee received the
 * request (`receivedOn`; the request date when not recorded) with the numbers in force on the request date; a request still unanswered fails from the day after
 * its limit, unless the case left the dossier stage on or before it. The first late request decides a fail.
 */
export const A23: CheckDefinition = {
  id: 'A23',
  title: {
    vi: `Trả lời thẩm tra lý lịch quá ${limits('VERIFICATION_REPLY').vi}`,
    en: `Verification reply later than ${limits('VERIFICATION_REPLY').en}`,
  },
  titleFor: (rs) => ({
    vi: `Trả lời thẩm tra lý lịch quá ${limitOf('VERIFICATION_REPLY', rs).vi}`,
    en: `Verification reply later than ${limitOf('VERIFICATION_REPLY', rs).en}`,
  }),
  source: sources('VERIFICATION_REPLY'),
  // Minor: the delay is the verifying committee's, and the texts attach no sanction to it.
  severity: 'minor',
  evaluate: (h, _c, ctx) => {
    const traces = tracesOf(h.deadlines, 'VERIFICATION_REPLY');
    if (traces.length === 0) return notApplicable('no verification requested');
    const outcomes = traces.map((t) => verificationReply(h, ctx, t));
    const late = outcomes.find((o) => o.status === 'fail');
    if (late) return late;
    const evidence = {
      ruleSet: traces[0].ruleSet,
      requests: outcomes.map((o) => ({ status: o.status, ...o.evidence })),
      messageVi: outcomes.map((o) => o.evidence.messageVi).join(' '),
    };
    return outcomes.some((o) => o.status === 'pass') ? pass(evidence) : { status: 'not_applicable', evidence };
  },
};
