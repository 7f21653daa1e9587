import type { ImportedCase } from '@charterflow/cases';
import { findUnstorableText, unstorableReason } from '@charterflow/kernel';
import type { ImportItem } from './import-report';
import type { RawRow } from './parse-file';
import { rowToCase } from './row-to-case';

/** What every outcome of a row starts with: its number, its line and its external id when readable. */
export type RowBase = Pick<ImportItem, 'row' | 'line' | 'externalId'>;

/**
 * Reads one row of a file on its own, without the database: either the case it describes, or the row refused with
 * every problem of its cells.
 */
export function readRow(raw: RawRow): { base: RowBase; input: ImportedCase } | { base: RowBase; refused: ImportItem } {
  const externalId = typeof raw.cells.externalId === 'string' && unstorableReason(raw.cells.externalId) === null ? raw.cells.externalId : null;
  const base: RowBase = { row: raw.row, ...(raw.line ? { line: raw.line } : {}), externalId };
  const refuse = (errors: ImportItem['errors']) => ({ base, refused: { ...base, status: 'refused' as const, errors } });
  const shape = raw.cells.__notAnObject ? 'the row must be an object' : typeof raw.cells.__cellCount === 'string' ? `the row has ${raw.cells.__cellCount}` : null;
  if (shape) return refuse([{ code: 'VALIDATION_FAILED', field: 'row', message: shape }]);
  // Text the database cannot hold (U+0000, an unpaired surrogate) makes a bad row, reported like any other; the
  // report names the cell with its name escaped, since the report is stored too.
  const unstorable = findUnstorableText(raw.cells, '');
  if (unstorable) return refuse([{ code: 'VALIDATION_FAILED', ...unstorable }]);
  const mapped = rowToCase(raw.cells);
  if (!mapped.ok) return refuse(mapped.problems.map((p) => ({ code: 'VALIDATION_FAILED', field: p.field, message: p.message })));
  return { base, input: mapped.value };
}

/**
 * The external ids of a file, first row of each: a later row under the same id is refused. `upTo` rows are read
 * (a resumed import rebuilds what its earlier batches saw).
 */
export function firstRowsOf(rows: readonly RawRow[], upTo: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (const raw of rows.slice(0, upTo)) {
    const read = readRow(raw);
    if ('input' in read && !seen.has(read.input.externalId)) seen.set(read.input.externalId, raw.row);
  }
  return seen;
}
