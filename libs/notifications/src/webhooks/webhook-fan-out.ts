import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationView } from '../inbox/notification';
import { webhookPayload } from './webhook-payload';

/** The active webhooks listening to each organisation (absent: none), from `WebhookFanOut.listeners`. */
export type WebhookListeners = ReadonlyMap<string, readonly string[]>;

/**
 * Queues the webhook deliveries of newly written notifications, in the writer's transaction (so a notification is
 * never committed without its deliveries, and a rolled-back one leaves none): one pending delivery per active
 * webhook of the notification's organisation, or of an ancestor whose webhook includes its subtree. The payload is
 * built here (`webhookPayload`); times come from the notification row (the application's clock), never from the
 * database's now(). Called by `InboxRepository`, the only writer of notifications.
 */
@Injectable()
export class WebhookFanOut {
  /** Returns how many deliveries were queued. */
  async queue(m: EntityManager, notifications: readonly Omit<NotificationView, 'readAt'>[]): Promise<number> {
    if (notifications.length === 0) return 0;
    return this.queueFor(m, notifications, await this.listeners(m, notifications.map((n) => n.organisationId)));
  }

  /**
   * The webhooks listening to each of `organisationIds`: its own, and its ancestors' that include their subtree (the
   * ancestors are read from the materialised path '/<root>/…/<self>/'). A writer that knows its recipients before it
   * writes asks first, and then reads back only the notifications someone listens to.
   */
  async listeners(m: EntityManager, organisationIds: readonly string[]): Promise<WebhookListeners> {
    const listeners = new Map<string, string[]>();
    if (organisationIds.length === 0) return listeners;
    const targets: { organisation_id: string; webhook_id: string }[] = await m.query(
      `SELECT o.id AS organisation_id, w.id AS webhook_id
       FROM organisations o
       JOIN webhooks w ON w.active
        AND w.organisation_id = ANY (string_to_array(btrim(o.path, '/'), '/')::uuid[])
        AND (w.organisation_id = o.id OR w.include_subtree)
       WHERE o.id = ANY ($1::uuid[])`,
      [[...new Set(organisationIds)]],
    );
    for (const t of targets) listeners.set(t.organisation_id, [...(listeners.get(t.organisation_id) ?? []), t.webhook_id]);
    return listeners;
  }

  /** Queues one delivery per notification and webhook of `listeners` listening to its organisation; how many. */
  async queueFor(m: EntityManager, notifications: readonly Omit<NotificationView, 'readAt'>[], listeners: WebhookListeners): Promise<number> {
    const rows = notifications.flatMap((n) =>
      (listeners.get(n.organisationId) ?? []).map((webhookId) => {
        const id = randomUUID();
        return { id, webhookId, notificationId: n.id, payload: webhookPayload(id, n), createdAt: n.createdAt };
      }),
    );
    if (rows.length === 0) return 0;
    await m.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, notification_id, payload, status, attempts, next_attempt_at, created_at)
       SELECT r.id, r."webhookId", r."notificationId", r.payload, 'pending', 0, r."createdAt", r."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "webhookId" uuid, "notificationId" uuid, payload jsonb, "createdAt" timestamptz)`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  }
}
