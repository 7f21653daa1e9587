export * from './calendar.constants';
export * from './calendar-validation';
export * from './official-calendars';
export * from './calendar-overrides.repository';
export * from './calendar.service';
export * from './calendar-years';
export * from './calendar.module';
export * from './tables';
