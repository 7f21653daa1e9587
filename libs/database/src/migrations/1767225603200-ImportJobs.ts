import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports become jobs (ADR 0028): `POST /imports` stores the accepted file and answers at once; a worker claims it
 * (`FOR UPDATE SKIP LOCKED`, with a lease so that another worker resumes a file whose worker died) and processes it
 * in batches. Each batch commits its cases, the outcome of each of its rows (`import_rows`, which replaces the
 * `report` array) and the progress cursor (`processed`) in one transaction, so a crash resumes after the last
 * committed batch and never doubles a case. The file itself is kept (as UTF-8 bytes: a cell may hold U+0000, reported
 * as its row's problem) until the import is done.
 */
export class ImportJobs1767225603200 implements MigrationInterface {
  name = 'ImportJobs1767225603200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_rows (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        row_no integer NOT NULL,
        outcome jsonb NOT NULL,
        PRIMARY KEY (import_id, row_no)
      )`);
    await q.query(`INSERT INTO import_rows (import_id, row_no, outcome)
                   SELECT i.id, (e->>'row')::int, e FROM imports i, jsonb_array_elements(i.report) AS e`);
    await q.query(`ALTER TABLE imports
      DROP COLUMN report,
      ADD COLUMN status text NOT NULL DEFAULT 'done' CHECK (status IN ('queued', 'running', 'done', 'failed')),
      ADD COLUMN processed integer NOT NULL DEFAULT 0,
      ADD COLUMN content_hash text NULL,
      ADD COLUMN source bytea NULL,
      ADD COLUMN accepted_at timestamptz(3) NULL,
      ADD COLUMN lease_owner uuid NULL,
      ADD COLUMN lease_until timestamptz(3) NULL,
      ADD COLUMN attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN failure text NULL`);
    await q.query(`UPDATE imports SET processed = rows, accepted_at = started_at`);
    await q.query(`ALTER TABLE imports ALTER COLUMN accepted_at SET NOT NULL, ALTER COLUMN status DROP DEFAULT,
      ALTER COLUMN started_at DROP NOT NULL, ALTER COLUMN finished_at DROP NOT NULL`);
    // What a worker looks for, and the unfinished import a repeated upload of the same file answers with.
    await q.query(`CREATE INDEX imports_unfinished ON imports (accepted_at) WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX imports_unfinished`);
    await q.query(`DELETE FROM imports WHERE status <> 'done'`);
    await q.query(`ALTER TABLE imports ADD COLUMN report jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`UPDATE imports i SET report = coalesce((SELECT jsonb_agg(r.outcome ORDER BY r.row_no) FROM import_rows r WHERE r.import_id = i.id), '[]'::jsonb)`);
    await q.query(`UPDATE imports SET started_at = accepted_at WHERE started_at IS NULL`);
    await q.query(`ALTER TABLE imports ALTER COLUMN report DROP DEFAULT, ALTER COLUMN started_at SET NOT NULL, ALTER COLUMN finished_at SET NOT NULL,
      DROP COLUMN status, DROP COLUMN processed, DROP COLUMN content_hash, DROP COLUMN source, DROP COLUMN accepted_at,
      DROP COLUMN lease_owner, DROP COLUMN lease_until, DROP COLUMN attempts, DROP COLUMN failure`);
    await q.query(`DROP TABLE import_rows`);
  }
}
