import { CalendarYearOverrides, dayOfWeek, isBusinessDate, parts } from '@charterflow/procedure';

/** One problem found in a calendar year entry: `field` is a path such as `daysOff[2].date`. */
export interface CalendarValidationIssue {
  field: string;
  message: string;
}

/**
 * A calendar year entry (official file, database row or administrator input) is not acceptable.
 * `field` and `message` describe the first problem; `issues` lists all of them. The API answers 400 VALIDATION_FAILED.
 */
export class CalendarValidationError extends Error {
  readonly code = 'VALIDATION_FAILED' as const;
  readonly field: string;
  readonly issues: CalendarValidationIssue[];
  /** The file or row the entry came from, when not from a request. */
  readonly origin?: string;

  constructor(issues: CalendarValidationIssue[], origin?: string) {
    const first = issues[0] ?? { field: '', message: 'invalid calendar entry' };
    super(origin ? `${origin}: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}` : first.message);
    this.name = 'CalendarValidationError';
    this.field = first.field;
    this.issues = issues;
    this.origin = origin;
  }
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Checks a calendar year entry and returns it normalised (only the known fields, names trimmed).
 * Rules: the year is a four-digit integer (and equals `expectedYear` when given); every date is a real date of
 * that year; days off are Monday–Friday (weekends are off anyway); make-up working days are Saturday or Sunday;
 * no date is listed twice; every entry has a name; `source` is a non-empty text.
 */
export function validateCalendarYear(value: unknown, options: { expectedYear?: number; origin?: string } = {}): CalendarYearOverrides {
  const issues: CalendarValidationIssue[] = [];
  const fail = (field: string, message: string) => issues.push({ field, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CalendarValidationError([{ field: '', message: 'a calendar year must be an object with year, daysOff, workingDays and source' }], options.origin);
  }
  const input = value as Record<string, unknown>;

  const year = input.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999;
  if (!yearOk) fail('year', `year must be a four-digit whole number, got ${JSON.stringify(year)}`);
  else if (options.expectedYear !== undefined && year !== options.expectedYear) fail('year', `year is ${year} but ${options.expectedYear} was expected`);

  if (typeof input.source !== 'string' || input.source.trim() === '') fail('source', 'source must name the announcement');

  const seen = new Map<string, string>();
  const readList = (list: 'daysOff' | 'workingDays'): { date: string; name: string }[] => {
    const rows = input[list];
    if (!Array.isArray(rows)) {
      fail(list, `${list} must be a list of { date, name }`);
      return [];
    }
    const out: { date: string; name: string }[] = [];
    rows.forEach((row: unknown, i) => {
      const at = `${list}[${i}]`;
      if (typeof row !== 'object' || row === null) {
        fail(at, 'must be an object { date, name }');
        return;
      }
      const { date, name } = row as Record<string, unknown>;
      if (typeof name !== 'string' || name.trim() === '') fail(`${at}.name`, 'name is required (Vietnamese first)');
      if (!isBusinessDate(date)) {
        fail(`${at}.date`, `${JSON.stringify(date)} is not a real calendar date YYYY-MM-DD`);
        return;
      }
      if (yearOk && parts(date).year !== year) fail(`${at}.date`, `${date} is not in ${year}`);
      const dow = dayOfWeek(date);
      const weekend = dow === 0 || dow === 6;
      if (list === 'daysOff' && weekend) fail(`${at}.date`, `${date} is a ${WEEKDAY_NAMES[dow]}; days off must be weekdays (weekends are off anyway)`);
      if (list === 'workingDays' && !weekend) fail(`${at}.date`, `${date} is a ${WEEKDAY_NAMES[dow]}; make-up working days must be a Saturday or Sunday`);
      const previous = seen.get(date);
      if (previous) fail(`${at}.date`, `${date} is already listed at ${previous}`);
      else seen.set(date, at);
      out.push({ date, name: typeof name === 'string' ? name.trim() : '' });
    });
    return out;
  };
  const daysOff = readList('daysOff');
  const workingDays = readList('workingDays');

  if (issues.length > 0) throw new CalendarValidationError(issues, options.origin);
  const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { year: year as number, daysOff: daysOff.sort(byDate), workingDays: workingDays.sort(byDate), source: (input.source as string).trim() };
}
