import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { HttpRequest as Request } from './http-types';
import { DomainException } from '@charterflow/kernel';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** Reads `Idempotency-Key` (1–200 visible characters). Absent → undefined; anything else → 400 naming the header. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  if (value.length < 1 || value.length > IDEMPOTENCY_KEY_MAX_LENGTH || !/^[\x21-\x7e]+$/.test(value)) {
    throw DomainException.validation([
      { field: 'Idempotency-Key', message: `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters` },
    ]);
  }
  return value;
}

export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined =>
  parseIdempotencyKey(ctx.switchToHttp().getRequest<Request>().headers['idempotency-key']),
);
