import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@charterflow/organisations';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';
import { WebhookFanOut } from '../webhooks/webhook-fan-out';

/**
 * The notifications inbox. Needs the TypeORM DataSource and the `Clock` from the application's platform module.
 * Writers (deadline firing) use `InboxRepository.insertMany` inside their own transaction; it queues the webhook
 * deliveries of what it wrote in that transaction too (`WebhookFanOut`).
 */
@Module({
  imports: [OrganisationsModule],
  providers: [InboxRepository, InboxService, WebhookFanOut],
  exports: [InboxRepository, InboxService],
})
export class InboxModule {}
