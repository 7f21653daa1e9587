import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads that stay quick at national size (ADR 0029).
 *
 * - `compliance_findings.province_id`: the root of the finding's organisation path, written with the finding. A
 *   province's violations page is then one range of `compliance_findings_province_order_idx` in page order (first
 *   page and any page after a keyset cursor alike), and its totals per check an index-only scan of the same range,
 *   instead of a semi-join with the province's thousands of organisations.
 * - `case_events_outcome_idx`: the admissions, recognitions and removals the statistics count (the events entering
 *   awaitingCeremony, fullMember or removed), about two of a case's dozens of events, found by case; and
 *   `case_events_annulling_idx`, the few events that may annul one of them (ADR 0024), for the statistics' NOT EXISTS.
 */
export class NationalScaleReads1767225603300 implements MigrationInterface {
  name = 'NationalScaleReads1767225603300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE compliance_findings ADD COLUMN province_id uuid NULL`);
    await q.query(`UPDATE compliance_findings f SET province_id = split_part(o.path, '/', 2)::uuid FROM organisations o WHERE o.id = f.organisation_id`);
    await q.query(`ALTER TABLE compliance_findings ALTER COLUMN province_id SET NOT NULL`);
    await q.query(
      `CREATE INDEX compliance_findings_province_order_idx ON compliance_findings (province_id, (COALESCE(detected_on, '9999-12-31'::date)), case_id, check_id)`,
    );
    await q.query(
      `CREATE INDEX case_events_outcome_idx ON case_events (case_id, occurred_on)
       WHERE to_state IN ('awaitingCeremony', 'fullMember', 'removed') AND from_state IS DISTINCT FROM to_state`,
    );
    await q.query(`CREATE INDEX case_events_annulling_idx ON case_events (case_id, seq) WHERE type IN ('ADMISSION_ANNULLED', 'RECOGNITION_ANNULLED', 'TRANSFERRED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_events_annulling_idx`);
    await q.query(`DROP INDEX case_events_outcome_idx`);
    await q.query(`DROP INDEX compliance_findings_province_order_idx`);
    await q.query(`ALTER TABLE compliance_findings DROP COLUMN province_id`);
  }
}
