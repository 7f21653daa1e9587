import { MigrationInterface, QueryRunner } from 'typeorm';

/** The party organisation tree, with a materialised path for subtree queries. */
export class CreateOrganisations1767225600000 implements MigrationInterface {
  name = 'CreateOrganisations1767225600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('province', 'commune', 'grassroots', 'cell')),
        parent_id uuid NULL REFERENCES organisations (id),
        -- ids from the root down to this node, each followed by '/': '/<root>/<child>/<self>/'
        path text NOT NULL UNIQUE,
        authorised_to_admit boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organisations_parent_id_idx ON organisations (parent_id)`);
    // text_pattern_ops makes `path LIKE '/a/b/%'` an index range scan whatever the collation.
    await q.query(`CREATE INDEX organisations_path_prefix_idx ON organisations (path text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisations`);
  }
}
