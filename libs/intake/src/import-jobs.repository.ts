import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@charterflow/kernel';
import type { ImportItem, ImportProgress, ImportRowFilter, ImportStatus } from './import-report';

/** An import as the worker processes it: the stored file and how far it got. */
export interface ClaimedImport {
  id: string;
  actor: Record<string, unknown>;
  historical: boolean;
  format: 'csv' | 'json';
  rows: number;
  processed: number;
  source: string;
  /** The claim's token: a batch commits only while the import is still claimed with it. */
  leaseOwner: string;
}

/** An import's record without its rows. */
export interface ImportRecord extends ImportProgress {
  id: string;
  /** Who uploaded it, as recorded at the upload. */
  actor: Actor;
  acceptedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What one committed batch adds to its import. */
export interface BatchCounts {
  imported: number;
  unchanged: number;
  refused: number;
  flagged: number;
}

/** Where a page of imports, newest first, resumes: after the last import of the page before. */
export interface ImportPosition {
  acceptedAt: string;
  id: string;
}

const RECORD_COLUMNS = 'id, actor, status, historical, format, rows, processed, imported, unchanged, refused, flagged, accepted_at, started_at, finished_at';

/** The rows of a report each filter keeps, as a condition on `import_rows.outcome` (an `ImportItem`). */
const ROW_FILTER_SQL: Record<ImportRowFilter, string> = {
  all: 'true',
  refused: `outcome->>'status' = 'refused'`,
  flagged: `jsonb_array_length(coalesce(outcome->'flagged', '[]')) > 0`,
};

/** The only SQL over `imports` and `import_rows`. */
@Injectable()
export class ImportJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores an accepted upload, queued. */
  /**
   * Queues an import; false, with nothing written, when an import of the same content from the same subtree is
   * already waiting or running (the unique index `imports_one_unfinished_per_file`: two identical uploads at the same
   * instant queue one import).
   */
  async insert(r: { id: string; actor: Record<string, unknown>; scopePath: string | null; historical: boolean; format: 'csv' | 'json'; rows: number; contentHash: string; source: string; acceptedAt: Date }): Promise<boolean> {
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO imports (id, actor, scope_path, historical, format, rows, imported, unchanged, refused, flagged, status, processed, content_hash, source, accepted_at)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, 0, 0, 0, 0, 'queued', 0, $7, $8, $9)
       ON CONFLICT (content_hash, (coalesce(scope_path, ''))) WHERE status IN ('queued', 'running') AND content_hash IS NOT NULL DO NOTHING
       RETURNING id`,
      [r.id, JSON.stringify(r.actor), r.scopePath, r.historical, r.format, r.rows, r.contentHash, Buffer.from(r.source, 'utf8'), r.acceptedAt],
    );
    return inserted.length === 1;
  }

  /** An import of the same content from the same subtree still queued or running, if any. */
  async findUnfinished(contentHash: string, scopePath: string | null): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM imports WHERE status IN ('queued', 'running') AND content_hash = $1 AND scope_path IS NOT DISTINCT FROM $2 ORDER BY accepted_at LIMIT 1`,
      [contentHash, scopePath],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Claims the oldest import waiting for a worker: queued, or running under a lease that ran out (its worker died).
   * Several workers never claim the same import (`SKIP LOCKED`); the claim holds until `leaseUntil`, renewed by each batch.
   */
  async claim(leaseOwner: string, now: Date, leaseUntil: Date): Promise<ClaimedImport | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE imports SET status = 'running', lease_owner = $1, lease_until = $3, started_at = coalesce(started_at, $2), attempts = attempts + 1
         WHERE id = (SELECT id FROM imports WHERE status = 'queued' OR (status = 'running' AND lease_until < $2)
                     ORDER BY accepted_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id, actor, historical, format, rows, processed, source)
       SELECT * FROM claimed`,
      [leaseOwner, now, leaseUntil],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      actor: r.actor as Record<string, unknown>,
      historical: r.historical as boolean,
      format: r.format as 'csv' | 'json',
      rows: r.rows as number,
      processed: r.processed as number,
      source: Buffer.from(r.source as Uint8Array).toString('utf8'),
      leaseOwner,
    };
  }

  /**
   * Locks the import for a batch's transaction and answers whether the batch may commit: the import is still claimed
   * by `leaseOwner` and its cursor is where the batch starts (else another worker took it over).
   */
  async lockForBatch(m: EntityManager, id: string, leaseOwner: string, from: number): Promise<boolean> {
    const rows: { processed: number; lease_owner: string | null; status: string }[] = await m.query(`SELECT processed, lease_owner, status FROM imports WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length === 1 && rows[0].status === 'running' && rows[0].lease_owner === leaseOwner && rows[0].processed === from;
  }

  /** Records a batch: its rows' outcomes, the counts and the cursor, and renews the lease (in the batch's transaction). */
  async commitBatch(m: EntityManager, id: string, items: readonly ImportItem[], counts: BatchCounts, processed: number, leaseUntil: Date): Promise<void> {
    if (items.length) {
      await m.query(
        `INSERT INTO import_rows (import_id, row_no, outcome) SELECT $1, r.row_no, r.outcome FROM jsonb_to_recordset($2::jsonb) AS r(row_no int, outcome jsonb)`,
        [id, JSON.stringify(items.map((i) => ({ row_no: i.row, outcome: i })))],
      );
    }
    await m.query(
      `UPDATE imports SET processed = $2, imported = imported + $3, unchanged = unchanged + $4, refused = refused + $5, flagged = flagged + $6, lease_until = $7 WHERE id = $1`,
      [id, processed, counts.imported, counts.unchanged, counts.refused, counts.flagged, leaseUntil],
    );
  }

  /** The import is done: the file is no longer needed. Only its current claimant may say so. */
  async finish(id: string, leaseOwner: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'done', finished_at = $3, source = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 AND processed = rows`,
      [id, leaseOwner, now],
    );
  }

  /** A claim given up by a worker that stops: queued again at once, the attempt not counted. */
  async handBack(id: string, leaseOwner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 AND status = 'running'`,
      [id, leaseOwner],
    );
  }

  /** A claim that failed: queued again for another attempt, or failed for good after `maxAttempts`. */
  async release(id: string, leaseOwner: string, failure: string, maxAttempts: number, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'queued' END,
              finished_at = CASE WHEN attempts >= $4 THEN $5::timestamptz ELSE NULL END,
              failure = $3, lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2`,
      [id, leaseOwner, failure, maxAttempts, now],
    );
  }

  /** An import made by an account of `pathPrefix`'s subtree (null: any). */
  async find(id: string, pathPrefix: string | null): Promise<ImportRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM imports WHERE id = $1 AND ($2::text IS NULL OR (scope_path IS NOT NULL AND scope_path LIKE $2 || '%'))`,
      [id, pathPrefix],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  /**
   * The imports made by accounts of `pathPrefix`'s subtree (null: every import), newest first (`accepted_at`, then
   * `id`), after `after`, at most `limit`.
   */
  async page(pathPrefix: string | null, after: ImportPosition | undefined, limit: number): Promise<ImportRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM imports
       WHERE ($1::text IS NULL OR (scope_path IS NOT NULL AND scope_path LIKE $1 || '%'))
         AND ($2::timestamptz IS NULL OR (accepted_at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY accepted_at DESC, id DESC
       LIMIT $4`,
      [pathPrefix, after?.acceptedAt ?? null, after?.id ?? null, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * The outcomes of the rows handled so far after row `afterRow`, in the file's order, at most `limit`: all of them,
   * or only the refused ones or those with a waived rule (read along the primary key, filtered as they come).
   */
  async itemsPage(id: string, filter: ImportRowFilter, afterRow: number, limit: number): Promise<ImportItem[]> {
    const rows: { outcome: ImportItem }[] = await this.dataSource.query(
      `SELECT outcome FROM import_rows
       WHERE import_id = $1 AND row_no > $2 AND ${ROW_FILTER_SQL[filter]}
       ORDER BY row_no
       LIMIT $3`,
      [id, afterRow, limit],
    );
    return rows.map((r) => r.outcome);
  }

  /** The outcome of each row handled so far, in the file's order. */
  async items(id: string): Promise<ImportItem[]> {
    const rows: { outcome: ImportItem }[] = await this.dataSource.query(`SELECT outcome FROM import_rows WHERE import_id = $1 ORDER BY row_no`, [id]);
    return rows.map((r) => r.outcome);
  }
}

function toRecord(r: Record<string, unknown>): ImportRecord {
  return {
    id: r.id as string,
    actor: r.actor as Actor,
    status: r.status as ImportStatus,
    historical: r.historical as boolean,
    format: r.format as 'csv' | 'json',
    rows: r.rows as number,
    processed: r.processed as number,
    imported: r.imported as number,
    unchanged: r.unchanged as number,
    refused: r.refused as number,
    flagged: r.flagged as number,
    acceptedAt: r.accepted_at as Date,
    startedAt: (r.started_at as Date | null) ?? null,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}
