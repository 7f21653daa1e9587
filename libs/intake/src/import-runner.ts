import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Admitted, ImportBatchContext, ImportCase, ImportOutcome, ReadyImport } from '@charterflow/cases';
import { Actor, Clock } from '@charterflow/kernel';
import type { ChainNode } from '@charterflow/procedure';
import { BatchCounts, ClaimedImport, ImportJobsRepository } from './import-jobs.repository';
import type { ImportItem } from './import-report';
import { parseStored, RawRow } from './parse-file';
import { firstRowsOf, readRow, RowBase } from './read-row';

/** Rows per batch: one transaction each, committing their cases, their outcomes and the cursor together. */
export const IMPORT_BATCH_ROWS = 500;
/** How long a claim holds without a committed batch before another worker may take the import over. */
export const IMPORT_LEASE_MS = 120_000;
/** Claims of one import that may fail (a crash of the code, not a bad row) before it is marked failed. */
export const IMPORT_MAX_ATTEMPTS = 3;

/**
 * Rows read between two turns of the event loop: the batch being committed meanwhile has its answers from the
 * database handled within a few milliseconds instead of after the whole next batch is read.
 */
const YIELD_EVERY_ROWS = 25;

/**
 * Batches judged ahead of the one committing: the next one replaying on the threads while the one after it is read
 * and judged here.
 */
const JUDGED_AHEAD = 2;

/** Thrown inside a batch's transaction when the import is no longer this worker's: nothing of the batch is written. */
class ClaimLost extends Error {}

/** A claimed import being processed: the file read once, and what its earlier rows established. */
export interface ImportInProgress {
  job: ClaimedImport;
  rows: RawRow[];
  actor: Actor;
  /** The first row of each external id read so far (a later row under it is refused). */
  seen: Map<string, number>;
  /** Organisation chains read so far, shared by the batches. */
  chains: Map<string, ChainNode[] | null>;
}

type Judged = { item: ImportItem } | { base: RowBase; ready: ReadyImport };
/** A row judged against what is stored: its outcome, or its place among the rows admitted for replay. */
type Admission = { item: ImportItem } | { base: RowBase; replay: number };

/** The rows `from` … `to` − 1 of the file, read and replayed, ready to commit. */
interface JudgedBatch {
  from: number;
  to: number;
  judged: Judged[];
}

/** A batch under way ahead of the one committing: settled once its rows are judged, then once it is replayed. */
interface Ahead {
  admitted: Promise<void>;
  batch: Promise<JudgedBatch>;
}

