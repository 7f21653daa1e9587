import { EVENT_TYPES, type EventType } from '@charterflow/procedure';

/** Steps that are always open along the path and never what the case is waiting for. */
const SIDE_STEPS: readonly EventType[] = ['WITHDRAWN', 'DEADLINE_EXTENDED'];

/**
 * The step to put first among those an account may record: the one furthest along the procedure's order (the event
 * schema's order), leaving out the side steps (withdrawal, extension). A case in cell review may take late dossier
 * parts and the cell's vote: the vote is what it waits for. Null when only side steps are open.
 */
export function headlineStep(events: readonly string[]): { step: EventType; others: number } | null {
  const forward = events.filter((e): e is EventType => (EVENT_TYPES as readonly string[]).includes(e) && !SIDE_STEPS.includes(e as EventType));
  if (forward.length === 0) return null;
  const step = forward.reduce((a, b) => (EVENT_TYPES.indexOf(b) > EVENT_TYPES.indexOf(a) ? b : a));
  return { step, others: events.length - 1 };
}
