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
  report: col('jsonb'),
  started_at: col('timestamptz'),
  finished_at: col('timestamptz'),
});
