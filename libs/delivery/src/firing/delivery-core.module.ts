import { Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
// The inbox module itself, not the notifications barrel (see firing.service.ts).
import { InboxModule } from '@charterflow/notifications';
import { FiringHandler, PendingFirings } from '../contracts';
import { ReminderPolicyService } from '../policy/reminder-policy.service';
import { DeadlineFiringsRepository } from './deadline-firings.repository';
import { FiringDeadlinesRepository } from './firing-deadlines.repository';
import { FiringService } from './firing.service';
import { OrganisationChainRepository } from './organisation-chain.repository';
import { PendingFiringsService } from './pending-firings.service';

const EXPORTED = [
  ReminderPolicyService,
  FiringDeadlinesRepository,
  DeadlineFiringsRepository,
  OrganisationChainRepository,
  FiringService,
  PendingFiringsService,
];

/**
 * What deadline delivery decides, without any transport: the reminder policy (validated at boot), the planner's
 * inputs, the idempotent firing handler and the pending-firings view. A transport (BullMQ or the embedded poll)
 * imports this module and injects `FiringHandler` and `PendingFirings`. Needs the platform's DataSource, `Clock`
 * and `CALENDAR_PROVIDER`. Nothing here runs by itself: no timers, no workers.
 */
@Module({
  imports: [CasesModule, InboxModule],
  providers: [...EXPORTED, { provide: FiringHandler, useExisting: FiringService }, { provide: PendingFirings, useExisting: PendingFiringsService }],
  exports: [...EXPORTED, FiringHandler, PendingFirings],
})
export class DeliveryCoreModule {}
