import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook fan-out leaves the database (ADR 0011): the payload and the pending deliveries of a notification are
 * built in TypeScript (`WebhookFanOut`, libs/notifications) by `InboxRepository.insert`, in the transaction that
 * writes the notification, so the guarantee stays (no notification committed without its deliveries) while the
 * public payload is defined in one place, in code, next to its documentation. The trigger and its function created by
 * CreateWebhooks1767225600500 are dropped; the triggers that guard invariants (append-only history) stay.
 */
export class DropWebhookFanOutTrigger1767225601500 implements MigrationInterface {
  name = 'DropWebhookFanOutTrigger1767225601500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notifications_webhook_deliveries ON notifications`);
    await q.query(`DROP FUNCTION notifications_to_webhook_deliveries()`);
  }

  /** Restores the trigger exactly as CreateWebhooks1767225600500 created it. */
  async down(q: QueryRunner): Promise<void> {
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
}
