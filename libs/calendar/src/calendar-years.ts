/**
 * The years a calendar may be asked about or changed for. Business dates lie between 1900 and 2100, and so do the
 * calendar years an administrator may enter: a year outside would only be a typing error (`/calendar/1e3`).
 */
export const CALENDAR_YEARS = {
  min: 1900,
  max: 2100,
  includes(year: unknown): year is number {
    return typeof year === 'number' && Number.isInteger(year) && year >= this.min && year <= this.max;
  },
} as const;
