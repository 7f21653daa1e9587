import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const CASE_EVENTS_TABLE = table('case_events', {
  id: col('int8'),
  case_id: col('uuid'),
  seq: col('int4'),
  type: col('text'),
  payload: col('jsonb'),
  occurred_on: col('date'),
  recorded_at: col('timestamptz'),
  actor: col('jsonb'),
  from_state: nullable('text'),
  to_state: col('text'),
  prev_hash: col('text'),
  hash: col('text'),
});

export const CASES_TABLE = table('cases', {
  id: col('uuid'),
  organisation_id: col('uuid'),
  state: col('text'),
  snapshot: col('jsonb'),
  machine_version: col('int4'),
  procedure_version: col('text'),
  version: col('int4'),
  candidate: col('jsonb'),
  search_text: col('text'),
  last_seq: col('int4'),
  last_hash: col('text'),
  created_at: col('timestamptz'),
  updated_at: col('timestamptz'),
  external_id: nullable('text'),
  import_hash: nullable('text'),
  import_province_id: nullable('uuid'),
});

export const DEADLINES_TABLE = table('deadlines', {
  id: col('uuid'),
  case_id: col('uuid'),
  key: col('text'),
  kind: col('text'),
  base_on: col('date'),
  due_on: col('date'),
  original_due_on: col('date'),
  extended_by: col('int4'),
  status: col('text'),
  source: col('text'),
  rule_set: col('text'),
  opened_on: col('date'),
  closed_on: nullable('date'),
  late_working_days: nullable('int4'),
  reference: nullable('text'),
  updated_at: col('timestamptz'),
  generation: col('int4'),
  /** When the row was inserted (the step's recording instant); null for rows older than the column. */
  opened_at: nullable('timestamptz'),
});

export const IDEMPOTENCY_KEYS_TABLE = table('idempotency_keys', {
  scope: col('text'),
  key: col('text'),
  request_hash: col('text'),
  status_code: col('int4'),
  response: col('jsonb'),
  created_at: col('timestamptz'),
});
