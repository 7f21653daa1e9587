import { Processor, WorkerHost } from '@nestjs/bullmq';
import { WebhookDelivery } from '@charterflow/notifications';
import { DEFAULT_CONCURRENCY } from '../delivery-tuning';
import { QUEUES } from '../queues';

/** Scheduler id of the periodic webhook delivery (one job every DELIVERY_POLL_INTERVAL_MS across all workers). */
export const WEBHOOKS_SCHEDULER_ID = 'webhooks-deliver-due';
export const WEBHOOKS_JOB_NAME = 'deliver-due';

/** Attempts the outbound webhooks whose next attempt is due; the deliveries themselves live in PostgreSQL. */
@Processor(QUEUES.webhooks, { concurrency: DEFAULT_CONCURRENCY.webhooks, autorun: false })
export class WebhooksProcessor extends WorkerHost {
  constructor(private readonly webhooks: WebhookDelivery) {
    super();
  }

  async process(): Promise<number> {
    return this.webhooks.deliverDue();
  }
}
