/** A calendar date in Asia/Ho_Chi_Minh, written `YYYY-MM-DD`. Business dates are never instants. */
export type BusinessDate = string;

/** The time zone every business date is read in. */
export const BUSINESS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar date of an instant in Asia/Ho_Chi_Minh (or another zone). */
export function businessDateOf(instant: Date, timeZone = BUSINESS_TIME_ZONE): BusinessDate {
  return dateFormatOf(timeZone).format(instant);
}

/** Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
function dateFormatOf(timeZone: string): Intl.DateTimeFormat {
  let f = DATE_FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timeZone, f);
  }
  return f;
}
