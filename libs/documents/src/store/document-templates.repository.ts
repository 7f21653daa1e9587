import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RowOf } from '@charterflow/database';
import { DOCUMENT_TEMPLATES_TABLE } from '../tables';

type TemplateRow = RowOf<typeof DOCUMENT_TEMPLATES_TABLE>;

/** A version of an uploaded template, without its bytes. */
export interface TemplateVersion {
  id: string;
  organisationId: string;
  form: string;
  version: number;
  fileName: string;
  sha256: string;
  placeholders: string[];
  uploadedBy: Record<string, unknown>;
  uploadedAt: string;
  retiredAt: string | null;
}

const toVersion = (r: Omit<TemplateRow, 'content'>): TemplateVersion => ({
  id: r.id,
  organisationId: r.organisation_id,
  form: r.form,
  version: r.version,
  fileName: r.file_name,
  sha256: r.sha256,
  placeholders: r.placeholders,
  uploadedBy: r.uploaded_by as Record<string, unknown>,
  uploadedAt: r.uploaded_at.toISOString(),
  retiredAt: r.retired_at?.toISOString() ?? null,
});

const COLUMNS = 'id, organisation_id, form, version, file_name, sha256, placeholders, uploaded_by, uploaded_at, retired_at';

/** The only SQL over `document_templates`. */
@Injectable()
export class DocumentTemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a new version of the organisation's template of a form and retires the one in force, in one transaction;
   * the version number is the next after every earlier one (the unique key refuses a concurrent duplicate).
   */
  async insertVersion(t: { id: string; organisationId: string; form: string; fileName: string; content: Buffer; sha256: string; placeholders: string[]; uploadedBy: Record<string, unknown>; uploadedAt: Date }): Promise<TemplateVersion> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('document_templates:' || $1 || ':' || $2))`, [t.organisationId, t.form]);
      await m.query(`UPDATE document_templates SET retired_at = $3 WHERE organisation_id = $1 AND form = $2 AND retired_at IS NULL`, [t.organisationId, t.form, t.uploadedAt]);
      const rows: Omit<TemplateRow, 'content'>[] = await m.query(
        `INSERT INTO document_templates (id, organisation_id, form, version, file_name, content, sha256, placeholders, uploaded_by, uploaded_at)
         SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, $5, $6, $7::text[], $8::jsonb, $9 FROM document_templates WHERE organisation_id = $2 AND form = $3
         RETURNING ${COLUMNS}`,
        [t.id, t.organisationId, t.form, t.fileName, t.content, t.sha256, t.placeholders, JSON.stringify(t.uploadedBy), t.uploadedAt],
      );
      return toVersion(rows[0]);
    });
  }

  /** Retires the version in force; whether there was one. */
  async retire(organisationId: string, form: string, at: Date): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE document_templates SET retired_at = $3 WHERE organisation_id = $1 AND form = $2 AND retired_at IS NULL RETURNING id`,
      [organisationId, form, at],
    );
    return rows.length > 0;
  }

  /** Every version of the organisation's templates, newest first per form. */
  async listFor(organisationId: string): Promise<TemplateVersion[]> {
    const rows: Omit<TemplateRow, 'content'>[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM document_templates WHERE organisation_id = $1 ORDER BY form, version DESC`, [organisationId]);
    return rows.map(toVersion);
  }

  /**
   * The template in force for a form nearest to the case's cell: of the organisations given (the chain from the
   * province down), the deepest that has one.
   */
  async inForce(chainIds: readonly string[], form: string): Promise<(TemplateVersion & { content: Buffer }) | null> {
    if (chainIds.length === 0) return null;
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, content FROM document_templates
       WHERE organisation_id = ANY($1::uuid[]) AND form = $2 AND retired_at IS NULL
       ORDER BY array_position($1::uuid[], organisation_id) DESC LIMIT 1`,
      [chainIds, form],
    );
    return rows.length ? { ...toVersion(rows[0]), content: rows[0].content } : null;
  }

  /** Which forms have a template in force for the chain, with the version in force. */
  async formsInForce(chainIds: readonly string[]): Promise<Map<string, TemplateVersion>> {
    if (chainIds.length === 0) return new Map();
    const rows: Omit<TemplateRow, 'content'>[] = await this.dataSource.query(
      `SELECT DISTINCT ON (form) ${COLUMNS} FROM document_templates
       WHERE organisation_id = ANY($1::uuid[]) AND retired_at IS NULL
       ORDER BY form, array_position($1::uuid[], organisation_id) DESC`,
      [chainIds],
    );
    return new Map(rows.map((r) => [r.form, toVersion(r)]));
  }
}
