import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const DOCUMENT_TEMPLATES_TABLE = table('document_templates', {
  id: col('uuid'),
  organisation_id: col('uuid'),
  form: col('text'),
  version: col('int4'),
  file_name: col('text'),
  content: col('bytea'),
  sha256: col('text'),
  placeholders: col('_text'),
  uploaded_by: col('jsonb'),
  uploaded_at: col('timestamptz'),
  retired_at: nullable('timestamptz'),
});

export const DOCUMENT_RECORDS_TABLE = table('document_records', {
  id: col('uuid'),
  seq: col('int8'),
  kind: col('text'),
  case_id: nullable('uuid'),
  organisation_id: col('uuid'),
  form: nullable('text'),
  format: col('text'),
  template_id: nullable('uuid'),
  template_version: nullable('int4'),
  builtin_hash: nullable('text'),
  sha256: col('text'),
  size_bytes: col('int4'),
  history_seq: nullable('int4'),
  history_hash: nullable('text'),
  period_from: nullable('date'),
  period_to: nullable('date'),
  generated_by: col('jsonb'),
  generated_at: col('timestamptz'),
});
