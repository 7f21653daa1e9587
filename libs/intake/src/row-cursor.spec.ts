import { DomainException } from '@charterflow/kernel';
import { MAX_IMPORT_ROWS } from './parse-file';
import { decodeRowCursor, encodeRowCursor } from './row-cursor';

const refused = (cursor: string): unknown => {
  try {
    decodeRowCursor(cursor);
  } catch (e) {
    return e instanceof DomainException ? { code: e.code, details: e.details } : e;
  }
  return 'accepted';
};

describe('row cursor of an import report', () => {
  it('reads back every row number it encodes, the first and the last a file may hold', () => {
    for (const row of [1, 200, MAX_IMPORT_ROWS]) expect(decodeRowCursor(encodeRowCursor(row))).toBe(row);
  });

  it('refuses anything it did not make, naming the cursor field', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
    for (const cursor of ['garbage', '', b64(['row', 0]), b64(['row', MAX_IMPORT_ROWS + 1]), b64(['row', 1.5]), b64(['row', '3']), b64(['case', 3]), b64(['row', 3, 4]), `${encodeRowCursor(3)}=`]) {
      expect(refused(cursor)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'cursor' }] } });
    }
  });
});
