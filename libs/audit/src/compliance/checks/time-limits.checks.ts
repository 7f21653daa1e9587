import { BusinessDate, ruleSetFor } from '@charterflow/procedure';
import { grassrootsDecides, votePassed } from '@charterflow/procedure';
import { History, Step, stepsOf } from '../history';
import { AuditContext, CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { notApplicable, pass, timeLimit } from './outcome';

/** The date the case left the path (not admitted, withdrawn, removed), or null. */
function exitOn(h: History): BusinessDate | null {
  const exit = h.steps.find((s) => ['notAdmitted', 'withdrawn', 'removed'].includes(s.toState));
  return exit ? exit.on : null;
}

/** The DEADLINE_EXTENDED of `kind` recorded after the base step `after` and not after `until` (the step meeting the limit). */
function extension(h: History, kind: string, after: Step, until: BusinessDate | null): Step | undefined {
  return h.steps.find(
    (s) =>
      s.type === 'DEADLINE_EXTENDED' &&
      s.seq > after.seq &&
      (s.event as { deadlineKind?: string }).deadlineKind === kind &&
      (until === null || s.on <= until),
  );
}

/** A limit of `workingDays` (+ `extensionDays` once, when extended) from `base` under the rules in force on `base`. */
function decisionLimit(ctx: AuditContext, base: BusinessDate, workingDays: number, ext: { days: number; granted: boolean }, source: string) {
  const plain = ctx.calendar.addWorkingDays(base, workingDays);
  const limit = ext.granted ? ctx.calendar.addWorkingDays(plain, ext.days) : plain;
  return { base, limit, workingDays, extendedBy: ext.granted ? ext.days : 0, source };
}

/**
 * A15 — the admission decision later than 45 working days after the cell resolution (60 under the texts in force on
 * the resolution's date before 1 July 2025), beyond the one extension (QĐ294 §4.3.1). The decision is ADMISSION_DECIDED,
 * or the deciding vote of an authorised grassroots committee. "Without notification to the cell" is not recorded.
 */
export const A15: CheckDefinition = {
  id: 'A15',
  title: { vi: 'Cấp có thẩm quyền quyết định kết nạp quá thời hạn (45 ngày làm việc, gia hạn 15 ngày)', en: 'Admission decision later than the limit (45 working days, +15 once)' },
  source: 'QĐ294 §4.3.1 (QĐ232 §4.3.1: 60 days)',
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const cellVote = stepsOf(h, 'CELL_VOTE_RECORDED').find((s) => votePassed(s.event));
    if (!cellVote) return notApplicable('no cell resolution to admit yet');
    const rs = ruleSetFor(cellVote.on);
    const decision = h.steps.find(
      (s) => s.seq > cellVote.seq && (s.type === 'ADMISSION_DECIDED' || (s.type === 'GRASSROOTS_VOTE_RECORDED' && grassrootsDecides(s.env))),
    );
    const ext = extension(h, 'ADMISSION_DECISION', cellVote, decision?.on ?? null);
    const limit = decisionLimit(ctx, cellVote.on, rs.admissionDecision.workingDays, { days: rs.admissionDecision.extension, granted: !!ext }, rs.admissionDecision.source);
    return timeLimit(ctx, limit, decision, exitBefore(h, decision));
  },
};

/** A16 — the ceremony later than 30 working days after the decision was received, without the superior's consent (QĐ294 §4.1). */
export const A16: CheckDefinition = {
  id: 'A16',
  title: { vi: 'Tổ chức lễ kết nạp quá 30 ngày làm việc mà không được cấp trên đồng ý', en: 'Ceremony later than 30 working days without the superior’s consent' },
  source: 'QĐ294 §4.1; HD06 §3.8',
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const decided = h.steps.find((s) => s.toState === 'awaitingCeremony' && s.fromState !== 'awaitingCeremony');
    if (!decided) return notApplicable('no admission decision yet');
    const base = decided.type === 'ADMISSION_DECIDED' ? ((decided.event as { receivedOn?: BusinessDate }).receivedOn ?? decided.on) : decided.on;
    const days = ruleSetFor(decided.on).ceremonyWorkingDays;
    const ceremony = stepsOf(h, 'CEREMONY_HELD')[0];
    const consent = h.steps.find((s) => s.type === 'CONSENT_RECORDED' && (s.event as { kind?: string }).kind === 'late_ceremony' && s.seq > decided.seq);
    const limit = { base, limit: ctx.calendar.addWorkingDays(base, days), workingDays: days, extendedBy: 0, source: 'QĐ294 §4.1' };
    return timeLimit(ctx, limit, ceremony, exitBefore(h, ceremony), consent);
  },
};

/**
 * A18 — the cell's recognition vote before the 12 months of probation ended, or later than 30 working days after
 * (QĐ294 §4.2.1; HD06 §4.2). Only a `recognise` motion can be early: removal may be proposed at any time during
 * probation. The limit is met by the cell's first vote (either motion) on or after the end of probation; as in the
 * engine's deadline table (RECOGNITION_CELL_REVIEW), no limit runs when a removal motion adopted during probation
 * was still before the committees when probation ended.
 */
