import { DomainEvent } from '../model/events';
import { RuleViolation } from '../model/errors';
import { CaseFacts, GuardEnv } from '../machine/facts';

/** What every rule sees: the recorded facts, the event being decided and plain environment data. */
export interface RuleInput {
  facts: CaseFacts;
  event: DomainEvent;
  env: GuardEnv;
}

export interface RuleFinding {
  message: string;
  messageVi: string;
  details?: Record<string, unknown>;
}

/** One named rule: one concern, one id, one source. `check` returns null when the rule is satisfied. */
export interface RuleDefinition {
  id: string;
  source: string;
  descriptionEn: string;
  descriptionVi: string;
  check(input: RuleInput): RuleFinding | null;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

export function evaluateRule(rule: RuleDefinition, input: RuleInput): RuleViolation | null {
  const finding = rule.check(input);
  if (!finding) return null;
  return {
    code: 'RULE_VIOLATION',
    rule: rule.id,
    source: rule.source,
    message: finding.message,
    messageVi: finding.messageVi,
    ...(finding.details ? { details: finding.details } : {}),
  };
}

/** A business date as staff read it: dd/mm/yyyy. */
export function viDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** The closing words of a Vietnamese refusal: the article it rests on and the rule's code. */
export function viBasis(article: string, ruleId: string): string {
  return `(căn cứ ${article}; mã quy tắc ${ruleId})`;
}
