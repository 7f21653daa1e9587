import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline delivery (ADR 0007): a generation per deadline row, an outbox written by trigger, the ledger of what
 * has fired, and the notifications inbox.
 */
export class CreateDelivery1767225600400 implements MigrationInterface {
  name = 'CreateDelivery1767225600400';

  async up(q: QueryRunner): Promise<void> {
    // A firing is (deadline, generation, phase): the generation moves whenever the due date or the status does, so
    // jobs planned for an older due date find a stale generation and do nothing.
    await q.query(`ALTER TABLE deadlines ADD COLUMN generation integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION deadlines_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.due_on IS DISTINCT FROM OLD.due_on OR NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.generation := OLD.generation + 1;
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER deadlines_generation BEFORE UPDATE ON deadlines
      FOR EACH ROW EXECUTE FUNCTION deadlines_bump_generation()`);

    // Written by trigger in the transaction that changed the deadline, so no code path can forget it; the relay
    // consumes and deletes the rows.
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        deadline_id uuid NOT NULL,
        generation integer NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // OLD is only read on UPDATE (nested IF: plpgsql does not short-circuit a field of an unassigned record safely).
    await q.query(`
      CREATE FUNCTION deadlines_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.due_on IS NOT DISTINCT FROM OLD.due_on AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
            RETURN NULL;
          END IF;
        END IF;
        INSERT INTO outbox (topic, deadline_id, generation) VALUES ('deadline.changed', NEW.id, NEW.generation);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER deadlines_outbox AFTER INSERT OR UPDATE OF due_on, status ON deadlines
      FOR EACH ROW EXECUTE FUNCTION deadlines_to_outbox()`);

    // The pending-firings query reads the open deadlines by due date.
    await q.query(`CREATE INDEX deadlines_open_due_on_idx ON deadlines (due_on) INCLUDE (id, case_id, kind, generation) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE deadline_firings (
        deadline_id uuid NOT NULL REFERENCES deadlines (id),
        generation integer NOT NULL,
        phase text NOT NULL,
        fire_at timestamptz(3) NOT NULL,
        fired_at timestamptz(3) NOT NULL,
        -- bigint: a firing caught up after months of downtime (or an imported case) is months late.
        lateness_ms bigint NOT NULL,
        outcome text NOT NULL,
        PRIMARY KEY (deadline_id, generation, phase)
      )`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        role text NOT NULL,
        case_id uuid NULL REFERENCES cases (id),
        deadline_id uuid NULL REFERENCES deadlines (id),
        kind text NOT NULL CHECK (kind IN ('reminder', 'escalation', 'probation_ended')),
        phase text NULL,
        due_on date NULL,
        title_vi text NOT NULL,
        title_en text NOT NULL,
        body_vi text NOT NULL,
        body_en text NOT NULL,
        created_at timestamptz(3) NOT NULL,
        read_at timestamptz(3) NULL,
        dedupe_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX notifications_inbox_idx ON notifications (organisation_id, role, read_at, created_at)`);
    // The inbox page: one organisation, newest first, (created_at, id) as the cursor.
    await q.query(`CREATE INDEX notifications_organisation_created_idx ON notifications (organisation_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE deadline_firings`);
    await q.query(`DROP INDEX deadlines_open_due_on_idx`);
    await q.query(`DROP TRIGGER deadlines_outbox ON deadlines`);
    await q.query(`DROP FUNCTION deadlines_to_outbox()`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TRIGGER deadlines_generation ON deadlines`);
    await q.query(`DROP FUNCTION deadlines_bump_generation()`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN generation`);
  }
}
