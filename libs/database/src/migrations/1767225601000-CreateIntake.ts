import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of cases already under way (ADR 0010). A case brought in by an import keeps the identifier the office
 * used for it (`external_id`, unique) and a hash of the imported row, so a re-upload of the same row changes nothing
 * and a different row under the same identifier is recognised as a conflict. `imports` keeps every upload and its
 * per-row report.
 */
export class CreateIntake1767225601000 implements MigrationInterface {
  name = 'CreateIntake1767225601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN external_id text NULL, ADD COLUMN import_hash text NULL`);
    await q.query(`CREATE UNIQUE INDEX cases_external_id_key ON cases (external_id) WHERE external_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY,
        actor jsonb NOT NULL,
        -- The importing account's subtree: who may read the report again.
        scope_path text NULL,
        historical boolean NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'json')),
        rows integer NOT NULL,
        imported integer NOT NULL,
        unchanged integer NOT NULL,
        refused integer NOT NULL,
        flagged integer NOT NULL,
        report jsonb NOT NULL,
        started_at timestamptz(3) NOT NULL,
        finished_at timestamptz(3) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE imports`);
    await q.query(`DROP INDEX cases_external_id_key`);
    await q.query(`ALTER TABLE cases DROP COLUMN import_hash, DROP COLUMN external_id`);
  }
}
