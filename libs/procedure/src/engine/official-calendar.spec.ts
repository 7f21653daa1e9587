import { CalendarYearOverrides } from '../model/calendar';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar';
import { CANDIDATE, CaseDriver, makeEnv, PASSING_CELL_VOTE, SPONSOR, toCellReview } from '../__fixtures__/scenario';

/** The official 2026 civil-service arrangement (procedure doc §7.2). */
const Y2026: CalendarYearOverrides = {
  year: 2026,
  daysOff: [
    '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
    '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
  ].map((date) => ({ date, name: 'day off' })),
  workingDays: ['2026-01-10', '2026-08-22'].map((date) => ({ date, name: 'make-up working day' })),
  source: 'VPCP 12729/VPCP-KGVX',
};

describe('deadlines with the official 2026 calendar (procedure doc §3.0 worked examples)', () => {
  const env = makeEnv('2030-12-31', undefined, createWorkingDayCalendar([Y2026]));

  it('(a) cell resolution 2026-01-15 → decision due 2026-03-26, 2026-04-16 with the extension', () => {
    const c = toCellReview(new CaseDriver(env));
    c.ok('CELL_VOTE_RECORDED', '2026-01-15', PASSING_CELL_VOTE);
    expect(c.deadline('ADMISSION_DECISION').dueOn).toBe('2026-03-26');
    c.ok('DEADLINE_EXTENDED', '2026-03-02', { deadlineKind: 'ADMISSION_DECISION', reason: 'special case' });
    expect(c.deadline('ADMISSION_DECISION').dueOn).toBe('2026-04-16');
    c.ok('GRASSROOTS_VOTE_RECORDED', '2026-03-02', { committeeMembers: 9, inFavour: 6 });
    expect(c.state).toBe('superiorReview');
  });

  it('(b) decision received 2026-02-05 → ceremony due 2026-03-26; (c) ceremony 2026-03-26 → probation ends 2027-03-26', () => {
    const c = new CaseDriver(env, '2025-09-01', CANDIDATE);
    toCellReview(c)
      .ok('CELL_VOTE_RECORDED', '2026-01-05', PASSING_CELL_VOTE)
      .ok('GRASSROOTS_VOTE_RECORDED', '2026-01-20', { committeeMembers: 9, inFavour: 6 })
      .ok('ADMISSION_DECIDED', '2026-02-04', { decisionNo: 'QD', standingMembers: 7, inFavour: 4, receivedOn: '2026-02-05' });
    expect(c.deadline('CEREMONY').dueOn).toBe('2026-03-26');
    c.ok('CEREMONY_HELD', '2026-03-26', { helper: { name: SPONSOR.name } });
    expect(c.deadline('CEREMONY').status).toBe('met');
    expect(c.description.membership.probationEndOn).toBe('2027-03-26');
  });
});
