import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an organisation's unit has a Youth Union and a trade-union organisation (E7; CH Art. 4(1); ADR 0014). Both
 * default to true: every organisation created before keeps the reading the engine applied until now (a Youth Union
 * member of youth age is introduced by the Youth Union's resolution).
 *
 * The audit reads the flags of a case's cell and of every organisation above it (ADR 0010, 0014): when a flag changes,
 * or a node moves (its cases then inherit other flags and other bodies), every case below it is marked dirty in the
 * same transaction, so the sweep checks it again.
 */
export class OrganisationMassOrganisations1767225601600 implements MigrationInterface {
  name = 'OrganisationMassOrganisations1767225601600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN has_youth_union boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE organisations ADD COLUMN has_trade_union boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE FUNCTION organisations_mark_audit_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_case_state (case_id, dirty)
        SELECT c.id, true FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE o.path LIKE NEW.path || '%'
        ON CONFLICT (case_id) DO UPDATE SET dirty = true WHERE audit_case_state.dirty = false;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER organisations_mark_audit_dirty AFTER UPDATE OF has_youth_union, has_trade_union, path ON organisations
      FOR EACH ROW
      WHEN (OLD.has_youth_union IS DISTINCT FROM NEW.has_youth_union OR OLD.has_trade_union IS DISTINCT FROM NEW.has_trade_union
            OR OLD.path IS DISTINCT FROM NEW.path)
      EXECUTE FUNCTION organisations_mark_audit_dirty()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organisations_mark_audit_dirty ON organisations`);
    await q.query(`DROP FUNCTION organisations_mark_audit_dirty()`);
    await q.query(`ALTER TABLE organisations DROP COLUMN has_trade_union`);
    await q.query(`ALTER TABLE organisations DROP COLUMN has_youth_union`);
  }
}
