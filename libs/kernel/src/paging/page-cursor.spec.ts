import { DomainException } from '../errors/domain-error';
import { decodePageCursor, encodePageCursor, isStoredInstant } from './page-cursor';

const readPair = (p: readonly unknown[]) => (p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number' ? { name: p[0], n: p[1] } : undefined);

function refusal(cursor: string): unknown {
  try {
    decodePageCursor(cursor, readPair);
  } catch (e) {
    return e instanceof DomainException ? { code: e.code, details: e.details } : e;
  }
  return 'accepted';
}

describe('page cursor', () => {
  it('reads back the position it encodes, as a URL-safe token', () => {
    const cursor = encodePageCursor(['Nguyễn', 42]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(cursor, readPair)).toEqual({ name: 'Nguyễn', n: 42 });
  });

  it('refuses what it did not issue, or what the list does not read, on the cursor field', () => {
    const issued = encodePageCursor(['a', 1]);
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of ['', 'not json', forged({ a: 1 }), forged(['a', '1']), forged(['a', 1, 2]), `${issued}=`, `${issued}.`, ` ${issued}`]) {
      expect(refusal(bad)).toEqual({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'cursor', message: 'cursor is not one this service returned' }] } });
    }
  });

  it('isStoredInstant keeps only the instants toISOString writes, of years PostgreSQL reads', () => {
    expect(isStoredInstant('2026-01-05T03:00:00.123Z')).toBe(true);
    expect(isStoredInstant('0001-01-01T00:00:00.000Z')).toBe(true);
    for (const bad of ['0000-01-01T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-01-05T24:00:00.000Z', '2026-01-05T03:00:00Z', '+010000-01-01T00:00:00.000Z', 5]) {
      expect(isStoredInstant(bad)).toBe(false);
    }
  });
});
