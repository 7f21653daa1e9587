/** A registered webhook as the API shows it (never with its secret). */
export interface WebhookView {
  id: string;
  organisationId: string;
  url: string;
  description: string | null;
  active: boolean;
  /** Also receives the notifications of every organisation below this one. */
  includeSubtree: boolean;
  createdAt: string;
}

/** The answer to a registration: the only time the secret is shown. */
export interface RegisteredWebhook extends WebhookView {
  secret: string;
}

export interface RegisterWebhookInput {
  organisationId: string;
  url: string;
  /** At least 16 characters; generated when absent. */
  secret?: string;
  description?: string | null;
  includeSubtree?: boolean;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One entry of a webhook's delivery log. */
export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  notificationId: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** The event type of every delivery so far (`X-Charterflow-Event`). */
export const NOTIFICATION_CREATED = 'notification.created';

/** Minimum length of a webhook secret supplied by the caller. */
export const MIN_SECRET_LENGTH = 16;
