import { DomainEvent } from '../model/events';
import { RuleViolation } from '../model/errors';
import { CaseFacts, GuardEnv } from '../machine/facts';
import { sourceVi } from './basis';

/** What every rule sees: the recorded facts, the event being decided and plain environment data. */
export interface RuleInput {
  facts: CaseFacts;
  event: DomainEvent;
  env: GuardEnv;
}

export interface RuleFinding {
  message: string;
  /**
   * The refusal for a clerk, in Vietnamese, without its basis: names and labels instead of ids, dates dd/mm/yyyy.
   * `evaluateRule` closes it with "(căn cứ …)".
   */
  messageVi: string;
  /** The part of the rule's `source` this finding rests on, when narrower than the whole (e.g. one consent kind). */
  basisSource?: string;
  details?: Record<string, unknown>;
}

/** One named rule: one concern, one id, one source. `check` returns null when the rule is satisfied. */
export interface RuleDefinition {
  id: string;
  /** The articles, by the procedure doc's abbreviations (`QĐ294 §4.3.1; HD06 §3.4d`). */
  source: string;
  /**
   * The basis in Vietnamese, for a rule whose source is not a regulation (a convention of the system). Otherwise
   * left out: it is rendered from `source` (rules/basis.ts).
   */
  basisVi?: string;
  descriptionEn: string;
  descriptionVi: string;
  check(input: RuleInput): RuleFinding | null;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** What a refusal of the rule rests on, in Vietnamese (`khoản 1 Điều 4 Điều lệ Đảng; mục 3.1 Quy định số 294-QĐ/TW …`). */
export function ruleBasisVi(rule: Pick<RuleDefinition, 'source' | 'basisVi'>): string {
  return rule.basisVi ?? sourceVi(rule.source);
}

/** A finding's Vietnamese sentence closed by its basis: `… (căn cứ mục 4.3.1 Quy định số 294-QĐ/TW ngày 26/05/2025).` */
export function withBasisVi(sentence: string, basis: string): string {
  return `${sentence.trim().replace(/[.;,]+$/, '')} (căn cứ ${basis}).`;
}

export function evaluateRule(rule: RuleDefinition, input: RuleInput): RuleViolation | null {
  const finding = rule.check(input);
  if (!finding) return null;
  const basis = finding.basisSource ? sourceVi(finding.basisSource) : ruleBasisVi(rule);
  return {
    code: 'RULE_VIOLATION',
    rule: rule.id,
    source: rule.source,
    message: finding.message,
    messageVi: withBasisVi(finding.messageVi, basis),
    ...(finding.details ? { details: finding.details } : {}),
  };
}

/** A business date as staff read it: dd/mm/yyyy. */
export function viDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** A business date as staff read it when it may be missing: dd/mm/yyyy, or "chưa xác định". */
export function viDateOr(date: string | null | undefined, missing = 'chưa xác định'): string {
  return date ? viDate(date) : missing;
}
