import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backlog grace (ADR 0015). A limit keyed in late (a paper backlog, an import) can be past its reminders or its
 * due date the moment it is opened; delivery holds such firings back for a grace of working days:
 * - `deadlines.opened_at`: the instant the row came into being, from which the grace counts. Rows written before
 *   this migration have none (NULL): their plan is unchanged.
 * - `organisations.backlog_grace_working_days`: the office's grace (0–10 working days) for the cases below it; the
 *   nearest organisation with a value, from the cell up to the province, sets it; NULL inherits (at the top, the
 *   reminder policy's `backlogGraceWorkingDays`, 1 by default).
 */
export class OrganisationBacklogGrace1767225601700 implements MigrationInterface {
  name = 'OrganisationBacklogGrace1767225601700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN opened_at timestamptz`);
    await q.query(`
      ALTER TABLE organisations ADD COLUMN backlog_grace_working_days integer
        CONSTRAINT organisations_backlog_grace_range CHECK (backlog_grace_working_days BETWEEN 0 AND 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN backlog_grace_working_days`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN opened_at`);
  }
}
