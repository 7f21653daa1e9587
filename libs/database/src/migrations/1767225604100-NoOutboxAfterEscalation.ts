import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalation's own missed mark writes no outbox row. The relay's work for a deadline change is to remove the
 * jobs of the earlier generation and to queue the firings of an open one. When a deadline goes from open to missed
 * with its due date unchanged and the ledger holds the escalation of the generation it leaves, that escalation is
 * what marked it (in the same transaction), and it is the last firing a generation plans: every other firing of the
 * generation was due at or before it, so no job waits for a later instant. A job of the generation still in the
 * queue (a late reminder in a backlog) is due now, and the firing handler answers it `stale`; the reconciler removes
 * any waiting job whose firing is no longer pending. A missed burst of 10,000 escalations thus no longer writes,
 * relays and deletes 10,000 outbox rows while it is being delivered (ADR 0026, "Later"). Every other change of due
 * date or status still queues its row (ADR 0032).
 */
export class NoOutboxAfterEscalation1767225604100 implements MigrationInterface {
  name = 'NoOutboxAfterEscalation1767225604100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION deadlines_updated_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (topic, deadline_id, generation)
        SELECT 'deadline.changed', n.id, n.generation FROM updated n JOIN previous o ON o.id = n.id
        WHERE (n.due_on IS DISTINCT FROM o.due_on OR n.status IS DISTINCT FROM o.status)
          AND NOT (o.status = 'open' AND n.status = 'missed' AND n.due_on = o.due_on
                   AND EXISTS (SELECT 1 FROM deadline_firings f WHERE f.deadline_id = o.id AND f.generation = o.generation AND f.phase = 'escalate'))
        ORDER BY n.id;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION deadlines_updated_to_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO outbox (topic, deadline_id, generation)
        SELECT 'deadline.changed', n.id, n.generation FROM updated n JOIN previous o ON o.id = n.id
        WHERE n.due_on IS DISTINCT FROM o.due_on OR n.status IS DISTINCT FROM o.status
        ORDER BY n.id;
        RETURN NULL;
      END $$`);
  }
}
