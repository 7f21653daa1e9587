import { addDays, addMonths, BusinessDate, maxDate, WorkingDayCalendar } from '@charterflow/procedure';
import { PhaseGroup } from '../contracts';
import { ReminderPolicy } from '../policy/reminder-policy';

/**
 * The latest due date whose earliest firing (of `group`, or of any group) can fall on or before `day` under
 * `policy`: deadlines due later cannot have such a firing due yet, so the query skips them. A `due` firing falls on
 * the due date and an escalation the day after (a backlog grace only holds them later), so for those the bound is
 * `day` itself. Working-day reminder offsets: a deadline due after the (n+1)-th working day after `day` has n working
 * days between `day` and the day before its due date. Month offsets: a month back from a 31st can land up to three
 * days earlier (end-of-month clamping), hence the margin.
 */
export function latestDueOnFiringBy(day: BusinessDate, policy: ReminderPolicy, calendar: WorkingDayCalendar, group?: PhaseGroup): BusinessDate {
  let bound = day;
  if (group === 'due' || group === 'escalate') return bound;
  for (const rules of Object.values(policy.kinds)) {
    for (const offset of rules.reminders) {
      const candidate = offset.workingDays !== undefined ? calendar.addWorkingDays(day, offset.workingDays + 1) : addDays(addMonths(day, offset.months), 3);
      bound = maxDate(bound, candidate);
    }
  }
  return bound;
}
