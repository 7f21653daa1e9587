import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { API, startTestApp, TestApp } from '../support/app';
import { openCase } from '../api/helpers';
import { account, createOrganisation } from './support';

type Agent = ReturnType<typeof supertest.agent>;

interface Province {
  name: string;
  provinceId: string;
  communeId: string;
  grassrootsId: string;
  cellId: string;
  caseId: string;
  candidate: string;
  notificationId: string;
  webhookId: string;
  userId: string;
}

/**
 * Two provinces, each with a tree, a case, a notification, a webhook and staff. Nothing of the other province may
 * reach a user of the first through any endpoint: not by id, not in a list, a count, a search, a history or an inbox.
 */
describe('two provinces: no leak across the tree (real PostgreSQL)', () => {
  let t: TestApp;
  const p: Record<'one' | 'two', Province> = {} as never;
  let admin1: Agent;
  let board1: Agent;
  let inspector1: Agent;

  async function seedProvince(key: 'one' | 'two', name: string, candidate: string): Promise<Province> {
    const provinceId = await createOrganisation(t, { name: `Tỉnh ủy ${name}`, kind: 'province' });
    const communeId = await createOrganisation(t, { name: `Đảng ủy phường ${name}`, kind: 'commune', parentId: provinceId });
    const grassrootsId = await createOrganisation(t, { name: `Đảng ủy cơ sở ${name}`, kind: 'grassroots', parentId: communeId });
    const cellId = await createOrganisation(t, { name: `Chi bộ ${name}`, kind: 'cell', parentId: grassrootsId });
    const c = await openCase(t.http, cellId, '2026-01-05', { fullName: candidate });
    const rows: { id: string }[] = await t.app.get(DataSource).query(
      `INSERT INTO notifications (organisation_id, role, case_id, kind, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
       VALUES ($1, 'superior_officer', $2, 'reminder', $3, $3, 'Nhắc hạn', 'Reminder', now(), $4) RETURNING id`,
      [communeId, c.id, `Nhắc hạn ${candidate}`, `isolation-${key}`],
    );
    const webhook = await t.http.post(`${API}/webhooks`).send({ organisationId: communeId, url: `https://${key}.example.vn/hook` }).expect(201);
    const userId = (await account(t, `cb.${key}`, cellId, ['cell_secretary'])).id;
    return { name, provinceId, communeId, grassrootsId, cellId, caseId: c.id, candidate, notificationId: rows[0].id, webhookId: webhook.body.id, userId };
  }

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    p.one = await seedProvince('one', 'Hà Giang', 'Nguyễn Văn Một');
    p.two = await seedProvince('two', 'Cà Mau', 'Trần Thị Hai');
    admin1 = (await account(t, 'admin.one', p.one.provinceId, ['admin', 'superior_officer'])).agent;
    board1 = (await account(t, 'board.one', p.one.communeId, ['superior_officer'])).agent;
    inspector1 = (await account(t, 'inspector.one', p.one.provinceId, ['inspector'])).agent;
  });
  afterAll(() => t?.close());

  /** Every identifier and name of province two; none may appear in anything a province-one user receives. */
  const secretsOfTwo = () => [p.two.provinceId, p.two.communeId, p.two.grassrootsId, p.two.cellId, p.two.caseId, p.two.notificationId, p.two.webhookId, p.two.userId, 'Cà Mau', 'Trần Thị Hai', 'cb.two'];

  const users = () => [admin1, board1, inspector1];

  const WHO = [['the admin of province one', 0], ['the commune board of province one', 1], ['the inspector of province one', 2]] as const;

  it.each(WHO)('lists, counts, searches and inboxes of %s: only province one', async (_who, i) => {
    const agent = users()[i];
    const bodies: unknown[] = [];
    const collect = async (req: supertest.Test, status = 200) => {
      const res = await req;
      expect(res.status).toBe(status);
      bodies.push(res.body);
      return res.body;
    };
    const cases = await collect(agent.get(`${API}/cases`));
    expect(cases.items.map((c: { id: string }) => c.id)).toEqual([p.one.caseId]);
    expect((await collect(agent.get(`${API}/cases`).query({ q: 'Trần Thị Hai' }))).items).toEqual([]);
    expect((await collect(agent.get(`${API}/cases`).query({ q: 'Nguyễn Văn Một' }))).items).toHaveLength(1);
    expect((await collect(agent.get(`${API}/cases`).query({ state: 'sympathiser' }))).items).toHaveLength(1);
    expect((await collect(agent.get(`${API}/cases`).query({ dueBefore: '2099-12-31' }))).items.map((c: { id: string }) => c.id)).not.toContain(p.two.caseId);
    const organisations = await collect(agent.get(`${API}/organisations`));
    expect(organisations.every((o: { path: string }) => o.path.startsWith(`/${p.one.provinceId}/`))).toBe(true);
    const inbox = await collect(agent.get(`${API}/notifications`));
    expect(inbox.items.map((n: { id: string }) => n.id)).toEqual([p.one.notificationId]);
    await collect(agent.get(`${API}/cases/${p.one.caseId}/events`));
    await collect(agent.get(`${API}/cases/${p.one.caseId}`));
    for (const body of bodies) {
      const text = JSON.stringify(body);
      for (const secret of secretsOfTwo()) expect(text).not.toContain(secret);
    }
  });

  it.each(WHO)('every endpoint naming something of province two answers 404 to %s, and nothing changes', async (_who, i) => {
    const agent = users()[i];
    const two = p.two;
    const notFound = [
      agent.get(`${API}/cases/${two.caseId}`),
      agent.get(`${API}/cases/${two.caseId}/events`),
      agent.get(`${API}/cases/${two.caseId}/verify`),
      agent.get(`${API}/cases`).query({ organisationId: two.cellId }),
      agent.get(`${API}/cases`).query({ organisationId: two.provinceId }),
      agent.get(`${API}/organisations/${two.provinceId}`),
      agent.get(`${API}/organisations/${two.cellId}`),
      agent.get(`${API}/organisations`).query({ parentId: two.communeId }),
      agent.get(`${API}/notifications`).query({ organisationId: two.communeId }),
    ];
    for (const req of notFound) {
      const res = await req;
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain('Cà Mau');
    }
    // Writes: the other province's resources are unknown, never merely forbidden.
    const writes = [
      agent.post(`${API}/cases/${two.caseId}/events`).send({ type: 'WITHDRAWN', occurredOn: '2026-01-05', reason: 'x' }),
      agent.post(`${API}/notifications/${two.notificationId}/read`),
    ];
    for (const req of writes) {
      const res = await req;
      expect([403, 404]).toContain(res.status);
      if (i !== 2) expect(res.status).toBe(404); // the inspector is refused by the route before any lookup
    }
    const state = await t.http.get(`${API}/cases/${two.caseId}`).expect(200);
    expect(state.body.version).toBe(1);
    const inboxTwo = await t.http.get(`${API}/notifications`).query({ organisationId: two.communeId }).expect(200);
    expect(inboxTwo.body.items[0].readAt).toBeNull();
  });

  it('webhooks and accounts of province two are unknown to province one’s admin', async () => {
    const two = p.two;
    expect((await admin1.get(`${API}/webhooks`).query({ organisationId: two.communeId })).status).toBe(404);
    expect((await admin1.get(`${API}/webhooks/${two.webhookId}/deliveries`)).status).toBe(404);
    expect((await admin1.delete(`${API}/webhooks/${two.webhookId}`)).status).toBe(404);
    expect((await admin1.get(`${API}/users/${two.userId}`)).status).toBe(404);
    expect((await admin1.delete(`${API}/users/${two.userId}`)).status).toBe(404);
    expect((await admin1.post(`${API}/users/${two.userId}/password`).send({ password: 'chiem-quyen-123' })).status).toBe(404);
    const list = await admin1.get(`${API}/users`).expect(200);
    expect(list.body.map((u: { username: string }) => u.username).sort()).toEqual(['admin.one', 'board.one', 'cb.one', 'inspector.one']);
    expect((await admin1.post(`${API}/organisations`).send({ name: 'Chi bộ chen ngang', kind: 'cell', parentId: two.grassrootsId })).status).toBe(400);
    expect((await admin1.patch(`${API}/organisations/${p.one.cellId}`).send({ parentId: two.grassrootsId })).status).toBe(400);
    expect((await admin1.post(`${API}/cases`).send({ organisationId: two.cellId, occurredOn: '2026-01-05', candidate: { fullName: 'X' } })).status).toBe(400);
    // A province-level admin cannot create another root.
    expect((await admin1.post(`${API}/organisations`).send({ name: 'Tỉnh ủy Mới', kind: 'province' })).body).toMatchObject({ code: 'FORBIDDEN' });
    // And province two's webhook still works, its account still logs in.
    await t.http.get(`${API}/webhooks/${two.webhookId}/deliveries`).expect(200);
    await t.as('cb.two', 'mat-khau-cua-can-bo');
  });
});
