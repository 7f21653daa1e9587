import { addressOf, NotificationView } from '../inbox/notification';
import { NOTIFICATION_CREATED } from './webhook';

/**
 * The public webhook payload (docs/webhooks.md "What is sent"; ../shared/docs/api.md). The body is the stored jsonb
 * value serialised with JSON.stringify, so the key order on the wire is PostgreSQL's jsonb order (shorter keys first),
 * not the order written here.
 */
export interface WebhookPayload {
  /** The delivery id, as in X-Charterflow-Delivery: what receivers deduplicate on. */
  id: string;
  type: typeof NOTIFICATION_CREATED;
  notification: {
    id: string;
    organisationId: string;
    role: string;
    caseId: string | null;
    deadlineId: string | null;
    kind: string;
    phase: string | null;
    /** A business date `YYYY-MM-DD`, or null. */
    dueOn: string | null;
    title: { vi: string; en: string };
    body: { vi: string; en: string };
    /** UTC ISO text with milliseconds, as JavaScript's toISOString(). */
    createdAt: string;
  };
}

/** The payload of one delivery of a notification (without its `readAt`: a webhook announces a new notification). */
export function webhookPayload(deliveryId: string, n: Omit<NotificationView, 'readAt'>): WebhookPayload {
  return {
    id: deliveryId,
    type: NOTIFICATION_CREATED,
    notification: {
      id: n.id,
      ...addressOf(n),
      title: { vi: n.title.vi, en: n.title.en },
      body: { vi: n.body.vi, en: n.body.en },
      createdAt: n.createdAt,
    },
  };
}
