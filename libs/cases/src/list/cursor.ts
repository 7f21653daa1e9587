import { decodePageCursor, encodePageCursor, isStoredInstant, isUuid } from '@charterflow/kernel';

/** Position in the case list, ordered by (created_at, id): the last item of the page before. */
export interface CasePosition {
  createdAt: string;
  id: string;
}

/** An opaque base64url token for `position`. */
export function encodeCursor(position: CasePosition): string {
  return encodePageCursor([position.createdAt, position.id]);
}

/** Reads a cursor made by `encodeCursor`; anything else → VALIDATION_FAILED on `cursor`. */
export function decodeCursor(cursor: string): CasePosition {
  return decodePageCursor(cursor, (p) => (p.length === 2 && isStoredInstant(p[0]) && isUuid(p[1]) ? { createdAt: p[0], id: p[1] } : undefined));
}
