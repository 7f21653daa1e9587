import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const ORGANISATIONS_TABLE = table('organisations', {
  id: col('uuid'),
  name: col('text'),
  kind: col('text'),
  parent_id: nullable('uuid'),
  path: col('text'),
  authorised_to_admit: col('bool'),
  has_youth_union: col('bool'),
  has_trade_union: col('bool'),
  created_at: col('timestamptz'),
  backlog_grace_working_days: nullable('int4'),
  rule_profile: col('text'),
});
