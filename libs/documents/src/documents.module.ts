import { Module } from '@nestjs/common';
import { AccessModule } from '@charterflow/access';
import { CasesModule } from '@charterflow/cases';
import { OrganisationsModule } from '@charterflow/organisations';
import { DocumentsService } from './documents.service';
import { AdmissionsRegisterRepository } from './store/admissions-register.repository';
import { DocumentRecordsRepository } from './store/document-records.repository';
import { DocumentTemplatesRepository } from './store/document-templates.repository';

/** Printed documents. Needs the platform (database, clock). */
@Module({
  imports: [CasesModule, AccessModule, OrganisationsModule],
  providers: [DocumentsService, DocumentTemplatesRepository, DocumentRecordsRepository, AdmissionsRegisterRepository],
  exports: [DocumentsService],
})
export class DocumentsModule {}
