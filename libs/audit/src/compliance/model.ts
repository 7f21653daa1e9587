import { BusinessDate, WorkingDayCalendar } from '@charterflow/procedure';

/** Everything the checks read about one case, as stored (plain data: the history, the deadlines, the cell). */
export interface AuditCase {
  caseId: string;
  organisationId: string;
  procedureVersion: string;
  /** The rule profile the case was opened under (ADR 0023). Absent: `central`. */
  ruleProfile?: string;
  state: string;
  candidate: Record<string, unknown>;
  /**
   * How the cell's organisation decides and which mass organisations its unit has (the engine's organisation facts;
   * the E7 flags absent read as true, ADR 0014).
   */
  organisation: { authorisedToAdmit: boolean; directlyUnderSuperior: boolean; hasYouthUnion?: boolean; hasTradeUnion?: boolean };
  /**
   * The membership dates the store holds for the case (the projection written when each step was recorded: the
   * admission decision, probation start and end, full membership), judged by A17 against what the history implies.
   * Absent when the loader does not supply them (A17 is then not applicable).
   */
  membership?: StoredMembership | null;
  /** The history in seq order, CASE_OPENED first. `payload` is the event body without `type` and `occurredOn`. */
  events: {
    seq: number;
    type: string;
    occurredOn: BusinessDate;
    payload: Record<string, unknown>;
    actor: Record<string, unknown> | null;
    fromState: string | null;
    toState: string;
  }[];
  deadlines: {
    id: string;
    kind: string;
    baseOn: BusinessDate;
    dueOn: BusinessDate;
    originalDueOn: BusinessDate;
    extendedBy: number;
    status: 'open' | 'met' | 'missed' | 'cancelled';
    source: string;
    ruleSet: string;
    openedOn: BusinessDate;
    closedOn: BusinessDate | null;
    lateWorkingDays: number | null;
  }[];
}

/** The stored membership dates of a case (the case's membership projection). */
export interface StoredMembership {
  admissionDecisionOn: BusinessDate | null;
  probationStartOn: BusinessDate | null;
  probationEndOn: BusinessDate | null;
  fullMemberSince: BusinessDate | null;
}

/** What a check may read besides the case: the audit date and the working-day calendar in force. */
export interface AuditContext {
  today: BusinessDate;
  calendar: WorkingDayCalendar;
}

export type CheckStatus = 'pass' | 'fail' | 'not_applicable';

/**
 * How grave a breach is. critical: the person should not have been admitted (age, education, votes, authority,
 * escalation); major: a condition of the dossier or a time limit of the procedure was broken; minor: paperwork
 * that should have been renewed.
 */
export type Severity = 'critical' | 'major' | 'minor';

export interface CheckOutcome {
  status: CheckStatus;
  /** The business date of the breach (a fail), e.g. the cell vote date, or the first day past a limit. */
  detectedOn?: BusinessDate | null;
  /** The history row that broke the rule, when there is one. */
  eventSeq?: number | null;
  /**
   * The dates, counts and rule details that decided the outcome; `ruleSet` names the rule set whose numbers judged
   * the case (the result's title then states those numbers) and `messageVi` says the outcome to a clerk.
   */
  evidence: Record<string, unknown>;
}

export interface CheckResult extends Required<CheckOutcome> {
  check: string;
  title: { vi: string; en: string };
  source: string;
  severity: Severity;
}
