import { RequestMethod } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_ROUTE, ROUTE_PERMISSION } from '../../apps/api/src/auth/access.decorators';
import { API, startTestApp, TestApp } from '../support/app';
import { createOrganisation } from './support';

describe('hardening (real PostgreSQL)', () => {
  describe('with the default settings', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t?.close());

    it('every route is either public or names a permission (deny by default), and only the expected ones are public', () => {
      const reflector = new Reflector();
      const publicRoutes: string[] = [];
      let routes = 0;
      const controllers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()]);
      for (const wrapper of controllers) {
        const instance = wrapper.instance as Record<string, unknown> | undefined;
        if (!instance || !wrapper.metatype) continue;
        const base = String(reflector.get(PATH_METADATA, wrapper.metatype) ?? '');
        const prototype = Object.getPrototypeOf(instance) as object;
        for (const name of Object.getOwnPropertyNames(prototype).filter((n) => n !== 'constructor')) {
          const handler = instance[name] as (...args: unknown[]) => unknown;
          const path = reflector.get<string | undefined>(PATH_METADATA, handler);
          if (path === undefined) continue;
          routes += 1;
          const method = RequestMethod[reflector.get<number>(METHOD_METADATA, handler)];
          const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, wrapper.metatype]) === true;
          const permission = reflector.getAllAndOverride<string | undefined>(ROUTE_PERMISSION, [handler, wrapper.metatype]);
          expect({ route: `${method} ${base}/${path}`, guarded: isPublic || typeof permission === 'string' }).toEqual({ route: `${method} ${base}/${path}`, guarded: true });
          if (isPublic) publicRoutes.push(`${method} ${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, ''));
        }
      }
      expect(routes).toBeGreaterThan(25);
      expect(publicRoutes.sort()).toEqual(
        ['GET health', 'GET metrics', 'POST auth/login', 'POST auth/session'].sort(),
      );
    });

    it('sends security headers and no framework banner', async () => {
      const res = await t.anonymous.get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('keeps CORS closed: a cross-origin preflight gets no Access-Control-Allow-Origin', async () => {
      const res = await t.anonymous.options(`${API}/cases`).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.http.get(`${API}/cases`).set('Origin', 'https://evil.example');
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('refuses unknown fields, writing nothing', async () => {
      const res = await t.http.post(`${API}/organisations`).send({ name: 'Tỉnh ủy Thừa', kind: 'province', role: 'admin' }).expect(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'role' })]);
      expect((await t.http.get(`${API}/organisations`)).body.map((o: { name: string }) => o.name)).not.toContain('Tỉnh ủy Thừa');
    });

    it('answers an unexpected failure without stack or SQL', async () => {
      const res = await t.http.get(`${API}/cases`).query({ cursor: 'eyJjcmVhdGVkQXQiOiJub3QgYSBkYXRlIiwiaWQiOiJ4In0' });
      expect(res.status).toBeLessThan(500);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/at .*\.(ts|js):\d+|SELECT|syntax error|QueryFailedError/);
    });
  });

  describe('with CORS_ORIGINS and small rate limits', () => {
    let t: TestApp;
    let cellId: string;
    beforeAll(async () => {
      t = await startTestApp({ env: { CORS_ORIGINS: 'https://console.example.vn', LOGIN_RATE_LIMIT_PER_MINUTE: '3', WRITE_RATE_LIMIT_PER_MINUTE: '3' } });
    });
    afterAll(() => t?.close());

    it('allows exactly the configured origin', async () => {
      const ok = await t.anonymous.options(`${API}/cases`).set('Origin', 'https://console.example.vn').set('Access-Control-Request-Method', 'POST');
      expect(ok.headers['access-control-allow-origin']).toBe('https://console.example.vn');
      const other = await t.anonymous.options(`${API}/cases`).set('Origin', 'https://other.example.vn').set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('limits logins per client address: the limit-th passes, the next is 429 whatever the name', async () => {
      // The test app's own admin login already used one of the three.
      await t.anonymous.post(`${API}/auth/login`).send({ username: 'someone', password: 'whatever-1' }).expect(401);
      await t.anonymous.post(`${API}/auth/login`).send({ username: 'someone-else', password: 'whatever-2' }).expect(401);
      const limited = await t.anonymous.post(`${API}/auth/login`).send({ username: 'a-third', password: 'whatever-3' }).expect(429);
      expect(limited.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('limits writes per account, not reads, and not another account', async () => {
      const province = await createOrganisation(t, { name: 'Tỉnh ủy Giới hạn', kind: 'province' });
      const commune = await createOrganisation(t, { name: 'Xã Giới hạn', kind: 'commune', parentId: province });
      cellId = await createOrganisation(t, { name: 'Chi bộ Giới hạn', kind: 'cell', parentId: commune });
      // The admin has now written three times this minute.
      const fourth = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ thứ tư', kind: 'cell', parentId: commune });
      expect(fourth.status).toBe(429);
      expect(fourth.body.reason).toBe('RATE_LIMITED');
      await t.http.get(`${API}/organisations`).expect(200);
      expect((await t.http.get(`${API}/organisations`)).body.map((o: { name: string }) => o.name)).not.toContain('Chi bộ thứ tư');
      expect(cellId).toBeDefined();
    });
  });

  it('refuses webhooks into the server’s own network unless WEBHOOK_ALLOW_PRIVATE_TARGETS is set', async () => {
    const t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } });
    try {
      const province = await createOrganisation(t, { name: 'Tỉnh ủy Mạng', kind: 'province' });
      for (const url of ['http://127.0.0.1:8080/hook', 'http://169.254.169.254/latest', 'http://localhost/hook', 'http://[::1]/hook', 'http://192.168.1.10/hook']) {
        const res = await t.http.post(`${API}/webhooks`).send({ organisationId: province, url });
        expect([url, res.status, res.body.fields?.[0]?.field]).toEqual([url, 400, 'url']);
      }
      await t.http.post(`${API}/webhooks`).send({ organisationId: province, url: 'https://hooks.example.vn/charterflow' }).expect(201);
    } finally {
      await t.close();
    }
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    await expect(startTestApp({ env: { NODE_ENV: 'production' } })).rejects.toThrow(/JWT_SECRET/);
  });
});

