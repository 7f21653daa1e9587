import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChainNode } from '@charterflow/procedure';
import { cellContextOf, OrganisationsService } from '@charterflow/organisations';
import { Actor, Clock } from '@charterflow/kernel';
import { engineOnlyEventIn, importableChain } from '../access/case-access';
import { CasesRepository, externalIdKey } from '../repositories/cases.repository';
import { CaseStore } from '../store/case-store';
import { DecisionEnvs } from '../store/decision-env';
import { ImportedCase, ImportOutcome, ReadyImport, refused } from './import-replay';
import { Admitted, ReplayThreads } from './replay-threads';

/** Caches what the rows of one batch share: the organisations (chain and facts) and the existing external ids. */
export interface ImportBatchContext {
  chains: Map<string, ChainNode[] | null>;
  /** Keyed `externalIdKey(province, externalId)`: a row sees only the ids of its own province. */
  existing: Map<string, { id: string; importHash: string | null }>;
}

/**
 * Brings a case already under way into the engine: replays its recorded history through the same pure engine as live
 * dispatch, with the recorded business dates (timed events such as PROBATION_ENDED are applied when they fell due),
 * and stores it in the caller's transaction (`admit`, `replayAll`, then `storeIn`), so a row is all or nothing. With
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
    private readonly threads: ReplayThreads,
  ) {}

  /** What the rows of one batch share, read once: the cases already imported under any of `externalIds`, in any province. */
  async batchContext(externalIds: readonly string[], chains: Map<string, ChainNode[] | null> = new Map()): Promise<ImportBatchContext> {
    return { chains, existing: await this.cases.findByExternalIds([...new Set(externalIds)]) };
  }

  /**
   * Judges one row against what is stored: its cell (which the actor may import into), its external id (new in its
   * province, or this very row already imported), the steps only the engine records. Answers the row's outcome when
   * that settles it, else the row admitted for replay with its calendar; writes nothing.
   */
  async admit(input: ImportedCase, actor: Actor, options: { historical: boolean; batch: ImportBatchContext }): Promise<ImportOutcome | Admitted> {
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

    const { calendar, ...env } = this.envs.of(context, { waiveRules: options.historical });
    return { task: { input, actor, env, provinceId: context.provinceId, key, recordedAt: this.clock.now() }, calendar };
  }

  /** Replays admitted rows through the engine (on the replay threads when there are some) and prepares their cases' rows, in order; writes nothing. */
  replayAll(rows: readonly Admitted[]): Promise<(ImportOutcome | ReadyImport)[]> {
    return this.threads.replayAll(rows);
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
