import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks per organisation and their delivery log. A trigger on `notifications` queues one pending
 * delivery per matching webhook in the transaction that wrote the notification, so no code path that writes a
 * notification can forget its webhooks (the same reasoning as the deadline outbox, ADR 0007).
 */
export class CreateWebhooks1767225600500 implements MigrationInterface {
  name = 'CreateWebhooks1767225600500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        url text NOT NULL,
        -- Kept in clear: the deliverer needs it to sign every request (HMAC), so it cannot be hashed.
        secret text NOT NULL,
        description text NULL,
        active boolean NOT NULL DEFAULT true,
        -- Also receive the notifications of every organisation below this one.
        include_subtree boolean NOT NULL DEFAULT true,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    // The trigger looks webhooks up by the organisation ids on the notification's path.
    await q.query(`CREATE INDEX webhooks_active_organisation_id_idx ON webhooks (organisation_id) WHERE active`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id),
        notification_id uuid NOT NULL REFERENCES notifications (id),
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        -- When pending: the next attempt is due at this instant (also moved forward as a lease while one is under way).
        next_attempt_at timestamptz(3) NOT NULL,
        last_status_code integer NULL,
        last_error text NULL,
        delivered_at timestamptz(3) NULL,
        created_at timestamptz(3) NOT NULL,
        CONSTRAINT webhook_deliveries_webhook_id_notification_id_key UNIQUE (webhook_id, notification_id)
      )`);
    // The deliverer's claim: due pending rows, oldest first.
    await q.query(`CREATE INDEX webhook_deliveries_status_next_attempt_at_idx ON webhook_deliveries (status, next_attempt_at)`);
    // The delivery log of one webhook, newest first.
    await q.query(`CREATE INDEX webhook_deliveries_webhook_id_created_at_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC)`);

    // One pending delivery per active webhook of the notification's organisation, or of an ancestor whose webhook
    // includes its subtree. The ancestors are read from the materialised path '/<root>/…/<self>/'. Times come from
    // the notification row (written with the application's clock), never from the database's now().
    // The payload's `id` is the delivery id (the X-Charterflow-Delivery header): what receivers dedupe on.
    await q.query(`
      CREATE FUNCTION notifications_to_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        org_path text;
      BEGIN
        SELECT path INTO org_path FROM organisations WHERE id = NEW.organisation_id;
        WITH targets AS (
          -- Materialised (volatile function): one id per webhook, used both as the row id and in the payload.
          SELECT gen_random_uuid() AS id, w.id AS webhook_id
          FROM webhooks w
          WHERE w.active
            AND w.organisation_id = ANY (string_to_array(btrim(org_path, '/'), '/')::uuid[])
            AND (w.organisation_id = NEW.organisation_id OR w.include_subtree)
        )
        INSERT INTO webhook_deliveries (id, webhook_id, notification_id, payload, status, attempts, next_attempt_at, created_at)
        SELECT t.id, t.webhook_id, NEW.id,
          jsonb_build_object(
            'id', t.id,
            'type', 'notification.created',
            'notification', jsonb_build_object(
              'id', NEW.id,
              'organisationId', NEW.organisation_id,
              'role', NEW.role,
              'caseId', NEW.case_id,
              'deadlineId', NEW.deadline_id,
              'kind', NEW.kind,
              'phase', NEW.phase,
              'dueOn', to_char(NEW.due_on, 'YYYY-MM-DD'),
              'title', jsonb_build_object('vi', NEW.title_vi, 'en', NEW.title_en),
              'body', jsonb_build_object('vi', NEW.body_vi, 'en', NEW.body_en),
              -- The same text as JavaScript's toISOString(), whatever the session's TimeZone.
              'createdAt', to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            )
          ),
          'pending', 0, NEW.created_at, NEW.created_at
        FROM targets t;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER notifications_webhook_deliveries AFTER INSERT ON notifications
      FOR EACH ROW EXECUTE FUNCTION notifications_to_webhook_deliveries()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notifications_webhook_deliveries ON notifications`);
    await q.query(`DROP FUNCTION notifications_to_webhook_deliveries()`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
