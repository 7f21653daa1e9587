import { Injectable } from '@nestjs/common';
import { DomainEvent, EVENT_TYPES, isBusinessDate } from '@charterflow/procedure';
import { Actor, DomainException } from '@charterflow/kernel';
import { authoriseRecord } from '../access/case-access';
import { canonicalJson, sha256Hex } from '../history/hash-chain';
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
  constructor(private readonly store: CaseStore) {}

  async execute(id: string, event: DomainEvent, actor: Actor, opts: { expectedVersion?: number; idempotencyKey?: string } = {}): Promise<CaseView> {
    checkEvent(event);
    // The history's hashes and the idempotency scope use the canonical spelling: one case, one chain, one key space.
    const caseId = requireCaseId(id);
    return this.store.append({
      caseId,
      expectedVersion: opts.expectedVersion,
      idempotency: { scope: `case:${caseId}`, key: opts.idempotencyKey, requestHash: sha256Hex(canonicalJson(event)) },
      authorise: ({ chain }) => authoriseRecord(actor, caseId, event.type, chain),
      plan: (aggregate, env) => [...dueTimedSteps(aggregate, env), { event, actor }],
    });
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
