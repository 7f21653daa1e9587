import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts, their sessions (one row per issued access token, so a token can be revoked before it expires)
 * and the failed-login counters that lock an account name after repeated failures (ADR 0009).
 */
export class CreateAccounts1767225600600 implements MigrationInterface {
  name = 'CreateAccounts1767225600600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{3,64}$'),
        -- NULL: the whole tree (the bootstrap admin); otherwise the account acts in this organisation's subtree.
        organisation_id uuid NULL REFERENCES organisations (id),
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['cell_secretary', 'grassroots_officer', 'superior_officer', 'inspector', 'admin']::text[]),
        -- scrypt, self-describing: 'scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>'
        password_hash text NOT NULL,
        password_changed_at timestamptz(3) NOT NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        -- A deleted account keeps its row: the case histories name it. Its name stays taken.
        deleted_at timestamptz(3) NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
    await q.query(`CREATE INDEX users_organisation_id_idx ON users (organisation_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        issued_at timestamptz(3) NOT NULL,
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3) NULL,
        revoked_reason text NULL
      )`);
    await q.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE login_attempts (
        -- lower(username) as typed, whether or not such an account exists (no hint either way).
        username_key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz(3) NULL,
        locked_until timestamptz(3) NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
  }
}
