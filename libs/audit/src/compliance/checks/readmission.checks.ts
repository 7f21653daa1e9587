import { DomainEvent, GuardEnv, RULE_DEFINITIONS } from '@charterflow/procedure';
import { History, Step, stepsOf } from '../history';
import { AuditCase } from '../model';
import { viDate } from '../vi-text';
import { CheckDefinition } from './definition';
import { fail, notApplicable, pass } from './outcome';

/** The rules of the opening (who may never be re-admitted, once only), then those of later steps, in history order. */
const AT_OPENING = ['READMISSION_EXCLUDED', 'READMISSION_ONLY_ONCE'] as const;
const AT_LATER_STEPS: readonly { types: Step['type'][]; rules: readonly string[] }[] = [
  { types: ['CELL_VOTE_RECORDED'], rules: ['READMISSION_TOO_EARLY'] },
  // The rule itself tells whether the step is the admitting decision.
  { types: ['GRASSROOTS_VOTE_RECORDED', 'ADMISSION_DECIDED'], rules: ['READMISSION_CONSENT_MISSING'] },
];
/** Steps that presuppose a probation served (recognition, or removal during or after it). */
const AFTER_PROBATION = ['RECOGNITION_CELL_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_DECIDED'];

function finding(ruleId: string, input: { facts: Step['before']; event: DomainEvent; env: GuardEnv }) {
  const rule = RULE_DEFINITIONS[ruleId];
  const f = rule.check(input);
  return f ? { rule: rule.id, source: rule.source, message: f.message, messageVi: f.messageVi, ...(f.details ? { details: f.details } : {}) } : null;
}

/**
 * A22 — re-admission (QĐ294 §3.5): an excluded reason or a second re-admission at the opening, the cell vote under
 * 36 months after leaving (or 60 after a cleared record), the admitting decision without the provincial standing
 * committee's consent, or a recognition with no probation served. The engine's READMISSION_* rules, evaluated on the
 * replayed history as the engine judged each step; a first admission is not applicable.
 */
export const A22: CheckDefinition = {
  id: 'A22',
  title: { vi: 'Kết nạp lại không đúng quy định', en: 'Re-admission against the rules' },
  source: 'QĐ294 §3.5',
  severity: 'critical',
  evaluate: (h: History, c: AuditCase) => {
    if (!h.facts.readmission) return notApplicable('not a re-admission', 'Không phải hồ sơ kết nạp lại.');
    const opened = c.events.find((e) => e.type === 'CASE_OPENED');
    if (opened) {
      const event = { ...opened.payload, type: 'CASE_OPENED', occurredOn: opened.occurredOn } as DomainEvent;
      const env: GuardEnv = { today: opened.occurredOn, organisation: c.organisation, openDeadlines: [] };
      const facts = h.steps[0]?.before ?? h.facts;
      for (const id of AT_OPENING) {
        const f = finding(id, { facts, event, env });
        if (f) return fail(opened.occurredOn, opened.seq, { event: 'CASE_OPENED', occurredOn: opened.occurredOn, ...f });
      }
    }
    const plan = AT_LATER_STEPS.flatMap((p) => stepsOf(h, ...p.types).map((step) => ({ step, rules: p.rules }))).sort((a, b) => a.step.seq - b.step.seq);
    for (const { step, rules } of plan) {
      for (const id of rules) {
        const f = finding(id, { facts: step.before, event: step.event, env: step.env });
        if (f) return fail(step.on, step.seq, { event: step.type, occurredOn: step.on, ...f });
      }
    }
    const unserved = h.steps.find((s) => AFTER_PROBATION.includes(s.type) && !s.before.probationStartOn);
    if (unserved) {
      return fail(unserved.on, unserved.seq, {
        event: unserved.type,
        occurredOn: unserved.on,
        reason: 'a re-admitted member is recognised only after a probation, and none was started',
        messageVi: `Đảng viên được kết nạp lại phải trải qua thời kỳ dự bị; ngày ${viDate(unserved.on)} đã xét công nhận chính thức khi chưa tổ chức lễ kết nạp và chưa bắt đầu thời kỳ dự bị.`,
      });
    }
    return pass({
      leftOn: h.facts.readmission.leftOn,
      leftReason: h.facts.readmission.leftReason,
      checkedAt: [
        ...(opened ? [{ seq: opened.seq, event: 'CASE_OPENED', occurredOn: opened.occurredOn }] : []),
        ...plan.map(({ step }) => ({ seq: step.seq, event: step.type, occurredOn: step.on })),
      ],
      rules: [...AT_OPENING, ...AT_LATER_STEPS.flatMap((p) => p.rules)],
    });
  },
};
