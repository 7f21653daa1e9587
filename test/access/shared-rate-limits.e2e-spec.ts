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
});