/**
 * Processes accepted imports (ADR 0028): claims the oldest waiting one and works through its file in batches of
 * IMPORT_BATCH_ROWS. Each row is read and replayed through the engine before the batch's transaction opens; the
 * transaction then stores the batch's cases, each row's outcome and the cursor, or nothing. A row whose insert fails
 * (another upload stored the same external id in the meantime) is rolled back to its own savepoint and reported; the
 * others commit. A worker that dies loses at most its open batch: once its lease runs out another worker resumes at
 * the cursor, and a batch commits only under the claim it was read for, so no case is stored twice.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: ImportJobsRepository,
    private readonly cases: ImportCase,
    private readonly clock: Clock,
  ) {}

  /**
   * The process is stopping: the import being processed stops after its current batch and is handed back (queued,
   * no attempt counted) for another worker to resume at once; nothing more is claimed.
   */
  stop(): void {
    this.stopping = true;
  }

  /** Processes waiting imports until none is left; answers how many it finished. */
  async drain(): Promise<number> {
    let finished = 0;
    while (!this.stopping) {
      const claimed = await this.claim();
      if (!claimed) return finished;
      if (await this.complete(claimed)) finished += 1;
    }
    return finished;
  }

  /**
   * Claims the oldest waiting import and reads its file, or null when none waits. A stored file that cannot be read
   * again (it was read when accepted, so only a damaged row) counts as a failed attempt, and the next import is tried.
   */
  async claim(): Promise<ImportInProgress | null> {
    for (;;) {
      const now = this.clock.now();
      const job = await this.jobs.claim(randomUUID(), now, new Date(now.getTime() + IMPORT_LEASE_MS));
      if (!job) return null;
      try {
        const rows = parseStored(job.format, job.source);
        return { job, rows, actor: job.actor as unknown as Actor, seen: firstRowsOf(rows, job.processed), chains: new Map() };
      } catch (e) {
        this.logger.error(`import ${job.id}: its stored file cannot be read: ${(e as Error).message}`);
        await this.jobs.release(job.id, job.leaseOwner, (e as Error).message, IMPORT_MAX_ATTEMPTS, this.clock.now());
      }
    }
  }

  /**
   * Works a claimed import to its end; false when it failed or another worker took it over. The batches are
   * pipelined: while one commits (the database's work), the next is replayed (the replay threads') and the one after
   * it read and judged against what is stored (this thread's), rows in file order; they still commit one after the
   * other, in order, each under the claim.
   */
  async complete(p: ImportInProgress): Promise<boolean> {
    const ahead: Ahead[] = [];
    let nextFrom = p.job.processed;
    // Batches judged ahead of the one committing, up to JUDGED_AHEAD, each admitted after the one before it.
    const fill = () => {
      while (ahead.length < JUDGED_AHEAD && nextFrom < p.rows.length) {
        const next = this.judgeFrom(p, nextFrom, ahead.at(-1)?.admitted);
        // Awaited in turn below; until then a failure of it must not go unhandled.
        next.batch.catch(() => undefined);
        ahead.push(next);
        nextFrom = Math.min(nextFrom + IMPORT_BATCH_ROWS, p.rows.length);
      }
    };
    try {
      for (fill(); ahead.length > 0; fill()) {
        const batch = await ahead.shift()!.batch;
        fill();
        await this.commit(p, batch);
        if (batch.to >= p.rows.length) break;
        if (this.stopping) {
          await this.jobs.handBack(p.job.id, p.job.leaseOwner);
          return false;
        }
      }
      await this.jobs.finish(p.job.id, p.job.leaseOwner, this.clock.now());
      this.logger.log(`import ${p.job.id}: ${p.job.rows} rows done`);
      return true;
    } catch (e) {
      if (e instanceof ClaimLost) return false;
      this.logger.error(`import ${p.job.id} failed at row ${p.job.processed + 1}: ${(e as Error).message}`);
      await this.jobs.release(p.job.id, p.job.leaseOwner, (e as Error).message, IMPORT_MAX_ATTEMPTS, this.clock.now());
      return false;
    } finally {
      // Batches judged ahead and not committed (stopping, claim lost, failure) end before this does; they wrote nothing.
      await Promise.all(ahead.map((a) => a.batch.catch(() => undefined)));
    }
  }

  /** Processes the next batch of a claimed import and commits it; false when the file is through. */
  async nextBatch(p: ImportInProgress): Promise<boolean> {
    if (p.job.processed >= p.rows.length) return false;
    const batch = await this.judgeFrom(p, p.job.processed).batch;
    await this.commit(p, batch);
    return batch.to < p.rows.length;
  }

  /**
   * Reads, judges and replays the batch of rows starting at `from` (there must be one); writes nothing. Its rows are
   * judged once `after` (the batch before it) has judged its own, so that a file's rows are seen in their order.
   */
  private judgeFrom(p: ImportInProgress, from: number, after: Promise<void> = Promise.resolve()): Ahead {
    const to = Math.min(from + IMPORT_BATCH_ROWS, p.rows.length);
    const admission = after.then(() => this.admit(p, p.rows.slice(from, to)));
    const batch = admission.then(async ({ judged, admitted }) => ({ from, to, judged: await this.replay(judged, admitted) }));
    // The next batch judges its rows once these are judged, or once judging them failed (the import then fails at
    // this batch, before the next one could commit).
    const admitted = admission.then(
      () => undefined,
      () => undefined,
    );
    return { admitted, batch };
  }

  /** Commits a judged batch: its cases, each row's outcome and the cursor, or nothing when the claim is lost. */
  private async commit(p: ImportInProgress, { from, to, judged }: JudgedBatch): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!(await this.jobs.lockForBatch(m, p.job.id, p.job.leaseOwner, from))) throw new ClaimLost();
      const items = await this.store(m, judged);
      const now = this.clock.now();
      await this.jobs.commitBatch(m, p.job.id, items, countsOf(items), to, new Date(now.getTime() + IMPORT_LEASE_MS));
    });
    p.job.processed = to;
  }

  /**
   * Reads the rows of a batch and judges each against what is stored and the file's earlier rows: its outcome when
   * that settles it, else its place among the rows admitted for replay.
   */
  private async admit(p: ImportInProgress, rows: readonly RawRow[]): Promise<{ judged: Admission[]; admitted: Admitted[] }> {
    const read: ReturnType<typeof readRow>[] = [];
    for (const row of rows) {
      read.push(readRow(row));
      if (read.length % YIELD_EVERY_ROWS === 0) await yieldToIo();
    }
    const batch: ImportBatchContext = await this.cases.batchContext(
      read.flatMap((r) => ('input' in r ? [r.input.externalId] : [])),
      p.chains,
    );
    const judged: Admission[] = [];
    const admitted: Admitted[] = [];
    for (const r of read) {
      if ('refused' in r) {
        judged.push({ item: r.refused });
        continue;
      }
      const earlier = p.seen.get(r.input.externalId);
      if (earlier !== undefined) {
        judged.push({ item: { ...r.base, status: 'refused', errors: [{ code: 'VALIDATION_FAILED', field: 'externalId', message: `externalId repeats row ${earlier} of this file` }] } });
        continue;
      }
      p.seen.set(r.input.externalId, r.base.row);
      const outcome = await this.cases.admit(r.input, p.actor, { historical: p.job.historical, batch });
      if ('task' in outcome) judged.push({ base: r.base, replay: admitted.push(outcome) - 1 });
      else judged.push({ item: itemOf(r.base, outcome) });
    }
    return { judged, admitted };
  }

  /** Replays the admitted rows through the engine (on the replay threads) and prepares their cases. */
  private async replay(judged: readonly Admission[], admitted: readonly Admitted[]): Promise<Judged[]> {
    const replayed = await this.cases.replayAll(admitted);
    return judged.map((j) => {
      if (!('replay' in j)) return j;
      const outcome = replayed[j.replay];
      return outcome.status === 'ready' ? { base: j.base, ready: outcome } : { item: itemOf(j.base, outcome) };
    });
  }

  /**
   * Stores the batch's ready rows in the transaction of `m`: all at once (one statement per table) under one
   * savepoint, and only when that fails (an external id stored meanwhile by another upload), again row by row, each under its own savepoint.
   */
  private async store(m: EntityManager, judged: readonly Judged[]): Promise<ImportItem[]> {
    await m.query('SAVEPOINT import_batch');
    try {
      const ready = judged.flatMap((j) => ('ready' in j ? [j.ready] : []));
      const stored = await this.cases.storeIn(m, ready);
      await m.query('RELEASE SAVEPOINT import_batch');
      let k = 0;
      return judged.map((j) => ('item' in j ? j.item : itemOf(j.base, stored[k++])));
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await m.query('ROLLBACK TO SAVEPOINT import_batch');
    }
    const items: ImportItem[] = [];
    for (const j of judged) items.push('item' in j ? j.item : itemOf(j.base, await this.storeRow(m, j.ready)));
    return items;
  }

  private async storeRow(m: EntityManager, ready: ReadyImport): Promise<ImportOutcome> {
    await m.query('SAVEPOINT import_row');
    try {
      const [outcome] = await this.cases.storeIn(m, [ready]);
      await m.query('RELEASE SAVEPOINT import_row');
      return outcome;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await m.query('ROLLBACK TO SAVEPOINT import_row');
    }
    const again = await this.cases.storedConcurrently(m, ready);
    return (
      again ?? { status: 'refused', errors: [{ code: 'CONFLICT_EXISTING_CASE', field: 'externalId', message: `external id ${ready.externalId} was imported concurrently from a different row` }] }
    );
  }
}

function itemOf(base: RowBase, outcome: ImportOutcome): ImportItem {
  if (outcome.status === 'refused') return { ...base, status: 'refused', errors: outcome.errors };
  if (outcome.status === 'unchanged') return { ...base, status: 'unchanged', caseId: outcome.caseId };
  return { ...base, status: 'imported', caseId: outcome.caseId, state: outcome.state, ...(outcome.waived.length ? { flagged: outcome.waived } : {}) };
}

function countsOf(items: readonly ImportItem[]): BatchCounts {
  const count = (s: ImportItem['status']) => items.filter((i) => i.status === s).length;
  return { imported: count('imported'), unchanged: count('unchanged'), refused: count('refused'), flagged: items.filter((i) => i.flagged?.length).length };
}

/** PostgreSQL's unique violation (23505), as the driver or TypeORM carries it. */
function isUniqueViolation(e: unknown): boolean {
  const error = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  return error?.code === '23505' || error?.driverError?.code === '23505';
}
