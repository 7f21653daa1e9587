import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A province's rule profile (api.md v1.1 "Organisations"; ADR 0023): the implementing rules its cases are judged
 * under, `central` (no overlay) by default. Only a province chooses one; every other node keeps `central`. The names
 * of the profiles are data of libs/procedure (RULE_PROFILES) and are checked there, so a new profile needs no
 * migration. A case keeps the profile it was opened under (in its snapshot): changing a province's profile changes
 * only the cases opened afterwards, so nothing here marks cases for the audit.
 */
export class OrganisationRuleProfile1767225602200 implements MigrationInterface {
  name = 'OrganisationRuleProfile1767225602200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN rule_profile text NOT NULL DEFAULT 'central'`);
    await q.query(`
      ALTER TABLE organisations
        ADD CONSTRAINT organisations_rule_profile_check CHECK (rule_profile ~ '^[a-z][a-z0-9_]{0,39}$' AND (kind = 'province' OR rule_profile = 'central'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_rule_profile_check`);
    await q.query(`ALTER TABLE organisations DROP COLUMN rule_profile`);
  }
}
