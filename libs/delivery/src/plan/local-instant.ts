import { BusinessDate } from '@charterflow/procedure';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a local time converts with a fixed offset. */
const HO_CHI_MINH_OFFSET_MS = 7 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant of `time` (HH:MM) on `date` in Asia/Ho_Chi_Minh. `localInstant('2026-03-12', '08:00')` = 01:00Z.
 * Computed from the parts (no string parsing by Date): the planner calls it for every firing of every open deadline.
 */
export function localInstant(date: BusinessDate, time: string): Date {
  const d = DATE.exec(date);
  const t = LOCAL_TIME.exec(time);
  if (!t) throw new RangeError(`local time must be HH:MM, got ${time}`);
  const midnightUtc = d ? Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to March: a date that does not come back unchanged does not exist.
  if (!d || new Date(midnightUtc).toISOString().slice(0, 10) !== date) throw new RangeError(`not a business date: ${date}`);
  return new Date(midnightUtc + Number(t[1]) * 3_600_000 + Number(t[2]) * 60_000 - HO_CHI_MINH_OFFSET_MS);
}
