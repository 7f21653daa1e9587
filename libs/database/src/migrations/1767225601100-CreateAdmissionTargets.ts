import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admission targets per organisation and period (procedure specification §8: plans are set per term and split per
 * year, and broken down by the committees below). Who set a target and when is kept with it.
 */
export class CreateAdmissionTargets1767225601100 implements MigrationInterface {
  name = 'CreateAdmissionTargets1767225601100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admission_targets (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        period_id text NOT NULL,
        period_kind text NOT NULL CHECK (period_kind IN ('term', 'year')),
        admissions integer NOT NULL CHECK (admissions >= 0),
        note text NULL,
        set_by jsonb NOT NULL,
        set_at timestamptz(3) NOT NULL,
        PRIMARY KEY (organisation_id, period_id)
      )`);
    // Statistics read admissions by the date of the deciding event.
    await q.query(`CREATE INDEX case_events_admitting_idx ON case_events (occurred_on) WHERE to_state IN ('awaitingCeremony', 'fullMember', 'removed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_events_admitting_idx`);
    await q.query(`DROP TABLE admission_targets`);
  }
}
