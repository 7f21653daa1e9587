import { ChainNode, DomainEvent, ENGINE_ONLY_EVENTS, EventType, mayAct, mayRecord, OPEN_CASE_LEVELS, RecordVerdict } from '@charterflow/procedure';
import { Actor, DomainException } from '@charterflow/kernel';
import { CellContext, cellContextOf } from '@charterflow/organisations';

/**
 * Who may do what to a case: the one place the case use cases (OpenCase, RecordEvent, ImportCase) ask. The HTTP
 * layer checks the coarse permission (`cases.open`, `cases.record`, …); these checks are about the case's cell.
 *
 * - A cell outside the actor's subtree is answered as an unknown one (404 / "does not exist"), never as forbidden,
 *   so an account learns nothing about other subtrees.
 * - The engine (system actor) sees everything and records the timed events staff may not send.
 */

/** Whether the cell whose chain (root first, the cell last) is given lies in the actor's subtree. */
export function actorSees(actor: Actor, chain: readonly ChainNode[]): boolean {
  return actor.kind === 'system' || actor.organisationId === null || chain.some((n) => n.id === actor.organisationId);
}

/**
 * Opening a case in the organisation whose chain is given: one outside the actor's subtree → VALIDATION_FAILED on
 * organisationId (as if unknown); one that is not a cell → RULE_VIOLATION (`cellContextOf`); a staff actor needs the
 * right to open cases there (OPEN_CASE_LEVELS). Answers the cell's context.
 */
export function authoriseOpen(actor: Actor, organisationId: string, chain: ChainNode[]): CellContext {
  if (!actorSees(actor, chain)) throw unknownOrganisation(organisationId);
  const context = cellContextOf(chain);
  if (actor.kind === 'user') assertAllowed(mayAct(actor, 'CASE_OPENED', OPEN_CASE_LEVELS, context.chain));
  return context;
}

/**
 * Recording `eventType` on the case: NOT_FOUND outside the actor's subtree; FORBIDDEN for staff sending an event the
 * engine records itself, or one their body may not record (`mayRecord`).
 */
export function authoriseRecord(actor: Actor, caseId: string, eventType: EventType, chain: readonly ChainNode[]): void {
  if (!actorSees(actor, chain)) throw DomainException.notFound('Case', caseId);
  if (actor.kind === 'user' && ENGINE_ONLY_EVENTS.includes(eventType)) {
    throw new DomainException('FORBIDDEN', `${eventType} is recorded by the engine itself; staff cannot send it.`, { eventType, permission: eventType });
  }
  if (actor.kind === 'user') assertAllowed(mayRecord(actor, eventType, chain));
}

/** Importing into the cell: the chain when the actor may act there, else null (an unknown cell to this account). */
export function importableChain(actor: Actor, chain: ChainNode[] | null): ChainNode[] | null {
  return chain && actorSees(actor, chain) ? chain : null;
}

/** The first imported event only the engine may record (an import row carrying one is refused), or undefined. */
export function engineOnlyEventIn(events: readonly DomainEvent[]): DomainEvent | undefined {
  return events.find((e) => ENGINE_ONLY_EVENTS.includes(e.type));
}

function assertAllowed(verdict: RecordVerdict): void {
  if (verdict.allowed) return;
  throw new DomainException('FORBIDDEN', `${verdict.reason}.`, { permission: verdict.permission, requiredRoles: verdict.requiredRoles });
}

export function unknownOrganisation(id: string): DomainException {
  return DomainException.validation([{ field: 'organisationId', message: `organisation ${id} does not exist` }]);
}
