import { Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
import { ImportJobsRepository } from './import-jobs.repository';
import { ImportRunner } from './import-runner';
import { IntakeService } from './intake.service';

/** Imports of cases already under way: accepting uploads, and processing them. Needs the platform (database, clock, calendar). */
@Module({
  imports: [CasesModule],
  providers: [ImportJobsRepository, IntakeService, ImportRunner],
  exports: [IntakeService, ImportRunner],
})
export class IntakeModule {}
