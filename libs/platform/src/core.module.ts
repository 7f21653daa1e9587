import { DynamicModule, Global, Module } from '@nestjs/common';
import { CalendarModule, CalendarService } from '@charterflow/calendar';
import { AppConfig } from '@charterflow/config';
import { CALENDAR_PROVIDER, Clock, SystemClock } from '@charterflow/kernel';

export interface CoreModuleOptions {
  config: AppConfig;
  /** Replaces the system clock (tests move a FixedClock). */
  clock?: Clock;
}

/**
 * Process-wide providers every feature module may inject: the validated configuration, the one clock and the
 * working-day calendar in force (as `CALENDAR_PROVIDER` for the cases module).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [CalendarModule],
      providers: [
        { provide: AppConfig, useValue: options.config },
        options.clock ? { provide: Clock, useValue: options.clock } : { provide: Clock, useClass: SystemClock },
        { provide: CALENDAR_PROVIDER, useExisting: CalendarService },
      ],
      exports: [AppConfig, Clock, CALENDAR_PROVIDER, CalendarModule],
    };
  }
}
