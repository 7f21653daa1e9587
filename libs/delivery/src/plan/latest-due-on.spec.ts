import { resolve } from 'node:path';
import { addDays, addMonths, createWorkingDayCalendar, DEADLINE_KINDS } from '@charterflow/procedure';
import { loadOfficialCalendars } from '@charterflow/calendar';
import { loadReminderPolicy } from '../policy/load-reminder-policy';
import { latestDueOnFiringBy } from './latest-due-on';
import { localInstant } from './local-instant';
import { planFirings } from './plan-firings';

const POLICY = loadReminderPolicy(resolve(__dirname, '../../../../config/delivery/reminder-policy.json'));
const CALENDAR = createWorkingDayCalendar(loadOfficialCalendars());

describe('latestDueOnFiringBy (the due-date bound of the pending-firings query)', () => {
  it('no deadline due after the bound has a firing by the end of the day (2026, every kind, month ends and Tết)', () => {
    for (let day = '2026-01-02'; day <= '2026-12-31'; day = addDays(day, 5)) {
      const bound = latestDueOnFiringBy(day, POLICY, CALENDAR);
      // Not a scan of everything: at most the longest month offset (6) plus the clamping margin.
      expect(bound <= addDays(addMonths(day, 6), 3)).toBe(true);
      const endOfDay = localInstant(addDays(day, 1), '00:00').getTime();
      for (let dueOn = addDays(bound, 1); dueOn <= addDays(bound, 40); dueOn = addDays(dueOn, 1)) {
        for (const kind of DEADLINE_KINDS) {
          const [first] = planFirings({ id: 'x', caseId: 'y', provinceId: null, kind, dueOn, status: 'open', generation: 1 }, POLICY, CALENDAR);
          if (first.fireAt.getTime() < endOfDay) throw new Error(`${kind} due ${dueOn} fires at ${first.fireAt.toISOString()}, by the end of ${day}, past the bound ${bound}`);
        }
      }
    }
  });

  it('the bound is tight enough to leave out a deadline whose first reminder is later', () => {
    // Only the 6-month awareness reminder reaches that far: due 2026-09-05 reminds on 2026-03-05.
    const bound = latestDueOnFiringBy('2026-03-04', POLICY, CALENDAR);
    expect(bound).toBe('2026-09-07');
  });
});

describe('latestDueOnFiringBy for one phase group', () => {
  it('bounds `due` and `escalate` by the day itself: they fall on the due date or after it', () => {
    for (const group of ['due', 'escalate'] as const) expect(latestDueOnFiringBy('2026-03-04', POLICY, CALENDAR, group)).toBe('2026-03-04');
    expect(latestDueOnFiringBy('2026-03-04', POLICY, CALENDAR, 'remind')).toBe(latestDueOnFiringBy('2026-03-04', POLICY, CALENDAR));
    // The day after the bound, neither fires by the end of the day.
    const endOfDay = localInstant('2026-03-05', '00:00').getTime();
    for (const kind of DEADLINE_KINDS) {
      const plan = planFirings({ id: 'x', caseId: 'y', provinceId: null, kind, dueOn: '2026-03-05', status: 'open', generation: 1 }, POLICY, CALENDAR);
      for (const f of plan.filter((p) => p.phase === 'due' || p.phase === 'escalate')) expect(f.fireAt.getTime()).toBeGreaterThanOrEqual(endOfDay);
    }
    // On the bound itself, the due firing of PROBATION_END falls within the day.
    const [due] = planFirings({ id: 'x', caseId: 'y', provinceId: null, kind: 'PROBATION_END', dueOn: '2026-03-04', status: 'open', generation: 1 }, POLICY, CALENDAR).filter((p) => p.phase === 'due');
    expect(due.fireAt.getTime()).toBeLessThan(endOfDay);
  });
});
