import { resolve } from 'node:path';
import { createWorkingDayCalendar, DeadlineKind } from '@charterflow/procedure';
import { weekdayCalendar } from '@charterflow/procedure/testing';
import { loadOfficialCalendars } from '@charterflow/calendar';
import { loadReminderPolicy } from '../policy/load-reminder-policy';
import { firingKey } from '../contracts';
import { DeadlineToPlan, kindsPlanning, phasesOfKind, planFirings } from './plan-firings';
import { localInstant } from './local-instant';
import { workingDaysBefore } from './working-days-before';

const POLICY = loadReminderPolicy(resolve(__dirname, '../../../../config/delivery/reminder-policy.json'));
/** The official civil-service calendars of config/calendar (2025, 2026). */
const OFFICIAL = createWorkingDayCalendar(loadOfficialCalendars());
const WEEKDAYS = weekdayCalendar();
const ID = '0b7f3c1e-7f8a-4c55-9d7e-2f7f0d1f3a10';
const CASE_ID = '5d2c8a44-1c35-4b6e-8f7e-0a9b6c3d2e11';

function deadline(kind: DeadlineKind, dueOn: string, extra: Partial<DeadlineToPlan> = {}): DeadlineToPlan {
  return { id: ID, caseId: CASE_ID, provinceId: null, kind, dueOn, status: 'open', generation: 1, ...extra };
}

/** phase → ISO instant. */
function plan(d: DeadlineToPlan, calendar = OFFICIAL): Record<string, string> {
  return Object.fromEntries(planFirings(d, POLICY, calendar).map((f) => [f.phase, f.fireAt.toISOString()]));
}

describe('localInstant (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it('08:00 local is 01:00 UTC the same day; 00:00 local is 17:00 UTC the day before', () => {
    expect(localInstant('2026-03-12', '08:00').toISOString()).toBe('2026-03-12T01:00:00.000Z');
    expect(localInstant('2026-03-27', '00:00').toISOString()).toBe('2026-03-26T17:00:00.000Z');
    expect(() => localInstant('2026-03-12', '8:00')).toThrow(/HH:MM/);
    expect(() => localInstant('2026-02-30', '08:00')).toThrow(RangeError);
  });
});

describe('workingDaysBefore', () => {
  it('D−1 of a Monday is the Friday before, except that the make-up Saturday 10/01/2026 is a working day', () => {
    expect(workingDaysBefore(WEEKDAYS, '2026-01-12', 1)).toBe('2026-01-09');
    expect(workingDaysBefore(OFFICIAL, '2026-01-12', 1)).toBe('2026-01-10');
  });

  it('skips the New Year days off (1 and 2 January 2026) back into 2025', () => {
    expect(workingDaysBefore(OFFICIAL, '2026-01-05', 1)).toBe('2025-12-31');
    expect(workingDaysBefore(OFFICIAL, '2026-01-05', 2)).toBe('2025-12-30');
    expect(workingDaysBefore(WEEKDAYS, '2026-01-05', 1)).toBe('2026-01-02');
  });

  it('is the inverse of addWorkingDays for a working due date', () => {
    for (const due of ['2026-03-26', '2026-02-26', '2026-05-04', '2026-09-03']) {
      for (const n of [1, 3, 10, 45]) expect(OFFICIAL.addWorkingDays(workingDaysBefore(OFFICIAL, due, n), n)).toBe(due);
    }
  });

  it('refuses a count below 1', () => {
    expect(() => workingDaysBefore(OFFICIAL, '2026-03-26', 0)).toThrow(RangeError);
  });
});

