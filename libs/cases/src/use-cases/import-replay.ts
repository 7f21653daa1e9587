import { randomUUID } from 'node:crypto';
import {
  BusinessDate,
  Candidate,
  DecisionEnv,
  describe,
  DomainEvent,
  DomainRefusal,
  dueTimedEvents,
  decide,
  openCase,
  Readmission,
  CaseAggregate,
} from '@charterflow/procedure';
import { Actor, SYSTEM_ACTOR } from '@charterflow/kernel';
import { Step } from '../history/chain-steps';
import { NewCase, PreparedCase, prepareCase } from '../store/new-case';

/**
 * The pure half of an import row (ADR 0028): its recorded history replayed through the engine and the case's rows
 * prepared, from plain data and a calendar. No database, no framework, no clock: it runs in the import's replay
 * threads as well as inline, with the same answer.
 */

/** One case as an import brings it: the office's identifier, the cell, the candidate and the recorded history. */
export interface ImportedCase {
  externalId: string;
  organisationId: string;
  openedOn: BusinessDate;
  candidate: Candidate;
  /** A re-admission: how the person left the Party (QĐ294 §3.5); absent for a first admission. */
  readmission?: Readmission;
  /** The recorded steps in order (no CASE_OPENED, no PROBATION_ENDED: the engine writes those). */
  events: DomainEvent[];
  /** Hash of the source row: the same row uploaded again is recognised as unchanged. */
  rowHash: string;
}

export interface ImportRowError {
  code: string;
  message: string;
  field?: string;
  rule?: string;
  source?: string;
  eventType?: string;
  occurredOn?: string;
  /** EVENT_NOT_ALLOWED: the state the case was in. */
  state?: string;
}

export interface WaivedRule {
  seq: number;
  type: string;
  rule: string;
  source: string;
  message: string;
}

export type ImportOutcome =
  | { status: 'imported'; caseId: string; state: string; waived: WaivedRule[] }
  | { status: 'unchanged'; caseId: string }
  | { status: 'refused'; errors: ImportRowError[] };

/** A row replayed and ready to store: the case to insert and what its outcome will say once stored. */
export interface ReadyImport {
  status: 'ready';
  /** The case's rows, numbered and hashed: storing them is the batch transaction's only work. */
  prepared: PreparedCase;
  key: string;
  externalId: string;
  rowHash: string;
  state: string;
  waived: WaivedRule[];
}

/**
 * A row admitted for replay: what the checks against the database established (its cell and province, that its
 * external id is new there, who imports it), with the day and instant of the import. Plain data, so that it can be
 * handed to another thread; the calendar goes beside it.
 */
export interface ReplayTask {
  input: ImportedCase;
  actor: Actor;
  /** The engine's environment without the calendar: today, the cell's facts, whether the rules are waived. */
  env: Omit<DecisionEnv, 'calendar'>;
  provinceId: string | null;
  /** `externalIdKey(province, externalId)`. */
  key: string;
  recordedAt: Date;
}

/** Replays an admitted row and prepares its case's rows, or refuses it with the engine's reason. Pure. */
export function replayImport(task: ReplayTask, calendar: DecisionEnv['calendar']): ImportOutcome | ReadyImport {
  const { input } = task;
  const env: DecisionEnv = { ...task.env, calendar };
  const replay = replayCase(input, task.actor, env);
  if (!replay.ok) return refused(replay.error);
  const description = describe(replay.aggregate);
  // Limits already past on import day are missed; the ones ahead stay open and are delivered as usual.
  const deadlines = replay.aggregate.deadlines.map((d) => (d.status === 'open' && d.dueOn < env.today ? { ...d, status: 'missed' as const } : d));
  const newCase: NewCase = {
    id: randomUUID(),
    organisationId: input.organisationId,
    aggregate: replay.aggregate,
    steps: replay.steps,
    deadlines,
    recordedAt: task.recordedAt,
    imported: { externalId: input.externalId, provinceId: task.provinceId, rowHash: input.rowHash },
  };
  return { status: 'ready', prepared: prepareCase(newCase), key: task.key, externalId: input.externalId, rowHash: input.rowHash, state: description.state, waived: replay.waived };
}

export function refused(error: ImportRowError): ImportOutcome {
  return { status: 'refused', errors: [error] };
}

type Replay = { ok: true; aggregate: CaseAggregate; steps: Step[]; waived: WaivedRule[] } | { ok: false; error: ImportRowError };

/** The history through the pure engine, step by step: CASE_OPENED, each event (with timed events due before it), then timed events due today. */
export function replayCase(input: ImportedCase, actor: Actor, env: DecisionEnv): Replay {
  const opening: DomainEvent = {
    type: 'CASE_OPENED',
    occurredOn: input.openedOn,
    candidate: input.candidate,
    ...(input.readmission ? { readmission: input.readmission } : {}),
  };
  const opened = openCase(opening, env);
  if (!opened.ok) return { ok: false, error: errorOf(opened.refusal, opening) };
  let aggregate = opened.aggregate;
  const steps: Step[] = [{ event: opening, actor, fromState: null, toState: opened.toState }];
  const waived: WaivedRule[] = (opened.waived ?? []).map((v) => ({ seq: 1, type: opening.type, rule: v.rule, source: v.source, message: v.message }));
  const apply = (event: DomainEvent, who: Actor): ImportRowError | null => {
    const d = decide(aggregate, event, env);
    if (!d.ok) return errorOf(d.refusal, event);
    aggregate = d.aggregate;
    steps.push({ event, actor: who, fromState: d.fromState, toState: d.toState });
    for (const v of d.waived ?? []) waived.push({ seq: steps.length, type: event.type, rule: v.rule, source: v.source, message: v.message });
    return null;
  };
  for (const event of input.events) {
    for (const timed of dueTimedEvents(aggregate, event.occurredOn)) {
      const error = apply(timed, SYSTEM_ACTOR);
      if (error) return { ok: false, error };
    }
    const error = apply(event, actor);
    if (error) return { ok: false, error };
  }
  for (const timed of dueTimedEvents(aggregate, env.today)) {
    const error = apply(timed, SYSTEM_ACTOR);
    if (error) return { ok: false, error };
  }
  return { ok: true, aggregate, steps, waived };
}

function errorOf(refusal: DomainRefusal, event: DomainEvent): ImportRowError {
  return {
    code: refusal.code,
    message: refusal.message,
    eventType: event.type,
    occurredOn: event.occurredOn,
    ...(refusal.code === 'RULE_VIOLATION' ? { rule: refusal.rule, source: refusal.source } : { state: refusal.state }),
  };
}
