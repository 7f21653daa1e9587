import { MigrationInterface, QueryRunner } from 'typeorm';

const BUMP = (lock: string) => `
  CREATE OR REPLACE FUNCTION statistics_bump(province uuid) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    marker text := 'charterflow.statistics_' || replace(province::text, '-', '');
  BEGIN
    IF province IS NULL OR current_setting(marker, true) = 'bumped' THEN RETURN; END IF;
    PERFORM set_config(marker, 'bumped', true);${lock}
    INSERT INTO statistics_versions (province_id, version) VALUES (province, 1)
    ON CONFLICT (province_id) DO UPDATE SET version = statistics_versions.version + 1;
  END $$`;

/**
 * The per-province statistics versions (ADR 0030) are moved by the committing transactions in turn (ADR 0030,
 * decision 6). A transaction that changes outcomes, organisations or candidates of several provinces (an import
 * batch over the whole tree) moved their counters at commit in the order its changes were made, each counter's row
 * locked until the end: two such transactions moving the same provinces in opposite orders deadlocked, and one was
 * rolled back. The first counter a transaction moves now takes a transaction-level advisory lock first, so the
 * committing transactions that move counters take their rows one transaction after the other. Only their commits
 * wait, and only for each other: the counters are still untouched while a transaction works.
 */
export class StatisticsVersionsInTurn1767225603700 implements MigrationInterface {
  name = 'StatisticsVersionsInTurn1767225603700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(BUMP(`\n    PERFORM pg_advisory_xact_lock(hashtext('statistics_versions'));`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(BUMP(''));
  }
}
