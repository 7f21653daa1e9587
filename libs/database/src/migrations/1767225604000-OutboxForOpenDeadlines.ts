import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inserted deadline gets an outbox row only when it is open. The relay's work for a deadline change is to remove
 * the jobs of its earlier generations and to queue the firings of an open one; a row just inserted has no earlier
 * generation, and one inserted already closed (met, missed or cancelled: most of an imported history's limits) has
 * no firing, so its outbox row made the relay read it, plan nothing and delete it. An import's batch inserts some
 * 3,000 deadlines of which about one in six is open. Updates are unchanged: a change of due date or status still
 * queues its row (ADR 0032, amended).
 */
export class OutboxForOpenDeadlines1767225604000 implements MigrationInterface {
  name = 'OutboxForOpenDeadlines1767225604000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION deadlines_inserted_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (topic, deadline_id, generation)
        SELECT 'deadline.changed', id, generation FROM inserted WHERE status = 'open' ORDER BY id;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION deadlines_inserted_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (topic, deadline_id, generation) SELECT 'deadline.changed', id, generation FROM inserted ORDER BY id;
        RETURN NULL;
      END $$`);
  }
}
