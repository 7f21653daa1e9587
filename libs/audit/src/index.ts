/**
 * Public API of the compliance audit's pure part (procedure doc §6): the check catalogue and `runChecks` over one
 * case as plain data. No Nest, no database, no clock: the audit date and the working-day calendar are parameters.
 * The Nest services (findings, reports, statistics) follow.
 */
export type { AuditCase, AuditContext, CheckOutcome, CheckResult, CheckStatus, Severity } from './compliance/model';
export type { CheckDefinition } from './compliance/checks/definition';
export { CHECKS, CHECK_IDS, checkById } from './compliance/catalogue';
export { runChecks } from './compliance/run-checks';

// The Nest services: findings and the sweep, the deadline audit, statistics and targets, and their reports.
export { ComplianceModule } from './compliance.module';
export { ComplianceSweep, ComplianceSweepModule } from './findings/compliance-sweep';
export * from './findings/compliance.service';
export * from './deadline-audit/deadline-audit.service';
export * from './reporting/statistics.service';
export { StatisticsRepository } from './reporting/statistics.repository';
export { renderStatisticsReport, statisticsCsv, targetsCsv } from './reporting/statistics-export';
export { deadlinesCsv, violationsCsv } from './reports/audit-csv';
export { renderCaseComplianceReport } from './reports/case-compliance-report';
export * from './tables';
