import { col, nullable, table } from '@charterflow/database';

/** The tables this library owns, as its repositories read them (checked against the migrated database). */

export const LOGIN_ATTEMPTS_TABLE = table('login_attempts', {
  username_key: col('text'),
  failures: col('int4'),
  last_failure_at: nullable('timestamptz'),
  locked_until: nullable('timestamptz'),
});

export const SESSIONS_TABLE = table('sessions', {
  id: col('uuid'),
  user_id: col('uuid'),
  issued_at: col('timestamptz'),
  expires_at: col('timestamptz'),
  revoked_at: nullable('timestamptz'),
  revoked_reason: nullable('text'),
});

export const USERS_TABLE = table('users', {
  id: col('uuid'),
  username: col('text'),
  full_name: col('text'),
  title: nullable('text'),
  organisation_id: nullable('uuid'),
  roles: col('_text'),
  password_hash: col('text'),
  password_changed_at: col('timestamptz'),
  created_at: col('timestamptz'),
  updated_at: col('timestamptz'),
  deleted_at: nullable('timestamptz'),
});
