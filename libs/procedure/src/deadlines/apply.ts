import { BusinessDate } from '../model/dates';
import { DeadlineLength, DeadlineRecord } from '../model/deadlines';
import { DecisionEnv } from '../model/engine';
import { DeadlineExtended } from '../model/events';
import { addMonths } from '../calendar/business-date';
import { RuleSet, ruleSetById, ruleSetFor } from '../versions/rule-sets';
import { GuardEnv } from '../machine/facts';
import { appliesUnder, DEADLINE_TABLE, DeadlineDefinition, DeadlineStep, deadlineDefinition, deadlineExtension, deadlineLength, dueDate } from './table';

/** What guards may know of the open limits: plain data. */
export function openDeadlineViews(deadlines: readonly DeadlineRecord[]): GuardEnv['openDeadlines'] {
  return deadlines.filter((d) => d.status === 'open').map((d) => ({ key: d.key, kind: d.kind, dueOn: d.dueOn, extendedBy: d.extendedBy }));
}

/** A limit as it is opened: running, not extended, its source and numbers those of `ruleSet`. */
export function openedRecord(o: {
  key: string;
  def: DeadlineDefinition;
  ruleSet: RuleSet;
  baseOn: BusinessDate;
  length: DeadlineLength;
  dueOn: BusinessDate;
  openedOn: BusinessDate;
  reference: string | null;
}): DeadlineRecord {
  return {
    key: o.key,
    kind: o.def.kind,
    baseOn: o.baseOn,
    length: o.length,
    dueOn: o.dueOn,
    originalDueOn: o.dueOn,
    extendedBy: 0,
    status: 'open',
    source: o.def.source(o.ruleSet),
    ruleSet: o.ruleSet.id,
    openedOn: o.openedOn,
    closedOn: null,
    lateWorkingDays: null,
    reference: o.reference,
  };
}

function uniqueKey(base: string, deadlines: readonly DeadlineRecord[]): string {
  if (!deadlines.some((d) => d.key === base)) return base;
  let n = 2;
  while (deadlines.some((d) => d.key === `${base}#${n}`)) n += 1;
  return `${base}#${n}`;
}

/**
 * The deadline list after an accepted step: closes what the step closes (met/missed by date), cancels what is no
 * longer meaningful in the new state, applies an extension, then opens what the step opens. Closed limits are kept.
 */
export function nextDeadlines(deadlines: readonly DeadlineRecord[], step: DeadlineStep, env: DecisionEnv): DeadlineRecord[] {
  const on = step.event.occurredOn;
  const out: DeadlineRecord[] = deadlines.map((d) => {
    if (d.status !== 'open') return d;
    const def = deadlineDefinition(d.kind);
    if (!def) return d;
    const closing = def.closes(step, d) ?? (def.openWhile(step.after, d) ? null : 'cancelled');
    if (!closing) return d;
    if (closing === 'cancelled') return { ...d, status: 'cancelled', closedOn: on, lateWorkingDays: null };
    const judgedOn = typeof closing === 'object' ? closing.on : on;
    if (closing === 'met' || judgedOn <= d.dueOn) return { ...d, status: 'met', closedOn: judgedOn, lateWorkingDays: null };
    return { ...d, status: 'missed', closedOn: judgedOn, lateWorkingDays: env.calendar.workingDaysBetween(d.dueOn, judgedOn) };
  });

  if (step.event.type === 'DEADLINE_EXTENDED') {
    const e: DeadlineExtended = step.event;
    // Only a running limit is extended (EXTENSION_AFTER_LIMIT): an extension dated after the due day, which only a
    // historical import can carry, leaves the missed limit as it was, so the audit judges it missed.
    const i = out.findIndex((d) => d.status === 'open' && d.kind === e.deadlineKind && on <= d.dueOn);
    if (i >= 0) {
      const d = out[i];
      const rs = ruleSetById(d.ruleSet);
      const extension = deadlineExtension(d.kind, rs);
      out[i] = { ...d, dueOn: env.calendar.addWorkingDays(d.originalDueOn, extension), extendedBy: extension };
    }
  }

  for (const def of DEADLINE_TABLE) {
    for (const opening of def.opens(step)) {
      // The case's rule profile (kept with the case from its opening, ADR 0023) overlays the set in force that day.
      const rs = ruleSetFor(opening.ruleSetDate, step.after.facts.ruleProfile);
      if (!appliesUnder(def, rs)) continue;
      const length = deadlineLength(def, rs, step);
      const dueOn = dueDate(env, opening.baseOn, length, addMonths);
      out.push(openedRecord({ key: uniqueKey(opening.key, out), def, ruleSet: rs, baseOn: opening.baseOn, length, dueOn, openedOn: on, reference: opening.reference }));
    }
  }
  return out;
}
