import { ChainNode, EventType, FINAL_STATES, TOP_STATES, TopState } from '@charterflow/procedure';
import { weekdayCalendar } from '@charterflow/procedure/testing';
import { AWAITED_STEPS, byUrgency, countsOf, PendingLimit, WorklistCase, WorklistItem, worklistItemOf } from './worklist';

const calendar = weekdayCalendar();
const TODAY = '2026-03-02'; // a Monday; ten working days later is Monday 2026-03-16

const CHAIN: ChainNode[] = [
  { id: 'p', kind: 'province', authorisedToAdmit: false },
  { id: 'c', kind: 'commune', authorisedToAdmit: false },
  { id: 'g', kind: 'grassroots', authorisedToAdmit: false },
  { id: 'x', kind: 'cell', authorisedToAdmit: false },
];

const CELL_SECRETARY = { organisationId: 'x', roles: ['cell_secretary'] };
const GRASSROOTS_OFFICER = { organisationId: 'g', roles: ['grassroots_officer'] };
const COMMUNE_BOARD = { organisationId: 'c', roles: ['superior_officer'] };
const PROVINCE_ADMIN = { organisationId: 'p', roles: ['admin'] };
const INSPECTOR = { organisationId: 'p', roles: ['inspector'] };

function aCase(over: { deadlines?: PendingLimit[]; state?: TopState; allowedEvents?: EventType[]; caseId?: string; candidateName?: string } = {}): WorklistCase {
  return {
    caseId: over.caseId ?? 'case-1',
    candidateName: over.candidateName ?? 'Nguyễn Thị Lan',
    organisationId: 'x',
    state: over.state ?? 'grassrootsReview',
    allowedEvents: over.allowedEvents ?? ['GRASSROOTS_VOTE_RECORDED', 'CONSENT_RECORDED', 'WITHDRAWN'],
    deadlines: over.deadlines ?? [],
    chain: CHAIN,
  };
}

const limit = (dueOn: string, status = 'open', closedOn: string | null = null): PendingLimit => ({ kind: 'ADMISSION_DECISION', dueOn, status, closedOn });

