import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CalendarYearOverrides } from '@charterflow/procedure';
import { CalendarValidationError, validateCalendarYear } from './calendar-validation';

/** Where the official calendars live, relative to the repository root. */
export const OFFICIAL_CALENDAR_FOLDER = join('config', 'calendar');

const FILE_NAME = /^vn-(\d{4})\.json$/;

/**
 * Finds config/calendar: walking up from this file (works from the sources under jest and from dist/ at runtime),
 * then from the working directory.
 */
export function findOfficialCalendarDir(startDirs: string[] = [__dirname, process.cwd()]): string {
  for (const start of startDirs) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, OFFICIAL_CALENDAR_FOLDER);
      if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`official calendar folder ${OFFICIAL_CALENDAR_FOLDER} not found above ${startDirs.join(' or ')}`);
}

/**
 * Reads and validates every `vn-YYYY.json` of the official calendar folder (procedure doc §7.2), ordered by year.
 * A file that is not valid JSON or breaks a rule of `validateCalendarYear` throws a `CalendarValidationError`
 * naming the file.
 */
export function loadOfficialCalendars(dir?: string): CalendarYearOverrides[] {
  const folder = dir ?? findOfficialCalendarDir();
  const files = readdirSync(folder)
    .filter((f) => FILE_NAME.test(f))
    .sort();
  return files.map((file) => {
    const path = join(folder, file);
    const expectedYear = Number(FILE_NAME.exec(file)![1]);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new CalendarValidationError([{ field: '', message: `not valid JSON (${(e as Error).message})` }], `calendar file ${path}`);
    }
    return validateCalendarYear(data, { expectedYear, origin: `calendar file ${path}` });
  });
}
