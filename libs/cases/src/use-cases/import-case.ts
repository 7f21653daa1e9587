import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  BusinessDate,
  CaseAggregate,
  Candidate,
  ChainNode,
  DecisionEnv,
  describe,
  DomainEvent,
  DomainRefusal,
  dueTimedEvents,
  decide,
  openCase,
  Readmission,
} from '@charterflow/procedure';
import { cellContextOf, OrganisationsService } from '@charterflow/organisations';
import { Actor, SYSTEM_ACTOR, Clock } from '@charterflow/kernel';
import { engineOnlyEventIn, importableChain } from '../access/case-access';
import { Step } from '../history/chain-steps';
import { CasesRepository, externalIdKey } from '../repositories/cases.repository';
import { CaseStore, NewCase, PreparedCase, prepareCase } from '../store/case-store';
import { DecisionEnvs } from '../store/decision-env';

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

export type ImportOutcome =
  | { status: 'imported'; caseId: string; state: string; waived: { seq: number; type: string; rule: string; source: string; message: string }[] }
  | { status: 'unchanged'; caseId: string }
  | { status: 'refused'; errors: ImportRowError[] };

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

/** Caches what the rows of one batch share: the organisations (chain and facts) and the existing external ids. */
export interface ImportBatchContext {
  chains: Map<string, ChainNode[] | null>;
  /** Keyed `externalIdKey(province, externalId)`: a row sees only the ids of its own province. */
  existing: Map<string, { id: string; importHash: string | null }>;
}

/** A row replayed and ready to store: the case to insert and what its outcome will say once stored. */
export interface ReadyImport {
  status: 'ready';
  /** The case's rows, numbered and hashed: storing them is the batch transaction's only work. */
  prepared: PreparedCase;
  key: string;
  externalId: string;
  rowHash: string;
  state: string;
  waived: { seq: number; type: string; rule: string; source: string; message: string }[];
}

/**
 * Brings a case already under way into the engine: replays its recorded history through the same pure engine as live
 * dispatch, with the recorded business dates (timed events such as PROBATION_ENDED are applied when they fell due),
 * and stores it in the caller's transaction (`prepare`, then `storeIn`), so a row is all or nothing. With
 * `historical`, the event's own rules are waived and reported instead of refusing; dates and the machine's shape are
 * never waived. Deadlines still ahead stay open; those whose limit has already passed are stored as missed.
 */
@Injectable()
export class ImportCase {
  constructor(
    private readonly clock: Clock,
    private readonly organisations: OrganisationsService,
    private readonly envs: DecisionEnvs,
    private readonly cases: CasesRepository,
    private readonly store: CaseStore,
  ) {}

  /** What the rows of one batch share, read once: the cases already imported under any of `externalIds`, in any province. */
  async batchContext(externalIds: readonly string[], chains: Map<string, ChainNode[] | null> = new Map()): Promise<ImportBatchContext> {
    return { chains, existing: await this.cases.findByExternalIds([...new Set(externalIds)]) };
  }

  /** Judges one row and replays it through the engine; writes nothing. */
  async prepare(input: ImportedCase, actor: Actor, options: { historical: boolean; batch: ImportBatchContext }): Promise<ImportOutcome | ReadyImport> {
    // The cell first: its province is where the external id must be unique, and only its cases may be looked at.
    const chain = await this.chainFor(input.organisationId, actor, options.batch);
    if (!chain) return refused({ code: 'VALIDATION_FAILED', field: 'organisationId', message: `organisation ${input.organisationId} does not exist` });
    if (chain[chain.length - 1].kind !== 'cell') return refused({ code: 'RULE_VIOLATION', rule: 'CASE_ORGANISATION_NOT_CELL', field: 'organisationId', message: 'A case belongs to a cell.' });
    const context = cellContextOf(chain);
    const key = externalIdKey(context.provinceId, input.externalId);
    const known = options.batch.existing.get(key);
    if (known) return knownOutcome(known, input.rowHash, input.externalId);
    const staffOnly = engineOnlyEventIn(input.events);
    if (staffOnly) return refused({ code: 'VALIDATION_FAILED', field: 'events', eventType: staffOnly.type, message: `${staffOnly.type} is recorded by the engine itself` });

    const env = this.envs.of(context, { waiveRules: options.historical });
    const today = env.today;
    const replay = replayCase(input, actor, env);
    if (!replay.ok) return refused(replay.error);

    const description = describe(replay.aggregate);
    // Limits already past on import day are missed; the ones ahead stay open and are delivered as usual.
    const deadlines = replay.aggregate.deadlines.map((d) => (d.status === 'open' && d.dueOn < today ? { ...d, status: 'missed' as const } : d));
    const newCase: NewCase = {
      id: randomUUID(),
      organisationId: input.organisationId,
      aggregate: replay.aggregate,
      steps: replay.steps,
      deadlines,
      recordedAt: this.clock.now(),
      imported: { externalId: input.externalId, provinceId: context.provinceId, rowHash: input.rowHash },
    };
    return { status: 'ready', prepared: prepareCase(newCase), key, externalId: input.externalId, rowHash: input.rowHash, state: description.state, waived: replay.waived };
  }

  /** Stores prepared rows in the transaction of `m` and answers their outcomes. A unique violation (23505) is thrown to the caller. */
  async storeIn(m: EntityManager, ready: readonly ReadyImport[]): Promise<ImportOutcome[]> {
    await this.store.importIn(m, ready.map((r) => r.prepared));
    return ready.map((r) => ({ status: 'imported', caseId: r.prepared.row.id, state: r.state, waived: r.waived }));
  }

  /** The outcome of a row whose external id another upload stored first (its insert met 23505), read in the transaction of `m`. */
  async storedConcurrently(m: EntityManager, ready: ReadyImport): Promise<ImportOutcome | null> {
    const again = (await this.cases.findByExternalIds([ready.externalId], m)).get(ready.key);
    return again ? knownOutcome(again, ready.rowHash, ready.externalId) : null;
  }

  /** The chain of the cell when the actor may act there (its subtree), else null — an unknown cell to this account. */
  private async chainFor(organisationId: string, actor: Actor, batch: ImportBatchContext): Promise<ChainNode[] | null> {
    if (!batch.chains.has(organisationId)) {
      const chain = await this.organisations.chainOf(organisationId).catch(() => null);
      batch.chains.set(organisationId, importableChain(actor, chain));
    }
    return batch.chains.get(organisationId) ?? null;
  }
}

/** A row under an external id already imported: unchanged when from the same content, else a conflict. */
function knownOutcome(known: { id: string; importHash: string | null }, rowHash: string, externalId: string): ImportOutcome {
  return known.importHash === rowHash
    ? { status: 'unchanged', caseId: known.id }
    : refused({ code: 'CONFLICT_EXISTING_CASE', field: 'externalId', message: `A case with external id ${externalId} was imported from a different row; correct it in the engine instead of re-importing it.` });
}

function refused(error: ImportRowError): ImportOutcome {
  return { status: 'refused', errors: [error] };
}

type Replay =
  | { ok: true; aggregate: CaseAggregate; steps: Step[]; waived: { seq: number; type: string; rule: string; source: string; message: string }[] }
  | { ok: false; error: ImportRowError };

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
  const waived: { seq: number; type: string; rule: string; source: string; message: string }[] = (opened.waived ?? []).map((v) => ({
    seq: 1,
    type: opening.type,
    rule: v.rule,
    source: v.source,
    message: v.message,
  }));
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
