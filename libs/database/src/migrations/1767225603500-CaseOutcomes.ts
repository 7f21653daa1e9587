import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outcomes the statistics count, one row each, kept by the database itself (ADR 0030).
 *
 * `case_outcomes` holds every admission (an event entering awaitingCeremony), recognition (entering fullMember) and
 * removal (entering removed) that no later step annulled, with its business date and the province (root of the path)
 * of the case's organisation. A province's statistics for a period are then one range of
 * `case_outcomes_province_on_idx`, instead of every case of the province probed for its outcome events.
 *
 * Three triggers keep it, whoever writes (a step, an import, a repair):
 * - `case_events_outcomes` (after an event is inserted, only for the events that matter): an outcome event adds its
 *   row; an annulling event removes the rows it annuls (ADR 0024: ADMISSION_ANNULLED the admission and recognition
 *   before it, RECOGNITION_ANNULLED the recognition, a transfer that met a decision issued too late — recorded as
 *   awaitingCeremony → superiorReview — the admission);
 * - `cases_outcomes_province` (a case moved to another cell): its rows take the new cell's province;
 * - `organisations_outcomes_province` (an organisation moved under another province): its cases' rows follow.
 *
 * The indexes that served the old reading (`case_events_outcome_idx`, `case_events_annulling_idx`) are dropped.
 *
 * `statistics_versions` counts, per province, the committed changes of what a province's statistics are computed
 * from: its outcomes, its organisations (a new unit, a name, a move) and its candidates. A statistics answer computed
 * at a province's version stays right until that version moves, so it may be kept (ADR 0030). The counter is moved
 * by constraint triggers deferred to the commit (`statistics_touch`), once per province and transaction, so its row
 * is locked only while the writing transaction commits, not while it works.
 */
