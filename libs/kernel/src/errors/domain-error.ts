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
  /** A printed form the case has no data for yet (api.md v1.1 "Staff work and documents"). */
  'DOCUMENT_NOT_AVAILABLE',
  /** An uploaded document template that cannot be used (not Word, malformed or unknown placeholders). */
  'TEMPLATE_REFUSED',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One invalid input field, as listed in a VALIDATION_FAILED answer. */
export interface FieldError {
  field: string;
  message: string;
  /** The field's Vietnamese label, where the schema declares one (`Ngày sinh` for `candidate.dateOfBirth`). */
  labelVi?: string;
  /** The problem for staff, in Vietnamese, naming the field by its label. */
  messageVi?: string;
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

  /**
   * VALIDATION_FAILED naming the offending fields (`details.fields`); with `messageVi` listing, for staff, the
   * problems of the fields whose Vietnamese labels are known.
   */
  static validation(fields: FieldError[]): DomainException {
    const vi = fields.flatMap((f) => (f.messageVi ? [f.messageVi] : []));
    return new DomainException('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
      ...(vi.length ? { messageVi: `Thông tin chưa hợp lệ: ${vi.join('; ')}.` } : {}),
      fields,
    });
  }

  static notFound(what: string, id: string): DomainException {
    return new DomainException('NOT_FOUND', `${what} ${id} was not found.`);
  }
}
