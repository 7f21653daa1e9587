import { DomainException } from '@charterflow/kernel';
import { MAX_IMPORT_ROWS, parseCsv } from './parse-file';

function refusal(text: string): { field: string; message: string; messageVi?: string } {
  try {
    parseCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainException);
    return ((e as DomainException).details as { fields: { field: string; message: string; messageVi?: string }[] }).fields[0];
  }
  throw new Error('the file was not refused');
}

describe('parseCsv', () => {
  it('reads the rows under the header, each with its number and the line it starts on', () => {
    const rows = parseCsv('externalId,note\nA-1,plain\nA-2,"two\nlines"\n\nA-3,"quoted, with comma and ""quotes"""\n');
    expect(rows).toEqual([
      { row: 1, line: 2, cells: { externalId: 'A-1', note: 'plain' } },
      { row: 2, line: 3, cells: { externalId: 'A-2', note: 'two\nlines' } },
      { row: 3, line: 6, cells: { externalId: 'A-3', note: 'quoted, with comma and "quotes"' } },
    ]);
  });

  it('reads a file with a BOM and Windows line ends as the same file without them', () => {
    const unix = 'externalId,note\nA-1,"x\ny"\nA-2,z\n';
    const windows = '\ufeff' + unix.replace(/\n/g, '\r\n');
    const rows = parseCsv(windows);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows.map((r) => r.cells.externalId)).toEqual(['A-1', 'A-2']);
    expect(rows[0].cells.note).toBe('x\r\ny');
    expect(parseCsv(unix).map((r) => r.line)).toEqual([2, 4]);
  });

  it('keeps a row with too many or too few cells, naming the difference', () => {
    const rows = parseCsv('externalId,a,b\nX,1\nY,1,2,3\nZ,1,2');
    expect(rows[0].cells).toEqual({ externalId: 'X', a: '1', b: undefined, __cellCount: '2 cells, the header has 3' });
    expect(rows[1].cells.__cellCount).toBe('4 cells, the header has 3');
    expect(rows[2].cells).toEqual({ externalId: 'Z', a: '1', b: '2' });
  });

  it('refuses a file whose quotes do not close, one without a header, and one with too many rows, naming `file`', () => {
    expect(refusal('externalId,note\nA-1,"never closed\nA-2,x\n')).toMatchObject({ field: 'file', message: expect.stringMatching(/not valid CSV/) });
    expect(refusal('externalId,note\nA-1,"closed"early\n').field).toBe('file');
    // The line named is the file's, empty lines and Windows line ends counted as an editor counts them.
    expect(refusal('\ufeffexternalId,note\r\n\r\nA-1,"never closed\r\n').message).toMatch(/\(line 3\)$/);
    expect(refusal('externalId,note\nA-1,"ok"\nA-2,"bad"x\n')).toMatchObject({ message: expect.stringMatching(/\(line 3\)$/), messageVi: expect.stringContaining('ở dòng 3 của tệp') });
    expect(refusal('').message).toMatch(/no header row/);
    expect(refusal('\n\n').message).toMatch(/no header row/);
    expect(refusal('a,b\n1,2\n').message).toMatch(/must name the columns/);
    const limit = 'externalId\n' + 'x\n'.repeat(MAX_IMPORT_ROWS);
    expect(parseCsv(limit)).toHaveLength(MAX_IMPORT_ROWS);
    expect(refusal(limit + 'x\n').message).toMatch(/at most/);
  });
});
