import { ExtraHoliday } from '@charterflow/procedure';

/** Injection token of `CalendarModuleOptions`. */
export const CALENDAR_MODULE_OPTIONS = Symbol('CALENDAR_MODULE_OPTIONS');

export interface CalendarModuleOptions {
  /** Folder of the official `vn-YYYY.json` files; default: config/calendar found above the code. */
  officialCalendarDir?: string;
  /** Holidays for years without an official entry, e.g. Vietnam Culture Day once in force. Default none. */
  extraHolidays?: ExtraHoliday[];
}

/** `source` of a year replaced without one. */
export const ADMINISTRATOR_SOURCE = 'Quản trị viên nhập theo thông báo chính thức / Entered by an administrator from the official announcement';
