import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@charterflow/organisations';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';

/**
 * The notifications inbox. Needs the TypeORM DataSource and the `Clock` from the application's platform module.
 * Writers (deadline firing) use `InboxRepository.insertMany` inside their own transaction.
 */
@Module({
  imports: [OrganisationsModule],
  providers: [InboxRepository, InboxService],
  exports: [InboxRepository, InboxService],
})
export class InboxModule {}
