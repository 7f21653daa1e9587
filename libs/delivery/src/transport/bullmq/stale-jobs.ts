import { jobIdOf } from '../../contracts';
import { firingKey } from '../../firing/deadline-firings.repository';
import { reminderPhase } from '../../plan/plan-firings';
import { ReminderPolicy } from '../../policy/reminder-policy';
import { FiringPhase } from '../../contracts';
import { DeadlineState, OutboxMessage } from '../outbox.repository';

/** Every phase the policy plans for a kind (the planner's phase names). */
export function phasesOfKind(policy: ReminderPolicy, kind: DeadlineState['kind']): FiringPhase[] {
  const rules = policy.kinds[kind];
  if (!rules) return [];
  return [...rules.reminders.map(reminderPhase), ...(rules.due ? (['due'] as const) : []), ...(rules.escalation ? (['escalate'] as const) : [])];
}

/**
 * The job ids made stale by the changes the messages report. A message says the deadline reached generation g, so
 * the jobs of g − 1 are stale (earlier generations were named by earlier messages), up to the generation before
 * the current one. The current generation has no stale job: if open, its jobs are the valid ones; if closed, it
 * never had any (the status change that closed it is what created it). The ids are computable: generation × the
 * policy's phases. A firing already recorded in the ledger (`fired`, keys of `firingKey`) is left out: its job has
 * completed and is gone (or, re-added by a race, will be answered `duplicate`), so asking Redis to remove it would
 * only cost a round trip — for the escalation that marked a deadline missed, one per phase of the deadline.
 */
export function staleJobIds(
  messages: readonly OutboxMessage[],
  states: readonly DeadlineState[],
  policy: ReminderPolicy,
  fired: ReadonlySet<string> = new Set(),
): string[] {
  const oldest = new Map<string, number>();
  for (const m of messages) oldest.set(m.deadlineId, Math.min(m.generation, oldest.get(m.deadlineId) ?? Infinity));
  const ids: string[] = [];
  for (const d of states) {
    const first = oldest.get(d.id);
    if (first === undefined) continue;
    const last = d.generation - 1;
    const phases = phasesOfKind(policy, d.kind);
    for (let generation = Math.max(1, first - 1); generation <= last; generation += 1) {
      for (const phase of phases) if (!fired.has(firingKey({ deadlineId: d.id, generation, phase }))) ids.push(jobIdOf({ deadlineId: d.id, generation, phase }));
    }
  }
  return ids;
}