describe('worklist entry of one case', () => {
  it('a limit due on the last working day before today is overdue by one working day, for every account of the subtree', () => {
    for (const who of [CELL_SECRETARY, GRASSROOTS_OFFICER, PROVINCE_ADMIN, INSPECTOR]) {
      expect(worklistItemOf(aCase({ deadlines: [limit('2026-02-27')] }), who, TODAY, calendar)).toMatchObject({
        reason: 'overdue',
        deadlineKind: 'ADMISSION_DECISION',
        dueOn: '2026-02-27',
        workingDays: 1,
      });
    }
  });

  it('a limit delivery already marked missed but not closed by its step stays overdue; one closed by its step does not count', () => {
    expect(worklistItemOf(aCase({ deadlines: [limit('2026-02-20', 'missed')] }), INSPECTOR, TODAY, calendar)).toMatchObject({ reason: 'overdue', workingDays: 6 });
    expect(worklistItemOf(aCase({ deadlines: [limit('2026-02-20', 'missed', '2026-02-25')] }), INSPECTOR, TODAY, calendar)).toBeNull();
    expect(worklistItemOf(aCase({ deadlines: [limit('2026-02-20', 'met', '2026-02-19')] }), INSPECTOR, TODAY, calendar)).toBeNull();
  });

  it('due today is due soon with 0 working days left, not overdue', () => {
    expect(worklistItemOf(aCase({ deadlines: [limit(TODAY)] }), INSPECTOR, TODAY, calendar)).toMatchObject({ reason: 'due_soon', workingDays: 0 });
  });

  it('due soon reaches exactly ten working days ahead, and not the working day after', () => {
    expect(worklistItemOf(aCase({ deadlines: [limit('2026-03-16')] }), INSPECTOR, TODAY, calendar)).toMatchObject({ reason: 'due_soon', workingDays: 10 });
    expect(worklistItemOf(aCase({ deadlines: [limit('2026-03-17')] }), INSPECTOR, TODAY, calendar)).toBeNull();
  });

  it('the due-soon window moves with the day, on the same calendar', () => {
    const c = aCase({ deadlines: [limit('2026-03-17')] });
    expect(worklistItemOf(c, INSPECTOR, TODAY, calendar)).toBeNull();
    expect(worklistItemOf(c, INSPECTOR, '2026-03-03', calendar)).toMatchObject({ reason: 'due_soon', workingDays: 10 });
    expect(worklistItemOf(c, INSPECTOR, TODAY, calendar)).toBeNull();
  });

  it('the earliest pending limit decides', () => {
    const item = worklistItemOf(aCase({ deadlines: [limit('2026-03-10'), { ...limit('2026-02-26'), kind: 'CEREMONY' }] }), INSPECTOR, TODAY, calendar);
    expect(item).toMatchObject({ reason: 'overdue', deadlineKind: 'CEREMONY', workingDays: 2 });
  });

  it('a step the account’s own body records makes the case "your step"; the same step is not the cell’s', () => {
    const c = aCase({ deadlines: [limit('2026-04-30')] });
    expect(worklistItemOf(c, GRASSROOTS_OFFICER, TODAY, calendar)).toEqual({
      caseId: 'case-1',
      candidateName: 'Nguyễn Thị Lan',
      organisationId: 'x',
      reason: 'your_step',
      events: ['GRASSROOTS_VOTE_RECORDED', 'WITHDRAWN'],
    });
    expect(worklistItemOf(c, CELL_SECRETARY, TODAY, calendar)).toBeNull();
  });

  it('a supplementary step (another verification, a consent, an extension, leaving the path) is offered but is nobody’s awaited step', () => {
    const c = aCase({ state: 'cellReview', allowedEvents: ['VERIFICATION_REQUESTED', 'CONSENT_RECORDED', 'DEADLINE_EXTENDED', 'WITHDRAWN'] });
    expect(worklistItemOf(c, GRASSROOTS_OFFICER, TODAY, calendar)).toBeNull();
    expect(worklistItemOf(c, CELL_SECRETARY, TODAY, calendar)).toBeNull();
    expect(worklistItemOf(c, COMMUNE_BOARD, TODAY, calendar)).toBeNull();
    const overdue = worklistItemOf({ ...c, deadlines: [limit('2026-02-27')] }, COMMUNE_BOARD, TODAY, calendar);
    expect(overdue?.events).toEqual(['CONSENT_RECORDED', 'DEADLINE_EXTENDED']);
  });

  it('in the dossier stage every part is awaited: the cell’s parts are the cell’s step, the certification the grassroots committee’s', () => {
    const c = aCase({ state: 'dossier', allowedEvents: ['SPONSOR_ADDED', 'BIOGRAPHY_CERTIFIED', 'WITHDRAWN'] });
    expect(worklistItemOf(c, CELL_SECRETARY, TODAY, calendar)).toMatchObject({ reason: 'your_step', events: ['SPONSOR_ADDED', 'WITHDRAWN'] });
    expect(worklistItemOf(c, GRASSROOTS_OFFICER, TODAY, calendar)).toMatchObject({ reason: 'your_step', events: ['BIOGRAPHY_CERTIFIED', 'WITHDRAWN'] });
  });

  it('a full member is nobody’s step, but comes back while the announcement of the recognition is pending', () => {
    const c = aCase({ state: 'fullMember', allowedEvents: ['RECOGNITION_ANNOUNCED', 'MEMBER_CARD_HANDED_OVER'] });
    expect(worklistItemOf(c, CELL_SECRETARY, TODAY, calendar)).toBeNull();
    const pending = { ...c, deadlines: [{ kind: 'RECOGNITION_ANNOUNCEMENT' as const, dueOn: '2026-03-05', status: 'open', closedOn: null }] };
    expect(worklistItemOf(pending, CELL_SECRETARY, TODAY, calendar)).toMatchObject({
      reason: 'due_soon',
      deadlineKind: 'RECOGNITION_ANNOUNCEMENT',
      workingDays: 3,
      events: ['RECOGNITION_ANNOUNCED', 'MEMBER_CARD_HANDED_OVER'],
    });
  });

  it('every open state waits for some step; a closed case waits for none', () => {
    for (const state of TOP_STATES) expect([state, AWAITED_STEPS[state].length > 0]).toEqual([state, !FINAL_STATES.includes(state)]);
  });

  it('an admin may record every step of its subtree, but no case is "your step" for the admin role alone; an inspector records nothing', () => {
    const c = aCase();
    expect(worklistItemOf(c, PROVINCE_ADMIN, TODAY, calendar)).toBeNull();
    expect(worklistItemOf(c, INSPECTOR, TODAY, calendar)).toBeNull();
    expect(worklistItemOf({ ...c, deadlines: [limit('2026-02-27')] }, PROVINCE_ADMIN, TODAY, calendar)?.events).toEqual([
      'GRASSROOTS_VOTE_RECORDED',
      'CONSENT_RECORDED',
      'WITHDRAWN',
    ]);
    expect(worklistItemOf({ ...c, deadlines: [limit('2026-02-27')] }, INSPECTOR, TODAY, calendar)?.events).toEqual([]);
  });
});

describe('worklist order and counts', () => {
  const item = (caseId: string, reason: WorklistItem['reason'], workingDays?: number, candidateName = 'A'): WorklistItem => ({
    caseId,
    candidateName,
    organisationId: 'x',
    reason,
    events: [],
    ...(workingDays !== undefined ? { workingDays } : {}),
  });

  it('overdue first (latest first), then due soon (fewest days left first), then steps by name', () => {
    const sorted = [
      item('s2', 'your_step', undefined, 'Trần'),
      item('d5', 'due_soon', 5),
      item('o1', 'overdue', 1),
      item('s1', 'your_step', undefined, 'Lê'),
      item('d0', 'due_soon', 0),
      item('o9', 'overdue', 9),
    ].sort(byUrgency);
    expect(sorted.map((i) => i.caseId)).toEqual(['o9', 'o1', 'd0', 'd5', 's1', 's2']);
    expect(countsOf(sorted)).toEqual({ overdue: 2, due_soon: 2, your_step: 2 });
  });
});
