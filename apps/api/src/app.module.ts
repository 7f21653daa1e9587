import { DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '@charterflow/cases';
import { DeliveryModule } from '@charterflow/delivery';
import { OrganisationsModule } from '@charterflow/organisations';
import { CoreModuleOptions, PlatformModule } from '@charterflow/platform';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { OrganisationsController } from './organisations/organisations.controller';

/**
 * The HTTP API: the platform (configuration, clock, calendar, logs, database), the domain modules and their
 * controllers, and, unless RUN_WORKER=false, the worker's duties in the same process.
 */
@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), OrganisationsModule, CasesModule, HealthModule, ConsoleModule, ...(options.config.RUN_WORKER ? [DeliveryModule] : [])],
      controllers: [OrganisationsController, CasesController, CalendarController],
    };
  }
}
