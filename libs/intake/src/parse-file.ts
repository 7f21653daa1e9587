import Papa from 'papaparse';
import { DomainException } from '@charterflow/kernel';

export const MAX_IMPORT_ROWS = 100_000;

/** One row of an uploaded file: its number among the data rows (1 = the first after the header) and its cells. */
export interface RawRow {
  row: number;
  /** The line of the file where the row starts (CSV), for the spreadsheet user. */
  line?: number;
  cells: Record<string, unknown>;
}

/**
 * The rows of a CSV upload (UTF-8, with or without BOM, RFC 4180 quoting, a header row naming the columns). A
 * malformed file (a quoted field never closed or closed in the middle of a field, no header) is refused as a whole:
 * 400 naming `file`. A row with more or fewer cells than the header is kept and reported as that row's problem. Empty
 * lines are skipped; each row keeps the line of the file it starts on (a quoted cell may span lines).
 *
 * Papa Parse reads the text (ADR 0028): several times faster than csv-parse on the same files, which matters twice
 * per upload, once before the 202 and once in the worker.
 */
export function parseCsv(text: string): RawRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { delimiter: ',', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
  // The file's line break: a Windows `\r\n` is counted by its `\n`.
  const breaks = parsed.meta.linebreak === '\r' ? '\r' : '\n';
  const malformed = parsed.errors.find((e) => e.type === 'Quotes');
  if (malformed) {
    // The line of the file where the quote went wrong, as an editor numbers it.
    const at = 1 + breaksIn(body.slice(0, malformed.index ?? 0), breaks);
    throw DomainException.validation([
      {
        field: 'file',
        message: `the file is not valid CSV: ${malformed.message} (line ${at})`,
        messageVi: `Tệp không đọc được như một tệp CSV (UTF-8, các ô ngăn bởi dấu phẩy): dấu ngoặc kép ở dòng ${at} của tệp không được đóng đúng.`,
      },
    ]);
  }
  const records: { record: string[]; line: number }[] = [];
  let line = 1;
  for (const record of parsed.data) {
    if (!(record.length === 1 && record[0] === '')) records.push({ record, line });
    line += 1;
    for (const cell of record) line += breaksIn(cell, breaks);
  }
  if (records.length === 0) throw DomainException.validation([{ field: 'file', message: 'the file has no header row', messageVi: 'Tệp không có dòng tiêu đề ghi tên các cột.' }]);
  const header = records[0].record.map((h) => h.trim());
  if (!header.includes('externalId')) throw DomainException.validation([
      { field: 'file', message: 'the header row must name the columns (externalId, organisationId, …)', messageVi: 'Dòng đầu của tệp phải ghi tên các cột theo hướng dẫn nhập hồ sơ (externalId, organisationId, …).' },
    ]);
  const rows = records.slice(1);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw DomainException.validation([{ field: 'file', message: `at most ${MAX_IMPORT_ROWS} rows per file`, messageVi: `Mỗi tệp có tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng.` }]);
  }
  return rows.map(({ record, line }, i) => {
    const cells: Record<string, unknown> = {};
    for (let k = 0; k < header.length; k += 1) cells[header[k]] = record[k];
    if (record.length !== header.length) cells.__cellCount = `${record.length} cells, the header has ${header.length}`;
    return { row: i + 1, line, cells };
  });
}

/** How many times `breaks` occurs in `text`. */
function breaksIn(text: string, breaks: string): number {
  let count = 0;
  for (let at = text.indexOf(breaks); at !== -1; at = text.indexOf(breaks, at + 1)) count += 1;
  return count;
}

/** The rows of a JSON upload: `{ "historical": bool, "rows": [ { column: value, … } ] }`. */
export function parseJson(body: unknown): { rows: RawRow[]; historical?: boolean } {
  const b = body as { rows?: unknown; historical?: unknown } | null;
  if (!b || typeof b !== 'object' || !Array.isArray(b.rows)) throw DomainException.validation([{ field: 'rows', message: 'the body must be { "historical": bool, "rows": [ … ] }' }]);
  if (b.historical !== undefined && typeof b.historical !== 'boolean') throw DomainException.validation([{ field: 'historical', message: 'historical must be true or false' }]);
  if (b.rows.length > MAX_IMPORT_ROWS) throw DomainException.validation([{ field: 'rows', message: `at most ${MAX_IMPORT_ROWS} rows per file` }]);
  const rows = b.rows.map((cells, i): RawRow => ({ row: i + 1, cells: cells && typeof cells === 'object' && !Array.isArray(cells) ? (cells as Record<string, unknown>) : { __notAnObject: true } }));
  return { rows, historical: b.historical };
}

/** An upload as the API receives it: CSV text (historical from the query), or a JSON body (historical in it, or the query's). */
export type ImportUpload = { format: 'csv'; text: string; historical: boolean } | { format: 'json'; body: unknown; historical?: boolean };

/** An upload read whole: its rows, whether it is historical, and the text it is stored as until processed. */
export interface ParsedUpload {
  format: 'csv' | 'json';
  rows: RawRow[];
  historical: boolean;
  source: string;
}

/** Reads an upload; a file that is not a file of rows is refused as a whole (400). */
export function parseUpload(upload: ImportUpload): ParsedUpload {
  if (upload.format === 'csv') return { format: 'csv', rows: parseCsv(upload.text), historical: upload.historical, source: upload.text };
  const parsed = parseJson(upload.body);
  return { format: 'json', rows: parsed.rows, historical: parsed.historical ?? upload.historical ?? false, source: JSON.stringify(upload.body) };
}

/** The rows of a stored upload, read again by the worker. */
export function parseStored(format: 'csv' | 'json', source: string): RawRow[] {
  return format === 'csv' ? parseCsv(source) : parseJson(JSON.parse(source)).rows;
}
