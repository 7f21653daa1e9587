/**
 * Public API of the compliance audit's pure part (procedure doc §6): the check catalogue and `runChecks` over one
 * case as plain data. No Nest, no database, no clock: the audit date and the working-day calendar are parameters.
 * The Nest services (findings, reports, statistics) are imported by deep path, e.g.
 * `@charterflow/audit/findings/compliance.service`.
 */
export type { AuditCase, AuditContext, CheckOutcome, CheckResult, CheckStatus, Severity } from './compliance/model';
export type { CheckDefinition } from './compliance/checks/definition';
export { CHECKS, CHECK_IDS, checkById } from './compliance/catalogue';
export { runChecks } from './compliance/run-checks';
