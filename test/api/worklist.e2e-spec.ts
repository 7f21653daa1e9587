import { DataSource } from 'typeorm';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { account } from '../access/support';
import { caseInCellReview, deadline, recordOn } from './helpers';

interface Item {
  caseId: string;
  candidateName: string;
  organisationId: string;
  reason: string;
  deadlineKind?: string;
  dueOn?: string;
  workingDays?: number;
  events: string[];
}

describe('GET /worklist: each account’s cases overdue, due soon or waiting for its step', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let other: OrganisationTree;
  let awaitingDecision: string;
  let awaitingCellVote: string;
  let withdrawn: string;
  let elsewhere: string;
  type Agent = Awaited<ReturnType<typeof account>>['agent'];
  let secretary: Agent;
  let officer: Agent;
  let inspector: Agent;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-14' });
    tree = await createOrganisationTree(t.http, { label: 'worklist' });
    other = await createOrganisationTree(t.http, { label: 'worklist-other' });
    const a = await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Lê Văn An' });
    const voted = await recordOn(t, a.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 9 });
    expect(deadline(voted, 'ADMISSION_DECISION')).toMatchObject({ status: 'open', dueOn: '2026-03-26' });
    awaitingDecision = a.id;
    t.setToday('2026-01-14');
    awaitingCellVote = (await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Trần Thị Bình' })).id;
    withdrawn = (await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Phạm Văn Cường' })).id;
    await recordOn(t, withdrawn, 'WITHDRAWN', '2026-01-16', { reason: 'Chuyển công tác' });
    t.setToday('2026-01-14');
    elsewhere = (await caseInCellReview(t.http, other.cellId, '2026-01-14', { fullName: 'Đỗ Thị Dung' })).id;
    secretary = (await account(t, 'bi-thu-chi-bo-wl', tree.cellId, ['cell_secretary'])).agent;
    officer = (await account(t, 'van-phong-dang-uy-wl', tree.grassrootsId, ['grassroots_officer'])).agent;
    inspector = (await account(t, 'kiem-tra-wl', tree.provinceId, ['inspector'])).agent;
  });
  afterAll(() => t?.close());

  async function worklistOf(agent: Agent, query = ''): Promise<{ items: Item[]; counts: Record<string, number>; truncated: boolean }> {
    const res = await agent.get(`${API}/worklist${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; counts: Record<string, number>; truncated: boolean };
  }

  it('on the due day the decision limit is due soon (0 working days left); the cell’s own vote is its step', async () => {
    t.setToday('2026-03-26');
    const w = await worklistOf(secretary);
    expect(w.items).toEqual([
      expect.objectContaining({
        caseId: awaitingDecision,
        candidateName: 'Lê Văn An',
        organisationId: tree.cellId,
        reason: 'due_soon',
        deadlineKind: 'ADMISSION_DECISION',
        dueOn: '2026-03-26',
        workingDays: 0,
      }),
      expect.objectContaining({ caseId: awaitingCellVote, candidateName: 'Trần Thị Bình', reason: 'your_step' }),
    ]);
    expect(w.items[1].events).toContain('CELL_VOTE_RECORDED');
    expect(w.items[0].events).not.toContain('GRASSROOTS_VOTE_RECORDED');
    expect(w.counts).toEqual({ overdue: 0, due_soon: 1, your_step: 1 });
    expect(w.truncated).toBe(false);
  });

  it('the day after, it is overdue by one working day, for the cell, the grassroots committee and the inspector alike', async () => {
    t.setToday('2026-03-27');
    for (const agent of [secretary, officer, inspector]) {
      const first = (await worklistOf(agent)).items[0];
      expect(first).toMatchObject({ caseId: awaitingDecision, reason: 'overdue', dueOn: '2026-03-26', workingDays: 1 });
    }
    expect((await worklistOf(officer)).items[0].events).toContain('GRASSROOTS_VOTE_RECORDED');
  });

  it('a limit delivery has marked missed stays overdue on the worklist and is found by the cases’ dueBefore filter', async () => {
    t.setToday('2026-03-30');
    // What delivery does when the day of a limit passes with its step not recorded (ADR 0007 §5).
    await t.app.get(DataSource).query(`UPDATE deadlines SET status = 'missed' WHERE case_id = $1 AND kind = 'ADMISSION_DECISION' AND status = 'open'`, [awaitingDecision]);
    const c = await t.http.get(`${API}/cases/${awaitingDecision}`);
    expect(deadline(c.body, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed', closedOn: null });
    expect((await worklistOf(secretary)).items[0]).toMatchObject({ caseId: awaitingDecision, reason: 'overdue', workingDays: 2 });
    const due = await t.http.get(`${API}/cases`).query({ dueBefore: '2026-03-29', organisationId: tree.cellId });
    expect(due.status).toBe(200);
    expect((due.body.items as { id: string }[]).map((x) => x.id)).toEqual([awaitingDecision]);
    const before = await t.http.get(`${API}/cases`).query({ dueBefore: '2026-03-25', organisationId: tree.cellId });
    expect(before.body.items).toEqual([]);
  });

  it('a case waiting only for the cell is not the grassroots committee’s step, and the inspector has no steps', async () => {
    t.setToday('2026-03-27');
    const w = await worklistOf(officer);
    expect(w.items.map((i) => i.caseId)).toEqual([awaitingDecision]);
    const forInspector = await worklistOf(inspector);
    expect(forInspector.items.map((i) => i.caseId)).toEqual([awaitingDecision]);
    expect(forInspector.items[0].events).toEqual([]);
  });

  it('closed cases and cases of other subtrees never appear; the admin of the whole tree sees the other tree’s case only by its limits', async () => {
    t.setToday('2026-03-27');
    const ids = (await worklistOf(secretary)).items.map((i) => i.caseId);
    expect(ids).not.toContain(withdrawn);
    expect(ids).not.toContain(elsewhere);
    const all = await t.http.get(`${API}/worklist`);
    expect(all.status).toBe(200);
    expect((all.body.items as Item[]).map((i) => i.caseId)).toEqual(expect.arrayContaining([awaitingDecision]));
    expect((all.body.items as Item[]).map((i) => i.caseId)).not.toContain(withdrawn);
  });

  it('narrowed to a unit of the subtree; a unit outside it answers 404 and a malformed id 400', async () => {
    t.setToday('2026-03-27');
    expect((await worklistOf(inspector, `?organisationId=${tree.cellId}`)).items.map((i) => i.caseId)).toEqual([awaitingDecision]);
    expect((await worklistOf(t.http, `?organisationId=${other.cellId}`)).items).toEqual([]);
    const outside = await secretary.get(`${API}/worklist?organisationId=${other.cellId}`);
    expect(outside.status).toBe(404);
    const malformed = await secretary.get(`${API}/worklist?organisationId=not-an-id`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 401 without a signed-in account', async () => {
    const res = await t.anonymous.get(`${API}/worklist`);
    expect(res.status).toBe(401);
  });
});
