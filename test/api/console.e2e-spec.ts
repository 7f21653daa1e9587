import { Script } from 'node:vm';
import { TOP_STATES } from '@charterflow/procedure';
import { API, startTestApp, TestApp } from '../support/app';

describe('Staff console (GET /console)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('GET / redirects to /console', async () => {
    const res = await t.http.get('/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/console');
  });

  it('GET /console answers the page: Vietnamese first, linking its script and style sheet', async () => {
    const res = await t.http.get('/console');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.text).toContain('<html lang="vi">');
    expect(res.text).toContain('Quy trình kết nạp đảng viên');
    expect(res.text).toContain('Hồ sơ kết nạp');
    expect(res.text).toContain('Admission cases');
    expect(res.text).toContain('<script src="/console/app.js" defer></script>');
    expect(res.text).toContain('<link rel="stylesheet" href="/console/app.css">');
    // No inline script: every <script> names a same-origin source and has no body.
    const scripts = res.text.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts).toEqual(['<script src="/console/app.js" defer></script>']);
    expect(res.text).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('the Content-Security-Policy still forbids inline scripts', async () => {
    const res = await t.http.get('/console');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
  });

  it('GET /console/app.js is JavaScript calling the JSON API, with a label for every state', async () => {
    const res = await t.http.get('/console/app.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8/);
    expect(res.text).toContain('/api/v1/cases');
    expect(res.text).toContain('/api/v1/organisations');
    expect(res.text).toContain('/api/v1/audit/violations');
    expect(res.text).toContain("'/compliance'");
    expect(res.text).toContain('If-Match');
    expect(res.text).toContain('Idempotency-Key');
    expect(res.text).toContain('randomUUID');
    expect(res.text).toContain('Quần chúng ưu tú');
    expect(res.text).toContain('Đảng viên dự bị');
    expect(res.text).toContain('Đảng viên chính thức');
    for (const state of TOP_STATES) expect(res.text).toContain(`"${state}"`);
    // It parses (a stray backtick or `${` in the embedded source would break it).
    expect(() => new Script(res.text, { filename: 'app.js' })).not.toThrow();
  });

  it('GET /console/app.css is a style sheet', async () => {
    const res = await t.http.get('/console/app.css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css; charset=utf-8/);
    expect(res.text).toContain(':root');
  });

  it('the console stays outside the API prefix and the OpenAPI document', async () => {
    expect((await t.http.get(`${API}/console`)).status).toBe(404);
    expect((await t.http.get('/console/nothing.js')).status).toBe(404);
    const doc = await t.http.get('/api/docs-json');
    expect(Object.keys(doc.body.paths ?? {}).filter((p) => p === '/' || p.startsWith('/console'))).toEqual([]);
  });
});
