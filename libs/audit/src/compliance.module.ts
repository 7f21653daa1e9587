import { Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
import { OrganisationsModule } from '@charterflow/organisations';
import { DeadlineAuditRepository } from './deadline-audit/deadline-audit.repository';
import { DeadlineAuditService } from './deadline-audit/deadline-audit.service';
import { AuditCasesRepository } from './findings/audit-cases.repository';
import { ComplianceService } from './findings/compliance.service';
import { FindingsRepository } from './findings/findings.repository';

/** The compliance audit: checks over stored cases, the materialised findings, late and missed limits. */
@Module({
  imports: [CasesModule, OrganisationsModule],
  providers: [AuditCasesRepository, FindingsRepository, ComplianceService, DeadlineAuditRepository, DeadlineAuditService],
  exports: [ComplianceService, DeadlineAuditService],
})
export class ComplianceModule {}
