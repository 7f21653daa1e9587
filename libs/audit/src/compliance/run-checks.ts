import { CHECKS, titleOf } from './catalogue';
import { replayHistory } from './history';
import { AuditCase, AuditContext, CheckResult, CheckStatus } from './model';

/** What a clerk reads when a check's outcome carries no sentence of its own. */
const STATUS_VI: Readonly<Record<CheckStatus, string>> = {
  pass: 'Đạt yêu cầu.',
  fail: 'Vi phạm',
  not_applicable: 'Chưa đến bước cần kiểm tra hoặc không áp dụng cho hồ sơ này.',
};

/**
 * Every check (or those of `only`) over one case. Pure: the same case, date and calendar give the same results. A
 * result's title states the numbers of the rule set that judged the case; its evidence carries `messageVi`.
 */
export function runChecks(c: AuditCase, ctx: AuditContext, only?: readonly string[]): CheckResult[] {
  const history = replayHistory(c, ctx.calendar);
  return CHECKS.filter((check) => !only || only.includes(check.id)).map((check) => {
    const outcome = check.evaluate(history, c, ctx);
    const title = titleOf(check, outcome.evidence.ruleSet);
    const messageVi = typeof outcome.evidence.messageVi === 'string' ? outcome.evidence.messageVi : outcome.status === 'fail' ? `${STATUS_VI.fail}: ${title.vi}.` : STATUS_VI[outcome.status];
    return {
      check: check.id,
      title,
      source: check.source,
      severity: check.severity,
      status: outcome.status,
      detectedOn: outcome.detectedOn ?? null,
      eventSeq: outcome.eventSeq ?? null,
      evidence: { ...outcome.evidence, messageVi },
    };
  });
}
