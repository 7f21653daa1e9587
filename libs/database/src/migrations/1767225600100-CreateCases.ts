import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their append-only hash-chained history, and their deadlines. */
export class CreateCases1767225600100 implements MigrationInterface {
  name = 'CreateCases1767225600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        state text NOT NULL,
        snapshot jsonb NOT NULL,
        machine_version integer NOT NULL,
        procedure_version text NOT NULL,
        version integer NOT NULL,
        candidate jsonb NOT NULL,
        search_text text NOT NULL,
        last_seq integer NOT NULL,
        last_hash text NOT NULL,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_organisation_id_idx ON cases (organisation_id)`);
    await q.query(`CREATE INDEX cases_state_idx ON cases (state)`);
    await q.query(`CREATE INDEX cases_created_at_id_idx ON cases (created_at, id)`);

    await q.query(`
      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        seq integer NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        occurred_on date NOT NULL,
        recorded_at timestamptz(3) NOT NULL,
        actor jsonb NOT NULL,
        from_state text NULL,
        to_state text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT case_events_case_id_seq_key UNIQUE (case_id, seq)
      )`);
    await q.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER case_events_no_update_or_delete BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
    await q.query(`
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
      FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);

    await q.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        key text NOT NULL,
        kind text NOT NULL,
        base_on date NOT NULL,
        due_on date NOT NULL,
        original_due_on date NOT NULL,
        extended_by integer NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('open', 'met', 'missed', 'cancelled')),
        source text NOT NULL,
        rule_set text NOT NULL,
        opened_on date NOT NULL,
        closed_on date NULL,
        late_working_days integer NULL,
        reference text NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT deadlines_case_id_key_key UNIQUE (case_id, key)
      )`);
    await q.query(`CREATE INDEX deadlines_status_due_on_idx ON deadlines (status, due_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deadlines`);
    // Dropping the table drops its triggers; the trigger refuses TRUNCATE, not DROP.
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP FUNCTION case_events_append_only()`);
    await q.query(`DROP TABLE cases`);
  }
}
