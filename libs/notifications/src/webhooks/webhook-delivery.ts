/** Outbound webhooks waiting for (re)delivery; the transport calls this periodically. */
export abstract class WebhookDelivery {
  /** Attempts every delivery whose next attempt is due; returns how many were attempted. */
  abstract deliverDue(limit?: number): Promise<number>;
}
