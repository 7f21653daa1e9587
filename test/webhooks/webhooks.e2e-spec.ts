import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { openCase } from '../api/helpers';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { InboxRepository, NewNotification, NewNotificationFanOut, webhookPayload, WebhookFanOut } from '@charterflow/notifications';
import { MIGRATIONS } from '@charterflow/database';
import { cleanWebhooks, createOrganisation, deliveryRows, insertNotification, registerWebhook } from './helpers';

describe('webhooks: registration API and the fan-out that queues deliveries', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let tree: OrganisationTree;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t?.close());
  const inbox = () => new InboxRepository(dataSource, new WebhookFanOut());
  const newNotification = (over: Partial<NewNotification>): NewNotification => ({
    organisationId: tree.cellId,
    role: 'cell_secretary',
    caseId: null,
    deadlineId: null,
    kind: 'reminder',
    phase: 'remind-10wd',
    dueOn: '2026-01-19',
    title: { vi: 'Sắp đến hạn', en: 'Deadline approaching' },
    body: { vi: 'Còn 10 ngày làm việc', en: '10 working days left' },
    createdAt: new Date('2026-01-05T01:00:00.000Z'),
    dedupeKey: `test:${randomUUID()}`,
    ...over,
  });
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

  describe('fan-out on notifications (InboxRepository.insert)', () => {
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
      const [n] = await dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL TIME ZONE 'Asia/Ho_Chi_Minh'`);
        return inbox().insert(m, [newNotification({ kind: 'probation_ended', phase: null, dueOn: null, createdAt: new Date('2026-01-05T23:30:00Z') })]);
      });
      const [row] = await deliveryRows(dataSource, n.id);
      expect(row.payload).toMatchObject({ notification: { createdAt: '2026-01-05T23:30:00.000Z', dueOn: null, phase: null, kind: 'probation_ended' } });
    });

    it('rolls back with the notification: no delivery survives a notification that was not committed', async () => {
      await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      await expect(
        dataSource.transaction(async (m) => {
          const [n] = await inbox().insert(m, [newNotification({})]);
          expect(await m.query(`SELECT id FROM webhook_deliveries WHERE notification_id = $1`, [n.id])).toHaveLength(1);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await deliveryRows(dataSource)).toEqual([]);
    });

    it('answers each notification written as the inbox reads it back: texts shared by several recipients, each its own', async () => {
      const shared = { title: { vi: 'Quá hạn: Quyết định kết nạp', en: 'Overdue: admission decision' }, body: { vi: 'Đã quá hạn ngày 19/01/2026.', en: 'Passed 19/01/2026.' } };
      const batch = [
        newNotification({ ...shared, role: 'cell_secretary', createdAt: new Date('2026-01-20T00:00:00.123Z') }),
        newNotification({ ...shared, organisationId: tree.grassrootsId, role: 'grassroots_officer', createdAt: new Date('2026-01-20T00:00:00.123Z') }),
        newNotification({ organisationId: tree.communeId, role: 'superior_officer', kind: 'escalation', phase: 'escalate', dueOn: null }),
      ];
      const duplicate = newNotification({ dedupeKey: batch[0].dedupeKey, title: { vi: 'Khác', en: 'Other' } });
      const written = await dataSource.transaction((m) => inbox().insert(m, [...batch, duplicate]));
      expect(written).toHaveLength(3);
      const stored = await Promise.all(written.map((n) => inbox().findById(n.id)));
      expect(written).toEqual(stored);
      expect(stored.map((n) => [n!.organisationId, n!.title.vi, n!.body.en])).toEqual([
        [tree.cellId, shared.title.vi, shared.body.en],
        [tree.grassrootsId, shared.title.vi, shared.body.en],
        [tree.communeId, 'Sắp đến hạn', '10 working days left'],
      ]);
      expect(stored[0]).toMatchObject({ createdAt: '2026-01-20T00:00:00.123Z', dueOn: '2026-01-19', readAt: null });
      // Each notification keeps its own time, whichever Date objects the batch shares.
      expect(stored.map((n) => n!.createdAt)).toEqual(['2026-01-20T00:00:00.123Z', '2026-01-20T00:00:00.123Z', '2026-01-05T01:00:00.000Z']);
      // Written again: every key is known, nothing is written or answered.
      expect(await dataSource.transaction((m) => inbox().insert(m, batch))).toEqual([]);
    });

    it('queues nothing for a notification skipped as a duplicate (same dedupe key)', async () => {
      await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const once = newNotification({});
      expect(await dataSource.transaction((m) => inbox().insertMany(m, [once]))).toBe(1);
      expect(await dataSource.transaction((m) => inbox().insertMany(m, [once]))).toBe(0);
      expect(await deliveryRows(dataSource)).toHaveLength(1);
    });

    describe('one message for several inboxes (InboxRepository.insertFanOut)', () => {
      const message = (over: Partial<NewNotificationFanOut>): NewNotificationFanOut => {
        const { organisationId: _o, role: _r, dedupeKey: _k, ...rest } = newNotification({});
        return { ...rest, to: [], dedupePrefix: `test:${randomUUID()}:`, ...over };
      };
      const stored = (prefixes: string[]): Promise<{ dedupe_key: string; organisation_id: string; role: string; title_vi: string; phase: string }[]> =>
        dataSource.query(
          `SELECT dedupe_key, organisation_id, role, title_vi, phase FROM notifications WHERE dedupe_key LIKE ANY ($1::text[]) ORDER BY dedupe_key`,
          [prefixes.map((p) => `${p}%`)],
        );

      it('writes one notification per inbox, keyed by the prefix and the inbox; answers how many each message wrote, less those already written', async () => {
        const lower = [
          { organisationId: tree.cellId, role: 'cell_secretary' },
          { organisationId: tree.grassrootsId, role: 'grassroots_officer' },
        ];
        const upper = [{ organisationId: tree.communeId, role: 'superior_officer' }];
        const messages = [
          message({ to: lower, title: { vi: 'Một', en: 'One' }, phase: 'escalate' }),
          message({ to: lower, title: { vi: 'Hai', en: 'Two' }, phase: 'escalate' }),
          message({ to: upper, title: { vi: 'Ba', en: 'Three' }, phase: 'escalate' }),
        ];
        const [first, second, third] = messages.map((n) => n.dedupePrefix);
        // One inbox of the second message already has its notification (written before, under the same key).
        await dataSource.transaction((m) => inbox().insert(m, [newNotification({ organisationId: tree.grassrootsId, role: 'grassroots_officer', dedupeKey: `${second}${tree.grassrootsId}:grassroots_officer`, title: { vi: 'Trước', en: 'Before' } })]));

        expect(await dataSource.transaction((m) => inbox().insertFanOut(m, messages))).toEqual([2, 1, 1]);
        expect(await stored([first, second, third])).toEqual(
          [
            { dedupe_key: `${first}${tree.cellId}:cell_secretary`, organisation_id: tree.cellId, role: 'cell_secretary', title_vi: 'Một', phase: 'escalate' },
            { dedupe_key: `${first}${tree.grassrootsId}:grassroots_officer`, organisation_id: tree.grassrootsId, role: 'grassroots_officer', title_vi: 'Một', phase: 'escalate' },
            { dedupe_key: `${second}${tree.cellId}:cell_secretary`, organisation_id: tree.cellId, role: 'cell_secretary', title_vi: 'Hai', phase: 'escalate' },
            { dedupe_key: `${second}${tree.grassrootsId}:grassroots_officer`, organisation_id: tree.grassrootsId, role: 'grassroots_officer', title_vi: 'Trước', phase: 'remind-10wd' },
            { dedupe_key: `${third}${tree.communeId}:superior_officer`, organisation_id: tree.communeId, role: 'superior_officer', title_vi: 'Ba', phase: 'escalate' },
          ].sort((a, b) => (a.dedupe_key < b.dedupe_key ? -1 : 1)),
        );
        // Written again: every key is known.
        expect(await dataSource.transaction((m) => inbox().insertFanOut(m, messages))).toEqual([0, 0, 0]);
        expect(await stored([first, second, third])).toHaveLength(5);
      });

      it('queues the deliveries of the notifications written whose organisation a webhook listens to, each with its own inbox in the payload', async () => {
        // The grassroots committee's webhook hears it and the cell below it; nobody listens to the commune.
        const w = await registerWebhook(t.http, { organisationId: tree.grassrootsId, url: 'https://grassroots.example.vn/' });
        const to = [
          { organisationId: tree.cellId, role: 'cell_secretary' },
          { organisationId: tree.grassrootsId, role: 'grassroots_officer' },
          { organisationId: tree.communeId, role: 'superior_officer' },
        ];
        const messages = [message({ to }), message({ to, kind: 'escalation', phase: 'escalate' })];
        const skipped = `${messages[1].dedupePrefix}${tree.cellId}:cell_secretary`;
        const [before] = await dataSource.transaction((m) => inbox().insert(m, [newNotification({ dedupeKey: skipped })]));

        expect(await dataSource.transaction((m) => inbox().insertFanOut(m, messages))).toEqual([3, 2]);
        // The notification written before has its one delivery from then, and no second one.
        expect(await deliveryRows(dataSource, before.id)).toHaveLength(1);
        const rows = (await deliveryRows(dataSource)).filter((r) => r.notification_id !== before.id);
        const heard: { id: string; dedupe_key: string }[] = await dataSource.query(
          `SELECT id, dedupe_key FROM notifications WHERE dedupe_key = ANY ($1::text[]) ORDER BY dedupe_key`,
          [[`${messages[0].dedupePrefix}${tree.cellId}:cell_secretary`, `${messages[0].dedupePrefix}${tree.grassrootsId}:grassroots_officer`, `${messages[1].dedupePrefix}${tree.grassrootsId}:grassroots_officer`]],
        );
        expect(rows.map((r) => r.notification_id).sort()).toEqual(heard.map((h) => h.id).sort());
        for (const row of rows) {
          expect(row.webhook_id).toBe(w.id);
          const { readAt: _readAt, ...view } = (await inbox().findById(row.notification_id))!;
          expect(row.payload).toEqual(JSON.parse(JSON.stringify(webhookPayload(row.id, view))));
        }
      });

      it('refuses two messages sharing a prefix, or an inbox named twice, and writes nothing', async () => {
        const to = [{ organisationId: tree.cellId, role: 'cell_secretary' }];
        const a = message({ to });
        await expect(dataSource.transaction((m) => inbox().insertFanOut(m, [a, message({ to, dedupePrefix: a.dedupePrefix })]))).rejects.toThrow(/share the dedupe prefix/);
        await expect(dataSource.transaction((m) => inbox().insertFanOut(m, [message({ to: [...to, ...to] })]))).rejects.toThrow(/named twice/);
        expect(await stored([a.dedupePrefix])).toEqual([]);
      });
    });

    // The payload used to be built by a plpgsql trigger (dropped by DropWebhookFanOutTrigger1767225601500). Its
    // down() recreates that trigger: inside a transaction that is rolled back, the old trigger and the TypeScript
    // builder write the payload for the same notifications, and the bytes a receiver gets must be the same.
    type PayloadCase = Partial<NewNotification> & { withCase?: boolean; timeZone?: string };
    it.each<[string, PayloadCase]>([
      ['a reminder with every field', { phase: 'remind-10wd', dueOn: '2026-01-19', createdAt: new Date('2026-01-05T01:02:03.456Z'), withCase: true }],
      ['nulls, odd text and a time zone away from UTC', { kind: 'probation_ended' as const, phase: null, dueOn: null, createdAt: new Date('2026-01-05T23:30:00.001Z'), timeZone: 'Asia/Ho_Chi_Minh', title: { vi: 'Hết thời gian dự bị – "Lan" \\ ñ 😀', en: '<b>&</b>\n\ttab' } }],
    ])('builds byte for byte the payload the old trigger built: %s', async (_name, { withCase, timeZone, ...spec }) => {
      await registerWebhook(t.http, { organisationId: tree.communeId, url: 'https://parent.example.vn/' });
      await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const caseId = withCase ? (await openCase(t.http, tree.cellId)).id : null;
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        if (timeZone) await runner.query(`SET LOCAL TIME ZONE '${timeZone}'`);
        const DropWebhookFanOutTrigger = MIGRATIONS.find((m) => m.name === 'DropWebhookFanOutTrigger1767225601500');
        if (!DropWebhookFanOutTrigger) throw new Error('migration DropWebhookFanOutTrigger1767225601500 not found');
        await new DropWebhookFanOutTrigger().down(runner);
        const n = newNotification({ ...spec, caseId });
        // The old way: a plain INSERT, the trigger queues the deliveries.
        const [{ id }] = await runner.query(
          `INSERT INTO notifications (organisation_id, role, case_id, deadline_id, kind, phase, due_on, title_vi, title_en, body_vi, body_en, created_at, dedupe_key)
           VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [n.organisationId, n.role, n.caseId, n.kind, n.phase, n.dueOn, n.title.vi, n.title.en, n.body.vi, n.body.en, n.createdAt, n.dedupeKey],
        );
        const byTrigger: { id: string; payload: unknown }[] = await runner.query(`SELECT id, payload FROM webhook_deliveries WHERE notification_id = $1 ORDER BY id`, [id]);
        expect(byTrigger).toHaveLength(2);
        // The new way, for the very same stored notification, with the same delivery ids, through jsonb as stored.
        const [stored] = await runner.query(
          `SELECT id, organisation_id AS "organisationId", role, case_id AS "caseId", deadline_id AS "deadlineId", kind, phase,
                  to_char(due_on, 'YYYY-MM-DD') AS "dueOn", json_build_object('vi', title_vi, 'en', title_en) AS title,
                  json_build_object('vi', body_vi, 'en', body_en) AS body, created_at AS "createdAt"
           FROM notifications WHERE id = $1`,
          [id],
        );
        for (const d of byTrigger) {
          const [{ payload }] = await runner.query(`SELECT $1::jsonb AS payload`, [
            JSON.stringify(webhookPayload(d.id, { ...stored, createdAt: (stored.createdAt as Date).toISOString() })),
          ]);
          expect(JSON.stringify(payload)).toBe(JSON.stringify(d.payload));
        }
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('has the shape docs/webhooks.md documents: the same keys at every level', async () => {
      await registerWebhook(t.http, { organisationId: tree.cellId, url: 'https://own.example.vn/' });
      const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
      const [row] = await deliveryRows(dataSource, n.id);
      const doc = readFileSync(join(__dirname, '../../docs/webhooks.md'), 'utf8');
      const block = /The body \(the exact bytes that were signed[^]*?```jsonc\n([^]*?)```/.exec(doc)?.[1];
      expect(block).toBeDefined();
      // The documented example with its comments and elisions replaced by values of the right type.
      const documented = JSON.parse((block as string).replace(/\/\/.*$/gm, '').replace(/"…"|"[^"]*…"/g, '"x"')) as Record<string, unknown>;
      // (Leaves are compared by presence only: the example shows strings where the value may be null.)
      const keysOf = (v: unknown): unknown => (v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => [k, keysOf(x)]) : 'leaf');
      const sorted = (v: unknown): unknown => (Array.isArray(v) ? [...v].map((e) => [e[0], sorted(e[1])]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))) : v);
      // Same keys at every level (the example's order is for reading; the wire order is jsonb's, checked above)…
      expect(sorted(keysOf(row.payload))).toEqual(sorted(keysOf({ ...documented, notification: { ...(documented.notification as object) } })));
      // …and the values the example promises.
      expect(row.payload).toMatchObject({ id: row.id, type: 'notification.created', notification: { id: n.id, title: { vi: expect.any(String), en: expect.any(String) } } });
    });
  });
});
