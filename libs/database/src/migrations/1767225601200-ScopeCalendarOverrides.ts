import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendars per scope: a row with no province is the national arrangement of its year (changed only by an
 * administrator over the whole tree); a row of a province replaces that year for the organisations of the province
 * (changed by that province's administrators). One row per (scope, year).
 */
export class ScopeCalendarOverrides1767225601200 implements MigrationInterface {
  name = 'ScopeCalendarOverrides1767225601200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calendar_overrides DROP CONSTRAINT calendar_overrides_pkey`);
    await q.query(`ALTER TABLE calendar_overrides ADD COLUMN province_id uuid NULL REFERENCES organisations (id) ON DELETE CASCADE`);
    await q.query(`CREATE UNIQUE INDEX calendar_overrides_national_year_key ON calendar_overrides (year) WHERE province_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX calendar_overrides_province_year_key ON calendar_overrides (province_id, year) WHERE province_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM calendar_overrides WHERE province_id IS NOT NULL`);
    await q.query(`DROP INDEX calendar_overrides_province_year_key`);
    await q.query(`DROP INDEX calendar_overrides_national_year_key`);
    await q.query(`ALTER TABLE calendar_overrides DROP COLUMN province_id`);
    await q.query(`ALTER TABLE calendar_overrides ADD PRIMARY KEY (year)`);
  }
}
