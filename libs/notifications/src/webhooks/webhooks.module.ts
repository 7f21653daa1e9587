import { Module } from '@nestjs/common';
import { WebhookDelivery } from './webhook-delivery';
import { OrganisationsModule } from '@charterflow/organisations';
import { HostResolver, SystemHostResolver } from './host-resolver';
import { WebhookDeliverer } from './webhook.deliverer';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookHttpClient } from './webhook-http.client';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

/**
 * Signed outbound webhooks: registration (`WebhooksService`) and delivery (`WebhookDelivery`, which the transport
 * calls periodically). Deliveries are queued by `WebhookFanOut` when `InboxRepository.insert` writes a notification,
 * in the same transaction, so writers need nothing from here.
 * Needs the platform's DataSource and `Clock`.
 */
@Module({
  imports: [OrganisationsModule],
  providers: [
    WebhooksRepository,
    WebhookDeliveriesRepository,
    { provide: HostResolver, useClass: SystemHostResolver },
    WebhookHttpClient,
    WebhooksService,
    WebhookDeliverer,
    { provide: WebhookDelivery, useExisting: WebhookDeliverer },
  ],
  exports: [WebhooksService, WebhookDeliverer, WebhookDelivery],
})
export class WebhooksModule {}
