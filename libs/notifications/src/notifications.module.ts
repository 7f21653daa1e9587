import { Module } from '@nestjs/common';
import { InboxModule } from './inbox/inbox.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * Notifications: the inbox per organisation and role, and signed outbound webhooks.
 * (The inbox and webhook providers are registered here.)
 */
@Module({
  imports: [InboxModule, WebhooksModule],
  providers: [],
  exports: [InboxModule, WebhooksModule],
})
export class NotificationsModule {}
