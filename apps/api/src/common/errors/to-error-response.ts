import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@charterflow/database';
import { CalendarValidationError } from '@charterflow/calendar';
import { MAX_JSON_DEPTH } from '../http/json-depth';
import { codeForStatus, ErrorBody } from './error-body';
import { DOMAIN_ERROR_CODES, DomainErrorCode, DomainException } from '@charterflow/kernel';
import { httpStatusOf } from './http-status';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the error is ours (a bug or an outage) and must be logged with its stack. */
  unexpected: boolean;
}

function isDomainException(error: unknown): error is DomainException {
  if (error instanceof DomainException) return true;
  const e = error as { name?: unknown; code?: unknown; details?: unknown } | null;
  return !!e && e.name === 'DomainException' && DOMAIN_ERROR_CODES.includes(e.code as DomainErrorCode);
}

/** Errors raised by the body parser (http-errors): malformed JSON, body too large, unsupported charset. */
function bodyParserError(error: unknown): { status: number; type: string; message: string } | null {
  const e = error as { type?: unknown; status?: unknown; expose?: unknown; message?: unknown } | null;
  if (!e || typeof e.type !== 'string' || !e.type.startsWith('entity.') && !e.type.startsWith('charset.') && !e.type.startsWith('encoding.')) {
    return null;
  }
  return { status: typeof e.status === 'number' ? e.status : 400, type: e.type, message: typeof e.message === 'string' ? e.message : '' };
}

const EXPOSED_DETAIL_KEYS_EXCLUDED = new Set(['code', 'message']);

/** Seconds a client should wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Maps anything thrown while handling a request to its one documented answer. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (isDomainException(error)) {
    const details = Object.fromEntries(Object.entries(error.details ?? {}).filter(([k]) => !EXPOSED_DETAIL_KEYS_EXCLUDED.has(k)));
    return { status: httpStatusOf(error.code), body: { code: error.code, message: error.message, ...details }, unexpected: false };
  }
  if (error instanceof CalendarValidationError) {
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: error.issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; '), fields: error.issues },
      unexpected: false,
    };
  }
  // Nest wraps body-parser errors in an HttpException whose cause is the original error.
  const parser = bodyParserError(error) ?? (error instanceof HttpException ? bodyParserError(error.cause) : null);
  if (parser) {
    if (parser.status === 413) {
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' }, unexpected: false };
    }
    if (parser.type === 'entity.parse.failed') {
      return {
        status: 400,
        body: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.', fields: [{ field: 'body', message: 'body must be valid JSON' }] },
        unexpected: false,
      };
    }
    if (parser.type === 'entity.too.deep') {
      return {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
          fields: [{ field: 'body', message: `body must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels` }],
        },
        unexpected: false,
      };
    }
    return { status: parser.status, body: { code: codeForStatus(parser.status), message: parser.message }, unexpected: false };
  }
  // The router could not percent-decode a path parameter (`%E0%A4%A`, or UTF-8 of a lone surrogate `%ED%A0%80`).
  if (error instanceof HttpException && error.getStatus() === 400 && error.cause instanceof URIError) {
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: error.message, fields: [{ field: 'path', message: 'the path must be percent-encoded UTF-8 text' }] },
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const shaped = error.getResponse() as Partial<ErrorBody>;
    if (typeof shaped === 'object' && typeof shaped.code === 'string' && typeof shaped.message === 'string') {
      // Already in the documented shape (e.g. the health check naming what is down).
      return { status, body: shaped as ErrorBody, unexpected: false };
    }
    if (status >= 500) {
      return { status, body: { code: codeForStatus(status), message: status === 503 ? 'Service unavailable.' : 'Internal server error.' }, unexpected: true };
    }
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? ((response as { message: string }).message)
          : error.message;
    const body: ErrorBody = { code: codeForStatus(status), message };
    if (status === 400 && Array.isArray((response as { message?: unknown }).message)) {
      const messages = (response as { message: string[] }).message;
      body.message = messages.join('; ');
      body.fields = messages.map((m) => ({ field: m.split(' ')[0], message: m }));
    }
    return { status, body, unexpected: false };
  }
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: the client may try again (with its Idempotency-Key, a write is never doubled).
    return {
      status: 503,
      body: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'The database is not answering; try again shortly.',
        messageVi: 'Cơ sở dữ liệu tạm thời không phản hồi; vui lòng thử lại sau ít phút.',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      },
      unexpected: false,
    };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Internal server error.' }, unexpected: true };
}
