import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@charterflow/organisations';
import { CasesService } from './cases.service';
import { CaseImportService } from './import/case-import.service';
import { CaseEventsRepository } from './repositories/case-events.repository';
import { CasesRepository } from './repositories/cases.repository';
import { DeadlinesRepository } from './repositories/deadlines.repository';
import { IdempotencyKeysRepository } from './repositories/idempotency-keys.repository';

/**
 * Cases as a Nest module. The application module must provide, globally or through its own imports:
 * - the TypeORM DataSource (`TypeOrmModule.forRootAsync` with `buildDataSourceOptions` from @charterflow/database);
 * - `Clock` (`{ provide: Clock, useClass: SystemClock }`);
 * - `CALENDAR_PROVIDER` (`{ provide: CALENDAR_PROVIDER, useExisting: CalendarService }`).
 */
@Module({
  imports: [OrganisationsModule],
  providers: [CasesRepository, CaseEventsRepository, DeadlinesRepository, IdempotencyKeysRepository, CasesService, CaseImportService],
  exports: [CasesService, CaseImportService],
})
export class CasesModule {}