export class CaseOutcomes1767225603500 implements MigrationInterface {
  name = 'CaseOutcomes1767225603500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_outcomes (
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        kind text NOT NULL CONSTRAINT case_outcomes_kind_check CHECK (kind IN ('admission', 'recognition', 'removal')),
        occurred_on date NOT NULL,
        province_id uuid NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`);
    await q.query(`CREATE INDEX case_outcomes_province_on_idx ON case_outcomes (province_id, occurred_on) INCLUDE (kind, case_id)`);
    await q.query(`
      CREATE FUNCTION case_outcome_kind(from_state text, to_state text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN from_state IS DISTINCT FROM to_state THEN
          CASE to_state WHEN 'awaitingCeremony' THEN 'admission' WHEN 'fullMember' THEN 'recognition' WHEN 'removed' THEN 'removal' END
        END
      $$`);
    await q.query(`
      CREATE FUNCTION case_outcome_province(organisation_id uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT split_part(path, '/', 2)::uuid FROM organisations WHERE id = organisation_id
      $$`);
    await q.query(`
      CREATE FUNCTION case_events_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`
      CREATE FUNCTION cases_outcomes_province() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_outcomes SET province_id = case_outcome_province(NEW.organisation_id) WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER cases_outcomes_province AFTER UPDATE OF organisation_id ON cases
      FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
      EXECUTE FUNCTION cases_outcomes_province()`);
    await q.query(`
      CREATE FUNCTION organisations_outcomes_province() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_outcomes o SET province_id = split_part(NEW.path, '/', 2)::uuid
        FROM cases c WHERE c.organisation_id = NEW.id AND o.case_id = c.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER organisations_outcomes_province AFTER UPDATE OF path ON organisations
      FOR EACH ROW WHEN (split_part(OLD.path, '/', 2) IS DISTINCT FROM split_part(NEW.path, '/', 2))
      EXECUTE FUNCTION organisations_outcomes_province()`);
    // The outcomes already recorded: each outcome event no later event annulled.
    await q.query(`
      INSERT INTO case_outcomes (case_id, seq, kind, occurred_on, province_id)
      SELECT e.case_id, e.seq, case_outcome_kind(e.from_state, e.to_state), e.occurred_on, case_outcome_province(c.organisation_id)
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.to_state IN ('awaitingCeremony', 'fullMember', 'removed') AND e.from_state IS DISTINCT FROM e.to_state
        AND NOT EXISTS (
          SELECT 1 FROM case_events a WHERE a.case_id = e.case_id AND a.seq > e.seq AND (
            (a.type = 'ADMISSION_ANNULLED' AND e.to_state IN ('awaitingCeremony', 'fullMember'))
            OR (a.type = 'RECOGNITION_ANNULLED' AND e.to_state = 'fullMember')
            OR (a.type = 'TRANSFERRED' AND a.from_state = 'awaitingCeremony' AND a.to_state = 'superiorReview' AND e.to_state = 'awaitingCeremony')))`);
    // Counted from here on: the answers computed before this migration are not kept anywhere.
    await q.query(`CREATE TABLE statistics_versions (province_id uuid PRIMARY KEY, version bigint NOT NULL)`);
    await q.query(`
      CREATE FUNCTION statistics_bump(province uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        marker text := 'charterflow.statistics_' || replace(province::text, '-', '');
      BEGIN
        IF province IS NULL OR current_setting(marker, true) = 'bumped' THEN RETURN; END IF;
        PERFORM set_config(marker, 'bumped', true);
        INSERT INTO statistics_versions (province_id, version) VALUES (province, 1)
        ON CONFLICT (province_id) DO UPDATE SET version = statistics_versions.version + 1;
      END $$`);
    await q.query(`
      CREATE FUNCTION statistics_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A row that changed province moves both counters, the lower id first, so that two opposite moves
        -- committing together lock them in the same order.
        IF TG_TABLE_NAME = 'case_outcomes' THEN
          IF TG_OP = 'INSERT' THEN PERFORM statistics_bump(NEW.province_id);
          ELSIF TG_OP = 'DELETE' THEN PERFORM statistics_bump(OLD.province_id);
          ELSE
            PERFORM statistics_bump(least(OLD.province_id, NEW.province_id));
            PERFORM statistics_bump(greatest(OLD.province_id, NEW.province_id));
          END IF;
        ELSIF TG_TABLE_NAME = 'organisations' THEN
          IF TG_OP = 'INSERT' THEN PERFORM statistics_bump(split_part(NEW.path, '/', 2)::uuid);
          ELSIF TG_OP = 'DELETE' THEN PERFORM statistics_bump(split_part(OLD.path, '/', 2)::uuid);
          ELSE
            PERFORM statistics_bump(least(split_part(OLD.path, '/', 2)::uuid, split_part(NEW.path, '/', 2)::uuid));
            PERFORM statistics_bump(greatest(split_part(OLD.path, '/', 2)::uuid, split_part(NEW.path, '/', 2)::uuid));
          END IF;
        ELSE
          PERFORM statistics_bump(province_id) FROM case_outcomes WHERE case_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER case_outcomes_statistics AFTER INSERT OR UPDATE OR DELETE ON case_outcomes
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_touch()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER organisations_statistics AFTER INSERT OR UPDATE OR DELETE ON organisations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION statistics_touch()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER cases_candidate_statistics AFTER UPDATE OF candidate ON cases
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.candidate IS DISTINCT FROM NEW.candidate)
      EXECUTE FUNCTION statistics_touch()`);
    await q.query(`DROP INDEX case_events_annulling_idx`);
    await q.query(`DROP INDEX case_events_outcome_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX case_events_outcome_idx ON case_events (case_id, occurred_on)
       WHERE to_state IN ('awaitingCeremony', 'fullMember', 'removed') AND from_state IS DISTINCT FROM to_state`,
    );
    await q.query(`CREATE INDEX case_events_annulling_idx ON case_events (case_id, seq) WHERE type IN ('ADMISSION_ANNULLED', 'RECOGNITION_ANNULLED', 'TRANSFERRED')`);
    await q.query(`DROP TRIGGER cases_candidate_statistics ON cases`);
    await q.query(`DROP TRIGGER organisations_statistics ON organisations`);
    await q.query(`DROP TRIGGER case_outcomes_statistics ON case_outcomes`);
    await q.query(`DROP FUNCTION statistics_touch()`);
    await q.query(`DROP FUNCTION statistics_bump(uuid)`);
    await q.query(`DROP TABLE statistics_versions`);
    await q.query(`DROP TRIGGER organisations_outcomes_province ON organisations`);
    await q.query(`DROP FUNCTION organisations_outcomes_province()`);
    await q.query(`DROP TRIGGER cases_outcomes_province ON cases`);
    await q.query(`DROP FUNCTION cases_outcomes_province()`);
    await q.query(`DROP TRIGGER case_events_outcomes ON case_events`);
    await q.query(`DROP FUNCTION case_events_outcomes()`);
    await q.query(`DROP FUNCTION case_outcome_province(uuid)`);
    await q.query(`DROP FUNCTION case_outcome_kind(text, text)`);
    await q.query(`DROP TABLE case_outcomes`);
  }
}
