import { DOMAIN_ERROR_CODES } from '@charterflow/kernel';
import { httpStatusOf } from './http-status';

describe('httpStatusOf', () => {
  it('maps every code to its HTTP status', () => {
    expect(Object.fromEntries(DOMAIN_ERROR_CODES.map((c) => [c, httpStatusOf(c)]))).toEqual({
      VALIDATION_FAILED: 400,
      NOT_FOUND: 404,
      VERSION_CONFLICT: 409,
      EVENT_NOT_ALLOWED: 422,
      RULE_VIOLATION: 422,
      FORBIDDEN: 403,
      IDEMPOTENCY_KEY_REUSED: 422,
      UNAUTHENTICATED: 401,
      TOO_MANY_REQUESTS: 429,
      ALREADY_EXISTS: 409,
      CASE_BUSY: 503,
      DOCUMENT_NOT_AVAILABLE: 422,
      TEMPLATE_REFUSED: 422,
    });
  });

});
