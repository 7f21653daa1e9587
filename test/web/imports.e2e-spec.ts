import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ImportRunner } from '@charterflow/intake';
import { createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { createUser, fullNameOf, STAFF_PASSWORD } from '../access/support';
import { probationerRow, toCsv } from '../imports/rows';
import { axeViolations, ensureWebBuild, launchChromium, listen, type PageProblems, signInThroughForm, watch } from './support';

/**
 * A read the page had in flight when the test itself navigated (reload, `goto`) is cancelled by the browser: the
 * import's progress, the list, the unread notifications. Any other failed request is a problem.
 */
/** A read of the screen being left that a navigation cut short (the start screen's worklist, a poll): the browser's doing. */
const ABORTED_BY_NAVIGATION = /^request failed: GET \S+\/api\/v1\/(imports|notifications|worklist)\S* net::ERR_ABORTED$/;
/** Where the screenshots go: a scratch folder, or SCREENSHOTS_DIR (`npm run screenshots` refreshes docs/screenshots). */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'charterflow-screenshots-'));
const TODAY = '2026-06-30';
/** The page asks whether a session exists before showing the sign-in form: 401 until someone signs in. */
const NO_SESSION_YET = '401 GET /api/v1/auth/session';
const PHONE = { width: 390, height: 844 };
/** The refused column's label (the admission decision's date, from the event schema), then its header in the file. */
const DECISION_DATE_VI = 'Quyết định kết nạp đảng viên – Ngày ký quyết định (cột admissionDecisionOn): giá trị thiếu hoặc không hợp lệ.';
const DECISION_DATE_EN = 'Admission decision – Date of the decision (column admissionDecisionOn): missing or not valid.';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The import screen keeps its import: an upload has its own address, so a clerk who leaves the screen, comes back
 * or reloads sees the same import — still followed while it waits or runs, then its report, a refused column named
 * by its Vietnamese label — and the recent imports of the subtree list it. At phone width the report and the list
 * are cards that do not scroll sideways. In a real Chromium against the API process serving the build.
 */
