import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@charterflow/config';
import { buildDataSourceOptions } from '@charterflow/database';
import { CoreModule, CoreModuleOptions } from './core.module';
import { loggerModule } from './logger.module';

/**
 * What every process of charterflow stands on, whether it serves HTTP, delivers deadlines, or both: the validated
 * configuration, the clock, the working-day calendar, structured logs and the database (PostgreSQL or PGlite).
 */
@Module({})
export class PlatformModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        CoreModule.forRoot(options),
        loggerModule(options.config),
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => buildDataSourceOptions({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }),
        }),
      ],
      exports: [CoreModule],
    };
  }
}
