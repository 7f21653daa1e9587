import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const ADMISSION_TARGETS_TABLE = table('admission_targets', {
  organisation_id: col('uuid'),
  period_id: col('text'),
  period_kind: col('text'),
  admissions: col('int4'),
  note: nullable('text'),
  set_by: col('jsonb'),
  set_at: col('timestamptz'),
});

export const AUDIT_CASE_STATE_TABLE = table('audit_case_state', {
  case_id: col('uuid'),
  dirty: col('bool'),
  computed_on: nullable('date'),
  recheck_on: nullable('date'),
});

/**
 * The outcomes the statistics count (ADR 0030): one row per admission, recognition or removal no later step annulled,
 * written and removed by the database's triggers on `case_events`, `cases` and `organisations`, never by a repository.
 */
export const CASE_OUTCOMES_TABLE = table('case_outcomes', {
  case_id: col('uuid'),
  seq: col('int4'),
  kind: col('text'),
  occurred_on: col('date'),
  province_id: col('uuid'),
});

/** Per province, how many committed transactions changed what its statistics are computed from (ADR 0030; triggers). */
export const STATISTICS_VERSIONS_TABLE = table('statistics_versions', {
  province_id: col('uuid'),
  version: col('int8'),
});

export const COMPLIANCE_FINDINGS_TABLE = table('compliance_findings', {
  case_id: col('uuid'),
  check_id: col('text'),
  organisation_id: col('uuid'),
  /** The root of the organisation's path when the finding was written (ADR 0029). */
  province_id: col('uuid'),
  severity: col('text'),
  detected_on: nullable('date'),
  event_seq: nullable('int4'),
  evidence: col('jsonb'),
  computed_on: col('date'),
});
