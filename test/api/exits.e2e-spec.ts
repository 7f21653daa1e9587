import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { record, caseInCellReview, caseInProbation, caseReadyForRecognitionVote, deadline, openCase, recordOn } from './helpers';

describe('cases ending in notAdmitted, removed, withdrawn and escalated', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let authorised: OrganisationTree;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    tree = await createOrganisationTree(t.http);
    authorised = await createOrganisationTree(t.http, { authorised: true });
  });
  afterAll(() => t?.close());

  it('a cell vote of 5 in favour of 8 fails (below 2/3): notAdmitted, nothing more allowed', async () => {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId);
    const after = await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 8, excluded: 0, inFavour: 5 });
    expect(after.state).toBe('notAdmitted');
    expect(after.allowedEvents).toEqual([]);
    expect(deadline(after, 'ADMISSION_DECISION')).toBeUndefined();
    expect(after.deadlines.filter((d) => d.status === 'open')).toEqual([]);
    const more = await t.http.post(`${API}/cases/${c.id}/events`).send({ type: 'GRASSROOTS_VOTE_RECORDED', occurredOn: '2026-01-16', committeeMembers: 9, inFavour: 9 });
    expect(more.status).toBe(422);
    expect(more.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'notAdmitted', allowedEvents: [] });
  });

  it('a cell vote of 6 in favour of 9 passes (exactly 2/3) on another case', async () => {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId);
    const after = await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(after.state).toBe('grassrootsReview');
    expect(deadline(after, 'ADMISSION_DECISION')).toMatchObject({ status: 'open', dueOn: '2026-03-26' });
  });

  it('an admission decision without a majority ends in notAdmitted', async () => {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId);
    await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 9 });
    await recordOn(t, c.id, 'GRASSROOTS_VOTE_RECORDED', '2026-02-02', { committeeMembers: 9, inFavour: 6 });
    t.setToday('2026-02-11');
    const after = await record(t.http, c.id, 'ADMISSION_DECIDED', '2026-02-10', { decisionNo: 'QĐ-2', standingMembers: 8, inFavour: 4, receivedOn: '2026-02-11' });
    expect(after.state).toBe('notAdmitted');
    expect(deadline(after, 'ADMISSION_DECISION')?.status).not.toBe('open');
  });

  it('withdrawn: the candidate leaves the path; open deadlines are closed', async () => {
    const c = await openCase(t.http, tree.cellId);
    await recordOn(t, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-2', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị' });
    const after = await recordOn(t, c.id, 'WITHDRAWN', '2026-01-20', { reason: 'Chuyển công tác ra nước ngoài' });
    expect(after.state).toBe('withdrawn');
    expect(after.allowedEvents).toEqual([]);
    expect(after.deadlines.filter((d) => d.status === 'open')).toEqual([]);
  });

  it('removed: the cell, grassroots and superior committees adopt the removal motion after probation', async () => {
    const c = await caseReadyForRecognitionVote(t, tree.cellId);
    expect(c.state).toBe('recognitionReview');
    await recordOn(t, c.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-08', { fullMembers: 9, excluded: 0, inFavour: 7, motion: 'remove' });
    await recordOn(t, c.id, 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-03-15', { committeeMembers: 9, inFavour: 7, motion: 'remove' });
    const after = await recordOn(t, c.id, 'RECOGNITION_DECIDED', '2027-03-22', { decisionNo: 'QĐ-XT-1', standingMembers: 7, inFavour: 5, motion: 'remove' });
    expect(after.state).toBe('removed');
    expect(after.membership.fullMemberSince).toBeNull();
    expect(after.allowedEvents).toEqual([]);
  });

  it('removed by an authorised grassroots committee deciding itself', async () => {
    const c = await caseReadyForRecognitionVote(t, authorised.cellId);
    await recordOn(t, c.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-08', { fullMembers: 9, excluded: 0, inFavour: 7, motion: 'remove' });
    const after = await recordOn(t, c.id, 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', '2027-03-15', { committeeMembers: 9, inFavour: 7, motion: 'remove' });
    expect(after.state).toBe('removed');
  });

  it('escalated: three failed recognition cell votes hand the case to the superior, which decides', async () => {
    const c = await caseReadyForRecognitionVote(t, tree.cellId);
    const failed = { fullMembers: 9, excluded: 0, inFavour: 5, motion: 'recognise' };
    let after = await recordOn(t, c.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-08', failed);
    expect(after.state).toBe('recognitionReview');
    after = await recordOn(t, c.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-15', failed);
    expect(after.state).toBe('recognitionReview');
    after = await recordOn(t, c.id, 'RECOGNITION_CELL_VOTE_RECORDED', '2027-03-22', failed);
    expect(after.state).toBe('escalated');
    expect(after.allowedEvents).toEqual(['RECOGNITION_DECIDED', 'ADMISSION_ANNULLED']);
    after = await recordOn(t, c.id, 'RECOGNITION_DECIDED', '2027-04-01', { decisionNo: 'QĐ-XT-2', standingMembers: 7, inFavour: 5, motion: 'recognise' });
    expect(after.state).toBe('fullMember');
    expect(after.membership.fullMemberSince).toBe('2027-03-02');
  });

  it('a village cell directly under the commune skips the grassroots vote', async () => {
    const village = await createOrganisationTree(t.http, { villageCell: true });
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, village.villageCellId!);
    const after = await recordOn(t, c.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 6 });
    expect(after.state).toBe('superiorReview');
  });

  it('an authorised grassroots committee admits by its own vote', async () => {
    const c = await caseInProbation(t, authorised.cellId);
    expect(c.state).toBe('probation');
    const events = (await t.http.get(`${API}/cases/${c.id}/events`)).body as { type: string }[];
    expect(events.map((e) => e.type)).not.toContain('ADMISSION_DECIDED');
  });
});