export const A18: CheckDefinition = {
  id: 'A18',
  title: { vi: 'Chi bộ xét công nhận đảng viên chính thức trước khi hết 12 tháng dự bị hoặc quá 30 ngày làm việc', en: 'Cell recognition vote before probation ended, or later than 30 working days after' },
  source: 'QĐ294 §4.2.1; HD06 §4.2',
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
    const vote = votes.find((s) => s.on >= end);
    const days = ruleSetFor(end).recognitionCellReviewWorkingDays;
    const limit = { base: end, limit: ctx.calendar.addWorkingDays(end, days), workingDays: days, extendedBy: 0, source: 'QĐ294 §4.2.1' };
    return timeLimit(ctx, limit, vote, exitBefore(h, vote));
  },
};

/** A passed deciding step on a recognition or removal motion: the competent committee, or an authorised grassroots committee. */
const decidesMotion = (s: Step): boolean =>
  votePassed(s.event) && (s.type === 'RECOGNITION_DECIDED' || (s.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' && grassrootsDecides(s.env)));

/**
 * A20 — the recognition (or removal) decision later than 30 working days (+15 once; +30 under the older texts)
 * after the cell's resolution (QĐ294 §4.3.1). Mirrors the engine's RECOGNITION_DECISION limit: it runs from the
 * latest cell resolution adopted before the decision and is met only by a decision that passed (a refusal by the
 * standing committee leaves the motion before it); it stops running when the motion ended below (a removal motion
 * rejected by the grassroots committee during probation).
 */
export const A20: CheckDefinition = {
  id: 'A20',
  title: { vi: 'Cấp có thẩm quyền quyết định công nhận đảng viên chính thức quá thời hạn (30 ngày làm việc, gia hạn 15 ngày)', en: 'Recognition decision later than the limit (30 working days, +15 once)' },
  source: 'QĐ294 §4.3.1',
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const resolutions = stepsOf(h, 'RECOGNITION_CELL_VOTE_RECORDED').filter((s) => votePassed(s.event));
    if (resolutions.length === 0) return notApplicable('no cell resolution on recognition yet');
    const decision = h.steps.find((s) => s.seq > resolutions[0].seq && decidesMotion(s));
    const cellVote = [...resolutions].reverse().find((s) => !decision || s.seq < decision.seq)!;
    const lastState = h.steps[h.steps.length - 1].toState;
    if (!decision && h.facts.pendingMotion === null && lastState !== 'escalated') {
      return notApplicable('the motion ended before the committees without a decision being due');
    }
    const rs = ruleSetFor(cellVote.on);
    const ext = extension(h, 'RECOGNITION_DECISION', cellVote, decision?.on ?? null);
    const limit = decisionLimit(ctx, cellVote.on, rs.recognitionDecision.workingDays, { days: rs.recognitionDecision.extension, granted: !!ext }, rs.recognitionDecision.source);
    return timeLimit(ctx, limit, decision, exitBefore(h, decision));
  },
};

/** The exit date when the case left the path without the step being met. */
function exitBefore(h: History, met: Step | undefined): BusinessDate | null {
  return met ? null : exitOn(h);
}


/** States in which a verification reply is still awaited (the engine's VERIFICATION_REPLY limit is open only there). */
const DOSSIER_STATES = ['dossier', 'cellReview'];

/** One request's reply limit, as the engine's VERIFICATION_REPLY deadline counts it. */
function verificationReply(h: History, ctx: AuditContext, request: Step): CheckOutcome {
  const { requestId, scope } = request.event as { requestId: string; scope: 'domestic' | 'abroad' };
  const days = ruleSetFor(request.on).verificationReplyWorkingDays[scope === 'abroad' ? 'abroad' : 'domestic'];
  const reply = h.steps.find((s) => s.seq > request.seq && s.type === 'VERIFICATION_REPLIED' && (s.event as { requestId?: string }).requestId === requestId);
  const left = reply ? null : (h.steps.find((s) => s.seq > request.seq && !DOSSIER_STATES.includes(s.toState))?.on ?? null);
  const limit = { base: request.on, limit: ctx.calendar.addWorkingDays(request.on, days), workingDays: days, extendedBy: 0, source: 'HD06 §3.4d' };
  const outcome = timeLimit(ctx, limit, reply, left);
  return { ...outcome, evidence: { requestId, scope, requestSeq: request.seq, ...outcome.evidence } };
}

/**
 * A23 — a verification reply later than 30 working days (domestic) or 90 (abroad) (HD06 §3.4d). Counted, as the
 * engine's VERIFICATION_REPLY limit, from the date of the request (the day the verifying committee received it is not
 * recorded) with the numbers in force on that date; a request still unanswered fails from the day after its limit,
 * unless the case left the dossier stage on or before it. The first late request decides a fail.
 */
export const A23: CheckDefinition = {
  id: 'A23',
  title: { vi: 'Trả lời thẩm tra lý lịch quá 30 ngày làm việc (trong nước) hoặc 90 ngày làm việc (ngoài nước)', en: 'Verification reply later than 30 working days (domestic) or 90 (abroad)' },
  source: 'HD06 §3.4d',
  // Minor: the delay is the verifying committee's, and the texts attach no sanction to it.
  severity: 'minor',
  evaluate: (h, _c, ctx) => {
    const requests = stepsOf(h, 'VERIFICATION_REQUESTED');
    if (requests.length === 0) return notApplicable('no verification requested');
    const outcomes = requests.map((r) => verificationReply(h, ctx, r));
    const late = outcomes.find((o) => o.status === 'fail');
    if (late) return late;
    const evidence = { requests: outcomes.map((o) => ({ status: o.status, ...o.evidence })) };
    return outcomes.some((o) => o.status === 'pass') ? pass(evidence) : { status: 'not_applicable', evidence };
  },
};
