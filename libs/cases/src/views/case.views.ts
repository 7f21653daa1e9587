import { Candidate, DeadlineKind, DeadlineStatus, EventType, Membership, TopState } from '@charterflow/procedure';
import { Actor } from '@charterflow/kernel';

/** A deadline row as the API shows it (`id` is the row's uuid). */
export interface DeadlineView {
  id: string;
  key: string;
  kind: DeadlineKind;
  baseOn: string;
  dueOn: string;
  originalDueOn: string;
  extendedBy: number;
  status: DeadlineStatus;
  source: string;
  ruleSet: string;
  openedOn: string;
  closedOn: string | null;
  lateWorkingDays: number | null;
  reference: string | null;
}

/** A case as the API shows it: the engine's description of the aggregate plus the row's own fields. */
export interface CaseView {
  id: string;
  state: TopState;
  stateDetail: Record<string, unknown>;
  version: number;
  procedureVersion: string;
  machineVersion: number;
  organisationId: string;
  candidate: Candidate;
  facts: Record<string, unknown>;
  allowedEvents: EventType[];
  deadlines: DeadlineView[];
  membership: Membership;
  createdAt: string;
  updatedAt: string;
}

/** One step of a case's history. `payload` is the event without `type` and `occurredOn`. */
export interface CaseEventView {
  seq: number;
  type: EventType;
  payload: Record<string, unknown>;
  occurredOn: string;
  recordedAt: string;
  actor: Actor;
  fromState: TopState | null;
  toState: TopState;
  hash: string;
  prevHash: string;
}

export interface CaseListFilter {
  state?: string;
  /** Cases of this organisation and every organisation below it. */
  organisationId?: string;
  /** Only cases with a limit still pending (open, or marked missed with its step not recorded) due on or before this date. */
  dueBefore?: string;
  /** Part of the candidate's name; diacritics and case are ignored. */
  q?: string;
  /** Page size: default 50, at most 200. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface CaseListPage {
  items: CaseView[];
  nextCursor: string | null;
}
