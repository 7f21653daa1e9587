import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '@charterflow/cases';
import type { Scope } from '@charterflow/organisations';
import { Actor, Clock, DomainException, FieldError } from '@charterflow/kernel';
import { ImportJobsRepository, ImportRecord } from './import-jobs.repository';
import { DEFAULT_IMPORT_ROWS_PAGE, IMPORT_ROW_FILTERS, MAX_IMPORT_ROWS_PAGE } from './import-report';
import type { ImportItem, ImportListFilter, ImportPage, ImportReport, ImportRowFilter, ImportRowsPage, ImportRowsQuery, ImportSummary } from './import-report';
import { decodeRowCursor, encodeRowCursor } from './row-cursor';
import { ImportUpload, parseUpload } from './parse-file';
import { IMPORT_COLUMN_LABELS } from './row-to-case';

export const DEFAULT_IMPORT_PAGE_SIZE = 50;
export const MAX_IMPORT_PAGE_SIZE = 200;

/** Looks and inserts an upload may take when identical uploads keep finishing between the two (in practice one or two). */
const ACCEPT_ATTEMPTS = 5;

/**
 * Imports of cases already under way (issue 5 §4; as jobs, ADR 0028). An upload is read whole at once — a file that
 * is not a file of rows is refused with nothing stored — then stored and queued; a worker (`ImportRunner`)
 * processes it in batches. Each row is validated, replayed through the engine and stored on its own (all or nothing
 * per row); a bad row never stops the others and is reported with its number and reasons. Re-uploading the same
 * file changes nothing: while its first upload is still waiting or running, the upload answers with that import;
 * afterwards a new import reports every row unchanged.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly clock: Clock,
  ) {}

  /** Reads and stores an upload, queued for the worker; answers the import as it stands. */
  async accept(upload: ImportUpload, actor: Actor, scope: Scope): Promise<ImportReport> {
    const parsed = parseUpload(upload);
    const contentHash = createHash('sha256').update(`${parsed.format}\n${parsed.historical}\n`).update(parsed.source).digest('hex');
    // The same file from the same subtree still waiting or running answers with that import. Another upload of it
    // may queue one between the look and the insert: the insert then finds it (a conflict) and looks again; that one
    // may even have finished meanwhile, and this upload is then queued anew.
    for (let attempt = 1; ; attempt += 1) {
      const earlier = await this.jobs.findUnfinished(contentHash, scope.pathPrefix);
      if (earlier) return this.get(earlier, scope);
      const id = randomUUID();
      const queued = await this.jobs.insert({
        id,
        actor: actor as unknown as Record<string, unknown>,
        scopePath: scope.pathPrefix,
        historical: parsed.historical,
        format: parsed.format,
        rows: parsed.rows.length,
        contentHash,
        source: parsed.source,
        acceptedAt: this.clock.now(),
      });
      if (queued) {
        this.logger.log(`import ${id}: ${parsed.rows.length} rows accepted`);
        return this.get(id, scope);
      }
      if (attempt === ACCEPT_ATTEMPTS) throw new Error(`import of content ${contentHash} could not be queued after ${ACCEPT_ATTEMPTS} attempts`);
    }
  }

  /**
   * An import made within the caller's subtree: its progress, and each row's outcome once done (`withItems` false:
   * none, for a reader that pages through them with `rows`).
   */
  async get(id: string, scope: Scope, withItems = true): Promise<ImportReport> {
    const found = await this.requireImport(id, scope);
    return { ...summaryOf(found), items: withItems && found.status === 'done' ? (await this.jobs.items(id)).map(withColumnLabels) : [] };
  }

  /**
   * A page of an import's report in the file's order: the outcomes of the rows committed so far (a row's outcome is
   * final once committed), all of them or only the refused or the flagged ones, after the page `cursor` ended.
   */
  async rows(id: string, query: ImportRowsQuery, scope: Scope): Promise<ImportRowsPage> {
    const limit = query.limit ?? DEFAULT_IMPORT_ROWS_PAGE;
    const outcome: ImportRowFilter = query.outcome ?? 'all';
    const fields: FieldError[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_IMPORT_ROWS_PAGE) fields.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_IMPORT_ROWS_PAGE}` });
    if (!IMPORT_ROW_FILTERS.includes(outcome)) fields.push({ field: 'outcome', message: `outcome must be one of ${IMPORT_ROW_FILTERS.join(', ')}` });
    if (fields.length) throw DomainException.validation(fields);
    const afterRow = query.cursor !== undefined ? decodeRowCursor(query.cursor) : 0;
    await this.requireImport(id, scope);
    const items = await this.jobs.itemsPage(id, outcome, afterRow, limit + 1);
    const page = items.slice(0, limit);
    return { items: page.map(withColumnLabels), nextCursor: items.length > limit ? encodeRowCursor(page[page.length - 1].row) : null };
  }

  private async requireImport(id: string, scope: Scope): Promise<ImportRecord> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.jobs.find(id, scope.pathPrefix) : null;
    if (!found) throw DomainException.notFound('Import', id);
    return found;
  }

  /**
   * The imports made within the caller's subtree, newest first, a page at a time (the keyset cursor of the other
   * lists: `nextCursor` of the page before); their progress and counts, not their rows.
   */
  async list(filter: ImportListFilter, scope: Scope): Promise<ImportPage> {
    const limit = filter.limit ?? DEFAULT_IMPORT_PAGE_SIZE;
    const fields: FieldError[] = [];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_IMPORT_PAGE_SIZE) fields.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_IMPORT_PAGE_SIZE}` });
    if (fields.length) throw DomainException.validation(fields);
    const after = filter.cursor !== undefined ? decodeCursor(filter.cursor) : undefined;
    const rows = await this.jobs.page(scope.pathPrefix, after && { acceptedAt: after.createdAt, id: after.id }, limit + 1);
    const items = rows.slice(0, limit).map(summaryOf);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor({ createdAt: last.acceptedAt, id: last.importId }) : null };
  }
}

/** A row's outcome with each column at fault named as staff read it (computed when read: reports stored earlier get it too). */
function withColumnLabels(item: ImportItem): ImportItem {
  if (!item.errors?.some((e) => e.field !== undefined && IMPORT_COLUMN_LABELS.has(e.field))) return item;
  return {
    ...item,
    errors: item.errors.map((e) => {
      const label = e.field === undefined ? undefined : IMPORT_COLUMN_LABELS.get(e.field);
      return label ? { ...e, fieldLabel: label } : e;
    }),
  };
}

function summaryOf(r: ImportRecord): ImportSummary {
  return {
    importId: r.id,
    actor: r.actor,
    status: r.status,
    historical: r.historical,
    format: r.format,
    rows: r.rows,
    processed: r.processed,
    imported: r.imported,
    unchanged: r.unchanged,
    refused: r.refused,
    flagged: r.flagged,
    acceptedAt: r.acceptedAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
