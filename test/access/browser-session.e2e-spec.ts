import supertest from 'supertest';
import { API, startTestApp, TestApp } from '../support/app';
import { createOrganisation, createUser, STAFF_PASSWORD } from './support';

/** The session cookie `name=value` of a `Set-Cookie` answer, and its attributes. */
function sessionCookieOf(res: supertest.Response): { pair: string; attributes: string[] } {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = raw.find((c) => c.startsWith('cf_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(raw)}`);
  const [pair, ...attributes] = cookie.split(';').map((s) => s.trim());
  return { pair, attributes };
}

describe('browser sessions: the session cookie and its CSRF token (real PostgreSQL)', () => {
  let t: TestApp;
  let cellId: string;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-03-02', env: { ACCESS_TOKEN_TTL_SECONDS: '3600', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '900', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const province = await createOrganisation(t, { name: 'Tỉnh ủy Phiên', kind: 'province' });
    const commune = await createOrganisation(t, { name: 'Đảng ủy xã Phiên', kind: 'commune', parentId: province });
    const grassroots = await createOrganisation(t, { name: 'Đảng bộ cơ sở Phiên', kind: 'grassroots', parentId: commune });
    cellId = await createOrganisation(t, { name: 'Chi bộ Phiên', kind: 'cell', parentId: grassroots });
  });
  afterAll(() => t?.close());

  const open = (username: string, password = STAFF_PASSWORD) => t.anonymous.post(`${API}/auth/session`).send({ username, password });

  it('signs in with a cookie that scripts cannot read and that no other site sends, and answers the CSRF token and the account', async () => {
    await createUser(t, 's.cookie', cellId, ['cell_secretary']);
    const res = await open('s.cookie').expect(200);
    expect(res.body).toEqual({ csrfToken: expect.any(String), me: expect.objectContaining({ username: 's.cookie', organisationId: cellId, roles: ['cell_secretary'] }) });
    const cookie = sessionCookieOf(res);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=3600']));
    // Not production: no Secure flag, so an office network on plain http works.
    expect(cookie.attributes).not.toContain('Secure');
    expect(res.body.csrfToken).not.toBe(cookie.pair.split('=')[1]);

    const session = await t.anonymous.get(`${API}/auth/session`).set('Cookie', cookie.pair).expect(200);
    expect(session.body).toEqual({ csrfToken: res.body.csrfToken, me: res.body.me });
    // Reads work with the cookie alone (a report opened in a new tab).
    await t.anonymous.get(`${API}/worklist`).set('Cookie', cookie.pair).expect(200);
  });

  it('answers 401 to GET /auth/session without a cookie or with one that is not a session', async () => {
    expect((await t.anonymous.get(`${API}/auth/session`).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
    await t.anonymous.get(`${API}/auth/session`).set('Cookie', 'cf_session=not.a.token').expect(401);
  });

  it('refuses a write through the cookie without the CSRF token or with a wrong one, and accepts it with the right one', async () => {
    await createUser(t, 's.csrf', cellId, ['cell_secretary']);
    const res = await open('s.csrf').expect(200);
    const { pair } = sessionCookieOf(res);
    const token = res.body.csrfToken as string;
    const write = () => t.anonymous.post(`${API}/notifications/00000000-0000-4000-8000-000000000000/read`).set('Cookie', pair);

    const missing = await write().expect(403);
    expect(missing.body).toEqual({ code: 'CSRF_TOKEN_INVALID', message: expect.any(String), messageVi: expect.stringMatching(/tải lại trang/) });
    await write().set('X-CSRF-Token', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`).expect(403);
    await write().set('X-CSRF-Token', `${token}x`).expect(403);
    // Another session's token does not fit this one.
    const other = await open('s.csrf').expect(200);
    await write().set('X-CSRF-Token', other.body.csrfToken as string).expect(403);
    // With its own token the write reaches the route (an unknown notification: 404, not 403).
    expect((await write().set('X-CSRF-Token', token).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('ends the session on DELETE /auth/session: the cookie is cleared and the old cookie no longer works', async () => {
    await createUser(t, 's.logout', cellId, ['cell_secretary']);
    const res = await open('s.logout').expect(200);
    const { pair } = sessionCookieOf(res);
    // Signing out is a write: without the CSRF token it is refused and the session lives on.
    await t.anonymous.delete(`${API}/auth/session`).set('Cookie', pair).expect(403);
    await t.anonymous.get(`${API}/auth/session`).set('Cookie', pair).expect(200);

    const out = await t.anonymous.delete(`${API}/auth/session`).set('Cookie', pair).set('X-CSRF-Token', res.body.csrfToken as string).expect(204);
    const cleared = sessionCookieOf(out);
    expect(cleared.pair).toBe('cf_session=');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect((await t.anonymous.get(`${API}/auth/session`).set('Cookie', pair).expect(401)).body.reason).toBe('SESSION_ENDED');
  });

  it('keeps the lockout: wrong passwords lock the name for the browser sign-in as for the API login', async () => {
    await createUser(t, 's.locked', cellId, ['cell_secretary']);
    await open('s.locked', 'wrong-password-1').expect(401);
    await open('s.locked', 'wrong-password-2').expect(401);
    const third = await open('s.locked', 'wrong-password-3').expect(429);
    expect(third.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED', retryAfterSeconds: 900 });
    expect(third.headers['set-cookie']).toBeUndefined();
    // The right password does not help while the name is locked, through either door.
    await open('s.locked').expect(429);
    await t.anonymous.post(`${API}/auth/login`).send({ username: 's.locked', password: STAFF_PASSWORD }).expect(429);
  });

  it('renews the cookie of a clerk at work once more than half of its hour has passed, with the same CSRF token; an idle page is signed out an hour after', async () => {
    await createUser(t, 's.slide', cellId, ['cell_secretary']);
    const opened = t.clock.now().getTime();
    const at = (seconds: number) => t.clock.set(new Date(opened + seconds * 1000));
    const res = await open('s.slide').expect(200);
    const first = sessionCookieOf(res).pair;
    const csrf = res.body.csrfToken as string;
    const renewedBy = (r: supertest.Response) => ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('cf_session='));
    try {
      // Just under half of the hour: no new cookie.
      at(1799);
      expect(renewedBy(await t.anonymous.get(`${API}/worklist`).set('Cookie', first).expect(200))).toBeUndefined();
      // Past half, a request the page makes on its own (the inbox count) does not renew it either.
      at(1801);
      expect(renewedBy(await t.anonymous.get(`${API}/notifications`).set('Cookie', first).set('X-Background-Request', 'true').expect(200))).toBeUndefined();
      // Past half, the clerk's next request answers a fresh cookie of a full hour, with the same attributes.
      const answer = await t.anonymous.get(`${API}/worklist`).set('Cookie', first).expect(200);
      const renewed = sessionCookieOf(answer);
      expect(renewed.pair).not.toBe(first);
      expect(renewed.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=3600']));
      // The same session: the page's CSRF token still fits writes through the new cookie, and another one still does not.
      expect((await t.anonymous.get(`${API}/auth/session`).set('Cookie', renewed.pair).expect(200)).body.csrfToken).toBe(csrf);
      const write = () => t.anonymous.post(`${API}/notifications/00000000-0000-4000-8000-000000000000/read`).set('Cookie', renewed.pair);
      expect((await write().set('X-CSRF-Token', csrf).expect(404)).body.code).toBe('NOT_FOUND');
      await write().expect(403);

      // Past the first cookie's hour it has ended; the renewed one lives on, and the session with it.
      at(3601);
      expect((await t.anonymous.get(`${API}/worklist`).set('Cookie', first).expect(401)).body.reason).toBe('TOKEN_EXPIRED');
      await t.anonymous.get(`${API}/worklist`).set('Cookie', renewed.pair).set('X-Background-Request', 'true').expect(200);
      // Idle since the renewal (only the inbox count asked): signed out an hour after it.
      at(1801 + 3599);
      await t.anonymous.get(`${API}/notifications`).set('Cookie', renewed.pair).set('X-Background-Request', 'true').expect(200);
      at(1801 + 3600);
      const ended = await t.anonymous.get(`${API}/worklist`).set('Cookie', renewed.pair).expect(401);
      expect(ended.body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
      expect(renewedBy(ended)).toBeUndefined();
    } finally {
      t.clock.set(new Date(opened));
    }
  });

  it('does not renew a bearer token, nor a session that has ended', async () => {
    await createUser(t, 's.nobearer', cellId, ['cell_secretary']);
    const opened = t.clock.now().getTime();
    try {
      const login = await t.anonymous.post(`${API}/auth/login`).send({ username: 's.nobearer', password: STAFF_PASSWORD }).expect(200);
      const res = await open('s.nobearer').expect(200);
      const { pair } = sessionCookieOf(res);
      await t.anonymous.delete(`${API}/auth/session`).set('Cookie', pair).set('X-CSRF-Token', res.body.csrfToken as string).expect(204);
      t.clock.set(new Date(opened + 2000 * 1000));
      const bearer = await t.anonymous.get(`${API}/worklist`).set('Authorization', `Bearer ${login.body.accessToken as string}`).expect(200);
      expect(bearer.headers['set-cookie']).toBeUndefined();
      const ended = await t.anonymous.get(`${API}/worklist`).set('Cookie', pair).expect(401);
      expect(ended.body.reason).toBe('SESSION_ENDED');
      expect(ended.headers['set-cookie']).toBeUndefined();
    } finally {
      t.clock.set(new Date(opened));
    }
  });

  it('leaves bearer clients as they were: no CSRF token is asked of a request with Authorization', async () => {
    await createUser(t, 's.bearer', cellId, ['cell_secretary']);
    const login = await t.anonymous.post(`${API}/auth/login`).send({ username: 's.bearer', password: STAFF_PASSWORD }).expect(200);
    const bearer = `Bearer ${login.body.accessToken as string}`;
    await t.anonymous.get(`${API}/auth/me`).set('Authorization', bearer).expect(200);
    expect((await t.anonymous.post(`${API}/notifications/00000000-0000-4000-8000-000000000000/read`).set('Authorization', bearer).expect(404)).body.code).toBe('NOT_FOUND');
    // A bearer request that also carries someone's cookie is judged by its bearer token alone.
    await t.anonymous.post(`${API}/auth/logout`).set('Authorization', bearer).set('Cookie', 'cf_session=not.a.token').expect(204);
    await t.anonymous.get(`${API}/auth/me`).set('Authorization', bearer).expect(401);
  });
});
