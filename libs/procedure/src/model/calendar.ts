// The working-day calendar's interface is the kernel's port (every library counts on it); libs/procedure builds it
// (calendar/working-day-calendar.ts).
export type { CalendarYearOverrides, ExtraHoliday, WorkingDayCalendar, WorkingDayCalendarDefinition } from '@charterflow/kernel';
