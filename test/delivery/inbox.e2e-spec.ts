import { API, OrganisationTree } from '../support/app';
import { caseAwaitingDecision, deadlineOf, DeliveryTestApp, fireAt, startDeliveryApp } from './support';

interface Item {
  id: string;
  organisationId: string;
  role: string;
  caseId: string;
  deadlineId: string;
  kind: string;
  phase: string;
  dueOn: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  createdAt: string;
  readAt: string | null;
}

/** GET /notifications and POST /notifications/{id}/read, over HTTP against the real test PostgreSQL. */
describe('notifications inbox', () => {
  let t: DeliveryTestApp;
  let tree: OrganisationTree;
  let caseId: string;

  /** Three reminders of one admission decision: each to the commune (superior_officer) and the grassroots committee. */
  beforeAll(async () => {
    t = await startDeliveryApp();
    const made = await caseAwaitingDecision(t);
    tree = made.tree;
    caseId = made.c.id;
    const d = await deadlineOf(t.db, caseId, 'ADMISSION_DECISION');
    for (const [phase, at] of [
      ['remind-10wd', '2026-03-12T01:00:00.000Z'],
      ['remind-3wd', '2026-03-23T01:00:00.000Z'],
      ['remind-1wd', '2026-03-25T01:00:00.000Z'],
    ] as const) {
      expect(await fireAt(t, at, { deadlineId: d.id, generation: d.generation, phase })).toMatchObject({ outcome: 'fired', notifications: 2 });
    }
  });
  afterAll(() => t?.close());

  const list = (query: Record<string, string | number | boolean>) => t.http.get(`${API}/notifications`).query(query);

  it('lists the unread notifications of one organisation, newest first, in Vietnamese and English', async () => {
    const res = await list({ organisationId: tree.grassrootsId, unread: true }).expect(200);
    const items = res.body.items as Item[];
    expect(items.map((i) => i.phase)).toEqual(['remind-1wd', 'remind-3wd', 'remind-10wd']);
    expect(res.body.nextCursor).toBeNull();
    expect(items[0]).toEqual({
      id: expect.any(String),
      organisationId: tree.grassrootsId,
      role: 'grassroots_officer',
      caseId,
      deadlineId: expect.any(String),
      kind: 'reminder',
      phase: 'remind-1wd',
      dueOn: '2026-03-26',
      title: { vi: 'Nhắc hạn: Hạn ra quyết định kết nạp – Nguyễn Thị Lan (đến hạn 26/03/2026)', en: 'Reminder: Admission decision – Nguyễn Thị Lan (due 26/03/2026)' },
      body: { vi: expect.stringContaining('(còn 1 ngày làm việc)'), en: expect.stringContaining('(1 working day left)') },
      createdAt: '2026-03-25T01:00:00.000Z',
      readAt: null,
    });
    // Only that organisation: the cell has none, the commune has its own three.
    expect((await list({ organisationId: tree.cellId }).expect(200)).body.items).toEqual([]);
    expect(((await list({ organisationId: tree.communeId }).expect(200)).body.items as Item[]).every((i) => i.organisationId === tree.communeId)).toBe(true);
  });

  it('filters by role', async () => {
    expect((await list({ organisationId: tree.communeId, role: 'superior_officer' }).expect(200)).body.items).toHaveLength(3);
    expect((await list({ organisationId: tree.communeId, role: 'grassroots_officer' }).expect(200)).body.items).toHaveLength(0);
    expect((await list({ organisationId: tree.grassrootsId, role: 'grassroots_officer' }).expect(200)).body.items).toHaveLength(3);
  });

  it('pages with a cursor', async () => {
    const first = await list({ organisationId: tree.communeId, limit: 2 }).expect(200);
    expect((first.body.items as Item[]).map((i) => i.phase)).toEqual(['remind-1wd', 'remind-3wd']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ organisationId: tree.communeId, limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect((second.body.items as Item[]).map((i) => i.phase)).toEqual(['remind-10wd']);
    expect(second.body.nextCursor).toBeNull();
    const bad = await list({ organisationId: tree.communeId, cursor: 'nonsense' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'cursor', message: expect.any(String) }] });
  });

  it('marks a notification read, idempotently; unread=true then leaves it out and unread=false shows only it', async () => {
    const [newest] = (await list({ organisationId: tree.grassrootsId }).expect(200)).body.items as Item[];
    t.clock.set('2026-03-25T02:30:00.000Z');
    const read = await t.http.post(`${API}/notifications/${newest.id}/read`).expect(200);
    expect(read.body).toEqual({ ...newest, readAt: '2026-03-25T02:30:00.000Z' });

    t.clock.set('2026-03-26T02:30:00.000Z');
    const again = await t.http.post(`${API}/notifications/${newest.id}/read`).expect(200);
    expect(again.body.readAt).toBe('2026-03-25T02:30:00.000Z');

    const unread = (await list({ organisationId: tree.grassrootsId, unread: true }).expect(200)).body.items as Item[];
    expect(unread.map((i) => i.id)).not.toContain(newest.id);
    expect(unread).toHaveLength(2);
    const readOnly = (await list({ organisationId: tree.grassrootsId, unread: false }).expect(200)).body.items as Item[];
    expect(readOnly.map((i) => i.id)).toEqual([newest.id]);
    // The commune's copy of the same reminder is a separate notification, still unread.
    expect((await list({ organisationId: tree.communeId, unread: true }).expect(200)).body.items).toHaveLength(3);
  });

  it('answers 404 NOT_FOUND for an unknown notification and 400 for a malformed id or query', async () => {
    const missing = await t.http.post(`${API}/notifications/00000000-0000-4000-8000-000000000000/read`).expect(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: 'Notification 00000000-0000-4000-8000-000000000000 was not found.' });
    expect((await t.http.post(`${API}/notifications/42/read`).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'id' }] });

    const badOrg = await list({ organisationId: 'abc' }).expect(400);
    expect(badOrg.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field: 'organisationId' })]) });
    await list({ organisationId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    const badRole = await list({ organisationId: tree.communeId, role: 'chairman' }).expect(400);
    expect(badRole.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
    const badUnread = await list({ organisationId: tree.communeId, unread: 'yes' }).expect(400);
    expect(badUnread.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'unread' })]));
    await list({ organisationId: tree.communeId, limit: 0 }).expect(400);
    await list({ organisationId: tree.communeId, limit: 201 }).expect(400);
  });
});
