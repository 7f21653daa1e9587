import { Module } from '@nestjs/common';

/**
 * Notifications: the inbox per organisation and role, and signed outbound webhooks.
 * (The inbox and webhook providers are registered here.)
 */
@Module({
  imports: [],
  providers: [],
  exports: [],
})
export class NotificationsModule {}
