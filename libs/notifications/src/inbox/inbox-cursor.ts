import { decodePageCursor, encodePageCursor, isStoredInstant, isUuid } from '@charterflow/kernel';

/** Position in an inbox page ordered newest first by (created_at, id): the last item of the page before. */
export interface InboxPosition {
  createdAt: string;
  id: string;
}

/** An opaque base64url token for `position`. */
export function encodeInboxCursor(position: InboxPosition): string {
  return encodePageCursor(['n', position.createdAt, position.id]);
}

/** Reads a cursor made by `encodeInboxCursor`; anything else → VALIDATION_FAILED on `cursor`. */
export function decodeInboxCursor(cursor: string): InboxPosition {
  return decodePageCursor(cursor, (p) => (p.length === 3 && p[0] === 'n' && isStoredInstant(p[1]) && isUuid(p[2]) ? { createdAt: p[1], id: p[2] } : undefined));
}
