import { DomainException } from './domain-error';

describe('DomainException', () => {
  it('carries the code, message and details', () => {
    const e = DomainException.validation([{ field: 'parentId', message: 'unknown' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', message: 'parentId: unknown', details: { fields: [{ field: 'parentId', message: 'unknown' }] } });
    expect(new DomainException('NOT_FOUND', 'gone').details).toEqual({});
  });
});
