import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance audit's materialised findings (ADR 0010). `compliance_findings` holds every failed check of
 * every case, so that "which cases broke which rule, where, when" is an indexed query however many cases there are.
 * `audit_case_state` says which cases need their checks run again: a trigger marks a case dirty in the transaction
 * that appends to its history, and `recheck_on` is the next date on which a time limit could turn a check without
 * any new event.
 */
export class CreateComplianceFindings1767225600900 implements MigrationInterface {
  name = 'CreateComplianceFindings1767225600900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_case_state (
        case_id uuid PRIMARY KEY REFERENCES cases (id),
        dirty boolean NOT NULL DEFAULT true,
        computed_on date NULL,
        recheck_on date NULL
      )`);
    await q.query(`CREATE INDEX audit_case_state_dirty_idx ON audit_case_state (case_id) WHERE dirty`);
    await q.query(`CREATE INDEX audit_case_state_recheck_on_idx ON audit_case_state (recheck_on) WHERE NOT dirty AND recheck_on IS NOT NULL`);

    await q.query(`
      CREATE TABLE compliance_findings (
        case_id uuid NOT NULL REFERENCES cases (id),
        check_id text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        severity text NOT NULL,
        -- The business date on which the breach happened (e.g. the day after a missed limit); NULL when undated.
        detected_on date NULL,
        event_seq integer NULL,
        evidence jsonb NOT NULL,
        computed_on date NOT NULL,
        PRIMARY KEY (case_id, check_id)
      )`);
    await q.query(`CREATE INDEX compliance_findings_organisation_idx ON compliance_findings (organisation_id, detected_on)`);
    await q.query(`CREATE INDEX compliance_findings_check_idx ON compliance_findings (check_id, detected_on)`);
    // The violations page: ordered by the date of the breach (undated last), then case and check.
    await q.query(`CREATE INDEX compliance_findings_order_idx ON compliance_findings ((COALESCE(detected_on, '9999-12-31'::date)), case_id, check_id)`);

    // Every appended event makes its case dirty, in the same transaction (no code path can forget it).
    await q.query(`
      CREATE FUNCTION case_events_mark_audit_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_case_state (case_id, dirty) VALUES (NEW.case_id, true)
        ON CONFLICT (case_id) DO UPDATE SET dirty = true WHERE audit_case_state.dirty = false;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER case_events_mark_audit_dirty AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_mark_audit_dirty()`);
    // Cases that existed before this migration are checked once.
    await q.query(`INSERT INTO audit_case_state (case_id, dirty) SELECT id, true FROM cases ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_events_mark_audit_dirty ON case_events`);
    await q.query(`DROP FUNCTION case_events_mark_audit_dirty()`);
    await q.query(`DROP TABLE compliance_findings`);
    await q.query(`DROP TABLE audit_case_state`);
  }
}
