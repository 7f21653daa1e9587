import { API, startTestApp, TestApp } from '../support/app';
import { createTestRedis, TEST_REDIS_URL } from '../support/redis';

/**
 * Two API processes on one Redis count a client's logins together (ADR 0025): the limit holds for the deployment,
 * not per replica. Each process signs the admin in once when it starts (startTestApp): two logins counted already.
 */
describe('rate limits shared by API replicas through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const LIMIT = 4;

  beforeAll(async () => {
    const redis = createTestRedis();
    try {
      const keys = await redis.keys('charterflow:throttle:*');
      if (keys.length) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
    const env = { RUN_WORKER: 'false', REDIS_URL: TEST_REDIS_URL, LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    a = await startTestApp({ env });
    b = await startTestApp({ env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const attempt = (t: TestApp) => t.anonymous.post(`${API}/auth/login`).send({ username: 'khong-co-tai-khoan', password: 'mat-khau-sai-123' });

  it('counts the logins of one address on both replicas: the fourth is answered, the fifth refused on either', async () => {
    expect((await attempt(a)).status).toBe(401);
    expect((await attempt(b)).status).toBe(401);
    const fifth = await attempt(a);
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('TOO_MANY_REQUESTS');
    expect((await attempt(b)).status).toBe(429);
  });

  it('counts the address behind a trusted proxy only when TRUST_PROXY says there is one', async () => {
    // No proxy trusted (the default): a forwarded address a client writes itself changes nothing.
    expect((await attempt(a).set('X-Forwarded-For', '203.0.113.5')).status).toBe(429);
    // (No admin signed in at its start: this address is over the limit already.)
    const behindProxy = await startTestApp({ env: { RUN_WORKER: 'false', REDIS_URL: TEST_REDIS_URL, LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '1', ADMIN_PASSWORD: '' } });
    try {
      // One proxy trusted: the office behind it is its own client, the proxy's address is not.
      expect((await attempt(behindProxy).set('X-Forwarded-For', '203.0.113.9')).status).toBe(401);
      expect((await attempt(behindProxy)).status).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });
});
