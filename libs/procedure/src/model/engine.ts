import { BusinessDate } from './dates';
import { Candidate } from './candidate';
import { DeadlineRecord } from './deadlines';
import { DomainRefusal, RuleViolation } from './errors';
import { EventType } from './events';
import { TopState } from './states';
import { WorkingDayCalendar } from './calendar';

/** What the rules need to know about the case's cell and its place in the organisation tree. */
export interface OrganisationFacts {
  /** The cell's grassroots committee is authorised to decide admissions itself (QĐ294 §22.1). */
  authorisedToAdmit: boolean;
  /** The cell sits directly under a commune (superior) committee: no grassroots committee vote (village cells). */
  directlyUnderSuperior: boolean;
  /**
   * The unit has a Youth Union organisation (E7; CH Art. 4(1); ADR 0014). Absent → true: callers and stored data from
   * before the flag keep their meaning.
   */
  hasYouthUnion?: boolean;
  /** The unit has a trade-union organisation (E7; CH Art. 4(1); ADR 0014). Absent → true. */
  hasTradeUnion?: boolean;
  /**
   * The rule profile of the cell's province (ADR 0023). Read only when a case opens: the case keeps it. Absent →
   * `central`.
   */
  ruleProfile?: string;
}

/**
 * The persisted state of one case: the XState persisted snapshot plus the deadlines computed beside it.
 * Stored as JSON in `cases.snapshot`; `machineVersion` says which machine definition wrote it.
 */
export interface CaseAggregate {
  machineVersion: number;
  procedureVersion: string;
  machine: unknown;
  deadlines: DeadlineRecord[];
}

export interface Membership {
  admissionDecisionOn: BusinessDate | null;
  probationStartOn: BusinessDate | null;
  probationEndOn: BusinessDate | null;
  fullMemberSince: BusinessDate | null;
  /**
   * Where the party age counts from (QĐ294 §4.5): the admission decision, or for a re-admitted member the first
   * admission decision. Null until an admission is decided.
   */
  partyAgeFrom: BusinessDate | null;
  /** The periods outside the Party the party age leaves out (a re-admission: from leaving to the new decision). */
  partyAgeGaps: { from: BusinessDate; to: BusinessDate }[];
}

/** Read model of an aggregate, derived purely. */
export interface CaseDescription {
  state: TopState;
  /** Sub-state value and progress, e.g. `{ value: {...}, dossier: { application: true, ... } }`. */
  stateDetail: Record<string, unknown>;
  /** Facts recorded so far (certificate, dossier dates, sponsors, votes, decision, ceremony…). */
  facts: Record<string, unknown>;
  membership: Membership;
  allowedEvents: EventType[];
  candidate: Candidate;
  /** Date of the most recent step; a new event may not be dated before it. */
  lastStepOn: BusinessDate;
}

export type Decision =
  | { ok: true; aggregate: CaseAggregate; fromState: TopState; toState: TopState; waived?: RuleViolation[] }
  | { ok: false; refusal: DomainRefusal };

/** Everything a decision may depend on besides the aggregate and the event. Supplied by the caller: no clock reads here. */
export interface DecisionEnv {
  /** Today in Asia/Ho_Chi_Minh, from the injected clock. */
  today: BusinessDate;
  organisation: OrganisationFacts;
  calendar: WorkingDayCalendar;
  /**
   * Replaying a recorded history (a historical import): the event's rules other than the date rules do not stop
   * it; every one it breaks is reported in `Decision.waived` instead. Date rules (no future date, no step before the
   * previous one) and the machine's shape (EVENT_NOT_ALLOWED) still refuse.
   */
  waiveRules?: boolean;
}

/**
 * The pure engine libs/procedure exports (implemented in src/engine):
 *
 *   MACHINE_VERSION: number
 *   procedureVersionFor(date: BusinessDate): string            // 'qd232-2025' before 2025-07-01, 'qd294-2025' from it
 *   openCase(event: CaseOpened, env: DecisionEnv): Decision     // first step of every case
 *   decide(aggregate: CaseAggregate, event: DomainEvent, env: DecisionEnv): Decision
 *   describe(aggregate: CaseAggregate): CaseDescription
 *   describeStoredMachine(machineVersion: number, machine: unknown): CaseDescription   // the same, from the stored machine alone
 *   describeStateValue(machineVersion: number, value: unknown): StateValueDescription  // state and allowedEvents alone
 *   dueTimedEvents(aggregate: CaseAggregate, today: BusinessDate): DomainEvent[]   // e.g. PROBATION_ENDED on the end date
 *   restoreAggregate(json: unknown): CaseAggregate             // throws if the stored snapshot no longer fits the machine
 */
