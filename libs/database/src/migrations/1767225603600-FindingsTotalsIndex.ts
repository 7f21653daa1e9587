import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The totals per check of a province's violations (every page answers them) from an index of their own, ADR 0029
 * decision 8: `(province_id, check_id)` holds one short key per finding, which the B-tree deduplicates into a few dozen
 * pages per province, and it is read in check order, so the count streams without sorting or hashing. The page
 * order index read the same range for them through keys four times as wide.
 */
export class FindingsTotalsIndex1767225603600 implements MigrationInterface {
  name = 'FindingsTotalsIndex1767225603600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX compliance_findings_province_check_idx ON compliance_findings (province_id, check_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX compliance_findings_province_check_idx`);
  }
}
