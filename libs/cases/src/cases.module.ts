import { Module } from '@nestjs/common';
import { AppConfig } from '@charterflow/config';
import { OrganisationsModule } from '@charterflow/organisations';
import { CasesService } from './cases.service';
import { CaseQueries } from './queries/case-queries';
import { WorklistQuery } from './queries/worklist-query';
import { CaseEventsRepository } from './repositories/case-events.repository';
import { CasesRepository } from './repositories/cases.repository';
import { DeadlinesRepository } from './repositories/deadlines.repository';
import { IdempotencyKeysRepository } from './repositories/idempotency-keys.repository';
import { CaseStore } from './store/case-store';
import { DecisionEnvs } from './store/decision-env';
import { ApplyTimedEvents } from './use-cases/apply-timed-events';
import { ImportCase } from './use-cases/import-case';
import { ReplayThreads } from './use-cases/replay-threads';
import { KeptCaseViews } from './views/kept-case-views';
import { OpenCase } from './use-cases/open-case';
import { RecordEvent } from './use-cases/record-event';

const USE_CASES = [OpenCase, RecordEvent, ApplyTimedEvents, ImportCase];

/** The import's replay threads, as many as the configuration says (inline without one: a module under test). */
const REPLAY_THREADS = {
  provide: ReplayThreads,
  useFactory: (config?: AppConfig) => new ReplayThreads(config?.IMPORT_REPLAY_THREADS ?? 0),
  inject: [{ token: AppConfig, optional: true }],
};

/**
 * Cases as a Nest module: the write use cases over one `CaseStore`, the read side (`CaseQueries`) and the
 * `CasesService` facade. The application module must provide, globally or through its own imports:
 * - the TypeORM DataSource (`TypeOrmModule.forRootAsync` with `buildDataSourceOptions` from @charterflow/database);
 * - `Clock` (`{ provide: Clock, useClass: SystemClock }`);
 * - `CALENDAR_PROVIDER` (`{ provide: CALENDAR_PROVIDER, useExisting: CalendarService }`).
 */
@Module({
  imports: [OrganisationsModule],
  providers: [CasesRepository, CaseEventsRepository, DeadlinesRepository, IdempotencyKeysRepository, DecisionEnvs, CaseStore, KeptCaseViews, CaseQueries, WorklistQuery, REPLAY_THREADS, ...USE_CASES, CasesService],
  exports: [...USE_CASES, CaseQueries, WorklistQuery, KeptCaseViews, CasesService],
})
export class CasesModule {}
