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
