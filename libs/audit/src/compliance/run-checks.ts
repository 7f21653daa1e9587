import { CHECKS } from './catalogue';
import { replayHistory } from './history';
import { AuditCase, AuditContext, CheckResult } from './model';

/** Every check (or those of `only`) over one case. Pure: the same case, date and calendar give the same results. */
export function runChecks(c: AuditCase, ctx: AuditContext, only?: readonly string[]): CheckResult[] {
  const history = replayHistory(c, ctx.calendar);
  return CHECKS.filter((check) => !only || only.includes(check.id)).map((check) => {
    const outcome = check.evaluate(history, c, ctx);
    return {
      check: check.id,
      title: check.title,
      source: check.source,
      severity: check.severity,
      status: outcome.status,
      detectedOn: outcome.detectedOn ?? null,
      eventSeq: outcome.eventSeq ?? null,
      evidence: outcome.evidence,
    };
  });
}
