import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The machine's state value of each case as a column of its own, derived by PostgreSQL from the stored snapshot
 * (`snapshot #> '{machine,value}'`, a stored generated column: no writer sets it, none can set it otherwise). The
 * worklist reads the state value of every active case of a subtree and nothing else of the snapshot; read from the
 * snapshot, each case's compressed jsonb (≈ 2 kB) was opened for a value of a few dozen bytes. Adding the column
 * rewrites `cases` once.
 */
export class CaseStateValue1767225603800 implements MigrationInterface {
  name = 'CaseStateValue1767225603800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN state_value jsonb GENERATED ALWAYS AS (snapshot #> '{machine,value}') STORED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN state_value`);
  }
}
