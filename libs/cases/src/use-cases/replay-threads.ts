import type { OnApplicationShutdown } from '@nestjs/common';
import { extname, join } from 'node:path';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { WorkingDayCalendar, WorkingDayCalendarDefinition } from '@charterflow/procedure';
import { ImportOutcome, ReadyImport, replayImport, ReplayTask } from './import-replay';

/** A row to replay and the calendar of its province. */
export interface Admitted {
  task: ReplayTask;
  calendar: WorkingDayCalendar;
}

/** What the pool sends a thread: rows with the id of their calendar, and the calendars the thread does not have yet. */
export interface ReplayRequest {
  id: number;
  tasks: { task: ReplayTask; calendar: number }[];
  calendars: [number, WorkingDayCalendarDefinition][];
}

export type ReplayReply = { id: number; results: (ImportOutcome | ReadyImport)[] } | { id: number; error: { message: string; stack?: string } };

/** Rows replayed inline between two turns of the event loop (the batch being committed meanwhile is not held up). */
const YIELD_EVERY_ROWS = 25;
/** Fewer rows than this per thread are not worth splitting a batch for. */
const MIN_ROWS_PER_THREAD = 50;

interface Thread {
  worker: Worker;
  /** The calendars this thread has built, by the pool's id. */
  calendars: Set<number>;
  pending: Map<number, { resolve: (results: (ImportOutcome | ReadyImport)[]) => void; reject: (error: Error) => void }>;
}

/**
 * Replays admitted import rows on other cores (ADR 0028): a batch is split between up to `size` worker threads, each
 * running the pure `replayImport`, and the answers come back in the rows' order. The threads start on first use, are
 * shared by the batches, and do not keep the process alive; one that dies fails the batches it held (the import is
 * released and retried like any failed batch) and is replaced at the next batch. With `size` 0, or a calendar that
 * cannot be handed to a thread (a hand-made test calendar), the rows are replayed inline, with the same answers.
 */
export class ReplayThreads implements OnApplicationShutdown {
  private readonly threads: (Thread | undefined)[];
  private readonly calendarIds = new WeakMap<WorkingDayCalendar, number>();
  private nextCalendarId = 1;
  private nextRequestId = 1;
  private closed = false;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`replay threads must be a whole number ≥ 0, got ${String(size)}`);
    this.threads = Array.from({ length: size }, () => undefined);
  }

  /** The rows replayed and prepared, in order. */
  async replayAll(rows: readonly Admitted[]): Promise<(ImportOutcome | ReadyImport)[]> {
    if (rows.length === 0) return [];
    if (this.size === 0 || this.closed || rows.some((r) => !r.calendar.definition)) return this.inline(rows);
    const parts = Math.max(1, Math.min(this.size, Math.floor(rows.length / MIN_ROWS_PER_THREAD)));
    const per = Math.ceil(rows.length / parts);
    const answers = await Promise.all(Array.from({ length: parts }, (_, i) => this.send(i, rows.slice(i * per, (i + 1) * per))));
    return answers.flat();
  }

  /** After the import worker has stopped (its batch in progress finished, `beforeApplicationShutdown`). */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Stops the threads; later batches are replayed inline. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.flatMap((t) => (t ? [t.worker.terminate()] : [])));
    this.threads.fill(undefined);
  }

  private async inline(rows: readonly Admitted[]): Promise<(ImportOutcome | ReadyImport)[]> {
    const results: (ImportOutcome | ReadyImport)[] = [];
    for (const { task, calendar } of rows) {
      results.push(replayImport(task, calendar));
      if (results.length % YIELD_EVERY_ROWS === 0) await yieldToIo();
    }
    return results;
  }

  private send(index: number, rows: readonly Admitted[]): Promise<(ImportOutcome | ReadyImport)[]> {
    const thread = this.threads[index] ?? this.start(index);
    const request: ReplayRequest = { id: this.nextRequestId++, tasks: [], calendars: [] };
    for (const { task, calendar } of rows) {
      let id = this.calendarIds.get(calendar);
      if (id === undefined) this.calendarIds.set(calendar, (id = this.nextCalendarId++));
      if (!thread.calendars.has(id)) {
        thread.calendars.add(id);
        request.calendars.push([id, calendar.definition!]);
      }
      request.tasks.push({ task, calendar: id });
    }
    return new Promise((resolve, reject) => {
      thread.pending.set(request.id, { resolve, reject });
      thread.worker.ref();
      thread.worker.postMessage(request);
    });
  }

  private start(index: number): Thread {
    const entry = join(__dirname, `import-replay.worker${extname(__filename)}`);
    // Run from TypeScript sources (tests, benchmarks), the thread compiles them as the process does. A thread takes no
    // V8 flags: its heap is its own, with V8's defaults.
    const worker = new Worker(entry, { execArgv: extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [] });
    const thread: Thread = { worker, calendars: new Set(), pending: new Map() };
    worker.unref();
    worker.on('message', (reply: ReplayReply) => {
      const waiting = thread.pending.get(reply.id);
      if (!waiting) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      else waiting.resolve(reply.results);
    });
    const fail = (error: Error) => {
      if (this.threads[index] === thread) this.threads[index] = undefined;
      for (const { reject } of thread.pending.values()) reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`replay thread stopped (exit code ${code})`)));
    this.threads[index] = thread;
    return thread;
  }
}
