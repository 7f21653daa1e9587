import { MigrationInterface, QueryRunner } from 'typeorm';

/** An administrator's official working-day arrangement for one year (read by the calendar module). */
export class CreateCalendarOverrides1767225600300 implements MigrationInterface {
  name = 'CreateCalendarOverrides1767225600300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_overrides (
        year integer PRIMARY KEY,
        overrides jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_overrides`);
  }
}
