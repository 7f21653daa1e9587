/**
 * A replay thread of imports (ADR 0028): answers each message of `ReplayThreads` with the rows it names replayed and
 * prepared (`replayImport`), or with the error that stopped it. It imports only the pure engine and the pure half of
 * an import: no database, no framework.
 */
import { parentPort } from 'node:worker_threads';
import { createWorkingDayCalendar, WorkingDayCalendar } from '@charterflow/procedure';
import { replayImport } from './import-replay';
import type { ReplayReply, ReplayRequest } from './replay-threads';

/** The calendars this thread was given, by the pool's id for them (built once each; a calendar builds its years lazily). */
const calendars = new Map<number, WorkingDayCalendar>();

parentPort?.on('message', (request: ReplayRequest) => {
  let reply: ReplayReply;
  try {
    for (const [id, definition] of request.calendars) {
      calendars.set(id, createWorkingDayCalendar(definition.overrides, { extraHolidays: definition.extraHolidays }));
    }
    reply = {
      id: request.id,
      results: request.tasks.map(({ task, calendar }) => {
        const built = calendars.get(calendar);
        if (!built) throw new Error(`replay thread: calendar ${calendar} was never given`);
        return replayImport(task, built);
      }),
    };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = { id: request.id, error: { message: error.message, stack: error.stack } };
  }
  parentPort?.postMessage(reply);
});
