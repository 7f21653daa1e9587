import { decodeCursor, encodeCursor } from './cursor';
import { DomainException } from '@charterflow/kernel';

describe('case list cursor', () => {
  const position = { createdAt: '2026-01-05T03:00:00.123Z', id: '7d1c4d52-25c0-4a7d-9f43-0b2f8f1c1a11' };

  it('round-trips and is URL-safe', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    '',
    'not-a-cursor',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["2026-01-05","x"]').toString('base64url'),
    // Well-formed tokens of forged positions whose values PostgreSQL would refuse, or that it never issues.
    forged(['0000-01-01T00:00:00.000Z', position.id]),
    forged(['+010000-01-01T00:00:00.000Z', position.id]),
    forged(['2026-02-30T00:00:00.000Z', position.id]),
    forged(['2026-01-05T24:00:00.000Z', position.id]),
    forged([position.createdAt, '7d1c4d52-25c0-4a7d-9f43-0b2f8f1c1a1']),
    forged([position.createdAt, "' OR 1=1 --"]),
    forged([position.createdAt, position.id, 'extra']),
    // The issued token with base64 padding or a stray character: another spelling, not the token issued.
    `${encodeCursor(position)}=`,
    `${encodeCursor(position)}.`,
  ])(
    'refuses %j with VALIDATION_FAILED on cursor',
    (bad) => {
      let caught: unknown;
      try {
        decodeCursor(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainException);
      expect(caught).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'cursor' }] } });
    },
  );
});
