import { DomainErrorCode } from '@charterflow/kernel';

/** The HTTP status of each domain error code (api.md "Errors"); a code added to the kernel's list must be placed here. */
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
    case 'DOCUMENT_NOT_AVAILABLE':
    case 'TEMPLATE_REFUSED':
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
