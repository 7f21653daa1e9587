/**
 * The seams between the parts of deadline delivery (ADR 0007). PostgreSQL holds the truth (deadlines, what has
 * fired, notifications); a transport (BullMQ on Redis, or a transactional poll on the embedded database) only
 * decides *when* to call the firing handler.
 */
import type { DeadlineKind } from '@charterflow/procedure';

/** What a planned firing does when its instant comes. */
export type FiringPhase =
  /** A reminder before the due date, e.g. `remind-10wd` (10 working days before) or `remind-3m` (3 months before). */
  | `remind-${string}`
  /** The engine's own timed event on the due date (PROBATION_END → PROBATION_ENDED). */
  | 'due'
  /** The time limit has passed with the deadline still open: mark it missed and alert the superior organisation. */
  | 'escalate';

/** The three things a firing can do, whatever a reminder's offset: what a queue carries and a metric is labelled by. */
export type PhaseGroup = 'remind' | 'due' | 'escalate';

export function phaseGroupOf(phase: FiringPhase): PhaseGroup {
  return phase === 'due' || phase === 'escalate' ? phase : 'remind';
}

/** One firing of one generation of one deadline. `generation` changes whenever the deadline's due date or status does. */
export interface FiringRef {
  deadlineId: string;
  generation: number;
  phase: FiringPhase;
}

export interface PlannedFiring extends FiringRef {
  caseId: string;
  kind: DeadlineKind;
  /** The instant the firing is due (Asia/Ho_Chi_Minh local send time converted to UTC). */
  fireAt: Date;
}

/**
 * A firing's identity, `${deadlineId}:${generation}:${phase}`: the ledger's key, and how a transport tells firings
 * apart. A new generation gets a new key, so a rescheduled deadline's firings never collide with its old ones.
 */
export function firingKey(ref: FiringRef): string {
  return `${ref.deadlineId}:${ref.generation}:${ref.phase}`;
}

export type FiringOutcome =
  /** Acted now: notifications written / deadline marked missed / timed event recorded. */
  | 'fired'
  /** Already fired before (a job run twice): nothing written. */
  | 'duplicate'
  /** The deadline is closed, or its generation moved on: nothing to do. */
  | 'stale'
  /** Called before its instant (a clock skew or an early poll): nothing written; try again later. */
  | 'early';

export interface FiringResult {
  outcome: FiringOutcome;
  /** Notifications written by this call. */
  notifications: number;
  /** fired − fireAt in milliseconds, when fired. */
  latenessMs?: number;
}

/** The idempotent handler every transport calls. */
export abstract class FiringHandler {
  /** One firing: a batch of one. */
  abstract fire(ref: FiringRef): Promise<FiringResult>;
  /**
   * Several firings in one transaction, one result per ref in order, each what `fire` would have answered. Throws,
   * having written nothing, when the transaction fails (then each may be fired alone).
   */
  abstract fireMany(refs: readonly FiringRef[]): Promise<FiringResult[]>;
}

/** Firings of open deadlines that have not fired yet: the reconciler's and the poller's view of what should exist. */
export abstract class PendingFirings {
  /**
   * Every pending firing (fireAt in the past included) with fireAt ≤ `dueBefore` when given, of the phase group
   * `group` when given (a wake-up reads only its queue's, which bounds the deadlines read), oldest first, at most
   * `limit`.
   */
  abstract list(opts?: { dueBefore?: Date; limit?: number; group?: PhaseGroup }): Promise<PlannedFiring[]>;
  /** The pending firings of the given deadlines (after an outbox message named them). */
  abstract forDeadlines(deadlineIds: readonly string[]): Promise<PlannedFiring[]>;
}
