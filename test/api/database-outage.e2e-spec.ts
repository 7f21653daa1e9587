import { API, createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { TEST_DATABASE_URL } from '../support/database';
import { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../delivery-transport/support';
import { openCase, snapshotOf } from './helpers';

/**
 * The database goes away under a running API (its connections reset, its port closed) and comes back: every answer
 * meanwhile is 503 SERVICE_UNAVAILABLE with Retry-After, never 500, and the API serves again once it is back.
 */
describe('a database outage', () => {
  const target = new URL(TEST_DATABASE_URL);
  const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  let t: TestApp;

  beforeAll(async () => {
    await proxy.start();
    t = await startTestApp({ today: '2026-01-06', env: { DATABASE_URL: proxy.urlFor(TEST_DATABASE_URL) } });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await t?.close();
    await proxy.stop();
  });

  it('answers 503 with Retry-After while it is down, writes nothing, and serves again when it is back', async () => {
    const { cellId } = await createOrganisationTree(t.http);
    const c = await openCase(t.http, cellId);
    const cert = { type: 'AWARENESS_CERTIFICATE_RECORDED', occurredOn: '2026-01-06', certificateNo: 'CN-O', issuedOn: '2026-01-06', issuer: 'Trung tâm' };

    await proxy.cut();
    const answers = [
      await t.http.get(`${API}/cases`),
      await t.http.get(`${API}/cases/${c.id}`),
      await t.http.post(`${API}/cases/${c.id}/events`).set('Idempotency-Key', 'during-outage').send(cert),
      await t.anonymous.post(`${API}/auth/login`).send({ username: 'admin', password: 'whatever-it-is' }),
      await t.http.get('/health'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(answers[4].body.down).toEqual(['database']);

    await proxy.restore();
    const back = await waitFor(() => t.http.get(`${API}/cases/${c.id}`), (res) => res.status === 200, 100, 100);
    expect(back.status).toBe(200);
    // The write refused during the outage left nothing; sent again with its key, it is recorded once.
    expect(await snapshotOf(t.http, c.id)).toEqual({ version: 1, events: 1 });
    expect((await t.http.post(`${API}/cases/${c.id}/events`).set('Idempotency-Key', 'during-outage').send(cert)).status).toBe(200);
    expect((await t.http.post(`${API}/cases/${c.id}/events`).set('Idempotency-Key', 'during-outage').send(cert)).status).toBe(200);
    expect(await snapshotOf(t.http, c.id)).toEqual({ version: 2, events: 2 });
  });
});
