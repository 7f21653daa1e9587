import { CaseAggregate, DeadlineRecord, describe, DomainEvent, OrganisationFacts, TopState } from '@charterflow/procedure';
import { AuditCase, StoredMembership } from './model';
import { storedJson } from '@charterflow/kernel';

/** One history row as the audit reads it. */
export type AuditEvent = AuditCase['events'][number];
/** One deadline row as the audit reads it. */
export type AuditDeadline = AuditCase['deadlines'][number];

/**
 * An accepted event as the case store records it (`libs/cases` chain-steps): `payload` is the event without `type`
 * and `occurredOn`, as the jsonb column stores it (`storedJson`).
 */
export function recordedEvent(
  seq: number,
  event: DomainEvent,
  states: { fromState: TopState | null; toState: TopState },
  actor: Record<string, unknown> | null = null,
): AuditEvent {
  const { type, occurredOn, ...rest } = event;
  const payload = storedJson(rest) as Record<string, unknown>;
  return { seq, type, occurredOn, payload, actor: actor ? storedJson(actor) : null, fromState: states.fromState, toState: states.toState };
}

/** A limit of the engine's aggregate as the deadline row stores it (one row per `key`). */
export function auditDeadline(d: DeadlineRecord): AuditDeadline {
  return {
    id: d.key,
    kind: d.kind,
    baseOn: d.baseOn,
    dueOn: d.dueOn,
    originalDueOn: d.originalDueOn,
    extendedBy: d.extendedBy,
    status: d.status,
    source: d.source,
    ruleSet: d.ruleSet,
    openedOn: d.openedOn,
    closedOn: d.closedOn,
    lateWorkingDays: d.lateWorkingDays,
  };
}

/** The case's rule profile as its snapshot keeps it (ADR 0023); absent from snapshots stored before profiles. */
function ruleProfileOf(aggregate: CaseAggregate): { ruleProfile?: string } {
  const profile = describe(aggregate).facts.ruleProfile;
  return typeof profile === 'string' ? { ruleProfile: profile } : {};
}

/**
 * The audit's input for a case held in memory: the engine's aggregate (procedure version, deadlines) and the history
 * recorded beside it (CASE_OPENED first), read as the audit reads the stored rows (`AuditCasesRepository`).
 */
export function auditCaseOf(c: {
  caseId: string;
  organisationId: string;
  organisation: OrganisationFacts;
  aggregate: CaseAggregate;
  events: readonly AuditEvent[];
}): AuditCase {
  const opened = c.events.find((e) => e.type === 'CASE_OPENED');
  if (!opened) throw new Error('a recorded history starts with CASE_OPENED');
  return {
    caseId: c.caseId,
    organisationId: c.organisationId,
    procedureVersion: c.aggregate.procedureVersion,
    ...ruleProfileOf(c.aggregate),
    state: c.events[c.events.length - 1].toState,
    candidate: opened.payload.candidate as Record<string, unknown>,
    organisation: {
      authorisedToAdmit: c.organisation.authorisedToAdmit,
      directlyUnderSuperior: c.organisation.directlyUnderSuperior,
      ...(c.organisation.hasYouthUnion !== undefined ? { hasYouthUnion: c.organisation.hasYouthUnion } : {}),
      ...(c.organisation.hasTradeUnion !== undefined ? { hasTradeUnion: c.organisation.hasTradeUnion } : {}),
    },
    // The membership projection of the aggregate, as the store keeps it in the case snapshot (A17).
    membership: storedMembership(describe(c.aggregate).membership),
    events: c.events.map((e) => ({ ...e, payload: storedJson(e.payload) })),
    deadlines: c.aggregate.deadlines.map(auditDeadline),
  };
}

/** The dates the store keeps of a case's membership (the party age is derived from them and the opening's facts). */
function storedMembership(m: StoredMembership): StoredMembership {
  return { admissionDecisionOn: m.admissionDecisionOn, probationStartOn: m.probationStartOn, probationEndOn: m.probationEndOn, fullMemberSince: m.fullMemberSince };
}
