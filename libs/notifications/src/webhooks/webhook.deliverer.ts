import { Injectable, Logger } from '@nestjs/common';
import { WebhookDelivery } from './webhook-delivery';
import { afterAttempt, WEBHOOK_RETRY } from './retry-policy';
import { signWebhook } from './signature';
import { NOTIFICATION_CREATED } from './webhook';
import { AttemptRecord, ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WEBHOOK_REQUEST_TIMEOUT_MS, WebhookHttpClient } from './webhook-http.client';
import { Clock } from '@charterflow/kernel';

/** Requests in flight at once within one `deliverDue` call. */
const PARALLEL_REQUESTS = 16;
/** Margin on the lease beyond the longest the batch's requests can take. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends due webhook deliveries: claim (short transaction, SKIP LOCKED, lease), sign, POST, record the outcome.
 * At-least-once: a worker that dies between the POST and the record leaves the row to be sent again when its
 * lease expires, so receivers dedupe by `X-Charterflow-Delivery`.
 */
@Injectable()
export class WebhookDeliverer extends WebhookDelivery {
  private readonly logger = new Logger(WebhookDeliverer.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly http: WebhookHttpClient,
    private readonly clock: Clock,
  ) {
    super();
  }

  async deliverDue(limit = 50): Promise<number> {
    const now = this.clock.now();
    // Long enough for the whole batch at PARALLEL_REQUESTS at a time, each cut off by the request timeout.
    const leaseMs = WEBHOOK_REQUEST_TIMEOUT_MS * Math.ceil(limit / PARALLEL_REQUESTS) + LEASE_MARGIN_MS;
    const claimed = await this.deliveries.claimDue(now, new Date(now.getTime() + leaseMs), limit);
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) await this.attempt(claimed[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, claimed.length) }, lane));
    return claimed.length;
  }

  /** One attempt of one claimed delivery; never throws (a failure is recorded, not raised). */
  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const attempt = delivery.attempts + 1;
    try {
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(this.clock.now().getTime() / 1000);
      const result = await this.http.post(delivery.url, body, {
        'Content-Type': 'application/json',
        'User-Agent': 'charterflow-webhooks/1',
        'X-Charterflow-Event': NOTIFICATION_CREATED,
        'X-Charterflow-Delivery': delivery.id,
        'X-Charterflow-Timestamp': String(timestamp),
        'X-Charterflow-Signature': signWebhook({ secret: delivery.secret, timestamp, body }),
      });
      const statusCode = 'statusCode' in result ? result.statusCode : null;
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      const error = 'error' in result ? result.error : `HTTP ${statusCode}`;
      const at = this.clock.now();
      const outcome = afterAttempt({ ok, attempts: attempt, deliveryId: delivery.id, now: at });
      const record: AttemptRecord =
        outcome.status === 'delivered'
          ? { status: 'delivered', statusCode: statusCode as number, at }
          : outcome.status === 'pending'
            ? { status: 'pending', statusCode, error, nextAttemptAt: outcome.nextAttemptAt }
            : { status: 'failed', statusCode, error };
      const recorded = await this.deliveries.recordAttempt(delivery.id, delivery.attempts, record);
      // Never the URL (it may carry a token) nor the secret.
      const fields = { deliveryId: delivery.id, webhookId: delivery.webhookId, attempt, statusCode, outcome: outcome.status, recorded };
      if (ok) this.logger.log(fields, 'webhook delivered');
      else
        this.logger.warn(
          { ...fields, error, maxAttempts: WEBHOOK_RETRY.maxAttempts, nextAttemptAt: outcome.status === 'pending' ? outcome.nextAttemptAt.toISOString() : null },
          outcome.status === 'failed' ? 'webhook delivery failed for good' : 'webhook attempt failed; will retry',
        );
    } catch (error) {
      // A database error while recording: the lease makes the delivery due again later.
      this.logger.error({ deliveryId: delivery.id, webhookId: delivery.webhookId, attempt, err: error }, 'webhook attempt could not be recorded');
    }
  }
}
