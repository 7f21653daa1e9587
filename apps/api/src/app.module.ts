import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@charterflow/cases';
import { AppConfig } from '@charterflow/config';
import { buildDataSourceOptions } from '@charterflow/database';
import { OrganisationsModule } from '@charterflow/organisations';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { CoreModule, CoreModuleOptions } from './core.module';
import { HealthModule } from './health/health.module';
import { loggerModule } from './logging/logger.module';
import { OrganisationsController } from './organisations/organisations.controller';

/** The HTTP API: configuration, database, the domain modules and their controllers. */
@Module({})
export class AppModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        loggerModule(options.config),
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => buildDataSourceOptions({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }),
        }),
        OrganisationsModule,
        CasesModule,
        HealthModule,
      ],
      controllers: [OrganisationsController, CasesController, CalendarController],
    };
  }
}
