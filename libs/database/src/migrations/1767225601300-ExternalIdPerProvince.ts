import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An imported case's external id is the importing office's own identifier: unique within its province, not across
 * the country (two provinces may number their dossiers alike, and one province must not learn another's ids from a
 * conflict). The province is the one the case was imported into, kept even if the case later moves.
 */
export class ExternalIdPerProvince1767225601300 implements MigrationInterface {
  name = 'ExternalIdPerProvince1767225601300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN import_province_id uuid NULL`);
    await q.query(`
      UPDATE cases c SET import_province_id = NULLIF(split_part(o.path, '/', 2), '')::uuid
      FROM organisations o WHERE o.id = c.organisation_id AND c.external_id IS NOT NULL`);
    await q.query(`DROP INDEX cases_external_id_key`);
    await q.query(`CREATE UNIQUE INDEX cases_province_external_id_key ON cases (import_province_id, external_id) WHERE external_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_province_external_id_key`);
    await q.query(`CREATE UNIQUE INDEX cases_external_id_key ON cases (external_id) WHERE external_id IS NOT NULL`);
    await q.query(`ALTER TABLE cases DROP COLUMN import_province_id`);
  }
}
