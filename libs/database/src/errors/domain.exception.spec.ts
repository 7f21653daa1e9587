import { DOMAIN_ERROR_CODES, DomainException, httpStatusOf } from './domain.exception';

describe('DomainException', () => {
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
    });
  });

  it('carries the code, message and details', () => {
    const e = DomainException.validation([{ field: 'parentId', message: 'unknown' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', message: 'parentId: unknown', details: { fields: [{ field: 'parentId', message: 'unknown' }] } });
    expect(new DomainException('NOT_FOUND', 'gone').details).toEqual({});
  });
});
