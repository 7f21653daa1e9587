import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  BusinessDate,
  CaseAggregate,
  ChainNode,
  Candidate,
  DecisionEnv,
  DomainEvent,
  ENGINE_ONLY_EVENTS,
  EVENT_TYPES,
  isBusinessDate,
  mayAct,
  mayRecord,
  OPEN_CASE_LEVELS,
  RecordVerdict,
  TopState,
} from '@charterflow/procedure';
// The pure engine (libs/procedure/src/engine). Switch to the package barrel once it re-exports these.
import { decide, describe, dueTimedEvents, openCase, restoreAggregate } from '@charterflow/procedure';
import { Actor, CALENDAR_PROVIDER, CalendarProvider, canonicalId, Clock, DomainException, SYSTEM_ACTOR } from '@charterflow/kernel';
import { CellContext, cellContextOf, OrganisationsService, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { refusalToException } from './errors/refusal';
import { chainSteps, Step } from './history/chain-steps';
import { canonicalJson, ChainVerdict, GENESIS_HASH, sha256Hex, verifyEvents } from './history/hash-chain';
import { decodeCursor, encodeCursor } from './list/cursor';
import { CaseEventsRepository } from './repositories/case-events.repository';
import { CaseRow, CasesRepository } from './repositories/cases.repository';
import { DeadlineRow, DeadlinesRepository } from './repositories/deadlines.repository';
import { IdempotencyKeysRepository } from './repositories/idempotency-keys.repository';
import { containsPattern, searchText } from './search/search-text';
import { CaseEventView, CaseListFilter, CaseListPage, CaseView } from './views/case.views';

/**
 * How long a write waits for another write to the same case to finish before it answers CASE_BUSY. Writes to one
 * case take a few milliseconds each; only a stuck transaction or a flood of writes to one case waits this long.
 */
export const CASE_LOCK_WAIT_MS = 5000;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Idempotency keys of POST /cases are remembered per account: another account's key never replays an answer. */
const createScope = (actor: Actor) => `cases:create:${actor.userId ?? actor.username}`;

export interface CreateCaseInput {
  organisationId: string;
  occurredOn: BusinessDate;
  candidate: Candidate;
}

/** Thrown inside a transaction to roll it back when a concurrent request stored the same idempotency key first. */
class IdempotencyRace extends Error {}

/**
 * The case aggregate: opens cases, records events through the pure engine (libs/procedure) and stores each step
 * in one transaction (versioned case row, hash-chained history, deadlines, idempotency answer).
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly organisations: OrganisationsService,
    @Inject(CALENDAR_PROVIDER) private readonly calendars: CalendarProvider,
    private readonly cases: CasesRepository,
    private readonly history: CaseEventsRepository,
    private readonly deadlines: DeadlinesRepository,
    private readonly idempotency: IdempotencyKeysRepository,
  ) {}

  // ---- writes ------------------------------------------------------------------------------------------------

  /**
   * Opens a case in a cell: the CASE_OPENED event (seq 1), the case row (version 1) and its deadlines. A cell
   * outside the actor's subtree answers as an unknown one; a staff actor needs the right to open cases there
   * (`OPEN_CASE_LEVELS`).
   */
  async create(input: CreateCaseInput, actor: Actor, opts: { idempotencyKey?: string } = {}): Promise<CaseView> {
    const requestHash = sha256Hex(canonicalJson(input));
    const idemScope = createScope(actor);
    for (;;) {
      const replayed = await this.replay(idemScope, opts.idempotencyKey, requestHash);
      if (replayed) return replayed;

      if (!isBusinessDate(input.occurredOn)) throw DomainException.validation([{ field: 'occurredOn', message: 'occurredOn must be a date YYYY-MM-DD' }]);
      if (typeof input.candidate?.fullName !== 'string') throw DomainException.validation([{ field: 'candidate.fullName', message: 'fullName is required' }]);
      const chain = await this.organisations.chainOf(input.organisationId).catch((e: unknown) => {
        if (e instanceof DomainException && e.code === 'NOT_FOUND') throw unknownOrganisation(input.organisationId);
        throw e;
      });
      if (!actorSees(actor, chain)) throw unknownOrganisation(input.organisationId);
      const context = cellContextOf(chain);
      if (actor.kind === 'user') assertAllowed(mayAct(actor, 'CASE_OPENED', OPEN_CASE_LEVELS, context.chain));
      const organisation = { id: input.organisationId };
      const env = this.envOf(context);
      const opening: DomainEvent = { type: 'CASE_OPENED', occurredOn: input.occurredOn, candidate: input.candidate };
      const decision = openCase(opening, env);
      if (!decision.ok) throw refusalToException(decision.refusal);

      const now = this.clock.now();
      const id = randomUUID();
      try {
        return await this.dataSource.transaction(async (m) => {
          const [event] = chainSteps(id, 0, GENESIS_HASH, [{ event: opening, actor, fromState: null, toState: decision.toState }], now);
          const description = describe(decision.aggregate);
          await this.cases.insert(m, {
            id,
            organisationId: organisation.id,
            state: description.state,
            snapshot: decision.aggregate,
            machineVersion: decision.aggregate.machineVersion,
            procedureVersion: decision.aggregate.procedureVersion,
            candidate: description.candidate,
            searchText: searchText(description.candidate.fullName),
            lastSeq: 1,
            lastHash: event.hash,
            createdAt: now,
          });
          await this.history.insert(m, event);
          await this.deadlines.upsertAll(m, id, decision.aggregate.deadlines, now);
          const view = this.toView((await this.cases.findById(id, m)) as CaseRow, await this.deadlines.listByCases([id], m));
          await this.remember(m, idemScope, opts.idempotencyKey, requestHash, 201, view, now);
          return view;
        });
      } catch (e) {
        if (e instanceof IdempotencyRace) continue;
        throw e;
      }
    }
  }

  /**
   * Records one event. Inside one transaction that holds the case row's lock (so that concurrent writers to one case
   * take turns instead of racing): the case, the access check (404 outside the actor's subtree, 403 for a step its
   * body does not record), the idempotency replay, the `expectedVersion` check, then due timed events (as the system
   * actor) and the event through the engine. A refusal writes nothing. A writer that waits longer than
   * CASE_LOCK_WAIT_MS for the lock answers CASE_BUSY (503, Retry-After) and writes nothing either.
   */
  async dispatch(id: string, event: DomainEvent, actor: Actor, opts: { expectedVersion?: number; idempotencyKey?: string } = {}): Promise<CaseView> {
    this.checkEvent(event);
    // The history's hashes and the idempotency scope use the canonical spelling: one case, one chain, one key space.
    const caseId = requireCaseId(id);
    const idem = { scope: `case:${caseId}`, key: opts.idempotencyKey, requestHash: sha256Hex(canonicalJson(event)) };
    // Access before any idempotent replay could answer.
    const authorise = (context: CellContext) => {
      if (!actorSees(actor, context.chain)) throw DomainException.notFound('Case', caseId);
      if (actor.kind === 'user' && ENGINE_ONLY_EVENTS.includes(event.type)) {
        throw new DomainException('FORBIDDEN', `${event.type} is recorded by the engine itself; staff cannot send it.`, { eventType: event.type, permission: event.type });
      }
      if (actor.kind === 'user') assertAllowed(mayRecord(actor, event.type, context.chain));
    };
    return this.step(caseId, opts, (aggregate, env) => [...this.timedSteps(aggregate, env), { event, actor }], idem, authorise);
  }

  /** Records the timed events now due (e.g. PROBATION_ENDED) as the system actor; a no-op when none is due. */
  async applyDueTimedEvents(caseId: string): Promise<CaseView> {
    return this.step(requireCaseId(caseId), {}, (aggregate, env) => this.timedSteps(aggregate, env));
  }

  /** Recomputes the hash chain of a case from the stored rows and checks it ends where the case row says. */
  async verifyChain(caseId: string, scope: Scope = WHOLE_TREE): Promise<ChainVerdict> {
    const row = await this.requireRow(caseId, scope);
    const rows = await this.history.listByCase(row.id);
    return verifyEvents(
      rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() })),
      { lastSeq: row.lastSeq, lastHash: row.lastHash, state: row.state },
    );
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  /** One case; NOT_FOUND when unknown or outside `scope`. */
  async get(id: string, scope: Scope = WHOLE_TREE): Promise<CaseView> {
    const row = await this.requireRow(id, scope);
    return this.toView(row, await this.deadlines.listByCases([row.id]));
  }

  /** A page of the cases in `scope` (narrowed to `filter.organisationId`, which must itself lie in `scope`). */
  async list(filter: CaseListFilter = {}, scope: Scope = WHOLE_TREE): Promise<CaseListPage> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1) throw DomainException.validation([{ field: 'limit', message: 'limit must be a whole number ≥ 1' }]);
    if (filter.dueBefore !== undefined && !isBusinessDate(filter.dueBefore)) {
      throw DomainException.validation([{ field: 'dueBefore', message: 'dueBefore must be a date YYYY-MM-DD' }]);
    }
    const pageSize = Math.min(limit, MAX_PAGE_SIZE);
    const after = filter.cursor !== undefined ? decodeCursor(filter.cursor) : undefined;
    const pathPrefix =
      filter.organisationId !== undefined ? ((await this.organisations.scopeOf(filter.organisationId)).pathPrefix ?? undefined) : (scope.pathPrefix ?? undefined);
    if (filter.organisationId !== undefined && scope.pathPrefix !== null && !pathPrefix?.startsWith(scope.pathPrefix)) {
      throw DomainException.notFound('Organisation', filter.organisationId);
    }
    const q = filter.q !== undefined ? searchText(filter.q) : '';
    const rows = await this.cases.find({
      state: filter.state,
      pathPrefix,
      dueBefore: filter.dueBefore,
      searchPattern: q ? containsPattern(q) : undefined,
      after,
      limit: pageSize + 1,
    });
    const page = rows.slice(0, pageSize);
    const deadlines = await this.deadlines.listByCases(page.map((r) => r.id));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.toView(r, deadlines)),
      nextCursor: rows.length > pageSize ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  /** The history of a case, oldest first. */
  async events(caseId: string, scope: Scope = WHOLE_TREE): Promise<CaseEventView[]> {
    const row = await this.requireRow(caseId, scope);
    const rows = await this.history.listByCase(row.id);
    return rows.map((r) => ({
      seq: r.seq,
      type: r.type as CaseEventView['type'],
      payload: r.payload,
      occurredOn: r.occurredOn,
      recordedAt: r.recordedAt.toISOString(),
      actor: r.actor as unknown as Actor,
      fromState: r.fromState as TopState | null,
      toState: r.toState as TopState,
      hash: r.hash,
      prevHash: r.prevHash,
    }));
  }

  // ---- internals ---------------------------------------------------------------------------------------------

  /**
   * Decides the events `plan` lists against the case and stores them, in one transaction holding the case row's
   * lock. An empty plan writes nothing and answers the current case.
   */
  private async step(
    caseId: string,
    opts: { expectedVersion?: number },
    plan: (aggregate: CaseAggregate, env: DecisionEnv) => { event: DomainEvent; actor: Actor }[],
    idem?: { scope: string; key?: string; requestHash: string },
    authorise?: (context: CellContext) => void,
  ): Promise<CaseView> {
    try {
      return await this.dataSource.transaction(async (m) => {
        await this.cases.boundLockWait(m, CASE_LOCK_WAIT_MS);
        const found = await this.cases.findWithChain(caseId, m, { forUpdate: true });
        if (!found) throw DomainException.notFound('Case', caseId);
        const { row } = found;
        const context = cellContextOf(found.chain);
        authorise?.(context);
        const replayed = idem ? await this.replay(idem.scope, idem.key, idem.requestHash, m) : null;
        if (replayed) return replayed;
        if (opts.expectedVersion !== undefined && row.version !== opts.expectedVersion) throw this.conflict(row.version);
        const env = this.envOf(context);

        // Decide every event in turn; the first refusal ends the call with nothing written.
        let current = restoreAggregate(row.snapshot);
        const steps: Step[] = [];
        for (const { event, actor } of plan(current, env)) {
          const decision = decide(current, event, env);
          if (!decision.ok) throw refusalToException(decision.refusal);
          steps.push({ event, actor, fromState: decision.fromState, toState: decision.toState });
          current = decision.aggregate;
        }
        if (steps.length === 0) return this.toView(row, await this.deadlines.listByCases([caseId], m));

        const now = this.clock.now();
        const chained = chainSteps(caseId, row.lastSeq, row.lastHash, steps, now);
        const updated = await this.cases.updateIfVersion(m, {
          id: caseId,
          expectedVersion: row.version,
          state: steps[steps.length - 1].toState,
          snapshot: current,
          machineVersion: current.machineVersion,
          procedureVersion: current.procedureVersion,
          lastSeq: row.lastSeq + chained.length,
          lastHash: chained[chained.length - 1].hash,
          updatedAt: now,
        });
        // The row is locked by this transaction: nobody else can have moved its version.
        if (!updated) throw new Error(`case ${caseId} changed under its row lock`);
        for (const e of chained) await this.history.insert(m, e);
        const view = this.toView(updated, await this.deadlines.upsertAllAndList(m, caseId, current.deadlines, now));
        if (idem) await this.remember(m, idem.scope, idem.key, idem.requestHash, 200, view, now);
        return view;
      });
    } catch (e) {
      if (isLockWaitTimeout(e)) throw caseBusy();
      throw e;
    }
  }

  /** Timed events due today, each decided as the system actor. */
  private timedSteps(aggregate: CaseAggregate, env: DecisionEnv): { event: DomainEvent; actor: Actor }[] {
    return dueTimedEvents(aggregate, env.today).map((event) => ({ event, actor: SYSTEM_ACTOR }));
  }

  private envOf(context: CellContext): DecisionEnv {
    return { today: this.clock.today(), organisation: context.facts, calendar: this.calendars.calendarFor(context.provinceId) };
  }

  /** The stored answer to this key, or null. The same key with a different request → IDEMPOTENCY_KEY_REUSED. */
  private async replay(scope: string, key: string | undefined, requestHash: string, m?: EntityManager): Promise<CaseView | null> {
    if (key === undefined) return null;
    const stored = await this.idempotency.find(scope, key, m);
    if (!stored) return null;
    if (stored.requestHash !== requestHash) {
      throw new DomainException('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${key} was already used for a different request.`, { idempotencyKey: key });
    }
    return stored.response as CaseView;
  }

  private async remember(
    m: Parameters<IdempotencyKeysRepository['insert']>[0],
    scope: string,
    key: string | undefined,
    requestHash: string,
    statusCode: number,
    view: CaseView,
    now: Date,
  ): Promise<void> {
    if (key === undefined) return;
    if (!(await this.idempotency.insert(m, scope, key, { requestHash, statusCode, response: view }, now))) throw new IdempotencyRace();
  }

  private checkEvent(event: DomainEvent): void {
    const fields: { field: string; message: string }[] = [];
    if (typeof event !== 'object' || event === null || !EVENT_TYPES.includes(event.type)) {
      fields.push({ field: 'type', message: `type must be one of ${EVENT_TYPES.join(', ')}` });
    }
    if (!isBusinessDate(event?.occurredOn)) fields.push({ field: 'occurredOn', message: 'occurredOn must be a date YYYY-MM-DD' });
    if (fields.length) throw DomainException.validation(fields);
  }

  private conflict(currentVersion: number): DomainException {
    return new DomainException('VERSION_CONFLICT', `The case is at version ${currentVersion}; reload it and try again.`, { currentVersion });
  }

  private async requireRow(id: string, scope: Scope = WHOLE_TREE): Promise<CaseRow> {
    const row = await this.cases.findById(requireCaseId(id), undefined, scope.pathPrefix);
    if (!row) throw DomainException.notFound('Case', id);
    return row;
  }

  private toView(row: CaseRow, deadlines: readonly DeadlineRow[]): CaseView {
    const d = describe(restoreAggregate(row.snapshot));
    return {
      id: row.id,
      state: d.state,
      stateDetail: d.stateDetail,
      version: row.version,
      procedureVersion: row.procedureVersion,
      machineVersion: row.machineVersion,
      organisationId: row.organisationId,
      candidate: d.candidate,
      facts: d.facts,
      allowedEvents: d.allowedEvents,
      deadlines: deadlines.filter((x) => x.caseId === row.id).map(({ caseId: _caseId, ...view }) => view),
      membership: d.membership,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/** Whether the case whose cell context is given lies in the actor's subtree (the engine sees everything). */
function actorSees(actor: Actor, chain: readonly ChainNode[]): boolean {
  return actor.kind === 'system' || actor.organisationId === null || chain.some((n) => n.id === actor.organisationId);
}

/** The canonical spelling of a case id; anything that is not a UUID names no case. */
function requireCaseId(id: string): string {
  const canonical = canonicalId(id);
  if (canonical === null) throw DomainException.notFound('Case', String(id));
  return canonical;
}

function assertAllowed(verdict: RecordVerdict): void {
  if (verdict.allowed) return;
  throw new DomainException('FORBIDDEN', `${verdict.reason}.`, { permission: verdict.permission, requiredRoles: verdict.requiredRoles });
}

/** PostgreSQL's "lock not available" (SQLSTATE 55P03): the lock wait bound by `lock_timeout` ran out. */
function isLockWaitTimeout(e: unknown): boolean {
  const error = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  return error?.code === '55P03' || error?.driverError?.code === '55P03';
}

function caseBusy(): DomainException {
  return new DomainException('CASE_BUSY', 'Other changes to this case are being saved; nothing was written. Try again in a moment.', {
    retryAfterSeconds: 1,
    messageVi: 'Hồ sơ đang được cập nhật bởi thao tác khác; chưa có gì được ghi. Vui lòng thử lại sau giây lát.',
  });
}

function unknownOrganisation(id: string): DomainException {
  return DomainException.validation([{ field: 'organisationId', message: `organisation ${id} does not exist` }]);
}
