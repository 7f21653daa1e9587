import { DataSource } from 'typeorm';
import { WebhookDelivery } from '@charterflow/notifications';
import { verifyWebhookSignature } from '@charterflow/notifications';
import { API, createOrganisationTree, startTestApp } from '../support/app';
import { createTempDataDir, PGLITE_TIMEOUT_MS } from '../support/database';
import { deliveryRows, insertNotification, registerWebhook, startReceiver } from './helpers';

describe('webhooks on the embedded database (PGlite)', () => {
  const data = createTempDataDir('charterflow-webhooks-');
  afterAll(() => data.remove());

  it('runs the migration, queues by trigger, claims, signs, retries and delivers', async () => {
    const t = await startTestApp({ today: '2026-01-05', dataDir: data.dir });
    const receiver = await startReceiver();
    try {
      receiver.respond = (_request, index) => (index === 0 ? 500 : 204);
      const dataSource = t.app.get(DataSource);
      const deliverer = t.app.get(WebhookDelivery);
      const tree = await createOrganisationTree(t.http);
      const webhook = await registerWebhook(t.http, { organisationId: tree.communeId, url: receiver.url });
      // Below the notification's organisation: never told of it.
      await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url });
      const n = await insertNotification(dataSource, { organisationId: tree.grassrootsId, createdAt: t.clock.now() });
      const [pending, ...others] = await deliveryRows(dataSource, n.id);
      expect(others).toEqual([]);
      expect(pending).toMatchObject({ webhook_id: webhook.id, status: 'pending' });
      expect(pending.payload).toMatchObject({ id: pending.id, type: 'notification.created', notification: { id: n.id, createdAt: t.clock.now().toISOString() } });

      expect(await deliverer.deliverDue()).toBe(1);
      const [failed] = await deliveryRows(dataSource, n.id);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
      t.clock.set(failed.next_attempt_at);
      expect(await deliverer.deliverDue()).toBe(1);

      const request = receiver.requests[1];
      expect(
        verifyWebhookSignature({
          secret: webhook.secret,
          body: request.body,
          timestamp: request.headers['x-charterflow-timestamp'] as string,
          signature: request.headers['x-charterflow-signature'] as string,
          now: t.clock.now(),
        }),
      ).toBe(true);
      const log = await t.http.get(`${API}/webhooks/${webhook.id}/deliveries`);
      expect(log.body).toEqual([expect.objectContaining({ status: 'delivered', attempts: 2, lastStatusCode: 204 })]);
    } finally {
      await receiver.close();
      await t.close();
    }
  }, PGLITE_TIMEOUT_MS);
});
