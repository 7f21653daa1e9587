import { RuleSet } from '@charterflow/procedure';
import { History } from '../history';
import { AuditCase, AuditContext, CheckOutcome, Severity } from '../model';

/** One compliance check of §6 of the procedure specification: its A-number, its wording, its source, its test. */
export interface CheckDefinition {
  id: string;
  /** The general title, for the catalogue: where numbers differ between rule sets it names them all. */
  title: { vi: string; en: string };
  /** The title with the numbers of one rule set: a result judged under that set (`evidence.ruleSet`) is titled so. */
  titleFor?(ruleSet: RuleSet): { vi: string; en: string };
  source: string;
  severity: Severity;
  evaluate(history: History, c: AuditCase, ctx: AuditContext): CheckOutcome;
}
