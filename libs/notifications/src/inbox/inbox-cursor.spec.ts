import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';
import { DomainException } from '@charterflow/kernel';

describe('inbox cursor', () => {
  const position = { createdAt: '2026-03-12T01:00:00.123Z', id: '0b7f3c1e-7f8a-4c55-9d7e-2f7f0d1f3a10' };

  it('round-trips a position through an opaque token', () => {
    const token = encodeInboxCursor(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeInboxCursor(token)).toEqual(position);
  });

  it.each([
    ['not base64 JSON', 'zzz'],
    ['a case-list cursor', Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url')],
    ['a bad instant', Buffer.from(JSON.stringify(['n', '2026-03-12', position.id])).toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify(['n', position.createdAt, 'x'])).toString('base64url')],
    ['an instant of year 0000', Buffer.from(JSON.stringify(['n', '0000-01-01T00:00:00.000Z', position.id])).toString('base64url')],
    ['an instant of year 10000', Buffer.from(JSON.stringify(['n', '+010000-01-01T00:00:00.000Z', position.id])).toString('base64url')],
    ['an impossible day', Buffer.from(JSON.stringify(['n', '2026-02-30T01:00:00.123Z', position.id])).toString('base64url')],
    ['another spelling of an issued token', `${encodeInboxCursor(position)}=`],
  ])('refuses %s with VALIDATION_FAILED on cursor', (_what, token) => {
    expect(() => decodeInboxCursor(token)).toThrow(DomainException);
    try {
      decodeInboxCursor(token);
    } catch (e) {
      expect((e as DomainException).details).toEqual({ fields: [{ field: 'cursor', message: 'cursor is not one this service returned' }] });
    }
  });
});
