import type { ImportRowError } from '@charterflow/cases';

/** Where an import stands: accepted and waiting for a worker, being processed, finished, or given up after repeated failures. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The outcome of one row of an upload. */
export interface ImportItem {
  row: number;
  line?: number;
  externalId: string | null;
  status: 'imported' | 'unchanged' | 'refused';
  caseId?: string;
  state?: string;
  errors?: ImportRowError[];
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

/** An import as `POST /imports` and `GET /imports/{id}` answer it: its progress, its counts and, once done, each row's outcome. */
export interface ImportReport extends ImportProgress {
  importId: string;
  /** Each row's outcome, in the file's order: filled once the import is done, empty before. */
  items: ImportItem[];
  acceptedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
