import { resolve } from 'node:path';
import { createWorkingDayCalendar, DeadlineKind } from '@charterflow/procedure';
import { loadOfficialCalendars } from '@charterflow/calendar';
import { loadReminderPolicy } from '../policy/load-reminder-policy';
import { validateReminderPolicy } from '../policy/validate-reminder-policy';
import { ReminderPolicy } from '../policy/reminder-policy';
import { backlogGraceEnd, DeadlineToPlan, planFirings } from './plan-firings';

const POLICY = loadReminderPolicy(resolve(__dirname, '../../../../config/delivery/reminder-policy.json'));
const OFFICIAL = createWorkingDayCalendar(loadOfficialCalendars());
const ID = '0b7f3c1e-7f8a-4c55-9d7e-2f7f0d1f3a10';
const CASE_ID = '5d2c8a44-1c35-4b6e-8f7e-0a9b6c3d2e11';

function deadline(kind: DeadlineKind, dueOn: string, openedAt: string | null): DeadlineToPlan {
  return { id: ID, caseId: CASE_ID, provinceId: null, kind, dueOn, status: 'open', generation: 1, openedAt: openedAt ? new Date(openedAt) : null };
}

function plan(d: DeadlineToPlan, policy: ReminderPolicy = POLICY): Record<string, string> {
  return Object.fromEntries(planFirings(d, policy, OFFICIAL).map((f) => [f.phase, f.fireAt.toISOString()]));
}

const withGrace = (n: number): ReminderPolicy => ({ ...POLICY, backlogGraceWorkingDays: n });

describe('backlog grace (ADR 0015)', () => {
  it('the policy file sets one working day; absent means 1; 0–10 accepted, anything else refused naming the field', () => {
    expect(POLICY.backlogGraceWorkingDays).toBe(1);
    const raw = { kinds: POLICY.kinds };
    expect(validateReminderPolicy(raw).backlogGraceWorkingDays).toBe(1);
    expect(validateReminderPolicy({ ...raw, backlogGraceWorkingDays: 0 }).backlogGraceWorkingDays).toBe(0);
    expect(validateReminderPolicy({ ...raw, backlogGraceWorkingDays: 10 }).backlogGraceWorkingDays).toBe(10);
    for (const bad of [-1, 11, 1.5, '1']) {
      expect(() => validateReminderPolicy({ ...raw, backlogGraceWorkingDays: bad })).toThrow(/backlogGraceWorkingDays: must be a whole number from 0 to 10/);
    }
  });

  it('ends at 00:00 local after the next working day: opened Friday 13/03/2026 → Tuesday 17/03 00:00 (Monday is the next working day)', () => {
    expect(backlogGraceEnd(new Date('2026-03-13T03:00:00Z'), 1, OFFICIAL).toISOString()).toBe('2026-03-16T17:00:00.000Z');
    // Opened at 23:30 local on Thursday 12/03 (16:30 UTC): the next working day is Friday 13/03.
    expect(backlogGraceEnd(new Date('2026-03-12T16:30:00Z'), 1, OFFICIAL).toISOString()).toBe('2026-03-13T17:00:00.000Z');
    // 30 minutes later it is already Friday 13/03 local: the grace runs to the end of Monday.
    expect(backlogGraceEnd(new Date('2026-03-12T17:00:00Z'), 1, OFFICIAL).toISOString()).toBe('2026-03-16T17:00:00.000Z');
    // Across the Tết break of 2026 (16–20/02 off): opened Friday 13/02 → the next working day is Monday 23/02.
    expect(backlogGraceEnd(new Date('2026-02-13T03:00:00Z'), 1, OFFICIAL).toISOString()).toBe('2026-02-23T17:00:00.000Z');
  });

  it('a limit opened already past: no firing before the grace end, the escalation at it, no stale reminders', () => {
    // ADMISSION_DECISION due 26/03/2026, keyed in on Friday 10/04/2026 at 10:00 local.
    const p = plan(deadline('ADMISSION_DECISION', '2026-03-26', '2026-04-10T03:00:00Z'));
    expect(p).toEqual({ escalate: '2026-04-13T17:00:00.000Z' });
  });

  it('a limit opened after some of its reminders: the latest passed reminder and those before the grace end wait for it; later ones are unchanged', () => {
    // Due 26/03/2026: D−10 = 12/03, D−3 = 23/03, D−1 = 25/03 at 08:00; escalation 27/03 00:00.
    // Opened Tuesday 24/03 10:00 local: D−10 and D−3 have passed; the grace ends Thursday 26/03 00:00 (after Wednesday).
    const p = plan(deadline('ADMISSION_DECISION', '2026-03-26', '2026-03-24T03:00:00Z'));
    expect(p).toEqual({ 'remind-1wd': '2026-03-25T17:00:00.000Z', escalate: '2026-03-26T17:00:00.000Z' });
  });

  it('a limit opened before its first reminder is unchanged; so is one without opening instant (rows older than the column)', () => {
    const unchanged = {
      'remind-10wd': '2026-03-12T01:00:00.000Z',
      'remind-3wd': '2026-03-23T01:00:00.000Z',
      'remind-1wd': '2026-03-25T01:00:00.000Z',
      escalate: '2026-03-26T17:00:00.000Z',
    };
    expect(plan(deadline('ADMISSION_DECISION', '2026-03-26', '2026-01-15T03:00:00Z'))).toEqual(unchanged);
    // One minute before the first reminder is still "before".
    expect(plan(deadline('ADMISSION_DECISION', '2026-03-26', '2026-03-12T00:59:00Z'))).toEqual(unchanged);
    expect(plan(deadline('ADMISSION_DECISION', '2026-03-26', null))).toEqual(unchanged);
  });

  it('a grace of 0 fires what is due at once, as before', () => {
    const p = plan(deadline('ADMISSION_DECISION', '2026-03-26', '2026-04-10T03:00:00Z'), withGrace(0));
    expect(Object.keys(p).sort()).toEqual(['escalate', 'remind-10wd', 'remind-1wd', 'remind-3wd']);
    expect(p.escalate).toBe('2026-03-26T17:00:00.000Z');
  });

  it('a longer grace counts working days: 3 from Friday 10/04/2026 ends after Wednesday 15/04', () => {
    expect(plan(deadline('ADMISSION_DECISION', '2026-03-26', '2026-04-10T03:00:00Z'), withGrace(3))).toEqual({ escalate: '2026-04-15T17:00:00.000Z' });
  });

  it('the grace of the case\'s organisation, when set, wins over the policy\'s, 0 included', () => {
    const d = deadline('ADMISSION_DECISION', '2026-03-26', '2026-04-10T03:00:00Z');
    expect(plan({ ...d, graceWorkingDays: 3 })).toEqual({ escalate: '2026-04-15T17:00:00.000Z' });
    expect(plan({ ...d, graceWorkingDays: 0 }).escalate).toBe('2026-03-26T17:00:00.000Z');
    expect(plan({ ...d, graceWorkingDays: null })).toEqual({ escalate: '2026-04-13T17:00:00.000Z' });
  });

  it('the engine\'s timed event (PROBATION_END due) is never held back', () => {
    const p = plan(deadline('PROBATION_END', '2026-01-06', '2026-04-10T03:00:00Z'));
    expect(p.due).toBe('2026-01-06T01:00:00.000Z');
    for (const [phase, at] of Object.entries(p)) if (phase !== 'due') expect(at).toBe('2026-04-13T17:00:00.000Z');
  });
});
