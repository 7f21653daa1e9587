import { createHmac } from 'node:crypto';
import { PasswordHasher } from '@charterflow/access';
import { API, startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/app';
import { account, createOrganisation, createUser, STAFF_PASSWORD } from './support';

const JWT_SECRET = 'a-test-signing-key-that-is-long-enough-1234';

/** Re-signs a JWT's payload with another key (a forged token), or returns it with one payload field changed. */
function forge(token: string, change: (payload: Record<string, unknown>) => void, key = 'not-the-right-key-not-the-right-key'): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('authentication (real PostgreSQL)', () => {
  let t: TestApp;
  let cellId: string;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-03-02', env: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: '3600', LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_SECONDS: '900', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    const province = await createOrganisation(t, { name: 'Tỉnh ủy Xác thực', kind: 'province' });
    const commune = await createOrganisation(t, { name: 'Đảng ủy xã Xác thực', kind: 'commune', parentId: province });
    const grassroots = await createOrganisation(t, { name: 'Đảng bộ cơ sở Xác thực', kind: 'grassroots', parentId: commune });
    cellId = await createOrganisation(t, { name: 'Chi bộ Xác thực', kind: 'cell', parentId: grassroots });
  });
  afterAll(() => t?.close());

  const login = (username: string, password: string) => t.anonymous.post(`${API}/auth/login`).send({ username, password });
  const me = (token: string) => t.anonymous.get(`${API}/auth/me`).set('Authorization', `Bearer ${token}`);

  it('logs in with the right password: a bearer token, its expiry from the injected clock, and the account', async () => {
    await createUser(t, 'a.login', cellId, ['cell_secretary']);
    const res = await login('A.Login', STAFF_PASSWORD).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresAt: '2026-03-02T04:00:00.000Z', user: { username: 'a.login', organisationId: cellId, roles: ['cell_secretary'] } });
    expect(res.body.user.passwordHash).toBeUndefined();
    expect((await me(res.body.accessToken).expect(200)).body).toMatchObject({ username: 'a.login', organisationId: cellId, roles: ['cell_secretary'] });
  });

  it('answers 401 to a wrong password and to an unknown name alike, without saying which', async () => {
    await createUser(t, 'a.wrong', cellId, ['cell_secretary']);
    const wrong = await login('a.wrong', 'not-the-password').expect(401);
    const unknown = await login('nobody.here', 'not-the-password').expect(401);
    expect(wrong.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Invalid username or password.', reason: 'BAD_CREDENTIALS' });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 401 UNAUTHENTICATED without a token, with a malformed one, and with a forged or tampered one', async () => {
    expect((await t.anonymous.get(`${API}/cases`).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });
    expect((await t.anonymous.get(`${API}/cases`).set('Authorization', 'Basic YWRtaW46YWRtaW4=').expect(401)).body.reason).toBe('MISSING_TOKEN');
    expect((await me('not.a.jwt').expect(401)).body.reason).toBe('TOKEN_INVALID');
    await createUser(t, 'a.tamper', cellId, ['cell_secretary']);
    const token = (await login('a.tamper', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    // Same claims, wrong key.
    expect((await me(forge(token, () => undefined)).expect(401)).body.reason).toBe('TOKEN_INVALID');
    // Claims changed (another account), original signature kept.
    const [h, , sig] = token.split('.');
    const changed = forge(token, (c) => (c.sub = '00000000-0000-4000-8000-000000000000')).split('.')[1];
    expect((await me(`${h}.${changed}.${sig}`).expect(401)).body.reason).toBe('TOKEN_INVALID');
    // An unsigned token ("alg": "none") is never accepted.
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${token.split('.')[1]}.`;
    expect((await me(none).expect(401)).body.reason).toBe('TOKEN_INVALID');
    // Correctly signed by our key but for another session id: no such session.
    expect((await me(forge(token, (c) => (c.sid = '00000000-0000-4000-8000-000000000000'), JWT_SECRET)).expect(401)).body.reason).toBe('TOKEN_INVALID');
    // The untouched token still works.
    await me(token).expect(200);
  });

  it('answers 401 TOKEN_EXPIRED once the token’s hour has passed on the injected clock, not a second before', async () => {
    await createUser(t, 'a.expiry', cellId, ['cell_secretary']);
    t.clock.set('2026-03-02T03:00:00.000Z'); // 10:00 in Hà Nội
    const token = (await login('a.expiry', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    t.clock.set('2026-03-02T03:59:59.000Z');
    await me(token).expect(200);
    t.clock.set('2026-03-02T04:00:00.000Z');
    expect((await me(token).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    t.setToday('2026-03-02');
  });

  it('logout ends the session at once; other sessions of the account go on', async () => {
    await createUser(t, 'a.logout', cellId, ['cell_secretary']);
    const first = (await login('a.logout', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    const second = (await login('a.logout', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    await t.anonymous.post(`${API}/auth/logout`).set('Authorization', `Bearer ${first}`).expect(204);
    expect((await me(first).expect(401)).body.reason).toBe('SESSION_ENDED');
    await me(second).expect(200);
  });

  it('a deleted account’s token answers 401 at once, it can no longer log in, and its name stays taken', async () => {
    const { id } = await account(t, 'a.deleted', cellId, ['cell_secretary']);
    const token = (await login('a.deleted', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    await t.http.delete(`${API}/users/${id}`).expect(204);
    expect((await me(token).expect(401)).body.reason).toBe('ACCOUNT_DELETED');
    await login('a.deleted', STAFF_PASSWORD).expect(401);
    const again = await t.http.post(`${API}/users`).send({ username: 'A.Deleted', password: STAFF_PASSWORD, fullName: 'Nguyễn Văn Xóa', organisationId: cellId, roles: ['cell_secretary'] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_EXISTS', field: 'username' });
  });

  it('changing one’s password needs the current one, ends every session, and the new password works', async () => {
    await createUser(t, 'a.change', cellId, ['cell_secretary']);
    const token = (await login('a.change', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    const auth = { Authorization: `Bearer ${token}` };
    const wrong = await t.anonymous.post(`${API}/auth/password`).set(auth).send({ currentPassword: 'guess-guess', newPassword: 'mat-khau-moi-2026' }).expect(400);
    expect(wrong.body.fields).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const weak = await t.anonymous.post(`${API}/auth/password`).set(auth).send({ currentPassword: STAFF_PASSWORD, newPassword: 'short' }).expect(400);
    expect(weak.body.fields).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    await t.anonymous.post(`${API}/auth/password`).set(auth).send({ currentPassword: STAFF_PASSWORD, newPassword: 'mat-khau-moi-2026' }).expect(204);
    expect((await me(token).expect(401)).body.reason).toBe('SESSION_ENDED');
    await login('a.change', STAFF_PASSWORD).expect(401);
    await login('a.change', 'mat-khau-moi-2026').expect(200);
  });

  it('an administrator’s password reset ends the account’s sessions', async () => {
    const { id } = await account(t, 'a.reset', cellId, ['cell_secretary']);
    const token = (await login('a.reset', STAFF_PASSWORD).expect(200)).body.accessToken as string;
    await t.http.post(`${API}/users/${id}/password`).send({ password: 'mat-khau-cap-lai' }).expect(204);
    expect((await me(token).expect(401)).body.reason).toBe('SESSION_ENDED');
    await login('a.reset', 'mat-khau-cap-lai').expect(200);
  });

  it('a burst of failed logins locks the name: the 5th failure answers 429 with Retry-After, even the right password waits, and the lock ends on time', async () => {
    await createUser(t, 'a.burst', cellId, ['cell_secretary']);
    t.clock.set('2026-03-02T03:00:00.000Z');
    const answers: number[] = [];
    for (let i = 0; i < 4; i += 1) answers.push((await login('a.burst', `wrong-${i}-password`)).status);
    expect(answers).toEqual([401, 401, 401, 401]);
    const fifth = await login('a.burst', 'wrong-4-password').expect(429);
    expect(fifth.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'LOGIN_LOCKED', retryAfterSeconds: 900 });
    expect(fifth.headers['retry-after']).toBe('900');
    const burst = await Promise.all(Array.from({ length: 10 }, () => login('a.burst', 'wrong-again-password')));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(429));
    t.clock.set('2026-03-02T03:14:59.000Z');
    expect((await login('a.burst', STAFF_PASSWORD).expect(429)).body.retryAfterSeconds).toBe(1);
    t.clock.set('2026-03-02T03:15:00.000Z');
    await login('a.burst', STAFF_PASSWORD).expect(200);
    t.setToday('2026-03-02');
  });

  it('forty logins at once on one name, the right password 23rd: at most LOGIN_MAX_FAILURES wrong passwords are checked, then the name is locked', async () => {
    await createUser(t, 'a.parallel', cellId, ['cell_secretary']);
    t.clock.set('2026-03-02T05:00:00.000Z');
    const hasher = t.app.get(PasswordHasher);
    const verify = jest.spyOn(hasher, 'verify');
    try {
      const passwords = Array.from({ length: 40 }, (_, i) => (i === 22 ? STAFF_PASSWORD : `wrong-${i}-password`));
      const answers = await Promise.all(passwords.map((password) => login('a.parallel', password)));
      const outcomes = await Promise.all(verify.mock.results.map((r) => r.value as Promise<boolean>));
      const failedChecks = outcomes.filter((ok) => !ok).length;
      expect(failedChecks).toBeLessThanOrEqual(5);
      // Every attempt was answered: by its checked password, or refused unchecked as locked.
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((s) => s === 200 || s === 401 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 401).length).toBeLessThan(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
      expect(verify.mock.calls.length).toBeLessThanOrEqual(6);
      // The right password succeeded only if it was checked before the lock.
      expect(statuses[22] === 200).toBe(outcomes.some((ok) => ok));
    } finally {
      verify.mockRestore();
    }
    // The name is locked now, the right password included.
    await login('a.parallel', STAFF_PASSWORD).expect(429);
    t.setToday('2026-03-02');
  });

  it('a name locked by failures does not lock another name', async () => {
    await createUser(t, 'a.neighbour', cellId, ['cell_secretary']);
    for (let i = 0; i < 5; i += 1) await login('a.target', 'wrong-password-x');
    await login('a.target', 'wrong-password-x').expect(429);
    await login('a.neighbour', STAFF_PASSWORD).expect(200);
  });

  it('refuses accounts whose roles do not fit their organisation, unknown roles and weak passwords, writing nothing', async () => {
    const cases = [
      [{ username: 'bad.role', fullName: 'Trần Thị Hoa', password: STAFF_PASSWORD, organisationId: cellId, roles: ['superior_officer'] }, 'roles'],
      [{ username: 'bad.role2', fullName: 'Trần Thị Hoa', password: STAFF_PASSWORD, organisationId: cellId, roles: ['chairman'] }, 'roles'],
      [{ username: 'bad.pass', fullName: 'Trần Thị Hoa', password: 'short', organisationId: cellId, roles: ['cell_secretary'] }, 'password'],
      [{ username: 'same.as.password', fullName: 'Trần Thị Hoa', password: 'same.as.password', organisationId: cellId, roles: ['cell_secretary'] }, 'password'],
      [{ username: 'x', fullName: 'Trần Thị Hoa', password: STAFF_PASSWORD, organisationId: cellId, roles: ['cell_secretary'] }, 'username'],
      [{ username: 'extra.field', fullName: 'Trần Thị Hoa', password: STAFF_PASSWORD, organisationId: cellId, roles: ['cell_secretary'], isAdmin: true }, 'isAdmin'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await t.http.post(`${API}/users`).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      await login(body.username, body.password).expect(401);
    }
  });
});

describe('the bootstrap admin (ADMIN_PASSWORD)', () => {
  it('is created on start with every role over the whole tree, follows a changed ADMIN_PASSWORD, and is not created without one', async () => {
    const first = await startTestApp({ env: { ADMIN_PASSWORD: 'first-admin-password' } });
    try {
      const res = await first.anonymous.post(`${API}/auth/login`).send({ username: 'admin', password: 'first-admin-password' }).expect(200);
      expect(res.body.user).toMatchObject({ organisationId: null, roles: ['cell_secretary', 'grassroots_officer', 'superior_officer', 'inspector', 'admin'] });
    } finally {
      await first.close();
    }
    const second = await startTestApp({ env: { ADMIN_PASSWORD: 'second-admin-password' } });
    try {
      await second.anonymous.post(`${API}/auth/login`).send({ username: 'admin', password: 'first-admin-password' }).expect(401);
      await second.anonymous.post(`${API}/auth/login`).send({ username: 'admin', password: 'second-admin-password' }).expect(200);
    } finally {
      await second.close();
    }
    // Back to the suite's password so other suites on this database find the admin they expect.
    const restore = await startTestApp({ env: { ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } });
    await restore.close();
  });
});
