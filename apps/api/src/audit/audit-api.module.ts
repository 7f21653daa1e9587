import { Module } from '@nestjs/common';
import { ComplianceModule } from '@charterflow/audit';
import { CasesModule } from '@charterflow/cases';
import { OrganisationsModule } from '@charterflow/organisations';
import { AuditController } from './audit.controller';

/** The compliance audit over HTTP: late and missed time limits, violations, per-case compliance and its report. */
@Module({
  imports: [ComplianceModule, CasesModule, OrganisationsModule],
  controllers: [AuditController],
})
export class AuditApiModule {}
