import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Scope } from '@charterflow/organisations';
import { Actor, Clock, DomainException } from '@charterflow/kernel';
import { ImportJobsRepository, ImportRecord } from './import-jobs.repository';
import type { ImportReport } from './import-report';
import { ImportUpload, parseUpload } from './parse-file';

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
    const earlier = await this.jobs.findUnfinished(contentHash, scope.pathPrefix);
    if (earlier) return this.get(earlier, scope);
    const id = randomUUID();
    await this.jobs.insert({
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
    this.logger.log(`import ${id}: ${parsed.rows.length} rows accepted`);
    return this.get(id, scope);
  }

  /** An import made within the caller's subtree: its progress, and each row's outcome once done. */
  async get(id: string, scope: Scope): Promise<ImportReport> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.jobs.find(id, scope.pathPrefix) : null;
    if (!found) throw DomainException.notFound('Import', id);
    return reportOf(found, found.status === 'done' ? await this.jobs.items(id) : []);
  }
}

function reportOf(r: ImportRecord, items: ImportReport['items']): ImportReport {
  return {
    importId: r.id,
    status: r.status,
    historical: r.historical,
    format: r.format,
    rows: r.rows,
    processed: r.processed,
    imported: r.imported,
    unchanged: r.unchanged,
    refused: r.refused,
    flagged: r.flagged,
    items,
    acceptedAt: r.acceptedAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
