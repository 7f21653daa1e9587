import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ImportCase, ImportRowError } from '@charterflow/cases';
import type { Scope } from '@charterflow/organisations';
import { ImportsRepository } from './imports.repository';
import { parseCsv, parseJson, RawRow } from './parse-file';
import { rowToCase } from './row-to-case';
import { Actor, Clock, DomainException, findUnstorableText, unstorableReason } from '@charterflow/kernel';

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

export interface ImportReport {
  importId: string;
  historical: boolean;
  format: 'csv' | 'json';
  rows: number;
  imported: number;
  unchanged: number;
  refused: number;
  /** Rows imported with at least one waived rule. */
  flagged: number;
  items: ImportItem[];
  startedAt: string;
  finishedAt: string;
}

export type ImportUpload = { format: 'csv'; text: string; historical: boolean } | { format: 'json'; body: unknown; historical?: boolean };

/**
 * Imports of cases already under way (issue 5 §4): each row is validated, replayed through the engine and stored on
 * its own (all or nothing per row); a bad row never stops the others and is reported with its number and reasons.
 * Re-uploading the same file changes nothing.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly cases: ImportCase,
    private readonly imports: ImportsRepository,
    private readonly clock: Clock,
  ) {}

  async run(upload: ImportUpload, actor: Actor, scope: Scope): Promise<ImportReport> {
    const startedAt = this.clock.now();
    const parsed = upload.format === 'csv' ? { rows: parseCsv(upload.text), historical: upload.historical } : parseJson(upload.body);
    const historical = upload.format === 'csv' ? upload.historical : (parsed.historical ?? upload.historical ?? false);
    const externalIds = parsed.rows.map((r) => r.cells.externalId).filter((x): x is string => typeof x === 'string' && unstorableReason(x) === null);
    const batch = await this.cases.batchContext(externalIds);
    const seen = new Map<string, number>();
    const items: ImportItem[] = [];
    for (const raw of parsed.rows) items.push(await this.importRow(raw, actor, historical, batch, seen));

    const count = (s: ImportItem['status']) => items.filter((i) => i.status === s).length;
    const report: ImportReport = {
      importId: randomUUID(),
      historical,
      format: upload.format,
      rows: items.length,
      imported: count('imported'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      flagged: items.filter((i) => i.flagged?.length).length,
      items,
      startedAt: startedAt.toISOString(),
      finishedAt: this.clock.now().toISOString(),
    };
    await this.imports.insert({ ...report, actor: actor as unknown as Record<string, unknown>, scopePath: scope.pathPrefix, startedAt, finishedAt: this.clock.now() });
    this.logger.log(`import ${report.importId}: ${report.rows} rows, ${report.imported} imported, ${report.unchanged} unchanged, ${report.refused} refused`);
    return report;
  }

  async get(id: string, scope: Scope): Promise<ImportReport> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await this.imports.find(id, scope.pathPrefix) : null;
    if (!found) throw DomainException.notFound('Import', id);
    return found;
  }

  private async importRow(raw: RawRow, actor: Actor, historical: boolean, batch: Awaited<ReturnType<ImportCase['batchContext']>>, seen: Map<string, number>): Promise<ImportItem> {
    const externalId = typeof raw.cells.externalId === 'string' && unstorableReason(raw.cells.externalId) === null ? raw.cells.externalId : null;
    const base = { row: raw.row, ...(raw.line ? { line: raw.line } : {}), externalId };
    const shape = raw.cells.__notAnObject ? 'the row must be an object' : typeof raw.cells.__cellCount === 'string' ? `the row has ${raw.cells.__cellCount}` : null;
    if (shape) return { ...base, status: 'refused', errors: [{ code: 'VALIDATION_FAILED', field: 'row', message: shape }] };
    // Text the database cannot hold (U+0000, an unpaired surrogate) makes a bad row, reported like any other; the
    // report names the cell with its name escaped, since the report is stored too.
    const unstorable = findUnstorableText(raw.cells, '');
    if (unstorable) return { ...base, status: 'refused', errors: [{ code: 'VALIDATION_FAILED', ...unstorable }] };
    const mapped = rowToCase(raw.cells);
    if (!mapped.ok) return { ...base, status: 'refused', errors: mapped.problems.map((p) => ({ code: 'VALIDATION_FAILED', field: p.field, message: p.message })) };
    const earlier = seen.get(mapped.value.externalId);
    if (earlier !== undefined) return { ...base, status: 'refused', errors: [{ code: 'VALIDATION_FAILED', field: 'externalId', message: `externalId repeats row ${earlier} of this file` }] };
    seen.set(mapped.value.externalId, raw.row);
    const outcome = await this.cases.execute(mapped.value, actor, { historical, batch });
    if (outcome.status === 'refused') return { ...base, status: 'refused', errors: outcome.errors };
    if (outcome.status === 'unchanged') return { ...base, status: 'unchanged', caseId: outcome.caseId };
    return { ...base, status: 'imported', caseId: outcome.caseId, state: outcome.state, ...(outcome.waived.length ? { flagged: outcome.waived } : {}) };
  }
}
