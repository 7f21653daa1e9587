import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TestApp } from '../support/app';

/** The built staff application the API serves; built here when a run starts without it or its sources changed since. */
export function ensureWebBuild(): void {
  const built = join('apps', 'web', 'dist', 'index.html');
  if (existsSync(built) && newestChange(['apps/web/src', 'apps/web/index.html', 'libs/procedure/src']) <= statSync(built).mtimeMs) return;
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
}

/** The latest modification time of the files under these paths (the sources the staff application is built from). */
function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

/** Debian's Chromium (CI installs it with apt-get), driven headless by playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--lang=vi-VN'] });
}

/** Makes the test app listen on a free local port and answers its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** Signs in through the sign-in form of the application at `base` and waits for the home page (Việc cần làm). */
export async function signInThroughForm(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
}

/** What went wrong in a page: uncaught errors, failed requests and answers ≥ 400 (`STATUS METHOD /path`). */
export interface PageProblems {
  errors: string[];
  answers: string[];
}

export function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], answers: [] };
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.errors.push(m.text());
  });
  page.on('requestfailed', (r) => problems.errors.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.answers.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`);
  });
  return problems;
}

/** axe-core's browser build. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

/**
 * The WCAG 2 A and AA violations axe-core finds on the page as it is now (rule, and up to three elements). The
 * application's Content-Security-Policy (`script-src 'self'`) refuses an injected script tag, as it should, so axe's
 * source is evaluated through the browser's debugging protocol instead.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.locator('html').evaluate(async (html) => {
    const axe = (html.ownerDocument.defaultView as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(html.ownerDocument, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
