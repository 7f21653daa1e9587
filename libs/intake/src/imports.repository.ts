import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ImportReport } from './intake.service';

/** The only SQL over `imports`. */
@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(r: Omit<ImportReport, 'startedAt' | 'finishedAt'> & { actor: Record<string, unknown>; scopePath: string | null; startedAt: Date; finishedAt: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO imports (id, actor, scope_path, historical, format, rows, imported, unchanged, refused, flagged, report, started_at, finished_at)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)`,
      [r.importId, JSON.stringify(r.actor), r.scopePath, r.historical, r.format, r.rows, r.imported, r.unchanged, r.refused, r.flagged, JSON.stringify(r.items), r.startedAt, r.finishedAt],
    );
  }

  /** The report of an import made by an account of `pathPrefix`'s subtree (null: any). */
  async find(id: string, pathPrefix: string | null): Promise<ImportReport | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, historical, format, rows, imported, unchanged, refused, flagged, report, started_at, finished_at FROM imports
       WHERE id = $1 AND ($2::text IS NULL OR (scope_path IS NOT NULL AND scope_path LIKE $2 || '%'))`,
      [id, pathPrefix],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      importId: r.id as string,
      historical: r.historical as boolean,
      format: r.format as 'csv' | 'json',
      rows: r.rows as number,
      imported: r.imported as number,
      unchanged: r.unchanged as number,
      refused: r.refused as number,
      flagged: r.flagged as number,
      items: r.report as ImportReport['items'],
      startedAt: (r.started_at as Date).toISOString(),
      finishedAt: (r.finished_at as Date).toISOString(),
    };
  }
}
