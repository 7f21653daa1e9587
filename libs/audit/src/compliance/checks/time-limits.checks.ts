import { closeTrace, DeadlineKind, DeadlineTrace, deadlineDefinition, deadlineLimitsText, projectedDeadline, RULE_SETS, tracesOf } from '@charterflow/procedure';
import { History, Step, stepsOf } from '../history';
import { AuditContext, CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { deadlineOutcome, notApplicable, pass } from './outcome';

/*
 * The time-limit checks judge the limits the engine's DEADLINE_TABLE traces through the recorded history
 * (`History.deadlines`, from `traceDeadlines`): when a limit opens, its length under the rule set in force on the
 * triggering event's date, its extension, the step that closes it. No number of days is written here; the titles
 * name the limits as the table and the rule sets state them (ADR 0010, "Time limits from one table").
 */

/** The limit of `kind` in words, newest rule set first (e.g. `QĐ294 §4.3.1: 45 working days, +15 once; QĐ232 …`). */
const limits = (kind: DeadlineKind) => ({ vi: deadlineLimitsText(kind, 'vi'), en: deadlineLimitsText(kind, 'en') });

/** The sources of a kind's limit under every rule set, newest first, without repeats. */
function sources(kind: DeadlineKind, ...more: string[]): string {
  const def = deadlineDefinition(kind)!;
  const all = [...RULE_SETS].reverse().map((rs) => def.source(rs));
  return [...new Set([...all, ...more])].join('; ');
}

/** The first limit of `kind` the history opened (a limit re-opened later gets a `#n` key and is not judged). */
const firstTrace = (h: History, kind: DeadlineKind): DeadlineTrace | undefined => tracesOf(h.deadlines, kind)[0];

/**
 * A15 — the admission decision later than the limit after the cell resolution (DEADLINE_TABLE's ADMISSION_DECISION,
 * with the numbers and the one extension of the rule set in force on the resolution's date), counted from the first
 * cell resolution to admit. The decision is ADMISSION_DECIDED, or the deciding vote of an authorised
 * grassroots committee. "Without notification to the cell" is not recorded.
 */
export const A15: CheckDefinition = {
  id: 'A15',
  title: {
    vi: `Cấp có thẩm quyền quyết định kết nạp quá thời hạn (${limits('ADMISSION_DECISION').vi})`,
    en: `Admission decision later than the limit (${limits('ADMISSION_DECISION').en})`,
  },
  source: sources('ADMISSION_DECISION'),
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const trace = firstTrace(h, 'ADMISSION_DECISION');
    if (!trace) return notApplicable('no cell resolution to admit yet');
    return deadlineOutcome(ctx, trace);
  },
};

/**
 * A16 — the ceremony later than the limit after the decision was received, without the superior's consent recorded
 * before it (QĐ294 §4.1).
 */
export const A16: CheckDefinition = {
  id: 'A16',
  title: {
    vi: `Tổ chức lễ kết nạp quá ${limits('CEREMONY').vi} mà không được cấp trên đồng ý`,
    en: `Ceremony later than ${limits('CEREMONY').en} without the superior’s consent`,
  },
  source: sources('CEREMONY', 'HD06 §3.8'),
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const trace = firstTrace(h, 'CEREMONY');
    if (!trace) return notApplicable('no admission decision yet');
    // As the engine decides (CEREMONY_LATE_WITHOUT_CONSENT reads the consents recorded before the ceremony): a consent
    // recorded after the step that closed the limit does not excuse it, even on the same day (ADR 0017).
    const consent = h.steps.find(
      (s) =>
        s.type === 'CONSENT_RECORDED' &&
        (s.event as { kind?: string }).kind === 'late_ceremony' &&
        s.seq > trace.openedBySeq &&
        (trace.closedBySeq === null || s.seq < trace.closedBySeq),
    );
    return deadlineOutcome(ctx, trace, consent);
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
  source: sources('RECOGNITION_CELL_REVIEW', 'HD06 §4.2'),
  severity: 'major',
  evaluate: (h, _c, ctx): CheckOutcome => {
    const end = h.steps.find((s) => s.type === 'CEREMONY_HELD')?.after.probationEndOn ?? null;
    if (!end) return notApplicable('no ceremony yet');
    const votes = stepsOf(h, 'RECOGNITION_CELL_VOTE_RECORDED');
    const early = votes.find((s) => (s.event as { motion?: string }).motion === 'recognise' && s.on < end);
    if (early) {
      return { status: 'fail', detectedOn: early.on, eventSeq: early.seq, evidence: { probationEndOn: end, votedOn: early.on, reason: 'before the end of probation' } };
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
  source: sources('VERIFICATION_REPLY'),
  // Minor: the delay is the verifying committee's, and the texts attach no sanction to it.
  severity: 'minor',
  evaluate: (h, _c, ctx) => {
    const traces = tracesOf(h.deadlines, 'VERIFICATION_REPLY');
    if (traces.length === 0) return notApplicable('no verification requested');
    const outcomes = traces.map((t) => verificationReply(h, ctx, t));
    const late = outcomes.find((o) => o.status === 'fail');
    if (late) return late;
    const evidence = { requests: outcomes.map((o) => ({ status: o.status, ...o.evidence })) };
    return outcomes.some((o) => o.status === 'pass') ? pass(evidence) : { status: 'not_applicable', evidence };
  },
};
