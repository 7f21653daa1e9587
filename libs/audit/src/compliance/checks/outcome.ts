import { addDays, BusinessDate, DEADLINE_KIND_LABELS, DeadlineTrace, deadlineLimitText, ruleSetById } from '@charterflow/procedure';
import { ruleFinding, Step } from '../history';
import { AuditContext, CheckOutcome } from '../model';
import { viArticle, viDate } from '../vi-text';

/** Not applicable: `reason` for developers, `messageVi` (when given) for the clerk. */
export const notApplicable = (reason: string, messageVi?: string): CheckOutcome => ({
  status: 'not_applicable',
  evidence: { reason, ...(messageVi ? { messageVi } : {}) },
});
export const pass = (evidence: Record<string, unknown>): CheckOutcome => ({ status: 'pass', evidence });
export const fail = (detectedOn: BusinessDate | null, eventSeq: number | null, evidence: Record<string, unknown>): CheckOutcome => ({
  status: 'fail',
  detectedOn,
  eventSeq,
  evidence,
});

/**
 * The engine's own rules evaluated at each of `steps`: the first step breaking one of them fails the check (dated
 * on that step); none of `steps` → not applicable; otherwise pass.
 */
export function rulesAtSteps(steps: Step[], ruleIds: string[], notYet: string): CheckOutcome {
  if (steps.length === 0) return notApplicable(notYet);
  for (const step of steps) {
    for (const id of ruleIds) {
      const finding = ruleFinding(id, step);
      if (finding) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...finding });
    }
  }
  return pass({ checkedAt: steps.map((s) => ({ seq: s.seq, event: s.type, occurredOn: s.on })), rules: ruleIds });
}

/**
 * Each step with the rules that apply to it, in the order of the history: the first step breaking one of its rules
 * fails the check (dated on that step). Otherwise pass, or not applicable (`notYet`) when `judged` is false (the
 * step the check is about has not been recorded yet).
 */
export function rulesInOrder(plan: { steps: Step[]; rules: string[] }[], judged: boolean, notYet: string, notYetVi: string): CheckOutcome {
  const all = plan.flatMap((p) => p.steps.map((step) => ({ step, rules: p.rules }))).sort((a, b) => a.step.seq - b.step.seq);
  for (const { step, rules } of all) {
    for (const id of rules) {
      const finding = ruleFinding(id, step);
      if (finding) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...finding });
    }
  }
  if (!judged) return notApplicable(notYet, notYetVi);
  return pass({ checkedAt: all.map(({ step }) => ({ seq: step.seq, event: step.type, occurredOn: step.on })), rules: [...new Set(plan.flatMap((p) => p.rules))] });
}

/** The sentence a clerk reads about one time limit: what it is, under which text, from when, until when, and what happened. */
function deadlineMessageVi(trace: DeadlineTrace, ctx: AuditContext, outcome: 'met' | 'late' | 'excused' | 'pending_late' | 'running' | 'left', excused?: Step): string {
  const label = DEADLINE_KIND_LABELS[trace.kind].vi;
  const rs = ruleSetById(trace.ruleSet);
  const limit = `${label}: ${deadlineLimitText(trace.kind, rs, 'vi')} theo ${viArticle(trace.source)}, tính từ ngày ${viDate(trace.baseOn)}, hạn cuối ngày ${viDate(trace.dueOn)}${
    trace.extendedBy > 0 ? ` (đã gia hạn ${trace.extendedBy} ngày làm việc)` : ''
  }`;
  const late = (to: BusinessDate) => ctx.calendar.workingDaysBetween(trace.dueOn, to);
  switch (outcome) {
    case 'met':
      return `${limit}; đã thực hiện ngày ${viDate(trace.closedOn!)}, trong thời hạn.`;
    case 'late':
      return `${limit}; thực hiện ngày ${viDate(trace.closedOn!)}, chậm ${late(trace.closedOn!)} ngày làm việc.`;
    case 'excused':
      return `${limit}; quá hạn nhưng có văn bản đồng ý của cấp ủy cấp trên ngày ${viDate(excused!.on)}.`;
    case 'pending_late':
      return `${limit}; đến ngày ${viDate(ctx.today)} vẫn chưa thực hiện, đã quá hạn ${late(ctx.today)} ngày làm việc.`;
    case 'running':
      return `${limit}; chưa đến hạn.`;
    case 'left':
      return `${limit}; hồ sơ đã dừng ngày ${viDate(trace.closedOn!)}, trước khi đến hạn.`;
  }
}

/**
 * A time limit as the engine's DEADLINE_TABLE traced it (`traceDeadlines`): the due day (with the extension) is the
 * last allowed day. Met on or before it passes; closed after it fails (dated the day after the due day); not closed
 * yet fails once `today` is past the due day; cancelled (the case left the states in which the limit runs) on or
 * before the due day is not applicable, cancelled after it counts as not met. Otherwise it is still running (not
 * applicable). `excused` (e.g. the superior's consent to a late ceremony) turns a late or pending fail into a pass.
 */
export function deadlineOutcome(ctx: AuditContext, trace: DeadlineTrace, excused?: Step): CheckOutcome {
  const message = (o: Parameters<typeof deadlineMessageVi>[2]) => ({ messageVi: deadlineMessageVi(trace, ctx, o, excused) });
  const evidence = {
    baseOn: trace.baseOn,
    limit: trace.dueOn,
    workingDays: trace.length.amount,
    extendedBy: trace.extendedBy,
    limitSource: trace.source,
    ruleSet: trace.ruleSet,
    limitText: deadlineLimitText(trace.kind, ruleSetById(trace.ruleSet), 'en'),
  };
  const dayAfter = addDays(trace.dueOn, 1);
  const excusedBy = excused ? { excusedBy: { seq: excused.seq, event: excused.type, occurredOn: excused.on } } : {};
  if (trace.status === 'met' || trace.status === 'missed') {
    const metOn = trace.closedOn!;
    const met = { metOn, seq: trace.closedBySeq };
    if (metOn <= trace.dueOn) return pass({ ...evidence, ...met, ...message('met') });
    if (excused && excused.on <= metOn) return pass({ ...evidence, ...met, ...excusedBy, ...message('excused') });
    return fail(dayAfter, trace.closedBySeq, { ...evidence, metOn, workingDaysLate: ctx.calendar.workingDaysBetween(trace.dueOn, metOn), ...message('late') });
  }
  if (trace.status === 'cancelled' && trace.closedOn! <= trace.dueOn) {
    return { status: 'not_applicable', evidence: { reason: `the case left the path on ${trace.closedOn}, within the limit`, ruleSet: trace.ruleSet, ...message('left') } };
  }
  if (ctx.today > trace.dueOn) {
    if (excused) return pass({ ...evidence, pendingAsOf: ctx.today, ...excusedBy, ...message('excused') });
    return fail(dayAfter, null, { ...evidence, pendingAsOf: ctx.today, workingDaysLate: ctx.calendar.workingDaysBetween(trace.dueOn, ctx.today), ...message('pending_late') });
  }
  return { status: 'not_applicable', evidence: { reason: `the limit ${trace.dueOn} (${evidence.limitText}) has not passed yet`, ruleSet: trace.ruleSet, ...message('running') } };
}
