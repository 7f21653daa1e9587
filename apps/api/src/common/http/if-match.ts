import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { HttpRequest as Request } from './http-types';
import { DomainException } from '@charterflow/kernel';

const QUOTED = /^(?:W\/)?"(\d{1,9})"$/;
const BARE = /^(\d{1,9})$/;

/** Parses `If-Match: "<version>"` (quoted or bare integer). Absent → undefined; malformed → 400 naming `If-Match`. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  const m = QUOTED.exec(value.trim()) ?? BARE.exec(value.trim());
  if (!m) {
    throw DomainException.validation([{ field: 'If-Match', message: 'If-Match must be a case version, e.g. "4"' }]);
  }
  return Number(m[1]);
}

/** The version named by the request's `If-Match` header, or undefined. */
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined =>
  parseIfMatch(ctx.switchToHttp().getRequest<Request>().headers['if-match']),
);

/** The `ETag` value of a case version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
