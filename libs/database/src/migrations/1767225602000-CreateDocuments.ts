import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Printed documents (ADR 0021). `document_templates`: a Word template of a form uploaded for an organisation's
 * subtree, each upload a new version; a retired version is kept (a record may name it). `document_records`: every
 * document generated (who, when, from which template and version, the SHA-256 of the file, the case history's head it
 * was filled from), so a printed paper can be traced to the case; `seq` orders them as they were made.
 */
export class CreateDocuments1767225602000 implements MigrationInterface {
  name = 'CreateDocuments1767225602000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_templates (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        form text NOT NULL CHECK (form ~ '^[0-9]{1,2}-KND$'),
        version int4 NOT NULL CHECK (version >= 1),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
        content bytea NOT NULL,
        sha256 text NOT NULL,
        placeholders text[] NOT NULL,
        uploaded_by jsonb NOT NULL,
        uploaded_at timestamptz NOT NULL,
        retired_at timestamptz NULL,
        UNIQUE (organisation_id, form, version)
      )`);
    await q.query(`CREATE INDEX document_templates_in_force ON document_templates (organisation_id, form) WHERE retired_at IS NULL`);
    await q.query(`
      CREATE TABLE document_records (
        id uuid PRIMARY KEY,
        seq int8 GENERATED ALWAYS AS IDENTITY UNIQUE,
        kind text NOT NULL CHECK (kind IN ('form', 'pack', 'register')),
        case_id uuid NULL REFERENCES cases(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        form text NULL,
        format text NOT NULL CHECK (format IN ('pdf', 'docx')),
        template_id uuid NULL REFERENCES document_templates(id),
        template_version int4 NULL,
        builtin_hash text NULL,
        sha256 text NOT NULL,
        size_bytes int4 NOT NULL,
        history_seq int4 NULL,
        history_hash text NULL,
        period_from date NULL,
        period_to date NULL,
        generated_by jsonb NOT NULL,
        generated_at timestamptz NOT NULL,
        CHECK ((kind = 'register') = (case_id IS NULL)),
        CHECK ((kind = 'form') = (form IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX document_records_by_case ON document_records (case_id, seq) WHERE case_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_records`);
    await q.query(`DROP TABLE document_templates`);
  }
}