describe('planFirings', () => {
  it('ADMISSION_DECISION due 26/03/2026 (cell vote 15/01/2026 + 45 WD): D−10, D−3, D−1 at 08:00 and escalation at 00:00 on 27/03', () => {
    expect(OFFICIAL.addWorkingDays('2026-01-15', 45)).toBe('2026-03-26');
    const firings = planFirings(deadline('ADMISSION_DECISION', '2026-03-26'), POLICY, OFFICIAL);
    expect(firings.map((f) => [f.phase, f.fireAt.toISOString()])).toEqual([
      ['remind-10wd', '2026-03-12T01:00:00.000Z'],
      ['remind-3wd', '2026-03-23T01:00:00.000Z'],
      ['remind-1wd', '2026-03-25T01:00:00.000Z'],
      ['escalate', '2026-03-26T17:00:00.000Z'],
    ]);
    expect(firings[0]).toEqual({
      deadlineId: ID,
      generation: 1,
      phase: 'remind-10wd',
      caseId: CASE_ID,
      kind: 'ADMISSION_DECISION',
      fireAt: new Date('2026-03-12T01:00:00.000Z'),
    });
  });

  it('counts back across Tết 2026 (16–20 February off) on the official calendar, not on a bare weekday calendar', () => {
    const due = deadline('CEREMONY', '2026-02-26');
    expect(plan(due)).toEqual({
      'remind-10wd': '2026-02-05T01:00:00.000Z',
      'remind-3wd': '2026-02-23T01:00:00.000Z',
      'remind-1wd': '2026-02-25T01:00:00.000Z',
      escalate: '2026-02-26T17:00:00.000Z',
    });
    expect(plan(due, WEEKDAYS)['remind-10wd']).toBe('2026-02-12T01:00:00.000Z');
  });

  it('a due date one working day later moves each reminder by one working day (both sides of the weekend)', () => {
    expect(plan(deadline('MEMBER_RECORDS', '2026-03-27'))).toMatchObject({ 'remind-10wd': '2026-03-13T01:00:00.000Z', 'remind-1wd': '2026-03-26T01:00:00.000Z' });
    expect(plan(deadline('MEMBER_RECORDS', '2026-03-30'))).toMatchObject({ 'remind-10wd': '2026-03-16T01:00:00.000Z', 'remind-1wd': '2026-03-27T01:00:00.000Z' });
  });

  it('PROBATION_END: reminders 3 and 1 months before (months 9 and 11), the due firing at 08:00 on the end date, no escalation', () => {
    // Ceremony 02/03/2026 → probation ends 02/03/2027.
    expect(plan(deadline('PROBATION_END', '2027-03-02'))).toEqual({
      'remind-3m': '2026-12-02T01:00:00.000Z',
      'remind-1m': '2027-02-02T01:00:00.000Z',
      due: '2027-03-02T01:00:00.000Z',
    });
  });

  it('month offsets end on the last day of a shorter month', () => {
    expect(plan(deadline('PROBATION_END', '2027-05-31'))['remind-3m']).toBe('2027-02-28T01:00:00.000Z');
  });

  it('AWARENESS_CERTIFICATE_EXPIRY 6 and 1 months before; DOSSIER_DOCUMENTS_EXPIRY 1 month before; both escalate', () => {
    expect(plan(deadline('AWARENESS_CERTIFICATE_EXPIRY', '2031-01-06'))).toEqual({
      'remind-6m': '2030-07-06T01:00:00.000Z',
      'remind-1m': '2030-12-06T01:00:00.000Z',
      escalate: '2031-01-06T17:00:00.000Z',
    });
    expect(plan(deadline('DOSSIER_DOCUMENTS_EXPIRY', '2027-01-07'))).toEqual({
      'remind-1m': '2026-12-07T01:00:00.000Z',
      escalate: '2027-01-07T17:00:00.000Z',
    });
  });

  it('a closed deadline plans nothing; an open one of every kind plans at least one firing', () => {
    for (const status of ['met', 'missed', 'cancelled'] as const) {
      expect(planFirings(deadline('ADMISSION_DECISION', '2026-03-26', { status }), POLICY, OFFICIAL)).toEqual([]);
    }
    for (const kind of Object.keys(POLICY.kinds) as DeadlineKind[]) {
      expect(planFirings(deadline(kind, '2026-06-30'), POLICY, OFFICIAL).length).toBeGreaterThan(0);
    }
  });

  it('a new generation gets new firing keys, so an extended deadline never collides with its old firings', () => {
    const g1 = planFirings(deadline('ADMISSION_DECISION', '2026-03-26'), POLICY, OFFICIAL);
    const g2 = planFirings(deadline('ADMISSION_DECISION', '2026-04-16', { generation: 2 }), POLICY, OFFICIAL);
    expect(g2.map(firingKey)).toEqual([`${ID}:2:remind-10wd`, `${ID}:2:remind-3wd`, `${ID}:2:remind-1wd`, `${ID}:2:escalate`]);
    expect(g2.map(firingKey).some((j) => g1.map(firingKey).includes(j))).toBe(false);
    // 16/04/2026 − 10 WD skips nothing in April before the 27th: 02/04/2026.
    expect(g2[0].fireAt.toISOString()).toBe('2026-04-02T01:00:00.000Z');
  });
});

describe('phasesOfKind', () => {
  it("lists the phases the policy plans for a kind: reminders, then `due` for a timed event, then `escalate`", () => {
    const policy = POLICY;
    expect(phasesOfKind(policy, 'ADMISSION_DECISION')).toEqual(['remind-10wd', 'remind-3wd', 'remind-1wd', 'escalate']);
    expect(phasesOfKind(policy, 'PROBATION_END')).toEqual(['remind-3m', 'remind-1m', 'due']);
    expect(phasesOfKind({ ...policy, kinds: {} } as unknown as typeof policy, 'ADMISSION_DECISION')).toEqual([]);
  });

  it('kindsPlanning names the kinds a phase group is planned for: a timed event only for the end of probation', () => {
    expect(kindsPlanning(POLICY, 'due')).toEqual(['PROBATION_END']);
    expect(kindsPlanning(POLICY, 'escalate')).toContain('ADMISSION_DECISION');
    expect(kindsPlanning(POLICY, 'escalate')).not.toContain('PROBATION_END');
    expect(kindsPlanning(POLICY, 'remind')).toEqual(expect.arrayContaining(['ADMISSION_DECISION', 'PROBATION_END']));
  });
});
