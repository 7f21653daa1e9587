import { addDays, addMonths, BusinessDate, businessDateOf, DeadlineKind, DeadlineStatus, WorkingDayCalendar } from '@charterflow/procedure';
import { FiringPhase, PhaseGroup, phaseGroupOf, PlannedFiring } from '../contracts';
import { ReminderOffset, ReminderPolicy } from '../policy/reminder-policy';
import { localInstant } from './local-instant';
import { workingDaysBefore } from './working-days-before';

/** What the planner needs of a deadline row. */
export interface DeadlineToPlan {
  id: string;
  caseId: string;
  /** The province of the case's organisation: its calendar counts the working days. */
  provinceId: string | null;
  kind: DeadlineKind;
  dueOn: BusinessDate;
  status: DeadlineStatus;
  generation: number;
  /** When the row came into being (ADR 0015); absent or null for rows older than the column: no grace. */
  openedAt?: Date | null;
  /** The backlog grace set by the case's organisation or an ancestor (ADR 0015); absent or null: the policy's. */
  graceWorkingDays?: number | null;
}

/** The escalation fires at the first instant the limit is broken: 00:00 local on the day after the due date. */
export const ESCALATE_AT = '00:00';

/** Phase of a reminder: `remind-10wd` (10 working days before) or `remind-3m` (3 months before). */
export function reminderPhase(offset: ReminderOffset): FiringPhase {
  return offset.workingDays !== undefined ? `remind-${offset.workingDays}wd` : `remind-${offset.months}m`;
}

/** Every phase the policy plans for a kind, in the order they fire (the planner's phase names). */
export function phasesOfKind(policy: ReminderPolicy, kind: DeadlineKind): FiringPhase[] {
  const rules = policy.kinds[kind];
  if (!rules) return [];
  return [...rules.reminders.map(reminderPhase), ...(rules.due ? (['due'] as const) : []), ...(rules.escalation ? (['escalate'] as const) : [])];
}

/** The kinds the policy plans a firing of `group` for (reminders, a timed event on the due date, an escalation). */
export function kindsPlanning(policy: ReminderPolicy, group: PhaseGroup): DeadlineKind[] {
  return (Object.keys(policy.kinds) as DeadlineKind[]).filter((kind) => phasesOfKind(policy, kind).some((p) => phaseGroupOf(p) === group));
}

/** The business date a reminder is sent on. */
export function reminderDate(dueOn: BusinessDate, offset: ReminderOffset, calendar: WorkingDayCalendar): BusinessDate {
  return offset.workingDays !== undefined ? workingDaysBefore(calendar, dueOn, offset.workingDays) : addMonths(dueOn, -offset.months);
}

/**
 * The firings of one generation of a deadline (ADR 0007 §1), oldest first: a reminder per policy offset at the send
 * time on (due date − offset), `due` at the send time on the due date for a kind with a timed event, and `escalate`
 * at 00:00 local the day after the due date for a kind with an escalation. A closed deadline plans nothing.
 * Pure: the same row, policy and calendar always give the same plan.
 */
export function planFirings(deadline: DeadlineToPlan, policy: ReminderPolicy, calendar: WorkingDayCalendar): PlannedFiring[] {
  return firingSchedule(deadline, policy, calendar).map(({ phase, fireAtMs }) => {
    return { deadlineId: deadline.id, generation: deadline.generation, phase, caseId: deadline.caseId, kind: deadline.kind, fireAt: new Date(fireAtMs) };
  });
}

/**
 * The phases and instants of `planFirings`, without building a firing per phase: what the firing handler needs to
 * judge the one phase it fires. Shared with other rows of the same kind and due date: read only.
 */
export function firingSchedule(deadline: DeadlineToPlan, policy: ReminderPolicy, calendar: WorkingDayCalendar): Schedule {
  if (deadline.status !== 'open' || !policy.kinds[deadline.kind]) return [];
  const grace = deadline.graceWorkingDays ?? policy.backlogGraceWorkingDays;
  return withBacklogGrace(scheduleOf(deadline.kind, deadline.dueOn, policy, calendar), deadline.openedAt ?? null, grace, calendar);
}

/**
 * The end of a backlog grace of `workingDays` for a limit opened at `openedAt`: 00:00 local on the day after the
 * `workingDays`-th working day after the (local) day of opening, on the case's calendar.
 */
export function backlogGraceEnd(openedAt: Date, workingDays: number, calendar: WorkingDayCalendar): Date {
  const lastDay = calendar.addWorkingDays(businessDateOf(openedAt), workingDays);
  return localInstant(addDays(lastDay, 1), ESCALATE_AT);
}

