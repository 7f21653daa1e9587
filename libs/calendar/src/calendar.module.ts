import { DynamicModule, Module } from '@nestjs/common';
import { CALENDAR_MODULE_OPTIONS, CalendarModuleOptions } from './calendar.constants';
import { CalendarOverridesRepository } from './calendar-overrides.repository';
import { CalendarService } from './calendar.service';

/**
 * The working-day calendar as a Nest module. Needs the TypeORM `DataSource` (provided globally by
 * `TypeOrmModule.forRootAsync`). Import `CalendarModule` for the defaults or `CalendarModule.forRoot(options)`.
 */
@Module({
  providers: [CalendarOverridesRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {
  static forRoot(options: CalendarModuleOptions): DynamicModule {
    return {
      module: CalendarModule,
      providers: [{ provide: CALENDAR_MODULE_OPTIONS, useValue: options }],
      exports: [CalendarService],
    };
  }
}
