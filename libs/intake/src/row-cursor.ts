import { decodePageCursor, encodePageCursor } from '@charterflow/kernel';
import { MAX_IMPORT_ROWS } from './parse-file';

/** An opaque base64url token for the position after row `row` of an import's report. */
export function encodeRowCursor(row: number): string {
  return encodePageCursor(['row', row]);
}

/** Reads a cursor made by `encodeRowCursor`; anything else → VALIDATION_FAILED on `cursor`. */
export function decodeRowCursor(cursor: string): number {
  return decodePageCursor(cursor, (p) => {
    const row = p[1];
    return p.length === 2 && p[0] === 'row' && typeof row === 'number' && Number.isInteger(row) && row >= 1 && row <= MAX_IMPORT_ROWS ? row : undefined;
  });
}
