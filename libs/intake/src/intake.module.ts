import { Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
import { ImportsRepository } from './imports.repository';
import { IntakeService } from './intake.service';

/** Imports of cases already under way. Needs the platform (database, clock, calendar). */
@Module({
  imports: [CasesModule],
  providers: [ImportsRepository, IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
