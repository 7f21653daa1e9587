/**
 * The one exception type the domain services throw, with a code from one list. The HTTP layer maps each code to its
 * status once (apps/api `httpStatusOf`) and answers `{ code, message, ...details }` (api.md "Errors").
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
