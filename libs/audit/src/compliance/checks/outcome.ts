import { addDays, BusinessDate, DeadlineTrace, deadlineLimitText, ruleSetById } from '@charterflow/procedure';
import { ruleFinding, Step } from '../history';
import { AuditContext, CheckOutcome } from '../model';

export const notApplicable = (reason: string): CheckOutcome => ({ status: 'not_applicable', evidence: { reason } });
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
 * A time limit as the engine's DEADLINE_TABLE traced it (`traceDeadlines`): the due day (with the extension) is the
 * last allowed day. Met on or before it passes; closed after it fails (dated the day after the due day); not closed
 * yet fails once `today` is past the due day; cancelled (the case left the states in which the limit runs) on or
 * before the due day is not applicable, cancelled after it counts as not met. Otherwise it is still running (not
 * applicable). `excused` (e.g. the superior's consent to a late ceremony) turns a late or pending fail into a pass.
 */
export function deadlineOutcome(ctx: AuditContext, trace: DeadlineTrace, excused?: Step): CheckOutcome {
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
    if (metOn <= trace.dueOn) return pass({ ...evidence, ...met });
    if (excused && excused.on <= metOn) return pass({ ...evidence, ...met, ...excusedBy });
    return fail(dayAfter, trace.closedBySeq, { ...evidence, metOn, workingDaysLate: ctx.calendar.workingDaysBetween(trace.dueOn, metOn) });
  }
  if (trace.status === 'cancelled' && trace.closedOn! <= trace.dueOn) return notApplicable(`the case left the path on ${trace.closedOn}, within the limit`);
  if (ctx.today > trace.dueOn) {
    if (excused) return pass({ ...evidence, pendingAsOf: ctx.today, ...excusedBy });
    return fail(dayAfter, null, { ...evidence, pendingAsOf: ctx.today, workingDaysLate: ctx.calendar.workingDaysBetween(trace.dueOn, ctx.today) });
  }
  return notApplicable(`the limit ${trace.dueOn} (${evidence.limitText}) has not passed yet`);
}
