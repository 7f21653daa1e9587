import { Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction, onItsOwn } from '@charterflow/database';
import { CaseAggregate, ChainNode, decide, DecisionEnv, DomainEvent, restoreAggregate } from '@charterflow/procedure';
import { Actor, Clock, DomainException } from '@charterflow/kernel';
import { CellContext, cellContextOf } from '@charterflow/organisations';
import { refusalToException } from '../errors/refusal';
import { chainSteps, Step } from '../history/chain-steps';
import { GENESIS_HASH } from '../history/hash-chain';
import { CaseEventRow, CaseEventsRepository } from '../repositories/case-events.repository';
import { CaseRow, CasesRepository } from '../repositories/cases.repository';
import { storeStep } from '../repositories/case-steps.repository';
import { DeadlinesRepository } from '../repositories/deadlines.repository';
import { IdempotencyKeysRepository } from '../repositories/idempotency-keys.repository';
import { CaseView } from '../views/case.views';
import { toCaseView } from '../views/to-view';
import { DecisionEnvs } from './decision-env';
import { CaseMovedObserver } from '../transfers/case-moved';
import { NewCase, newCaseRow, PreparedCase } from './new-case';

/**
 * How long a write waits for another write to the same case to finish before it answers CASE_BUSY. Writes to one
 * case take a few milliseconds each; only a stuck transaction or a flood of writes to one case waits this long.
 */
export const CASE_LOCK_WAIT_MS = 5000;

/** A request that may carry an Idempotency-Key: its answer is stored with the step and replayed for the same key. */
export interface IdempotentRequest {
  scope: string;
  key?: string;
  requestHash: string;
}

/** An event to decide against the case, and who records it. */
export interface PlannedEvent {
  event: DomainEvent;
  actor: Actor;
}

/** A case row locked by the caller's transaction, with the chain of its cell (root first, the cell last). */
export interface LockedCase {
  row: CaseRow;
  chain: ChainNode[];
  context: CellContext;
}

/** One step on an existing case: the events `plan` lists, decided in turn against the locked case. */
export interface AppendRequest {
  caseId: string;
  /** VERSION_CONFLICT unless the case is at this version (checked after the idempotent replay). */
  expectedVersion?: number;
  idempotency?: IdempotentRequest;
  /** Throws when the actor may not do this to the case; runs first, under the lock, before any replay could answer. */
  authorise?: (locked: LockedCase) => void;
  plan: (aggregate: CaseAggregate, env: DecisionEnv) => PlannedEvent[];
  /**
   * The cell a TRANSFERRED step of the plan moves the case to (checked by the caller to be a cell); the case row's
   * `organisationId` becomes it in the same transaction and the `CaseMovedObserver` is told.
   */
  moveTo?: string;
}

/** Thrown inside a transaction to roll it back when a concurrent request stored the same idempotency key first. */
export class IdempotencyRace extends Error {}

/**
 * The one place a case step is stored. Every write (OpenCase, RecordEvent, ApplyTimedEvents, ImportCase) goes
 * through here, in one transaction: the case row (inserted, or locked `FOR UPDATE` under `lock_timeout` and updated
 * `WHERE version = $n`), the hash-chained history rows, the deadlines (whose trigger writes the delivery outbox
 * row in the same transaction), and the idempotency answer. A plain step (no idempotency key, no move) is first
 * tried without the lock (`appendUnlocked`, ADR 0027). A writer that waits longer than CASE_LOCK_WAIT_MS for the
 * case row answers CASE_BUSY and writes nothing.
 */
