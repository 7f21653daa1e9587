/**
 * The one exception type the domain services throw. The HTTP layer maps it once: `httpStatusOf(code)` gives the
 * status and the body is `{ code, message, ...details }` (api.md "Errors").
 */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'EVENT_NOT_ALLOWED',
  'RULE_VIOLATION',
  'FORBIDDEN',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAUTHENTICATED',
  'TOO_MANY_REQUESTS',
  'ALREADY_EXISTS',
  'CASE_BUSY',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One invalid input field, as listed in a VALIDATION_FAILED answer. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainException extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }

  /** VALIDATION_FAILED naming the offending fields (`details.fields`). */
  static validation(fields: FieldError[]): DomainException {
    return new DomainException('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
  }

  static notFound(what: string, id: string): DomainException {
    return new DomainException('NOT_FOUND', `${what} ${id} was not found.`);
  }
}

export function httpStatusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'NOT_FOUND':
      return 404;
    case 'VERSION_CONFLICT':
      return 409;
    case 'EVENT_NOT_ALLOWED':
    case 'RULE_VIOLATION':
    case 'IDEMPOTENCY_KEY_REUSED':
      return 422;
    case 'FORBIDDEN':
      return 403;
    case 'UNAUTHENTICATED':
      return 401;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'ALREADY_EXISTS':
      return 409;
    case 'CASE_BUSY':
      return 503;
    default: {
      const unreachable: never = code;
      throw new Error(`unknown domain error code ${String(unreachable)}`);
    }
  }
}
