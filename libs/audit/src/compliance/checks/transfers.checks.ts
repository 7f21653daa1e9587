import { deadlineLimitsText, deadlineLimitText, ruleSetFor, tracesOf } from '@charterflow/procedure';
import { stepsOf } from '../history';
import { viArticle, viDate } from '../vi-text';
import { CheckDefinition } from './definition';
import { deadlineOutcome, fail, notApplicable, pass } from './outcome';

/**
 * A25 — transfers (HD06 §3.9b–c; ADR 0024): the origin did not forward the dossier of a candidate transferred while it
 * was with the competent committee within the limit after the transfer decision (DEADLINE_TABLE's
 * TRANSFER_FORWARDING, met by the destination's receipt), or an admission decision issued more than the limit after
 * the transfer decision was kept instead of annulled (D18).
 */
export const A25: CheckDefinition = {
  id: 'A25',
  title: {
    vi: `Chuyển sinh hoạt: không chuyển hồ sơ trong ${deadlineLimitsText('TRANSFER_FORWARDING', 'vi')}, hoặc không hủy quyết định kết nạp ban hành sau quá ${deadlineLimitsText('TRANSFER_DECISION', 'vi')} kể từ quyết định điều động`,
    en: `Transfer: dossier not forwarded within ${deadlineLimitsText('TRANSFER_FORWARDING', 'en')}, or an admission decision issued more than ${deadlineLimitsText('TRANSFER_DECISION', 'en')} after the transfer decision not annulled`,
  },
  source: 'HD06 §3.9',
  severity: 'major',
  evaluate: (h, _c, ctx) => {
    const transfers = stepsOf(h, 'TRANSFERRED');
    if (transfers.length === 0) return notApplicable('no transfer recorded', 'Hồ sơ không có quyết định chuyển sinh hoạt.');
    for (const step of transfers) {
      const decision = step.before.decision;
      if (!decision || step.before.ceremony) continue;
      const rs = ruleSetFor(step.on);
      const limit = ctx.calendar.addWorkingDays(step.on, rs.transfer.decisionWorkingDays);
      if (decision.decidedOn > limit && step.after.decision !== null) {
        return fail(step.on, step.seq, {
          event: step.type,
          transferDecisionOn: step.on,
          decidedOn: decision.decidedOn,
          limit,
          ruleSet: rs.id,
          limitText: deadlineLimitText('TRANSFER_DECISION', rs, 'en'),
          reason: 'an admission decision issued after the limit was not annulled',
          messageVi: `Quyết định kết nạp ký ngày ${viDate(decision.decidedOn)}, sau hạn ${viDate(limit)} (${deadlineLimitText('TRANSFER_DECISION', rs, 'vi')} kể từ quyết định điều động ngày ${viDate(step.on)}), nhưng không bị hủy để chuyển hồ sơ (căn cứ ${viArticle('HD06 §3.9c')}).`,
        });
      }
    }
    let last = null;
    for (const trace of tracesOf(h.deadlines, 'TRANSFER_FORWARDING')) {
      const outcome = deadlineOutcome(ctx, trace);
      if (outcome.status === 'fail') return outcome;
      last = outcome;
    }
    return last ?? pass({ transfers: transfers.map((s) => ({ seq: s.seq, on: s.on, stage: s.after.transfers?.at(-1)?.stage ?? null })) });
  },
};