/**
 * A limit keyed in late (ADR 0015): when a reminder or the escalation is already due at the instant it was opened,
 * every reminder and escalation that would fire before the end of the backlog grace is held back to that end, so that the next entries of a clerk catching up a paper backlog (which usually
 * close the limit) come first; a limit closed by then plans nothing. Of the held reminders only the latest is kept
 * (the earlier ones say less), and none when the escalation is held too (the limit had already passed). The `due`
 * firing (the engine's own timed event) and the firings still ahead are unchanged. A grace of 0 changes nothing.
 */
function withBacklogGrace(schedule: Schedule, openedAt: Date | null, workingDays: number, calendar: WorkingDayCalendar): Schedule {
  if (!openedAt || workingDays === 0) return schedule;
  const openedMs = openedAt.getTime();
  if (!schedule.some((f) => f.phase !== 'due' && f.fireAtMs <= openedMs)) return schedule;
  // Keyed in late: whatever would fire before the grace ends waits for it.
  const graceEndMs = backlogGraceEnd(openedAt, workingDays, calendar).getTime();
  const held = schedule.filter((f) => f.phase !== 'due' && f.fireAtMs < graceEndMs);
  const escalationHeld = held.some((f) => f.phase === 'escalate');
  const lastReminder = held.filter((f) => f.phase !== 'escalate').pop();
  const kept = new Set(held.filter((f) => (f.phase === 'escalate' ? true : !escalationHeld && f === lastReminder)));
  return schedule
    .filter((f) => !held.includes(f) || kept.has(f))
    .map((f) => (kept.has(f) ? { phase: f.phase, fireAtMs: graceEndMs } : f))
    .sort((a, b) => a.fireAtMs - b.fireAtMs || (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : 0));
}

/** A generation's firings as phases and epoch milliseconds, oldest first. */
export type Schedule = readonly { readonly phase: FiringPhase; readonly fireAtMs: number }[];

/**
 * Schedules already computed, per policy and calendar object (a reloaded policy or a replaced calendar is a new
 * object, so answers are never mixed). Thousands of open deadlines share a few hundred (kind, due date) pairs, so
 * the pending-firings view mostly hits this cache. Bounded: cleared when it grows past MAX_CACHED_SCHEDULES.
 */
const schedules = new WeakMap<ReminderPolicy, WeakMap<WorkingDayCalendar, Map<string, Schedule>>>();
const MAX_CACHED_SCHEDULES = 20_000;

function scheduleOf(kind: DeadlineKind, dueOn: BusinessDate, policy: ReminderPolicy, calendar: WorkingDayCalendar): Schedule {
  let byCalendar = schedules.get(policy);
  if (!byCalendar) schedules.set(policy, (byCalendar = new WeakMap()));
  let cache = byCalendar.get(calendar);
  if (!cache) byCalendar.set(calendar, (cache = new Map<string, Schedule>()));
  const key = `${kind}|${dueOn}`;
  let schedule = cache.get(key);
  if (!schedule) {
    schedule = computeSchedule(kind, dueOn, policy, calendar);
    if (cache.size >= MAX_CACHED_SCHEDULES) cache.clear();
    cache.set(key, schedule);
  }
  return schedule;
}

function computeSchedule(kind: DeadlineKind, dueOn: BusinessDate, policy: ReminderPolicy, calendar: WorkingDayCalendar): Schedule {
  const rules = policy.kinds[kind];
  const planned: { phase: FiringPhase; fireAtMs: number }[] = rules.reminders.map((offset) => ({
    phase: reminderPhase(offset),
    fireAtMs: localInstant(reminderDate(dueOn, offset, calendar), rules.sendAt).getTime(),
  }));
  if (rules.due) planned.push({ phase: 'due', fireAtMs: localInstant(dueOn, rules.sendAt).getTime() });
  if (rules.escalation) planned.push({ phase: 'escalate', fireAtMs: localInstant(addDays(dueOn, 1), ESCALATE_AT).getTime() });
  // Oldest first; equal instants by phase so that the order is stable.
  return planned.sort((a, b) => a.fireAtMs - b.fireAtMs || (a.phase < b.phase ? -1 : a.phase > b.phase ? 1 : 0));
}

/** Oldest first; equal instants by deadline, generation and phase, so that the order is stable. */
export function byFireAt(a: PlannedFiring, b: PlannedFiring): number {
  return a.fireAt.getTime() - b.fireAt.getTime() || compare(a.deadlineId, b.deadlineId) || a.generation - b.generation || compare(a.phase, b.phase);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
