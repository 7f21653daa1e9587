import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/app';

/** The API process serving the staff application's build: files, the page for every screen's address, the API apart. */
describe('serving the staff application', () => {
  let t: TestApp;
  let dir: string;
  const before = process.env.WEB_DIST_DIR;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charterflow-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("app");');
    process.env.WEB_DIST_DIR = dir;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (before === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the page at / and at every screen’s address, revalidated on each load, with the security headers', async () => {
    for (const path of ['/', '/cases/00000000-0000-4000-8000-000000000000', '/inbox', '/audit', '/statistics']) {
      const res = await t.anonymous.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves the hashed files for a year, and a missing one as 404, not as the page', async () => {
    const res = await t.anonymous.get('/assets/app-1a2b.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    await t.anonymous.get('/assets/missing-0000.js').expect(404);
  });

  it('leaves the API, health and metrics to their routes', async () => {
    expect((await t.anonymous.get('/api/v1/no-such-route').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.anonymous.get('/api/v1/cases').expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect((await t.anonymous.get('/health')).headers['content-type']).toMatch(/json/);
    expect((await t.anonymous.get('/metrics').expect(200)).headers['content-type']).toMatch(/^text\/plain/);
  });

  it('sends a browser at the old console to the application', async () => {
    expect((await t.anonymous.get('/console').expect(302)).headers.location).toBe('/');
    expect((await t.anonymous.get('/console/app.js').expect(302)).headers.location).toBe('/');
  });
});