describe('staff application: an import followed across screens and reloads, and read on a phone (real PostgreSQL)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let tree: OrganisationTree;
  let runner: ImportRunner;
  /** The address of the import the first test uploads (the phone test opens it). */
  let importPath: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp({ today: TODAY });
    tree = await createOrganisationTree(t.http, { label: 'màn hình nhập' });
    await createUser(t, 'quantri.mhn', tree.provinceId, ['admin']);
    runner = t.app.get(ImportRunner);
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signedIn(viewport = { width: 1366, height: 768 }): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    const problems = watch(page);
    await signInThroughForm(page, base, 'quantri.mhn', STAFF_PASSWORD);
    return { page, problems };
  }

  /** The import's report row of an external id (a table row at desktop width). */
  const reportRow = (page: Page, externalId: string): Locator => page.getByTestId('import-report').locator('tr', { hasText: externalId });

  async function expectReport(page: Page): Promise<void> {
    await page.getByTestId('import-summary').filter({ hasText: '2 dòng: 1 đã nhập, 0 không thay đổi, 1 bị từ chối, 0 có ghi chú vi phạm.' }).waitFor();
    await reportRow(page, 'MHN-2').filter({ hasText: DECISION_DATE_VI }).waitFor();
    expect(await reportRow(page, 'MHN-2').innerText()).toContain('Bị từ chối');
    expect(await reportRow(page, 'MHN-1').innerText()).toContain('Đã nhập');
    expect(await page.getByTestId('import-meta').innerText()).toBe(`Người tải lên: ${fullNameOf('quantri.mhn')} (Tỉnh ủy màn hình nhập) · Tệp CSV`);
    expect(await page.getByRole('heading', { name: 'Lần nhập lúc 30/06/2026 10:00' }).count()).toBe(1);
  }

  it('uploads a file with a bad row, leaves the screen and comes back, reloads, and finds the same import: its progress, then its report, and in the list', async () => {
    const { page, problems } = await signedIn();
    const polls: { background: string | undefined; items: string | null }[] = [];
    const rowReads: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') return;
      const url = new URL(r.url());
      if (/^\/api\/v1\/imports\/[0-9a-f-]{36}$/.test(url.pathname)) {
        polls.push({ background: r.headers()['x-background-request'], items: url.searchParams.get('items') });
      }
      if (/^\/api\/v1\/imports\/[0-9a-f-]{36}\/rows$/.test(url.pathname)) rowReads.push(url.search);
    });
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('tab', { name: 'Nhập hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Nhập hồ sơ đang theo dõi' }).waitFor();
    // The run's database is shared by the test files: imports another file left waiting are worked off first.
    await runner.drain();
    const rows = [probationerRow('MHN-1', tree.cellId, '2026-01-05'), { ...probationerRow('MHN-2', tree.cellId, '2026-01-05'), admissionDecisionOn: '2026-02-30' }];
    await page.locator('input[type=file]').setInputFiles({ name: 'ho-so.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows), 'utf8') });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();

    // Accepted: the screen is now at the import's own address, the import waiting for a worker.
    await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    importPath = new URL(page.url()).pathname;
    await page.getByTestId('import-progress').filter({ hasText: 'Đã nhận tệp 2 dòng, đang chờ xử lý…' }).waitFor();
    // The recent imports list it, waiting.
    const listed = page.getByTestId('recent-imports').locator('tr', { hasText: '30/06/2026 10:00' });
    await listed.filter({ hasText: 'Đang chờ xử lý' }).waitFor();

    // Away to the worklist and back: the same import, still waiting.
    await page.getByRole('link', { name: 'Việc cần làm' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    await page.goBack();
    await page.getByTestId('import-progress').filter({ hasText: 'Đã nhận tệp 2 dòng, đang chờ xử lý…' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(importPath);

    // Reloaded: the same import; a worker then processes it and the page, still asking, shows the report.
    await page.reload();
    await page.getByTestId('import-progress').filter({ hasText: 'Đã nhận tệp 2 dòng, đang chờ xử lý…' }).waitFor();
    const asked = polls.length;
    expect(await runner.drain()).toBe(1);
    await expectReport(page);
    // The readings after the first of each visit are the page's own: background requests.
    expect(polls.slice(asked).length).toBeGreaterThan(0);
    expect(polls.slice(asked).at(-1)?.background).toBe('true');
    // The import is followed without its rows (a file may hold 100,000 of them); the report is read a page at a time.
    expect(polls.every((p) => p.items === 'false')).toBe(true);
    expect(rowReads.length).toBeGreaterThan(0);
    expect(rowReads.every((q) => new URLSearchParams(q).get('limit') === '200')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/imports.png`, fullPage: true });

    // Away to another tab of the administration, then to the imports tab: the list shows it done, with its counts.
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByRole('tab', { name: 'Nhập hồ sơ' }).click();
    await page.getByTestId('recent-imports').waitFor();
    expect(await page.getByTestId('import-detail').count()).toBe(0);
    const row = page.getByTestId('recent-imports').locator('tr', { hasText: '30/06/2026 10:00' });
    await row.filter({ hasText: 'Đã xong' }).waitFor();
    const text = await row.innerText();
    for (const part of [fullNameOf('quantri.mhn'), 'Tỉnh ủy màn hình nhập', 'Đã xử lý 2/2 dòng', '1 đã nhập, 0 không thay đổi, 1 bị từ chối']) expect(text).toContain(part);
    // Opened from the list: the same import, at its address.
    await row.getByRole('link', { name: 'Xem lần nhập lúc 30/06/2026 10:00' }).click();
    await expectReport(page);
    expect(new URL(page.url()).pathname).toBe(importPath);
    expect(await page.getByTestId('recent-imports').locator('tr[aria-current="true"]').innerText()).toContain('30/06/2026 10:00');

    // Reloaded when done: the report again. Nothing a clerk reads is an id, a code or JSON.
    await page.reload();
    await expectReport(page);
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(UUID);
    expect(main).not.toMatch(/VALIDATION_FAILED|RULE_VIOLATION|\d{4}-\d{2}-\d{2}|\{"/);

    // Only the refused rows, then all of them again.
    await page.getByTestId('import-shown').getByText('Bị từ chối (1)').click();
    await page.getByTestId('import-report').locator('tbody tr').first().filter({ hasText: 'MHN-2' }).waitFor();
    expect(await page.getByTestId('import-report').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('import-shown').getByText('Tất cả (2)').click();
    await reportRow(page, 'MHN-1').waitFor();
    expect(await page.getByTestId('import-report').locator('tbody tr').count()).toBe(2);

    // In English the column reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await reportRow(page, 'MHN-2').filter({ hasText: DECISION_DATE_EN }).waitFor();
    // A reload aborts whatever the page was still asking (the list, a poll): the browser's doing, not a failure.
    expect(problems.errors.filter((e) => !ABORTED_BY_NAVIGATION.test(e))).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
  });

  it('at phone width (390×844) the report and the list are cards: nothing scrolls sideways, no WCAG 2 AA violation', async () => {
    expect(importPath).toMatch(/^\/admin\/imports\//);
    const { page, problems } = await signedIn(PHONE);
    await page.goto(`${base}${importPath}`);
    await page.getByTestId('import-summary').waitFor();
    const report = page.getByTestId('import-report');
    // Each row a card, each cell under its column's title.
    const refused = report.locator('li', { hasText: 'MHN-2' });
    await refused.waitFor();
    const card = await refused.innerText();
    for (const part of ['Dòng', '2', 'Mã hồ sơ của đơn vị', 'Kết quả', 'Bị từ chối', 'Lý do, ghi chú', DECISION_DATE_VI]) expect(card).toContain(part);
    expect(await report.locator('table').count()).toBe(0);
    await page.getByTestId('recent-imports').locator('li', { hasText: '30/06/2026 10:00' }).waitFor();

    const widths = await page.locator('html').evaluate((html) => {
      const doc = html.ownerDocument;
      const box = (testId: string) => {
        const el = doc.querySelector(`[data-testid="${testId}"]`);
        return el ? { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth } : null;
      };
      // Every element of the screen that scrolls sideways (a table's container would).
      const scrolling = [...doc.querySelectorAll('main *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(doc.defaultView?.getComputedStyle(el).overflowX ?? ''))
        .map((el) => el.className);
      return { scrollWidth: html.scrollWidth, innerWidth: doc.defaultView?.innerWidth ?? 0, report: box('import-report'), list: box('recent-imports'), scrolling };
    });
    expect(widths.innerWidth).toBe(390);
    expect(widths.scrollWidth).toBeLessThanOrEqual(widths.innerWidth);
    expect(widths.report!.scrollWidth).toBeLessThanOrEqual(widths.report!.clientWidth);
    expect(widths.list!.scrollWidth).toBeLessThanOrEqual(widths.list!.clientWidth);
    expect(widths.scrolling).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-imports.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    // Going straight to the import after signing in cuts short what the start screen was still reading.
    expect(problems.errors.filter((e) => !ABORTED_BY_NAVIGATION.test(e))).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
  });

  it('draws a long report 200 rows at a time, and the rest on asking', async () => {
    const { page, problems } = await signedIn();
    // First a file that is not a file of rows: refused, the reason under the file field, nothing stored.
    await page.goto(`${base}/admin/imports`);
    await page.getByRole('heading', { name: 'Nhập hồ sơ đang theo dõi' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n', 'utf8') });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const fileField = page.getByLabel('Tệp CSV');
    await page.getByText('Dòng đầu của tệp phải ghi tên các cột theo hướng dẫn nhập hồ sơ (externalId, organisationId, …).').waitFor();
    expect(await fileField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/admin/imports');
    await page.screenshot({ path: `${SCREENSHOTS}/imports-refused-file.png` });
    const rows = Array.from({ length: 205 }, (_, i) => probationerRow(`MHN-D-${i + 1}`, tree.cellId, '2026-01-05'));
    await page.goto(`${base}/admin/imports`);
    await page.getByRole('heading', { name: 'Nhập hồ sơ đang theo dõi' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'dai.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows), 'utf8') });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    expect(await runner.drain()).toBe(1);
    await page.getByTestId('import-summary').filter({ hasText: '205 dòng: 205 đã nhập' }).waitFor();
    // The rows come in their own read after the summary: the 200th drawn, and no more.
    await reportRow(page, 'MHN-D-200').waitFor();
    const body = page.getByTestId('import-report').locator('tbody tr');
    expect(await body.count()).toBe(200);
    // Nothing refused or flagged: no choice of rows to show.
    expect(await page.getByTestId('import-shown').count()).toBe(0);
    expect(await page.getByText('Đang hiện 200/205 dòng.').count()).toBe(1);
    await page.getByTestId('import-more-rows').filter({ hasText: 'Xem thêm 5 dòng' }).click();
    await reportRow(page, 'MHN-D-205').waitFor();
    expect(await body.count()).toBe(205);
    expect(await page.getByTestId('import-more-rows').count()).toBe(0);
    expect(problems.errors.filter((e) => !ABORTED_BY_NAVIGATION.test(e))).toEqual([]);
  });
});
