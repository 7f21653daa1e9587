import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const CALENDAR_OVERRIDES_TABLE = table('calendar_overrides', {
  year: col('int4'),
  overrides: col('jsonb'),
  updated_at: col('timestamptz'),
  province_id: nullable('uuid'),
});
