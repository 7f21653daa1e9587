import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryStatus, WebhookDeliveryView } from './webhook';
import type { RowOf } from '@charterflow/database';
import { WEBHOOK_DELIVERIES_TABLE } from '../tables';

/** A delivery claimed for one attempt, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  url: string;
  secret: string;
  /** The stored payload (jsonb, parsed). */
  payload: unknown;
  /** Attempts made before this one. */
  attempts: number;
}

/** The row as declared in tables.ts; status narrowed to what the column's writers put there. */
type RawDelivery = Omit<Pick<RowOf<typeof WEBHOOK_DELIVERIES_TABLE>, 'id' | 'webhook_id' | 'notification_id' | 'status' | 'attempts' | 'next_attempt_at' | 'last_status_code' | 'last_error' | 'delivered_at' | 'created_at'>, 'status'> & { status: DeliveryStatus };

/** What an attempt ended with, as written to the log. */
export type AttemptRecord =
  | { status: 'delivered'; statusCode: number; at: Date }
  | { status: 'pending'; statusCode: number | null; error: string; nextAttemptAt: Date }
  | { status: 'failed'; statusCode: number | null; error: string };

/** The only place that touches `webhook_deliveries` (rows are created by `WebhookFanOut`, in the transaction that writes their notification). */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims up to `limit` due pending deliveries of active webhooks, oldest first, and moves their next attempt to
   * `leaseUntil` in the same statement (its own short transaction). `FOR UPDATE SKIP LOCKED` lets two workers
   * claim at once without waiting for or taking each other's rows; the lease keeps a claimed row from being due
   * again while its request is under way, and makes it due again if the worker dies before recording the outcome.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    // TypeORM answers [rows, affected] for UPDATE … RETURNING (a WITH … UPDATE included).
    const [rows]: [{ id: string; webhook_id: string; url: string; secret: string; payload: unknown; attempts: number }[], number] = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
         JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND w.active
         ORDER BY d.next_attempt_at, d.id
         LIMIT $3
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET next_attempt_at = $2
       FROM due, webhooks w
       WHERE d.id = due.id AND w.id = d.webhook_id
       RETURNING d.id, d.webhook_id, w.url, w.secret, d.payload, d.attempts`,
      [now, leaseUntil, limit],
    );
    return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, url: r.url, secret: r.secret, payload: r.payload, attempts: r.attempts }));
  }

  /**
   * Writes the outcome of the attempt that followed a claim. Guarded by the attempt count seen at the claim, so a
   * late writer whose lease ran out (and whose row another worker has since attempted) changes nothing.
   * Returns false when the guard refused.
   */
  async recordAttempt(id: string, claimedAttempts: number, record: AttemptRecord): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE webhook_deliveries SET
         attempts = attempts + 1,
         status = $3,
         last_status_code = $4,
         last_error = $5,
         delivered_at = $6,
         next_attempt_at = COALESCE($7, next_attempt_at)
       WHERE id = $1 AND attempts = $2 AND status = 'pending'
       RETURNING id`,
      [
        id,
        claimedAttempts,
        record.status,
        record.statusCode,
        record.status === 'delivered' ? null : record.error,
        record.status === 'delivered' ? record.at : null,
        record.status === 'pending' ? record.nextAttemptAt : null,
      ],
    );
    return rows.length > 0;
  }

  /** The delivery log of one webhook, newest first. */
  async listByWebhook(webhookId: string, limit: number): Promise<WebhookDeliveryView[]> {
    const rows: RawDelivery[] = await this.dataSource.query(
      `SELECT id, webhook_id, notification_id, status, attempts, next_attempt_at, last_status_code, last_error, delivered_at, created_at
       FROM webhook_deliveries WHERE webhook_id = $1
       ORDER BY created_at DESC, id DESC
       LIMIT $2`,
      [webhookId, limit],
    );
    return rows.map(toView);
  }
}

function toView(r: RawDelivery): WebhookDeliveryView {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    notificationId: r.notification_id,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: r.delivered_at ? r.delivered_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
  };
}
