import { DomainException } from '../errors/domain-error';

/**
 * The `cursor` of a keyset-paged list: the position the page before ended at, a short JSON array, as an opaque
 * base64url token. Each list encodes its own position and reads it back with its own check of the array's shape;
 * anything else — not base64url JSON, not an array of the list's shape, or another spelling of the same position
 * (padding, a stray character) — is VALIDATION_FAILED on `cursor`, so no forged position reaches the SQL.
 */
export function encodePageCursor(position: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Reads a token of `encodePageCursor`; `read` gives the list's position, or undefined when the array is not one. */
export function decodePageCursor<T>(cursor: string, read: (position: readonly unknown[]) => T | undefined): T {
  const invalid = () => DomainException.validation([{ field: 'cursor', message: 'cursor is not one this service returned' }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  // Exactly the token the list issues for this position.
  if (!Array.isArray(value) || encodePageCursor(value) !== cursor) throw invalid();
  const position = read(value);
  if (position === undefined) throw invalid();
  return position;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant as `toISOString` writes it (so 2026-02-30 and 25:00 are out) of the years 0001–9999 that PostgreSQL's
 * timestamptz reads (there is no year 0): the instants a list's position may hold.
 */
export function isStoredInstant(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text) || text.startsWith('0000')) return false;
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}
