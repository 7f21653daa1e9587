import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const NOTIFICATIONS_TABLE = table('notifications', {
  id: col('uuid'),
  organisation_id: col('uuid'),
  role: col('text'),
  case_id: nullable('uuid'),
  deadline_id: nullable('uuid'),
  kind: col('text'),
  phase: nullable('text'),
  due_on: nullable('date'),
  title_vi: col('text'),
  title_en: col('text'),
  body_vi: col('text'),
  body_en: col('text'),
  created_at: col('timestamptz'),
  read_at: nullable('timestamptz'),
  dedupe_key: col('text'),
});

export const WEBHOOK_DELIVERIES_TABLE = table('webhook_deliveries', {
  id: col('uuid'),
  webhook_id: col('uuid'),
  notification_id: col('uuid'),
  payload: col('jsonb'),
  status: col('text'),
  attempts: col('int4'),
  next_attempt_at: col('timestamptz'),
  last_status_code: nullable('int4'),
  last_error: nullable('text'),
  delivered_at: nullable('timestamptz'),
  created_at: col('timestamptz'),
});

export const WEBHOOKS_TABLE = table('webhooks', {
  id: col('uuid'),
  organisation_id: col('uuid'),
  url: col('text'),
  secret: col('text'),
  description: nullable('text'),
  active: col('bool'),
  include_subtree: col('bool'),
  created_at: col('timestamptz'),
});
