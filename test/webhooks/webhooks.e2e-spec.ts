import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { cleanWebhooks, createOrganisation, deliveryRows, insertNotification, registerWebhook } from './helpers';

describe('webhooks: registration API and the trigger that queues deliveries', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await cleanWebhooks(dataSource);
    tree = await createOrganisationTree(t.http);
  });

  describe('POST /webhooks', () => {
    it('answers 201 with a generated secret once; the list and the database row keep it out of later answers', async () => {
      const res = await t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url: 'https://hooks.example.vn/cf', description: 'Nhắc việc chi bộ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        organisationId: tree.cellId,
        url: 'https://hooks.example.vn/cf',
        description: 'Nhắc việc chi bộ',
        active: true,
        includeSubtree: true,
        createdAt: t.clock.now().toISOString(),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      });
      const [stored] = await dataSource.query(`SELECT secret FROM webhooks WHERE id = $1`, [res.body.id]);
      expect(stored.secret).toBe(res.body.secret);

      const list = await t.http.get(`${API}/webhooks`).query({ organisationId: tree.cellId });
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).toEqual({ ...res.body, secret: undefined });
      expect(list.body[0]).not.toHaveProperty('secret');
      expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    });

    it('generates a different secret for each webhook', async () => {
      const a = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://a.example.vn/' });
      const b = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://b.example.vn/' });
      expect(a.secret).not.toBe(b.secret);
    });

    it('keeps a supplied secret of 16 characters and refuses one of 15, naming secret', async () => {
      const ok = await t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url: 'http://10.0.0.7:8080/in', secret: 'a'.repeat(16) });
      expect(ok.status).toBe(201);
      expect(ok.body.secret).toBe('a'.repeat(16));
      const short = await t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url: 'http://10.0.0.7:8080/in', secret: 'a'.repeat(15) });
      expect(short.status).toBe(400);
      expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'secret' })] });
    });

    it.each(['ftp://hooks.example.vn/x', 'javascript:alert(1)', 'hooks.example.vn/no-scheme', 'not a url', ''])('refuses url %j with 400 naming url', async (url) => {
      const res = await t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['url']));
      expect(await dataSource.query(`SELECT id FROM webhooks`)).toEqual([]);
    });

    it('refuses an unknown organisation with 400 naming organisationId', async () => {
      const unknown = randomUUID();
      const res = await t.http.post(`${API}/webhooks`).send({ organisationId: unknown, url: 'https://hooks.example.vn/cf' });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('organisationId'),
        fields: [{ field: 'organisationId', message: `organisation ${unknown} does not exist` }],
      });
      const malformed = await t.http.post(`${API}/webhooks`).send({ organisationId: 'cell-1', url: 'https://hooks.example.vn/cf' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields[0].field).toBe('organisationId');
    });

    it('refuses unknown body fields', async () => {
      const res = await t.http.post(`${API}/webhooks`).send({ organisationId: tree.cellId, url: 'https://hooks.example.vn/cf', active: false });
      expect(res.status).toBe(400);
      expect(res.body.fields[0].field).toBe('active');
    });
  });

  describe('GET /webhooks, DELETE /webhooks/{id}, GET /webhooks/{id}/deliveries', () => {
    it('lists only the organisation’s own webhooks, needs organisationId, and knows no organisation outside the caller’s subtree', async () => {
      const own = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      await registerWebhook(t.http, { organisationId: tree.provinceId, url: 'https://province.example.vn/' });
      const list = await t.http.get(`${API}/webhooks`).query({ organisationId: tree.cellId });
      expect(list.body.map((w: { id: string }) => w.id)).toEqual([own.id]);
      const missing = await t.http.get(`${API}/webhooks`);
      expect(missing.status).toBe(400);
      expect(missing.body.fields[0].field).toBe('organisationId');
      const unknown = await t.http.get(`${API}/webhooks`).query({ organisationId: randomUUID() });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
    });

    it('deactivates with 204 (idempotently), 404 for an unknown id, 400 for a malformed one', async () => {
      const w = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      expect((await t.http.delete(`${API}/webhooks/${w.id}`)).status).toBe(204);
      expect((await t.http.delete(`${API}/webhooks/${w.id}`)).status).toBe(204);
      const list = await t.http.get(`${API}/webhooks`).query({ organisationId: tree.cellId });
      expect(list.body).toEqual([expect.objectContaining({ id: w.id, active: false })]);
      const unknown = await t.http.delete(`${API}/webhooks/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      const malformed = await t.http.delete(`${API}/webhooks/abc`);
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields[0].field).toBe('id');
    });

    it('shows the delivery log (pending, not yet attempted), newest first, limited; 404 for an unknown webhook', async () => {
      const w = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const first = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: new Date('2026-01-05T01:00:00.000Z') });
      const second = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: new Date('2026-01-05T02:00:00.000Z') });
      const log = await t.http.get(`${API}/webhooks/${w.id}/deliveries`);
      expect(log.status).toBe(200);
      expect(log.body.map((d: { notificationId: string }) => d.notificationId)).toEqual([second.id, first.id]);
      expect(log.body[0]).toEqual({
        id: expect.any(String),
        webhookId: w.id,
        notificationId: second.id,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: '2026-01-05T02:00:00.000Z',
        lastStatusCode: null,
        lastError: null,
        deliveredAt: null,
        createdAt: '2026-01-05T02:00:00.000Z',
      });
      expect(JSON.stringify(log.body)).not.toContain(w.secret);
      const limited = await t.http.get(`${API}/webhooks/${w.id}/deliveries`).query({ limit: 1 });
      expect(limited.body.map((d: { notificationId: string }) => d.notificationId)).toEqual([second.id]);
      expect((await t.http.get(`${API}/webhooks/${w.id}/deliveries`).query({ limit: 0 })).status).toBe(400);
      expect((await t.http.get(`${API}/webhooks/${randomUUID()}/deliveries`)).status).toBe(404);
    });

    it('gives up the pending deliveries of a deactivated webhook', async () => {
      const w = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
      await t.http.delete(`${API}/webhooks/${w.id}`).expect(204);
      const [row] = await deliveryRows(dataSource, n.id);
      expect(row).toMatchObject({ status: 'failed', attempts: 0, last_error: `webhook deactivated at ${t.clock.now().toISOString()}` });
    });
  });

  describe('trigger on notifications', () => {
    it('queues one pending delivery per matching webhook: own organisation, ancestors with include_subtree; not siblings, other trees, inactive ones or ancestors without subtree', async () => {
      const siblingCellId = await createOrganisation(t.http, { name: 'Chi bộ bên cạnh', kind: 'cell', parentId: tree.grassrootsId });
      const otherTree = await createOrganisationTree(t.http);
      const own = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/', includeSubtree: false });
      const province = await registerWebhook(t.http, { organisationId: tree.provinceId, url: 'https://province.example.vn/' });
      const communeOnly = await registerWebhook(t.http, { organisationId: tree.communeId, url: 'https://commune.example.vn/', includeSubtree: false });
      const inactive = await registerWebhook(t.http, { organisationId: tree.grassrootsId, url: 'https://grassroots.example.vn/' });
      await t.http.delete(`${API}/webhooks/${inactive.id}`).expect(204);
      const sibling = await registerWebhook(t.http, { organisationId: siblingCellId, url: 'https://sibling.example.vn/' });
      const other = await registerWebhook(t.http, { organisationId: otherTree.provinceId, url: 'https://other.example.vn/' });

      const atCell = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: new Date('2026-01-05T01:00:00.000Z') });
      const cellRows = await deliveryRows(dataSource, atCell.id);
      expect(cellRows.map((r) => r.webhook_id).sort()).toEqual([own.id, province.id].sort());
      for (const row of cellRows) {
        expect(row).toMatchObject({ status: 'pending', attempts: 0, last_status_code: null, last_error: null, delivered_at: null });
        expect(row.next_attempt_at.toISOString()).toBe('2026-01-05T01:00:00.000Z');
        expect(row.created_at.toISOString()).toBe('2026-01-05T01:00:00.000Z');
      }

      const atCommune = await insertNotification(dataSource, { organisationId: tree.communeId, createdAt: t.clock.now(), role: 'superior_officer' });
      expect((await deliveryRows(dataSource, atCommune.id)).map((r) => r.webhook_id).sort()).toEqual([province.id, communeOnly.id].sort());

      const atSibling = await insertNotification(dataSource, { organisationId: siblingCellId, createdAt: t.clock.now() });
      expect((await deliveryRows(dataSource, atSibling.id)).map((r) => r.webhook_id).sort()).toEqual([province.id, sibling.id].sort());

      // Nothing anywhere for the other tree's webhook, nor for the deactivated one.
      const all = await deliveryRows(dataSource);
      expect(all.filter((r) => r.webhook_id === other.id || r.webhook_id === inactive.id)).toEqual([]);
      expect(all).toHaveLength(6);
    });

    it('builds the payload from the notification row, its id being the delivery id', async () => {
      const w = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: new Date('2026-01-05T01:02:03.456Z'), phase: 'remind-10wd', dueOn: '2026-01-19' });
      const [row] = await deliveryRows(dataSource, n.id);
      expect(row.webhook_id).toBe(w.id);
      expect(row.payload).toEqual({
        id: row.id,
        type: 'notification.created',
        notification: {
          id: n.id,
          organisationId: tree.cellId,
          role: 'cell_secretary',
          caseId: null,
          deadlineId: null,
          kind: 'reminder',
          phase: 'remind-10wd',
          dueOn: '2026-01-19',
          title: { vi: 'Sắp đến hạn', en: 'Deadline approaching' },
          body: { vi: 'Còn 10 ngày làm việc', en: '10 working days left' },
          createdAt: '2026-01-05T01:02:03.456Z',
        },
      });
    });

    it('writes the createdAt as UTC ISO text whatever the session time zone', async () => {
      await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const id = randomUUID();
      await dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL TIME ZONE 'Asia/Ho_Chi_Minh'`);
        await m.query(
          `INSERT INTO notifications (id, organisation_id, role, kind, phase, due_on, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
           VALUES ($1, $2, 'cell_secretary', 'probation_ended', NULL, NULL, 'a', 'b', 'c', 'd', '2026-01-05T23:30:00Z', $3)`,
          [id, tree.cellId, `test:${id}`],
        );
      });
      const [row] = await deliveryRows(dataSource, id);
      expect(row.payload).toMatchObject({ notification: { createdAt: '2026-01-05T23:30:00.000Z', dueOn: null, phase: null, kind: 'probation_ended' } });
    });

    it('rolls back with the notification: no delivery survives a notification that was not committed', async () => {
      await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      await expect(
        dataSource.transaction(async (m) => {
          const id = randomUUID();
          await m.query(
            `INSERT INTO notifications (id, organisation_id, role, kind, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
             VALUES ($1, $2, 'cell_secretary', 'reminder', 'a', 'b', 'c', 'd', now(), $3)`,
            [id, tree.cellId, `test:${id}`],
          );
          expect(await m.query(`SELECT id FROM webhook_deliveries WHERE notification_id = $1`, [id])).toHaveLength(1);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await deliveryRows(dataSource)).toEqual([]);
    });
  });
});
