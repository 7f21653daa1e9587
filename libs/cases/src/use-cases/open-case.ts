import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BusinessDate, Candidate, DomainEvent, isBusinessDate, openCase, Readmission } from '@charterflow/procedure';
import { Actor, Clock, DomainException, sha256Hex } from '@charterflow/kernel';
import { OrganisationsService } from '@charterflow/organisations';
import { authoriseOpen, unknownOrganisation } from '../access/case-access';
import { refusalToException } from '../errors/refusal';
import { canonicalJson } from '../history/hash-chain';
import { CaseStore, IdempotencyRace } from '../store/case-store';
import { DecisionEnvs } from '../store/decision-env';
import { CaseView } from '../views/case.views';

export interface CreateCaseInput {
  organisationId: string;
  occurredOn: BusinessDate;
  candidate: Candidate;
  /** A re-admission: how the person left the Party (QĐ294 §3.5); absent for a first admission. */
  readmission?: Readmission;
}

/** Idempotency keys of POST /cases are remembered per account: another account's key never replays an answer. */
const createScope = (actor: Actor) => `cases:create:${actor.userId ?? actor.username}`;

/**
 * Opens a case in a cell: the CASE_OPENED event (seq 1), the case row (version 1) and its deadlines. A cell outside
 * the actor's subtree answers as an unknown one; a staff actor needs the right to open cases there.
 */
@Injectable()
export class OpenCase {
  constructor(
    private readonly clock: Clock,
    private readonly organisations: OrganisationsService,
    private readonly envs: DecisionEnvs,
    private readonly store: CaseStore,
  ) {}

  async execute(input: CreateCaseInput, actor: Actor, opts: { idempotencyKey?: string } = {}): Promise<CaseView> {
    const idempotency = { scope: createScope(actor), key: opts.idempotencyKey, requestHash: sha256Hex(canonicalJson(input)) };
    for (;;) {
      const replayed = await this.store.answered(idempotency);
      if (replayed) return replayed;

      if (!isBusinessDate(input.occurredOn)) throw DomainException.validation([{ field: 'occurredOn', message: 'occurredOn must be a date YYYY-MM-DD' }]);
      if (typeof input.candidate?.fullName !== 'string') throw DomainException.validation([{ field: 'candidate.fullName', message: 'fullName is required' }]);
      const chain = await this.organisations.chainOf(input.organisationId).catch((e: unknown) => {
        if (e instanceof DomainException && e.code === 'NOT_FOUND') throw unknownOrganisation(input.organisationId);
        throw e;
      });
      const context = authoriseOpen(actor, input.organisationId, chain);
      const opening: DomainEvent = {
        type: 'CASE_OPENED',
        occurredOn: input.occurredOn,
        candidate: input.candidate,
        ...(input.readmission ? { readmission: input.readmission } : {}),
      };
      const decision = openCase(opening, this.envs.of(context));
      if (!decision.ok) throw refusalToException(decision.refusal);

      try {
        return await this.store.open(
          {
            id: randomUUID(),
            organisationId: input.organisationId,
            aggregate: decision.aggregate,
            steps: [{ event: opening, actor, fromState: null, toState: decision.toState }],
            deadlines: decision.aggregate.deadlines,
            recordedAt: this.clock.now(),
          },
          idempotency,
        );
      } catch (e) {
        // A concurrent request stored the same key first: answer what it stored.
        if (e instanceof IdempotencyRace) continue;
        throw e;
      }
    }
  }
}
