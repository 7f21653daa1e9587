import { DomainException } from '@charterflow/kernel';
import { MAX_IMPORT_ROWS } from './parse-file';

/** An opaque base64url token for the position after row `row` of an import's report. */
export function encodeRowCursor(row: number): string {
  return Buffer.from(JSON.stringify(['row', row]), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeRowCursor`; anything else → VALIDATION_FAILED on `cursor`. */
export function decodeRowCursor(cursor: string): number {
  const invalid = () => DomainException.validation([{ field: 'cursor', message: 'cursor is not one this service returned' }]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== 'row') throw invalid();
  const row = value[1] as unknown;
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 1 || row > MAX_IMPORT_ROWS) throw invalid();
  // Exactly the token `encodeRowCursor` gives for it: no other spelling of a position is accepted.
  if (encodeRowCursor(row) !== cursor) throw invalid();
  return row;
}
