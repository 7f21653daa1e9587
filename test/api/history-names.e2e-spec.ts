import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { STAFF_PASSWORD } from '../access/support';
import { CANDIDATE } from './helpers';

interface NamedEvent {
  seq: number;
  type: string;
  hash: string;
  prevHash: string;
  actor: { kind: string; userId: string | null; username: string; organisationId: string | null; roles: string[]; fullName: string; title: string | null; organisationName: string | null };
}

/**
 * The history names people and units (ADR 0020): each actor of `GET /cases/{id}/events` carries the full name and
 * title of the account and the name of the unit it acted for, read when the history is read; the recorded, hashed
 * actor and the chain stay exactly as they were.
 */
describe('the history names the staff and their units (real PostgreSQL)', () => {
  let t: TestApp;
  let tree: OrganisationTree;
  let caseId: string;
  const ids: Record<string, string> = {};

  const history = async () => (await t.http.get(`${API}/cases/${caseId}/events`).expect(200)).body as NamedEvent[];
  const actorOf = (events: NamedEvent[], type: string) => events.find((e) => e.type === type)!.actor;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    tree = await createOrganisationTree(t.http, { label: 'Lịch Sử' });
    const create = async (username: string, body: Record<string, unknown>) => {
      const res = await t.http.post(`${API}/users`).send({ username, password: STAFF_PASSWORD, ...body }).expect(201);
      ids[username] = res.body.id as string;
      return t.as(username, STAFF_PASSWORD);
    };
    const secretary = await create('bt.lichsu', { fullName: 'Nguyễn Thị Lan', title: 'Bí thư chi bộ', organisationId: tree.cellId, roles: ['cell_secretary'] });
    const officer = await create('vp.lichsu', { fullName: 'Trần Văn Bình', organisationId: tree.grassrootsId, roles: ['grassroots_officer'] });

    caseId = (await secretary.post(`${API}/cases`).send({ organisationId: tree.cellId, occurredOn: '2026-01-05', candidate: CANDIDATE }).expect(201)).body.id as string;
    t.setToday('2026-01-06');
    await secretary
      .post(`${API}/cases/${caseId}/events`)
      .send({ type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-06', certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị' })
      .expect(200);
    t.setToday('2026-01-07');
    await officer.post(`${API}/cases/${caseId}/events`).send({ type: 'DOSSIER_OPENED', occurredOn: '2026-01-07', resolutionNo: 'NQ-1' }).expect(200);
    // Back-office entry by the bootstrap admin (over the whole tree: no unit).
    await t.http.post(`${API}/cases/${caseId}/events`).send({ type: 'APPLICATION_FILED', occurredOn: '2026-01-07' }).expect(200);
  });
  afterAll(() => t?.close());

  it('each actor carries the full name, the title and the unit name beside what was recorded', async () => {
    const events = await history();
    expect(events.map((e) => e.type)).toEqual(['CASE_OPENED', 'AWARENESS_CERTIFICATE_RECORDED', 'DOSSIER_OPENED', 'APPLICATION_FILED']);
    const lan = {
      kind: 'user',
      userId: ids['bt.lichsu'],
      username: 'bt.lichsu',
      organisationId: tree.cellId,
      roles: ['cell_secretary'],
      fullName: 'Nguyễn Thị Lan',
      title: 'Bí thư chi bộ',
      organisationName: 'Chi bộ Lịch Sử',
    };
    expect(actorOf(events, 'CASE_OPENED')).toEqual(lan);
    expect(actorOf(events, 'AWARENESS_CERTIFICATE_RECORDED')).toEqual(lan);
    expect(actorOf(events, 'DOSSIER_OPENED')).toEqual({
      kind: 'user',
      userId: ids['vp.lichsu'],
      username: 'vp.lichsu',
      organisationId: tree.grassrootsId,
      roles: ['grassroots_officer'],
      fullName: 'Trần Văn Bình',
      title: null,
      organisationName: 'Đảng ủy cơ sở Lịch Sử',
    });
    const admin = (await t.http.get(`${API}/auth/me`).expect(200)).body as { userId: string; fullName: string };
    expect(actorOf(events, 'APPLICATION_FILED')).toMatchObject({ userId: admin.userId, username: 'admin', organisationId: null, fullName: admin.fullName, organisationName: null });
    expect(admin.fullName).toBe('Quản trị hệ thống');
  });

  it('names are read when the history is read: a renamed unit and a renamed account show their new names, a deleted account keeps its name; the chain is untouched', async () => {
    const before = await history();
    await t.http.patch(`${API}/organisations/${tree.cellId}`).send({ name: 'Chi bộ Giáo viên Lịch Sử' }).expect(200);
    await t.http.patch(`${API}/users/${ids['bt.lichsu']}`).send({ fullName: 'Nguyễn Thị Lan Anh', title: 'Phó Bí thư chi bộ' }).expect(200);
    await t.http.delete(`${API}/users/${ids['vp.lichsu']}`).expect(204);

    const after = await history();
    expect(actorOf(after, 'CASE_OPENED')).toMatchObject({ username: 'bt.lichsu', fullName: 'Nguyễn Thị Lan Anh', title: 'Phó Bí thư chi bộ', organisationName: 'Chi bộ Giáo viên Lịch Sử' });
    expect(actorOf(after, 'DOSSIER_OPENED')).toMatchObject({ username: 'vp.lichsu', fullName: 'Trần Văn Bình', organisationName: 'Đảng ủy cơ sở Lịch Sử' });
    // The stored history did not move: the same hashes, and the chain still verifies.
    expect(after.map((e) => [e.seq, e.hash, e.prevHash])).toEqual(before.map((e) => [e.seq, e.hash, e.prevHash]));
    expect((await t.http.get(`${API}/cases/${caseId}/verify`).expect(200)).body).toMatchObject({ valid: true, events: 4, expectedEvents: 4 });
  });

  it('the names are shown to whoever may read the case, and the history outside one’s subtree stays 404', async () => {
    const otherTree = await createOrganisationTree(t.http, { label: 'Nơi Khác' });
    await t.http.post(`${API}/users`).send({ username: 'kt.noikhac', password: STAFF_PASSWORD, fullName: 'Lê Văn Khác', organisationId: otherTree.provinceId, roles: ['inspector'] }).expect(201);
    const outsider = await t.as('kt.noikhac', STAFF_PASSWORD);
    await outsider.get(`${API}/cases/${caseId}/events`).expect(404);

    await t.http.post(`${API}/users`).send({ username: 'kt.lichsu', password: STAFF_PASSWORD, fullName: 'Phan Thị Kiểm', organisationId: tree.provinceId, roles: ['inspector'] }).expect(201);
    const inspector = await t.as('kt.lichsu', STAFF_PASSWORD);
    const events = (await inspector.get(`${API}/cases/${caseId}/events`).expect(200)).body as NamedEvent[];
    expect(actorOf(events, 'CASE_OPENED').fullName).toBe('Nguyễn Thị Lan Anh');
  });
});
