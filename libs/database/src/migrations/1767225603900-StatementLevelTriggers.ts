import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The triggers that only add rows run once per statement over the rows it wrote (transition tables) instead of once
 * per row. What they write is unchanged; what changes is that an import's batch, which appends thousands of events
 * and deadlines in one statement each, makes its cases dirty, records its outcomes and queues its deadline changes in
 * three set-based statements instead of thousands of trigger calls; and a firing batch's `UPDATE … SET status =
 * 'missed'` queues its outbox rows in one.
 *
 * - `case_events_mark_audit_dirty`: every case among the appended events is dirty (one upsert, cases in id order).
 * - `case_events_outcomes`: the outcomes among the appended events are added, then the rows the appended annulling
 *   events annul are removed (ADR 0024: ADMISSION_ANNULLED the admission and recognition before it,
 *   RECOGNITION_ANNULLED the recognition, a transfer that met a decision issued too late — awaitingCeremony →
 *   superiorReview — the admission). Adding first then removing gives what the row trigger gave event by event in
 *   `seq` order: an annulment removes only rows of lower `seq`, and no outcome row is ever added by a lower-`seq`
 *   event after a higher one.
 * - `deadlines_outbox` becomes two: each inserted deadline, and each updated one whose due date or status changed,
 *   gets its outbox row (the generation is the one the row now has: the BEFORE UPDATE generation trigger stays per row).
 *   An `INSERT … ON CONFLICT DO UPDATE` fires both, each over its own rows.
 */
export class StatementLevelTriggers1767225603900 implements MigrationInterface {
  name = 'StatementLevelTriggers1767225603900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_events_mark_audit_dirty ON case_events`);
    await q.query(`
      CREATE OR REPLACE FUNCTION case_events_mark_audit_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_case_state (case_id, dirty)
        SELECT DISTINCT case_id, true FROM appended ORDER BY case_id
        ON CONFLICT (case_id) DO UPDATE SET dirty = true WHERE audit_case_state.dirty = false;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_mark_audit_dirty AFTER INSERT ON case_events
      REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION case_events_mark_audit_dirty()`);

    await q.query(`DROP TRIGGER case_events_outcomes ON case_events`);
    await q.query(`
      CREATE OR REPLACE FUNCTION case_events_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO case_outcomes (case_id, seq, kind, occurred_on, province_id)
        SELECT e.case_id, e.seq, case_outcome_kind(e.from_state, e.to_state), e.occurred_on, case_outcome_province(c.organisation_id)
        FROM appended e JOIN cases c ON c.id = e.case_id
        WHERE case_outcome_kind(e.from_state, e.to_state) IS NOT NULL
        ORDER BY e.case_id, e.seq;
        IF EXISTS (SELECT 1 FROM appended WHERE type IN ('ADMISSION_ANNULLED', 'RECOGNITION_ANNULLED', 'TRANSFERRED')) THEN
          DELETE FROM case_outcomes o USING appended a
          WHERE o.case_id = a.case_id AND o.seq < a.seq AND (
            (a.type = 'ADMISSION_ANNULLED' AND o.kind IN ('admission', 'recognition'))
            OR (a.type = 'RECOGNITION_ANNULLED' AND o.kind = 'recognition')
            OR (a.type = 'TRANSFERRED' AND a.from_state = 'awaitingCeremony' AND a.to_state = 'superiorReview' AND o.kind = 'admission'));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_outcomes AFTER INSERT ON case_events
      REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION case_events_outcomes()`);

    await q.query(`DROP TRIGGER deadlines_outbox ON deadlines`);
    await q.query(`DROP FUNCTION deadlines_to_outbox()`);
    await q.query(`
      CREATE FUNCTION deadlines_inserted_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (topic, deadline_id, generation) SELECT 'deadline.changed', id, generation FROM inserted ORDER BY id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER deadlines_outbox_inserted AFTER INSERT ON deadlines
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION deadlines_inserted_to_outbox()`);
    await q.query(`
      CREATE FUNCTION deadlines_updated_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (topic, deadline_id, generation)
        SELECT 'deadline.changed', n.id, n.generation FROM updated n JOIN previous o ON o.id = n.id
        WHERE n.due_on IS DISTINCT FROM o.due_on OR n.status IS DISTINCT FROM o.status
        ORDER BY n.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER deadlines_outbox_updated AFTER UPDATE ON deadlines
      REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION deadlines_updated_to_outbox()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER deadlines_outbox_updated ON deadlines`);
    await q.query(`DROP TRIGGER deadlines_outbox_inserted ON deadlines`);
    await q.query(`DROP FUNCTION deadlines_updated_to_outbox()`);
    await q.query(`DROP FUNCTION deadlines_inserted_to_outbox()`);
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
      END $$`);
    await q.query(`CREATE TRIGGER deadlines_outbox AFTER INSERT OR UPDATE OF due_on, status ON deadlines FOR EACH ROW EXECUTE FUNCTION deadlines_to_outbox()`);

    await q.query(`DROP TRIGGER case_events_outcomes ON case_events`);
    await q.query(`
      CREATE OR REPLACE FUNCTION case_events_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'ADMISSION_ANNULLED' THEN
          DELETE FROM case_outcomes WHERE case_id = NEW.case_id AND seq < NEW.seq AND kind IN ('admission', 'recognition');
        ELSIF NEW.type = 'RECOGNITION_ANNULLED' THEN
          DELETE FROM case_outcomes WHERE case_id = NEW.case_id AND seq < NEW.seq AND kind = 'recognition';
        ELSIF NEW.type = 'TRANSFERRED' AND NEW.from_state = 'awaitingCeremony' AND NEW.to_state = 'superiorReview' THEN
          DELETE FROM case_outcomes WHERE case_id = NEW.case_id AND seq < NEW.seq AND kind = 'admission';
        END IF;
        IF case_outcome_kind(NEW.from_state, NEW.to_state) IS NOT NULL THEN
          INSERT INTO case_outcomes (case_id, seq, kind, occurred_on, province_id)
          SELECT NEW.case_id, NEW.seq, case_outcome_kind(NEW.from_state, NEW.to_state), NEW.occurred_on, case_outcome_province(c.organisation_id)
          FROM cases c WHERE c.id = NEW.case_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_outcomes AFTER INSERT ON case_events
      FOR EACH ROW
      WHEN (case_outcome_kind(NEW.from_state, NEW.to_state) IS NOT NULL OR NEW.type IN ('ADMISSION_ANNULLED', 'RECOGNITION_ANNULLED', 'TRANSFERRED'))
      EXECUTE FUNCTION case_events_outcomes()`);

    await q.query(`DROP TRIGGER case_events_mark_audit_dirty ON case_events`);
    await q.query(`
      CREATE OR REPLACE FUNCTION case_events_mark_audit_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_case_state (case_id, dirty) VALUES (NEW.case_id, true)
        ON CONFLICT (case_id) DO UPDATE SET dirty = true WHERE audit_case_state.dirty = false;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER case_events_mark_audit_dirty AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_mark_audit_dirty()`);
  }
}
