import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CalendarModule } from './calendar.module';
import { CalendarService } from './calendar.service';

/** Provides a DataSource the way TypeOrmModule.forRootAsync does (globally), with an empty calendar_overrides. */
@Global()
@Module({ providers: [{ provide: DataSource, useValue: { query: async () => [] } }], exports: [DataSource] })
class EmptyDatabaseModule {}

describe('CalendarModule', () => {
  it('wires CalendarService to the global DataSource and loads the calendar on init', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [EmptyDatabaseModule, CalendarModule] }).compile();
    await moduleRef.init();
    const service = moduleRef.get(CalendarService);
    expect(service.calendar().addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
    await moduleRef.close();
  });

  it('passes forRoot options to the service', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EmptyDatabaseModule,
        CalendarModule.forRoot({ extraHolidays: [{ monthDay: '11-24', name: 'Ngày Văn hóa Việt Nam / Vietnam Culture Day', effectiveFrom: '2027-01-01' }] }),
      ],
    }).compile();
    await moduleRef.init();
    const calendar = moduleRef.get(CalendarService).calendar();
    expect(calendar.isWorkingDay('2027-11-24')).toBe(false);
    expect(calendar.isWorkingDay('2027-11-23')).toBe(true);
    await moduleRef.close();
  });
});
