import { DomainEvent, TopState } from '@charterflow/procedure';
import type { CaseEventRow } from '../repositories/case-events.repository';
import { eventHash } from './hash-chain';
import { Actor, storedJson } from '@charterflow/kernel';

/** One accepted event, ready to be appended. */
export interface Step {
  event: DomainEvent;
  actor: Actor;
  fromState: TopState | null;
  toState: TopState;
}

/** Numbers and hashes the steps after `lastSeq` / `lastHash`: the rows to append to a case's history. */
export function chainSteps(caseId: string, lastSeq: number, lastHash: string, steps: readonly Step[], recordedAt: Date): CaseEventRow[] {
  const out: CaseEventRow[] = [];
  const recordedIso = recordedAt.toISOString();
  let prevHash = lastHash;
  steps.forEach((s, i) => {
    const { type, occurredOn, ...rest } = s.event;
    // Exactly what jsonb stores (and what the hash will be recomputed from).
    const payload = storedJson(rest) as Record<string, unknown>;
    const actor = storedActor(s.actor);
    const seq = lastSeq + i + 1;
    const { fromState, toState } = s;
    const hash = eventHash({ caseId, seq, type, payload, occurredOn, recordedAt: recordedIso, actor, fromState, toState, prevHash });
    out.push({ caseId, seq, type, payload, occurredOn, actor, fromState, toState, prevHash, recordedAt, hash });
    prevHash = hash;
  });
  return out;
}

/**
 * The actor as jsonb stores it, once per actor object: a replayed history records dozens of steps
 * by the same one or two actors. Actors are not changed once made.
 */
const storedActors = new WeakMap<Actor, Record<string, unknown>>();

function storedActor(actor: Actor): Record<string, unknown> {
  let stored = storedActors.get(actor);
  if (!stored) {
    stored = storedJson(actor) as unknown as Record<string, unknown>;
    storedActors.set(actor, stored);
  }
  return stored;
}
