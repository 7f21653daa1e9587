import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One waiting or running import per file and subtree (ADR 0028, decision 4), held by the database: two uploads of the
 * same file at the same instant both found no earlier import and both queued one. The unique index over the
 * unfinished imports' content hash and subtree makes the second insert a conflict, answered with the first import.
 * Duplicates already waiting (possible before this index) keep running; all but the oldest of each group lose their
 * content hash, so they no longer answer later uploads.
 */
export class OneUnfinishedImportPerFile1767225603400 implements MigrationInterface {
  name = 'OneUnfinishedImportPerFile1767225603400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE imports i SET content_hash = NULL
       WHERE i.status IN ('queued', 'running') AND i.content_hash IS NOT NULL
         AND EXISTS (SELECT 1 FROM imports e
                     WHERE e.status IN ('queued', 'running') AND e.content_hash = i.content_hash
                       AND e.scope_path IS NOT DISTINCT FROM i.scope_path AND (e.accepted_at, e.id) < (i.accepted_at, i.id))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX imports_one_unfinished_per_file ON imports (content_hash, (coalesce(scope_path, '')))
       WHERE status IN ('queued', 'running') AND content_hash IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX imports_one_unfinished_per_file`);
  }
}
