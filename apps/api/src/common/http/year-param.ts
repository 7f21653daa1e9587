import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CALENDAR_YEARS } from '@charterflow/calendar';
import type { HttpRequest } from './http-types';
import { DomainException } from '@charterflow/kernel';

/**
 * A calendar year in the path, read from the raw text: exactly four digits, from CALENDAR_YEARS.min to .max.
 * A custom decorator rather than a pipe, because the global ValidationPipe would first turn `0x7EA`, `2026.0`,
 * ` 2027` or `1e3` into a number for a parameter typed `number`, and a pipe after it could no longer tell.
 */
export const YearParam = createParamDecorator((name: string | undefined, ctx: ExecutionContext): number => {
  const field = name ?? 'year';
  return parseYear(ctx.switchToHttp().getRequest<HttpRequest>().params?.[field], field);
});

export function parseYear(raw: unknown, field = 'year'): number {
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!CALENDAR_YEARS.includes(year)) {
    throw DomainException.validation([{ field, message: `${field} must be a year written with four digits, from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}` }]);
  }
  return year;
}
