import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RowOf } from '@charterflow/database';
import { DOCUMENT_RECORDS_TABLE } from '../tables';

type RecordRow = RowOf<typeof DOCUMENT_RECORDS_TABLE>;

/** A generated document as recorded: enough to trace a printed paper to the case, its history and its template. */
export interface DocumentRecord {
  id: string;
  kind: 'form' | 'pack' | 'register';
  caseId: string | null;
  organisationId: string;
  form: string | null;
  format: 'pdf' | 'docx';
  templateId: string | null;
  templateVersion: number | null;
  builtinHash: string | null;
  sha256: string;
  sizeBytes: number;
  historySeq: number | null;
  historyHash: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  generatedBy: Record<string, unknown>;
  generatedAt: string;
}

const toRecord = (r: RecordRow): DocumentRecord => ({
  id: r.id,
  kind: r.kind as DocumentRecord['kind'],
  caseId: r.case_id,
  organisationId: r.organisation_id,
  form: r.form,
  format: r.format as DocumentRecord['format'],
  templateId: r.template_id,
  templateVersion: r.template_version,
  builtinHash: r.builtin_hash,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  historySeq: r.history_seq,
  historyHash: r.history_hash,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  generatedBy: r.generated_by as Record<string, unknown>,
  generatedAt: r.generated_at.toISOString(),
});

/** The only SQL over `document_records`. */
@Injectable()
export class DocumentRecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(r: Omit<DocumentRecord, 'generatedAt'> & { generatedAt: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO document_records (id, kind, case_id, organisation_id, form, format, template_id, template_version, builtin_hash, sha256, size_bytes,
         history_seq, history_hash, period_from, period_to, generated_by, generated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)`,
      [r.id, r.kind, r.caseId, r.organisationId, r.form, r.format, r.templateId, r.templateVersion, r.builtinHash, r.sha256, r.sizeBytes, r.historySeq, r.historyHash, r.periodFrom, r.periodTo, JSON.stringify(r.generatedBy), r.generatedAt],
    );
  }

  /** The documents generated for a case, newest first. */
  async listByCase(caseId: string): Promise<DocumentRecord[]> {
    const rows: RecordRow[] = await this.dataSource.query(`SELECT * FROM document_records WHERE case_id = $1 ORDER BY seq DESC`, [caseId]);
    return rows.map(toRecord);
  }

  /** The record of a file by its SHA-256 (a printed paper's fingerprint), within the cases or organisations of a subtree. */
  async findByHash(sha256: string, pathPrefix: string | null): Promise<DocumentRecord[]> {
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT r.* FROM document_records r JOIN organisations o ON o.id = r.organisation_id
       WHERE r.sha256 = $1 AND ($2::text IS NULL OR o.path LIKE $2 || '%') ORDER BY r.seq`,
      [sha256, pathPrefix],
    );
    return rows.map(toRecord);
  }
}
