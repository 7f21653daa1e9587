import { History } from '../history';
import { AuditCase, AuditContext, CheckOutcome, Severity } from '../model';

/** One compliance check of §6 of the procedure specification: its A-number, its wording, its source, its test. */
export interface CheckDefinition {
  id: string;
  title: { vi: string; en: string };
  source: string;
  severity: Severity;
  evaluate(history: History, c: AuditCase, ctx: AuditContext): CheckOutcome;
}
