/** Dates as a Vietnamese clerk reads and types them: dd/mm/yyyy. The API speaks `YYYY-MM-DD` and ISO instants. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-12-15` → `15/12/2026`; anything else is returned as it is. */
export function viDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = ISO_DATE.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** An instant as date and time in Asia/Ho_Chi_Minh: `15/12/2026 09:30`. */
export function viDateTime(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  // UTC+7 all year (no daylight saving): shift and read the UTC fields, independent of the browser's zone.
  const local = new Date(d.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/**
 * What a clerk typed (`15/12/2026`, `5/1/2026`, `05-01-2026`, `5.1.2026`) as `YYYY-MM-DD`, or null when it is not a
 * real calendar date of 1900–2100.
 */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, on: string): number | null {
  const b = ISO_DATE.exec(birthDate);
  const d = ISO_DATE.exec(on);
  if (!b || !d) return null;
  let age = Number(d[1]) - Number(b[1]);
  if (d[2] < b[2] || (d[2] === b[2] && d[3] < b[3])) age -= 1;
  return age;
}

/** Today in Asia/Ho_Chi_Minh (UTC+7 all year), as `YYYY-MM-DD`, from the browser's clock. */
export function businessToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
