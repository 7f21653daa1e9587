import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts carry the staff member's full name and, optionally, the title of the post they hold ("Bí thư chi bộ"), so
 * that the staff application and the case histories name people rather than login names (ADR 0020). An existing
 * account gets its username as full name until an administrator corrects it. The limits are those of the API
 * (1–200 and at most 200 characters, counted after trimming); a title is absent rather than empty.
 */
export class AccountNames1767225601900 implements MigrationInterface {
  name = 'AccountNames1767225601900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN full_name text NULL, ADD COLUMN title text NULL`);
    await q.query(`UPDATE users SET full_name = username`);
    await q.query(`ALTER TABLE users ALTER COLUMN full_name SET NOT NULL`);
    await q.query(`
      ALTER TABLE users
        ADD CONSTRAINT users_full_name_check CHECK (char_length(full_name) BETWEEN 1 AND 200 AND full_name = btrim(full_name)),
        ADD CONSTRAINT users_title_check CHECK (title IS NULL OR (char_length(title) BETWEEN 1 AND 200 AND title = btrim(title)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_title_check, DROP CONSTRAINT users_full_name_check`);
    await q.query(`ALTER TABLE users DROP COLUMN title, DROP COLUMN full_name`);
  }
}
