import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The instant a deadline row came into being (ADR 0015): a limit keyed in late (a paper backlog, an import) can be
 * past its reminders or its due date the moment it is opened; delivery holds such firings back for a grace of
 * working days from this instant. Rows written before this migration have none (NULL): their plan is unchanged.
 */
export class DeadlineOpenedAt1767225601700 implements MigrationInterface {
  name = 'DeadlineOpenedAt1767225601700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN opened_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines DROP COLUMN opened_at`);
  }
}
