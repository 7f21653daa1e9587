import { col, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const DEADLINE_FIRINGS_TABLE = table('deadline_firings', {
  deadline_id: col('uuid'),
  generation: col('int4'),
  phase: col('text'),
  fire_at: col('timestamptz'),
  fired_at: col('timestamptz'),
  lateness_ms: col('int8'),
  outcome: col('text'),
});

export const OUTBOX_TABLE = table('outbox', {
  id: col('int8'),
  topic: col('text'),
  deadline_id: col('uuid'),
  generation: col('int4'),
  created_at: col('timestamptz'),
});

export const WORKER_HEARTBEATS_TABLE = table('worker_heartbeats', {
  worker_id: col('text'),
  transport: col('text'),
  host: col('text'),
  pid: col('int4'),
  interval_ms: col('int4'),
  started_at: col('timestamptz'),
  beat_at: col('timestamptz'),
});
