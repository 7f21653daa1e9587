import { BusinessDate, ruleSetFor } from '@charterflow/procedure';
import { grassrootsDecides, votePassed } from '@charterflow/procedure/machine/facts';
import { History, Step, stepsOf } from '../history';
import { AuditContext, CheckOutcome } from '../model';
import { CheckDefinition } from './definition';
import { notApplicable, timeLimit } from './outcome';

/** The date the case left the path (not admitted, withdrawn, removed), or null. */
function exitOn(h: History): BusinessDate | null {
  const exit = h.steps.find((s) => ['notAdmitted', 'withdrawn', 'removed'].includes(s.toState));
  return exit ? exit.on : null;
}

function extension(h: History, kind: string, until: BusinessDate | null): Step | undefined {
  return h.steps.find((s) => s.type === 'DEADLINE_EXTENDED' && (s.event as { deadlineKind?: string }).deadlineKind === kind && (until === null || s.on <= until));
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
    const ext = extension(h, 'ADMISSION_DECISION', decision?.on ?? null);
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
 * (QĐ294 §4.2.1; HD06 §4.2).
 */
export const A18: CheckDefinition = {
  id: 'A18',
  title: { vi: 'Chi bộ xét công nhận đảng viên chính thức trước khi hết 12 tháng dự bị hoặc quá 30 ngày làm việc', en: 'Cell recognition vote before probation ended, or later than 30 working days after' },
  source: 'QĐ294 §4.2.1; HD06 §4.2',
  severity: 'major',
  evaluate: (h, _c, ctx): CheckOutcome => {
    const end = h.steps.find((s) => s.type === 'CEREMONY_HELD')?.after.probationEndOn ?? null;
    if (!end) return notApplicable('no ceremony yet');
    const vote = stepsOf(h, 'RECOGNITION_CELL_VOTE_RECORDED')[0];
    if (vote && vote.on < end) {
      return { status: 'fail', detectedOn: vote.on, eventSeq: vote.seq, evidence: { probationEndOn: end, votedOn: vote.on, reason: 'before the end of probation' } };
    }
    const days = ruleSetFor(end).recognitionCellReviewWorkingDays;
    const limit = { base: end, limit: ctx.calendar.addWorkingDays(end, days), workingDays: days, extendedBy: 0, source: 'QĐ294 §4.2.1' };
    return timeLimit(ctx, limit, vote, exitBefore(h, vote));
  },
};

/** A20 — the recognition decision later than 30 working days (+15 once) after the cell's resolution (QĐ294 §4.3.1). */
export const A20: CheckDefinition = {
  id: 'A20',
  title: { vi: 'Cấp có thẩm quyền quyết định công nhận đảng viên chính thức quá thời hạn (30 ngày làm việc, gia hạn 15 ngày)', en: 'Recognition decision later than the limit (30 working days, +15 once)' },
  source: 'QĐ294 §4.3.1',
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const cellVote = stepsOf(h, 'RECOGNITION_CELL_VOTE_RECORDED').find((s) => votePassed(s.event));
    if (!cellVote) return notApplicable('no cell resolution on recognition yet');
    const rs = ruleSetFor(cellVote.on);
    const decision = h.steps.find(
      (s) => s.seq > cellVote.seq && (s.type === 'RECOGNITION_DECIDED' || (s.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' && grassrootsDecides(s.env) && votePassed(s.event))),
    );
    const ext = extension(h, 'RECOGNITION_DECISION', decision?.on ?? null);
    const limit = decisionLimit(ctx, cellVote.on, rs.recognitionDecision.workingDays, { days: rs.recognitionDecision.extension, granted: !!ext }, rs.recognitionDecision.source);
    return timeLimit(ctx, limit, decision, exitBefore(h, decision));
  },
};

/** The exit date when the case left the path without the step being met. */
function exitBefore(h: History, met: Step | undefined): BusinessDate | null {
  return met ? null : exitOn(h);
}