@Injectable()
export class CaseStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly envs: DecisionEnvs,
    private readonly cases: CasesRepository,
    private readonly history: CaseEventsRepository,
    private readonly deadlines: DeadlinesRepository,
    private readonly idempotency: IdempotencyKeysRepository,
    @Optional() private readonly moved?: CaseMovedObserver,
  ) {}

  /**
   * Locks the case row until the transaction of `m` ends, waiting at most CASE_LOCK_WAIT_MS (then PostgreSQL answers
   * 55P03, which `append` turns into CASE_BUSY). Null when there is no such case. Callers that also lock other rows of
   * the case (a deadline firing) take this lock first: the order every writer follows.
   */
  async lock(m: EntityManager, caseId: string): Promise<LockedCase | null> {
    const found = await this.cases.lockWithChain(m, caseId, CASE_LOCK_WAIT_MS);
    return found ? { row: found.row, chain: found.chain, context: cellContextOf(found.chain) } : null;
  }

  /**
   * Locks several case rows (id order, each wait bounded by CASE_LOCK_WAIT_MS like `lock`); answers the ids that
   * exist. A batch of deadline firings takes its cases' locks here before their deadline rows.
   */
  async lockMany(m: EntityManager, caseIds: readonly string[]): Promise<Set<string>> {
    return this.cases.lockIds(m, caseIds, CASE_LOCK_WAIT_MS);
  }

  /**
   * Decides the planned events against the locked case and appends them. In the transaction of `m` when given (the
   * caller holds or takes the lock there), else in a transaction of its own. An empty plan writes nothing and
   * answers the current case; the first refusal ends the call with nothing written.
   */
  async append(req: AppendRequest, m?: EntityManager): Promise<CaseView> {
    try {
      if (!m && req.idempotency?.key === undefined && req.moveTo === undefined) {
        const stepped = await this.appendUnlocked(req);
        if (stepped) return stepped;
      }
      return m ? await this.appendIn(m, req) : await this.dataSource.transaction((tm) => this.appendIn(tm, req));
    } catch (e) {
      if (isLockWaitTimeout(e)) throw caseBusy();
      throw e;
    }
  }

  /** Inserts a new case in a transaction of its own and answers its view (stored as the idempotent answer, 201). */
  async open(c: NewCase, idempotency?: IdempotentRequest): Promise<CaseView> {
    return this.dataSource.transaction(async (m) => {
      await this.insertCase(m, c);
      const view = toCaseView((await this.cases.findById(c.id, m)) as CaseRow, await this.deadlines.listByCases([c.id], m));
      if (idempotency) await this.remember(m, idempotency, 201, view, c.recordedAt);
      return view;
    });
  }

  /**
   * Inserts imported cases (each with its whole replayed history) in the caller's transaction (an import's batch):
   * the cases, their histories and their deadlines in one statement each.
   */
  async importIn(m: EntityManager, cs: readonly PreparedCase[]): Promise<void> {
    if (cs.length === 0) return;
    await this.cases.insertMany(m, cs.map((c) => c.row));
    await this.history.insertMany(m, cs.flatMap((c) => c.history));
    await this.deadlines.insertForNewCases(m, cs.map((c) => ({ caseId: c.row.id, records: c.deadlines })), cs[0].row.createdAt);
  }

  /** The stored answer to this key, or null. The same key with a different request → IDEMPOTENCY_KEY_REUSED. */
  async answered(idempotency: IdempotentRequest, m?: EntityManager): Promise<CaseView | null> {
    const { scope, key, requestHash } = idempotency;
    if (key === undefined) return null;
    const stored = await this.idempotency.find(scope, key, m);
    if (!stored) return null;
    if (stored.requestHash !== requestHash) {
      throw new DomainException('IDEMPOTENCY_KEY_REUSED', `Idempotency key ${key} was already used for a different request.`, { idempotencyKey: key });
    }
    return stored.response as CaseView;
  }

  /**
   * A plain step (no idempotency key, no move, no caller's transaction) in two statements and no transaction of its
   * own: the case read as it stands, the plan decided against it, and the step stored by one statement that updates
   * the row only at the version read (the wait for its lock bounded as `lock`'s). Null when the case changed in
   * between: the caller then takes the locked path, which decides again against the case as it is then. Deciding on
   * the version read is deciding as if the request had come at the instant of the read: a refusal writes nothing, and
   * an acceptance is stored only if nothing was stored since.
   */
  private async appendUnlocked(req: AppendRequest): Promise<CaseView | null> {
    const found = await this.cases.findWithChain(req.caseId);
    if (!found) throw DomainException.notFound('Case', req.caseId);
    const read: LockedCase = { row: found.row, chain: found.chain, context: cellContextOf(found.chain) };
    req.authorise?.(read);
    const decided = this.decidePlan(req, read);
    if (!decided) return toCaseView(read.row, await this.deadlines.listByCases([req.caseId]));
    const stored = await storeStep(onItsOwn(this.dataSource), decided.store);
    return stored ? toCaseView({ ...decided.written, version: stored.version }, stored.deadlines) : null;
  }

  private async appendIn(m: EntityManager, req: AppendRequest): Promise<CaseView> {
    const locked = await this.lock(m, req.caseId);
    if (!locked) throw DomainException.notFound('Case', req.caseId);
    const { row } = locked;
    req.authorise?.(locked);
    const replayed = req.idempotency ? await this.answered(req.idempotency, m) : null;
    if (replayed) return replayed;
    const decided = this.decidePlan(req, locked);
    if (!decided) return toCaseView(row, await this.deadlines.listByCases([req.caseId], m));
    const { written, steps, store } = decided;
    const now = written.updatedAt;
    const stored = await storeStep(inTransaction(m), store);
    // The row is locked by this transaction: nobody else can have moved its version.
    if (!stored) throw new Error(`case ${req.caseId} changed under its row lock`);
    const transfer = steps.find((s) => s.event.type === 'TRANSFERRED');
    if (req.moveTo && transfer && this.moved) {
      await this.moved.caseMoved(m, {
        caseId: req.caseId,
        candidateName: candidateNameOf(row.candidate),
        fromOrganisationId: row.organisationId,
        toOrganisationId: req.moveTo,
        decisionNo: transfer.event.type === 'TRANSFERRED' ? transfer.event.decisionNo : '',
        decidedOn: transfer.event.occurredOn,
        actor: transfer.actor,
        recordedAt: now,
      });
    }
    // The view of what was written (the row as the update left it, the deadlines the statement answered): nothing is
    // read back.
    const view = toCaseView({ ...written, version: stored.version }, stored.deadlines);
    if (req.idempotency) await this.remember(m, req.idempotency, 200, view, now);
    return view;
  }

  /**
   * The request's plan decided against the case as read (VERSION_CONFLICT first when the request expects another
   * version; the first refusal thrown): the row as the step leaves it and what stores it, or null when the plan is
   * empty. Writes nothing.
   */
  private decidePlan(req: AppendRequest, at: LockedCase): { written: CaseRow; steps: Step[]; store: Parameters<typeof storeStep>[1] } | null {
    const { row, context } = at;
    if (req.expectedVersion !== undefined && row.version !== req.expectedVersion) throw conflict(row.version);
    const env = this.envs.of(context);
    let current = restoreAggregate(row.snapshot);
    const steps: Step[] = [];
    for (const { event, actor } of req.plan(current, env)) {
      const decision = decide(current, event, env);
      if (!decision.ok) throw refusalToException(decision.refusal);
      steps.push({ event, actor, fromState: decision.fromState, toState: decision.toState });
      current = decision.aggregate;
    }
    if (steps.length === 0) return null;

    const now = this.clock.now();
    const chained = chainSteps(req.caseId, row.lastSeq, row.lastHash, steps, now);
    const written: CaseRow = {
      ...row,
      organisationId: req.moveTo ?? row.organisationId,
      state: steps[steps.length - 1].toState,
      snapshot: current,
      machineVersion: current.machineVersion,
      procedureVersion: current.procedureVersion,
      lastSeq: row.lastSeq + chained.length,
      lastHash: chained[chained.length - 1].hash,
      updatedAt: now,
    };
    const update = {
      id: req.caseId,
      expectedVersion: row.version,
      state: written.state,
      snapshot: current,
      machineVersion: written.machineVersion,
      procedureVersion: written.procedureVersion,
      lastSeq: written.lastSeq,
      lastHash: written.lastHash,
      updatedAt: now,
      ...(req.moveTo ? { organisationId: req.moveTo } : {}),
    };
    return { written, steps, store: { update, events: chained, deadlines: current.deadlines, lockWaitMs: CASE_LOCK_WAIT_MS } };
  }

  private async insertCase(m: EntityManager, c: NewCase): Promise<void> {
    const rows = chainSteps(c.id, 0, GENESIS_HASH, c.steps, c.recordedAt);
    await this.cases.insert(m, newCaseRow(c, rows));
    await this.appendHistory(m, rows);
    await this.deadlines.upsertAll(m, c.id, c.deadlines, c.recordedAt);
  }

  private async appendHistory(m: EntityManager, rows: readonly CaseEventRow[]): Promise<void> {
    if (rows.length === 1) await this.history.insert(m, rows[0]);
    else await this.history.insertMany(m, rows);
  }

  private async remember(m: EntityManager, idempotency: IdempotentRequest, statusCode: number, view: CaseView, now: Date): Promise<void> {
    const { scope, key, requestHash } = idempotency;
    if (key === undefined) return;
    if (!(await this.idempotency.insert(m, scope, key, { requestHash, statusCode, response: view }, now))) throw new IdempotencyRace();
  }
}

function candidateNameOf(candidate: unknown): string {
  const name = (candidate as { fullName?: unknown } | null)?.fullName;
  return typeof name === 'string' ? name : '';
}

function conflict(currentVersion: number): DomainException {
  return new DomainException('VERSION_CONFLICT', `The case is at version ${currentVersion}; reload it and try again.`, { currentVersion });
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
