import type { ImportRowError } from '@charterflow/cases';
import type { Actor } from '@charterflow/kernel';
import type { Label } from '@charterflow/procedure';

/** Where an import stands: accepted and waiting for a worker, being processed, finished, or given up after repeated failures. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One reason a row was refused; a column at fault is also named as staff read it (`fieldLabel`, from the schema's labels). */
export interface ImportItemError extends ImportRowError {
  fieldLabel?: Label;
}

/** The outcome of one row of an upload. */
export interface ImportItem {
  row: number;
  line?: number;
  externalId: string | null;
  status: 'imported' | 'unchanged' | 'refused';
  caseId?: string;
  state?: string;
  errors?: ImportItemError[];
  /** Historical imports: the rules the recorded history broke, waived and flagged (the audit reports them too). */
  flagged?: { seq: number; type: string; rule: string; source: string; message: string }[];
}

/** Where an import stands at any moment: what it is, its size and its counts so far. */
export interface ImportProgress {
  status: ImportStatus;
  historical: boolean;
  format: 'csv' | 'json';
  /** Rows in the file. */
  rows: number;
  /** Rows handled so far (committed). */
  processed: number;
  imported: number;
  unchanged: number;
  refused: number;
  /** Rows imported with at least one waived rule. */
  flagged: number;
}

/** An import as `GET /imports` lists it: what it is, who sent it and when, and how far it got; not its rows. */
export interface ImportSummary extends ImportProgress {
  importId: string;
  /** The account that uploaded it, as recorded at the upload. */
  actor: Actor;
  acceptedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** An import as `POST /imports` and `GET /imports/{id}` answer it: its progress, its counts and, once done, each row's outcome. */
export interface ImportReport extends ImportSummary {
  /** Each row's outcome, in the file's order: filled once the import is done, empty before. */
  items: ImportItem[];
}

/** A page of the imports of a subtree, newest first; `nextCursor` asks for the next page (null: none). */
export interface ImportPage {
  items: ImportSummary[];
  nextCursor: string | null;
}

/** What `GET /imports` asks for: how many imports at most, and after which page. */
export interface ImportListFilter {
  limit?: number;
  cursor?: string;
}

/** Which rows of a report a page holds: every row, the refused ones, or those imported with a waived rule. */
export const IMPORT_ROW_FILTERS = ['all', 'refused', 'flagged'] as const;
export type ImportRowFilter = (typeof IMPORT_ROW_FILTERS)[number];

/** Rows per page of a report when the request names none, and at most. */
export const DEFAULT_IMPORT_ROWS_PAGE = 200;
export const MAX_IMPORT_ROWS_PAGE = 1000;

/** What `GET /imports/{id}/rows` asks for: which rows, how many at most, and after which page. */
export interface ImportRowsQuery {
  outcome?: ImportRowFilter;
  limit?: number;
  cursor?: string;
}

/** A page of an import's rows in the file's order; `nextCursor` asks for the next page (null: none yet). */
export interface ImportRowsPage {
  items: ImportItem[];
  nextCursor: string | null;
}
