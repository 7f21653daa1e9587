import type { DeadlineKind } from '@charterflow/procedure';

/**
 * The reminder policy (config/delivery/reminder-policy.json): per deadline kind, when to remind before the due date,
 * who is alerted, and where the escalation goes when the limit passes (procedure doc §5, ADR 0007).
 */

/** The only time zone the procedure knows (UTC+7, no daylight saving). */
export const POLICY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Who reads a notification within an organisation. */
export const RECIPIENT_ROLES = ['cell_secretary', 'grassroots_officer', 'superior_officer'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/**
 * Which organisation, seen from the case's cell: the cell itself or the nearest ancestor of that kind. A cell
 * directly under a commune has no grassroots committee: `grassroots` then falls back to the nearest ancestor above.
 */
export const ORGANISATION_LEVELS = ['cell', 'grassroots', 'commune', 'province'] as const;
export type OrganisationLevel = (typeof ORGANISATION_LEVELS)[number];

/** Kinds whose due date is also the engine's own timed event (PROBATION_END → PROBATION_ENDED). */
export const TIMED_EVENT_KINDS: readonly DeadlineKind[] = ['PROBATION_END'];

/** A reminder `workingDays` working days or `months` calendar months before the due date. */
export type ReminderOffset = { workingDays: number; months?: undefined } | { months: number; workingDays?: undefined };

export interface PolicyRecipient {
  role: RecipientRole;
  at: OrganisationLevel;
}

/**
 * `superior`: the parent of each alerted organisation (role `superior_officer` at a commune or province,
 * `grassroots_officer` at a grassroots committee); or an explicit list of recipients.
 */
export type EscalationPolicy = { to: 'superior' } | { to: PolicyRecipient[] };

export interface KindPolicy {
  /** Local send time `HH:MM` of reminders and of the `due` firing. */
  sendAt: string;
  reminders: ReminderOffset[];
  /** Fire the engine's timed event at `sendAt` on the due date (PROBATION_END only). */
  due: boolean;
  alert: PolicyRecipient[];
  /** null: the limit passing alerts nobody and does not mark the deadline missed. */
  escalation: EscalationPolicy | null;
}

export interface ReminderPolicy {
  timeZone: typeof POLICY_TIME_ZONE;
  /**
   * Working days a reminder or an escalation already due when its limit is opened (a step keyed in late: a paper
   * backlog, an import) waits, counted from the day the limit was opened: it fires at the end of the last of them
   * (00:00 local the day after), and not at all when the limit is closed by then. 0 fires at once (ADR 0015). An
   * organisation's own `backlogGraceWorkingDays` (the nearest from the case's cell up) replaces it for its cases.
   */
  backlogGraceWorkingDays: number;
  kinds: Record<DeadlineKind, KindPolicy>;
}

/** The grace when the policy file does not set one: until the end of the next working day. */
export const DEFAULT_BACKLOG_GRACE_WORKING_DAYS = 1;
export const MAX_BACKLOG_GRACE_WORKING_DAYS = 10;
