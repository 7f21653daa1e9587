import { Module } from '@nestjs/common';
import { DeadlineAuditRepository } from '@charterflow/audit/deadline-audit/deadline-audit.repository';
import { DeadlineAuditService } from '@charterflow/audit/deadline-audit/deadline-audit.service';
import { OrganisationsModule } from '@charterflow/organisations';
import { AuditController } from './audit.controller';

/** The compliance audit over HTTP: late and missed time limits, violations, per-case compliance and reports. */
@Module({
  imports: [OrganisationsModule],
  providers: [DeadlineAuditRepository, DeadlineAuditService],
  controllers: [AuditController],
})
export class AuditApiModule {}
