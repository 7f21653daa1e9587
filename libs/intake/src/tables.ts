import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const IMPORTS_TABLE = table('imports', {
  id: col('uuid'),
  actor: col('jsonb'),
  scope_path: nullable('text'),
  historical: col('bool'),
  format: col('text'),
  rows: col('int4'),
  imported: col('int4'),
  unchanged: col('int4'),
  refused: col('int4'),
  flagged: col('int4'),
  started_at: nullable('timestamptz'),
  finished_at: nullable('timestamptz'),
  status: col('text'),
  processed: col('int4'),
  content_hash: nullable('text'),
  source: nullable('bytea'),
  accepted_at: col('timestamptz'),
  lease_owner: nullable('uuid'),
  lease_until: nullable('timestamptz'),
  attempts: col('int4'),
  failure: nullable('text'),
});

export const IMPORT_ROWS_TABLE = table('import_rows', {
  import_id: col('uuid'),
  row_no: col('int4'),
  outcome: col('jsonb'),
});
