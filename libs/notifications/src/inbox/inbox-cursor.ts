import { DomainException } from '@charterflow/kernel';

/** Position in an inbox page ordered newest first by (created_at, id): the last item of the page before. */
export interface InboxPosition {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An opaque base64url token for `position`. */
export function encodeInboxCursor(position: InboxPosition): string {
  return Buffer.from(JSON.stringify(['n', position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeInboxCursor`; anything else → VALIDATION_FAILED on `cursor`. */
export function decodeInboxCursor(cursor: string): InboxPosition {
  const invalid = () => DomainException.validation([{ field: 'cursor', message: 'cursor is not one this service returned' }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== 'n') throw invalid();
  const [, createdAt, id] = value as unknown[];
  if (typeof createdAt !== 'string' || !isStoredInstant(createdAt)) throw invalid();
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();
  // Exactly the token `encodeInboxCursor` gives for it: no forged spelling of a position reaches the SQL.
  if (encodeInboxCursor({ createdAt, id }) !== cursor) throw invalid();
  return { createdAt, id };
}

/**
 * An instant as `toISOString` writes it (so 2026-02-30 and 25:00 are out) of the years 0001–9999 that PostgreSQL's
 * timestamptz reads (there is no year 0).
 */
function isStoredInstant(text: string): boolean {
  if (!ISO_INSTANT.test(text) || text.startsWith('0000')) return false;
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}
