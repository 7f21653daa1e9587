import { addDays, BusinessDate } from '@charterflow/procedure';
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
 * A time limit: `limit` is the last allowed day. Met on or before it passes; met after it fails (dated the day after
 * the limit); not met yet fails once `today` is past the limit, unless the case left the path (`exitOn`) on or before
 * the limit; otherwise it is still running (not applicable).
 */
export function timeLimit(
  ctx: AuditContext,
  limit: { base: BusinessDate; limit: BusinessDate; workingDays: number; extendedBy: number; source: string },
  met: Step | undefined,
  exitOn: BusinessDate | null,
  excused?: Step,
): CheckOutcome {
  const evidence = { baseOn: limit.base, limit: limit.limit, workingDays: limit.workingDays, extendedBy: limit.extendedBy, limitSource: limit.source };
  const dayAfter = addDays(limit.limit, 1);
  if (met) {
    if (met.on <= limit.limit) return pass({ ...evidence, metOn: met.on, seq: met.seq });
    if (excused && excused.on <= met.on) return pass({ ...evidence, metOn: met.on, seq: met.seq, excusedBy: { seq: excused.seq, event: excused.type, occurredOn: excused.on } });
    return fail(dayAfter, met.seq, { ...evidence, metOn: met.on, workingDaysLate: ctx.calendar.workingDaysBetween(limit.limit, met.on) });
  }
  if (exitOn !== null && exitOn <= limit.limit) return notApplicable(`the case left the path on ${exitOn}, within the limit`);
  if (ctx.today > limit.limit) {
    if (excused) return pass({ ...evidence, pendingAsOf: ctx.today, excusedBy: { seq: excused.seq, event: excused.type, occurredOn: excused.on } });
    return fail(dayAfter, null, { ...evidence, pendingAsOf: ctx.today, workingDaysLate: ctx.calendar.workingDaysBetween(limit.limit, ctx.today) });
  }
  return notApplicable(`the limit ${limit.limit} has not passed yet`);
}
