import { DataSource } from 'typeorm';
import { WebhookDelivery } from '@charterflow/notifications';
import { retryDelayMs, verifyWebhookSignature, WEBHOOK_RETRY, WebhookDeliverer, WebhookDeliveriesRepository } from '@charterflow/notifications';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import {
  cleanWebhooks,
  closedUrl,
  deliveryRows,
  insertNotification,
  loadDocumentedVerifier,
  registerWebhook,
  startReceiver,
  TestReceiver,
} from './helpers';

describe('webhook delivery: signed POSTs, retries with backoff, SKIP LOCKED', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let deliverer: WebhookDelivery;
  let tree: OrganisationTree;
  let receiver: TestReceiver;
  const verifyAsDocumented = loadDocumentedVerifier();

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    dataSource = t.app.get(DataSource);
    deliverer = t.app.get(WebhookDelivery);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    t.setToday('2026-01-05');
    await cleanWebhooks(dataSource);
    tree = await createOrganisationTree(t.http);
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  it('is the WebhookDeliverer bound to the WebhookDelivery contract', () => {
    expect(deliverer).toBeInstanceOf(WebhookDeliverer);
    expect(deliverer).toBe(t.app.get(WebhookDeliverer));
  });

  it('POSTs the payload signed as documented; the delivery is delivered after 1 attempt with status 200', async () => {
    const webhook = await registerWebhook(t.http, { organisationId: tree.provinceId, url: receiver.url });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    const [pending] = await deliveryRows(dataSource, n.id);

    expect(await deliverer.deliverDue()).toBe(1);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    const nowSeconds = t.clock.now().getTime() / 1000;
    expect(request.method).toBe('POST');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-charterflow-event': 'notification.created',
      'x-charterflow-delivery': pending.id,
      'x-charterflow-timestamp': String(nowSeconds),
      'x-charterflow-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    // The body is the stored payload, byte for byte what was signed.
    expect(JSON.parse(request.body)).toEqual(pending.payload);
    expect(JSON.parse(request.body)).toMatchObject({ id: pending.id, notification: { id: n.id, organisationId: tree.cellId } });

    const signed = { body: request.body, timestamp: request.headers['x-charterflow-timestamp'] as string, signature: request.headers['x-charterflow-signature'] as string };
    expect(verifyWebhookSignature({ secret: webhook.secret, ...signed, now: t.clock.now() })).toBe(true);
    expect(verifyWebhookSignature({ secret: `${webhook.secret}x`, ...signed, now: t.clock.now() })).toBe(false);
    expect(verifyAsDocumented(webhook.secret, request.headers, Buffer.from(request.body), nowSeconds)).toBe(true);
    expect(verifyAsDocumented(webhook.secret, request.headers, request.body.replace('reminder', 'escalation'), nowSeconds)).toBe(false);
    expect(verifyAsDocumented(webhook.secret, request.headers, request.body, nowSeconds + 301)).toBe(false);

    const log = await t.http.get(`${API}/webhooks/${webhook.id}/deliveries`);
    expect(log.body).toEqual([
      expect.objectContaining({
        id: pending.id,
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: t.clock.now().toISOString(),
      }),
    ]);
    // Delivered means done: nothing more is sent.
    t.clock.advance(24 * 3_600_000);
    expect(await deliverer.deliverDue()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it('sends nothing before the notification’s instant, and sends it at that instant', async () => {
    await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const at = new Date(t.clock.now().getTime() + 60_000);
    await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: at });
    t.clock.set(new Date(at.getTime() - 1));
    expect(await deliverer.deliverDue()).toBe(0);
    t.clock.set(at);
    expect(await deliverer.deliverDue()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
  });

  it('after a 500 retries at the backoff instant, not a millisecond before, then delivers', async () => {
    receiver.respond = (_request, index) => (index === 0 ? 500 : 200);
    const webhook = await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    const failedAt = t.clock.now();

    expect(await deliverer.deliverDue()).toBe(1);
    const [afterFirst] = await deliveryRows(dataSource, n.id);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500', delivered_at: null });
    const delay = afterFirst.next_attempt_at.getTime() - failedAt.getTime();
    expect(delay).toBe(retryDelayMs(1, afterFirst.id));
    expect(delay).toBeGreaterThanOrEqual(27_000);
    expect(delay).toBeLessThan(33_000);

    t.clock.set(new Date(afterFirst.next_attempt_at.getTime() - 1));
    expect(await deliverer.deliverDue()).toBe(0);
    expect(receiver.requests).toHaveLength(1);

    t.clock.set(afterFirst.next_attempt_at);
    expect(await deliverer.deliverDue()).toBe(1);
    expect(receiver.requests).toHaveLength(2);
    // A retry is the same delivery (receivers dedupe on it), signed afresh with the time of the retry.
    expect(receiver.requests[1].headers['x-charterflow-delivery']).toBe(afterFirst.id);
    expect(receiver.requests[1].body).toBe(receiver.requests[0].body);
    expect(receiver.requests[1].headers['x-charterflow-timestamp']).toBe(String(Math.floor(afterFirst.next_attempt_at.getTime() / 1000)));

    const log = await t.http.get(`${API}/webhooks/${webhook.id}/deliveries`);
    expect(log.body[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, deliveredAt: afterFirst.next_attempt_at.toISOString() });
  });

  it('doubles the wait after each failure and gives up after the 10th attempt', async () => {
    receiver.respond = () => 503;
    await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    let previousDelay = 0;
    for (let attempt = 1; attempt < WEBHOOK_RETRY.maxAttempts; attempt++) {
      const before = t.clock.now();
      expect(await deliverer.deliverDue()).toBe(1);
      const [row] = await deliveryRows(dataSource, n.id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_status_code: 503 });
      const delay = row.next_attempt_at.getTime() - before.getTime();
      expect(delay).toBe(retryDelayMs(attempt, row.id));
      expect(delay).toBeGreaterThan(previousDelay * 1.6); // ×2 give or take ±10 % jitter on each side
      previousDelay = delay;
      t.clock.set(row.next_attempt_at);
    }
    expect(await deliverer.deliverDue()).toBe(1);
    const [last] = await deliveryRows(dataSource, n.id);
    expect(last).toMatchObject({ status: 'failed', attempts: WEBHOOK_RETRY.maxAttempts, last_status_code: 503, last_error: 'HTTP 503', delivered_at: null });
    t.clock.advance(7 * 3_600_000);
    expect(await deliverer.deliverDue()).toBe(0);
    expect(receiver.requests).toHaveLength(WEBHOOK_RETRY.maxAttempts);
  });

  it('counts a refused connection and a redirect as failed attempts', async () => {
    const nobody = await registerWebhook(t.http, { organisationId: tree.cellId, url: await closedUrl() });
    receiver.respond = () => 302;
    const redirecting = await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });

    expect(await deliverer.deliverDue()).toBe(2);
    const rows = await deliveryRows(dataSource, n.id);
    const refused = rows.find((r) => r.webhook_id === nobody.id);
    const redirected = rows.find((r) => r.webhook_id === redirecting.id);
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null });
    expect(refused?.last_error).toMatch(/ECONNREFUSED/);
    expect(redirected).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 302, last_error: 'HTTP 302' });
  });

  it('sends nothing to a webhook deactivated after its delivery was queued', async () => {
    const webhook = await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    await t.http.delete(`${API}/webhooks/${webhook.id}`).expect(204);
    expect(await deliverer.deliverDue()).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  });

  it('attempts at most `limit` deliveries per call, the oldest first', async () => {
    await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const base = t.clock.now().getTime();
    const ns = [];
    for (let i = 0; i < 3; i++) ns.push(await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: new Date(base - (3 - i) * 1000) }));
    expect(await deliverer.deliverDue(2)).toBe(2);
    expect(receiver.requests.map((r) => JSON.parse(r.body).notification.id).sort()).toEqual([ns[0].id, ns[1].id].sort());
    expect(await deliverer.deliverDue(2)).toBe(1);
    expect(JSON.parse(receiver.requests[2].body).notification.id).toBe(ns[2].id);
  });

  it('two concurrent deliverDue() calls send each delivery exactly once', async () => {
    // Hold every answer until all requests have arrived, so both calls are under way at the same time.
    const total = 12;
    let release!: () => void;
    const allArrived = new Promise<void>((resolve) => (release = resolve));
    receiver.respond = async (_request, index) => {
      if (index + 1 === total) release();
      await allArrived;
      return 200;
    };
    for (let i = 0; i < 3; i++) await registerWebhook(t.http, { organisationId: tree.cellId, url: `${receiver.url}?hook=${i}` });
    for (let i = 0; i < 4; i++) await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });

    const [a, b] = await Promise.all([deliverer.deliverDue(), deliverer.deliverDue()]);
    expect(a + b).toBe(total);
    const ids = receiver.requests.map((r) => r.headers['x-charterflow-delivery']);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const rows = await deliveryRows(dataSource);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(total).fill(['delivered', 1]));
    expect(await deliverer.deliverDue()).toBe(0);
  });

  it('skips a delivery another worker holds locked instead of waiting for it, and sends it once released', async () => {
    await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const held = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    const free = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    const [heldRow] = await deliveryRows(dataSource, held.id);

    const otherWorker = dataSource.createQueryRunner();
    await otherWorker.connect();
    try {
      await otherWorker.startTransaction();
      await otherWorker.query(`SELECT id FROM webhook_deliveries WHERE id = $1 FOR UPDATE`, [heldRow.id]);
      // Without SKIP LOCKED this call would wait for the other transaction (and the test would time out).
      expect(await deliverer.deliverDue()).toBe(1);
      expect(receiver.requests.map((r) => JSON.parse(r.body).notification.id)).toEqual([free.id]);
      expect((await deliveryRows(dataSource, held.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });
      await otherWorker.rollbackTransaction();
    } finally {
      await otherWorker.release();
    }
    expect(await deliverer.deliverDue()).toBe(1);
    expect(receiver.requests.map((r) => JSON.parse(r.body).notification.id)).toEqual([free.id, held.id]);
  });

  it('leases a claimed delivery: a worker that dies before recording leaves it due again after the lease only', async () => {
    // Simulate the crash: claim through the repository (as deliverDue does) and never record an outcome.
    const repository = t.app.get(WebhookDeliveriesRepository);
    await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
    const now = t.clock.now();
    const leaseUntil = new Date(now.getTime() + 60_000);
    expect(await repository.claimDue(now, leaseUntil, 50)).toHaveLength(1);

    expect(await deliverer.deliverDue()).toBe(0);
    t.clock.set(new Date(leaseUntil.getTime() - 1));
    expect(await deliverer.deliverDue()).toBe(0);
    t.clock.set(leaseUntil);
    expect(await deliverer.deliverDue()).toBe(1);
    expect((await deliveryRows(dataSource, n.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
