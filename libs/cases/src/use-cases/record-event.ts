import { Injectable } from '@nestjs/common';
import { DomainEvent, EVENT_TYPES, isBusinessDate } from '@charterflow/procedure';
import { Actor, DomainException, sha256Hex } from '@charterflow/kernel';
import { cellContextOf, OrganisationsService } from '@charterflow/organisations';
import { authoriseRecord } from '../access/case-access';
import { canonicalJson } from '../history/hash-chain';
import { CaseStore } from '../store/case-store';
import { requireCaseId } from '../store/decision-env';
import { CaseView } from '../views/case.views';
import { dueTimedSteps } from './apply-timed-events';

/**
 * Records one event. Under the case row's lock (concurrent writers to one case take turns): the access check (404
 * outside the actor's subtree, 403 for a step its body does not record), the idempotent replay, the `expectedVersion`
 * check, then the timed events now due (as the system actor) and the event through the engine. A refusal writes
 * nothing; a writer that waits too long for the lock answers CASE_BUSY (503, Retry-After) and writes nothing either.
 */
@Injectable()
export class RecordEvent {
  constructor(
    private readonly store: CaseStore,
    private readonly organisations: OrganisationsService,
  ) {}

  async execute(id: string, given: DomainEvent, actor: Actor, opts: { expectedVersion?: number; idempotencyKey?: string } = {}): Promise<CaseView> {
    checkEvent(given);
    // The history's hashes and the idempotency scope use the canonical spelling: one case, one chain, one key space.
    const caseId = requireCaseId(id);
    const requestHash = sha256Hex(canonicalJson(given));
    const moveTo = given.type === 'TRANSFERRED' ? await this.destinationOf(given.toOrganisationId) : undefined;
    const event: DomainEvent = given.type === 'TRANSFERRED' && moveTo ? { ...given, toOrganisationId: moveTo } : given;
    return this.store.append({
      caseId,
      expectedVersion: opts.expectedVersion,
      idempotency: { scope: `case:${caseId}`, key: opts.idempotencyKey, requestHash },
      authorise: ({ chain, row }) => {
        authoriseRecord(actor, caseId, event.type, chain);
        if (moveTo !== undefined && moveTo === row.organisationId) {
          throw DomainException.validation([
            { field: 'toOrganisationId', message: 'the destination must be another cell', messageVi: 'chi bộ nơi đến phải khác chi bộ đang quản lý hồ sơ' },
          ]);
        }
      },
      plan: (aggregate, env) => [...dueTimedSteps(aggregate, env), { event, actor }],
      ...(moveTo !== undefined ? { moveTo } : {}),
    });
  }

  /**
   * The cell a transfer goes to (any province: HD06 §3.9), by its canonical id. An unknown organisation, or one that is
   * not a cell, is refused before anything is read or written.
   */
  private async destinationOf(given: string): Promise<string> {
    const chain = await this.organisations.chainOf(given).catch((e: unknown) => {
      if (e instanceof DomainException && e.code === 'NOT_FOUND') {
        throw DomainException.validation([{ field: 'toOrganisationId', message: `organisation ${given} does not exist`, messageVi: 'không tìm thấy chi bộ nơi đến' }]);
      }
      throw e;
    });
    const cell = chain[chain.length - 1];
    if (cell.kind !== 'cell') {
      throw DomainException.validation([{ field: 'toOrganisationId', message: 'a case is transferred to a cell', messageVi: 'nơi đến phải là một chi bộ' }]);
    }
    cellContextOf(chain);
    return cell.id;
  }
}

function checkEvent(event: DomainEvent): void {
  const fields: { field: string; message: string }[] = [];
  if (typeof event !== 'object' || event === null || !EVENT_TYPES.includes(event.type)) {
    fields.push({ field: 'type', message: `type must be one of ${EVENT_TYPES.join(', ')}` });
  }
  if (!isBusinessDate(event?.occurredOn)) fields.push({ field: 'occurredOn', message: 'occurredOn must be a date YYYY-MM-DD' });
  if (fields.length) throw DomainException.validation(fields);
}
