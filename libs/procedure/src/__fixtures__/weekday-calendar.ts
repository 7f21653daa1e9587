import { BusinessDate } from '../model/dates';
import { WorkingDayCalendar } from '../model/calendar';
import { addDays, dayOfWeek } from '../calendar/business-date';

/** A test calendar: Monday to Friday are working days, with optional extra days off. */
export function weekdayCalendar(daysOff: readonly BusinessDate[] = []): WorkingDayCalendar {
  const off = new Set(daysOff);
  const isWorkingDay = (date: BusinessDate): boolean => {
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6 && !off.has(date);
  };
  return {
    isWorkingDay,
    addWorkingDays(from, n) {
      let d = from;
      let left = n;
      while (left > 0) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) left -= 1;
      }
      return d;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
      return count;
    },
    describeYear(year) {
      return {
        year,
        daysOff: [...off].filter((d) => d.startsWith(`${year}-`)).map((date) => ({ date, name: 'test day off' })),
        workingDays: [],
        source: 'test weekday calendar',
      };
    },
  };
}
