import { caseInCellReview, record } from '../api/helpers';
import { API, createOrganisationTree, OrganisationTree } from '../support/app';
import { byPhase, deadlineOf, DeliveryTestApp, fireAt, notificationsOf, startDeliveryApp } from './support';

/**
 * A limit keyed in late waits for the backlog grace (ADR 0015; default 1 working day): through the running
 * application, the pending-firings view the transports read and the idempotent firing handler, on the test PostgreSQL.
 * The steps are keyed in on Friday 10/04/2026 (10:00 local) for a cell vote of 15/01/2026: the admission decision was
 * due on 26/03/2026, so its escalation is already due when the limit opens. The grace ends at the end of Monday
 * 13/04/2026 (00:00 local on Tuesday 14/04 = 2026-04-13T17:00Z).
 */
describe('backlog grace: a limit keyed in already past', () => {
  let t: DeliveryTestApp;
  let tree: OrganisationTree;
  const GRACE_END = '2026-04-13T17:00:00.000Z';

  beforeAll(async () => {
    t = await startDeliveryApp('2026-04-10');
    tree = await createOrganisationTree(t.http);
  });
  afterAll(() => t?.close());

  async function keyedInVote(): Promise<{ caseId: string; deadlineId: string; generation: number }> {
    t.setToday('2026-04-10');
    const c = await caseInCellReview(t.http, tree.cellId);
    await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    expect(d).toMatchObject({ status: 'open', dueOn: '2026-03-26' });
    return { caseId: c.id, deadlineId: d.id, generation: d.generation };
  }

  it('plans only the escalation, at the end of the grace; nothing is due before it', async () => {
    const { deadlineId } = await keyedInVote();
    expect(byPhase(await t.pending.forDeadlines([deadlineId]))).toEqual({ escalate: GRACE_END });
    const dueNow = await t.pending.list({ dueBefore: new Date('2026-04-13T16:59:59.999Z') });
    expect(dueNow.filter((f) => f.deadlineId === deadlineId)).toEqual([]);
    const dueAtEnd = await t.pending.list({ dueBefore: new Date(GRACE_END) });
    expect(dueAtEnd.filter((f) => f.deadlineId === deadlineId).map((f) => f.phase)).toEqual(['escalate']);
  });

  it('the decision keyed in within the grace closes the limit: the escalation never fires and nobody is alerted', async () => {
    const { caseId, deadlineId, generation } = await keyedInVote();
    // A worker polling during the grace finds the firing early.
    expect(await fireAt(t, '2026-04-13T16:59:59.999Z', { deadlineId, generation, phase: 'escalate' })).toEqual({ outcome: 'early', notifications: 0 });
    t.setToday('2026-04-13');
    await record(t.http, caseId, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
    await record(t.http, caseId, 'ADMISSION_DECIDED', '2026-03-20', { decisionNo: 'QĐ-1', standingMembers: 7, inFavour: 4, receivedOn: '2026-03-23' });
    expect(await deadlineOf(t.db, caseId, 'ADMISSION_DECISION')).toMatchObject({ status: 'met', closedOn: '2026-03-20' });
    expect(await t.pending.forDeadlines([deadlineId])).toEqual([]);
    expect(await fireAt(t, GRACE_END, { deadlineId, generation, phase: 'escalate' })).toEqual({ outcome: 'stale', notifications: 0 });
    expect(await notificationsOf(t.db, deadlineId)).toHaveLength(0);
  });

  it('a limit still open when the grace ends is escalated then, once, to the superior organisation', async () => {
    const { caseId, deadlineId, generation } = await keyedInVote();
    const result = await fireAt(t, GRACE_END, { deadlineId, generation, phase: 'escalate' });
    expect(result).toMatchObject({ outcome: 'fired', latenessMs: 0 });
    expect(result.notifications).toBeGreaterThan(0);
    expect(await deadlineOf(t.db, caseId, 'ADMISSION_DECISION')).toMatchObject({ status: 'missed' });
    const sent = await notificationsOf(t.db, deadlineId);
    expect(sent.map((n) => n.phase)).toEqual(sent.map(() => 'escalate'));
    expect(sent.map((n) => n.organisation_id)).not.toContain(tree.cellId);
    expect(await fireAt(t, '2026-04-14T01:00:00.000Z', { deadlineId, generation, phase: 'escalate' })).toMatchObject({ outcome: 'stale', notifications: 0 });
    expect(await notificationsOf(t.db, deadlineId)).toHaveLength(sent.length);
  });

  it('a limit opened in time keeps its plan (no grace)', async () => {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId);
    t.setToday('2026-01-15');
    await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    const d = await deadlineOf(t.db, c.id, 'ADMISSION_DECISION');
    expect(byPhase(await t.pending.forDeadlines([d.id]))).toEqual({
      'remind-10wd': '2026-03-12T01:00:00.000Z',
      'remind-3wd': '2026-03-23T01:00:00.000Z',
      'remind-1wd': '2026-03-25T01:00:00.000Z',
      escalate: '2026-03-26T17:00:00.000Z',
    });
  });

  describe('set by the office (organisations.backlogGraceWorkingDays, the nearest node from the cell up)', () => {
    let own: OrganisationTree;

    beforeAll(async () => {
      own = await createOrganisationTree(t.http, { label: 'grace' });
    });

    async function plannedEscalation(): Promise<Record<string, string>> {
      t.setToday('2026-04-10');
      const c = await caseInCellReview(t.http, own.cellId);
      await record(t.http, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
      return byPhase(await t.pending.forDeadlines([(await deadlineOf(t.db, c.id, 'ADMISSION_DECISION')).id]));
    }

    it('is answered by POST and PATCH /organisations, null inherits again, and a value outside 0–10 is refused naming the field', async () => {
      const created = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ Ân hạn', kind: 'cell', parentId: own.grassrootsId, backlogGraceWorkingDays: 2 }).expect(201);
      expect(created.body.backlogGraceWorkingDays).toBe(2);
      expect((await t.http.get(`${API}/organisations/${own.cellId}`).expect(200)).body.backlogGraceWorkingDays).toBeNull();
      for (const bad of [11, -1, 1.5, '3']) {
        const res = await t.http.patch(`${API}/organisations/${own.grassrootsId}`).send({ backlogGraceWorkingDays: bad }).expect(400);
        expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('backlogGraceWorkingDays');
      }
      const cleared = await t.http.patch(`${API}/organisations/${created.body.id as string}`).send({ backlogGraceWorkingDays: null }).expect(200);
      expect(cleared.body).toMatchObject({ backlogGraceWorkingDays: null, name: 'Chi bộ Ân hạn' });
      // A rename leaves the grace alone.
      await t.http.patch(`${API}/organisations/${own.grassrootsId}`).send({ backlogGraceWorkingDays: 4 }).expect(200);
      const renamed = await t.http.patch(`${API}/organisations/${own.grassrootsId}`).send({ name: 'Đảng ủy cơ sở mới' }).expect(200);
      expect(renamed.body.backlogGraceWorkingDays).toBe(4);
    });

    it('3 working days on the grassroots committee hold the escalation to the end of Wednesday 15/04; 0 on the cell fires at once; null on the cell inherits the 3', async () => {
      await t.http.patch(`${API}/organisations/${own.grassrootsId}`).send({ backlogGraceWorkingDays: 3 }).expect(200);
      expect(await plannedEscalation()).toEqual({ escalate: '2026-04-15T17:00:00.000Z' });
      await t.http.patch(`${API}/organisations/${own.cellId}`).send({ backlogGraceWorkingDays: 0 }).expect(200);
      expect((await plannedEscalation()).escalate).toBe('2026-03-26T17:00:00.000Z');
      await t.http.patch(`${API}/organisations/${own.cellId}`).send({ backlogGraceWorkingDays: null }).expect(200);
      expect(await plannedEscalation()).toEqual({ escalate: '2026-04-15T17:00:00.000Z' });
    });
  });
});
