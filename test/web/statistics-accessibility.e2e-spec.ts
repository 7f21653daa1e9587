import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { pdfText } from '@charterflow/documents/testing';
import { FiringService } from '@charterflow/delivery';
import { DEADLINE_KIND_LABELS, EVENT_LABELS } from '@charterflow/procedure';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { createUser, STAFF_PASSWORD } from '../access/support';
import { caseInCellReview } from '../api/helpers';
import { probationerRow, toCsv } from '../imports/rows';
import { finished } from '../imports/finish';
import { axeViolations, ensureWebBuild, launchChromium, listen, type PageProblems, signInThroughForm, watch } from './support';

/** Where the screenshots (statistics, phone width) go: a scratch folder, or SCREENSHOTS_DIR. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'charterflow-screenshots-'));
/** The business day of the test: the page reads it from the browser's clock, the API from the test clock. */
const TODAY = '2026-06-30';
/** The page asks whether a session exists before showing the sign-in form: 401 until someone signs in. */
const NO_SESSION_YET = '401 GET /api/v1/auth/session';
const PHONE = { width: 390, height: 844 };

/** Rows of a table as the clerk reads them: the text of each cell. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/** The width of an A4 sheet inside the print margins (210 mm − 2 × 12 mm) in CSS pixels. */
const A4_PRINT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

/** Whether the page, printed on A4, is no wider than the sheet (the page then restored to the screen). */
async function fitsA4(page: Page): Promise<{ scrollWidth: number; width: number }> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1100 });
  await page.emulateMedia({ media: 'print' });
  const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
  await page.emulateMedia({ media: 'screen' });
  if (viewport) await page.setViewportSize(viewport);
  return { scrollWidth, width: A4_PRINT_WIDTH };
}

/**
 * The Thống kê screen, the late time limits of the audit screen, and the accessibility of the main screens, in a real
 * Chromium against the API process serving the build: four admissions imported (January ×2, March, April, the last
 * decided late), a yearly target of 24 for the province, read by a province officer; axe-core finds no WCAG 2 AA
 * violation on the worklist, the case page with a step form open, the statistics page and the audit screen's late
 * limits; at phone width the worklist, the case page and the statistics page do not scroll sideways; printed, the
 * statistics and case pages leave out the controls and fit an A4 sheet.
 */
describe('statistics, late limits and accessibility in Chromium (real PostgreSQL)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let tree: OrganisationTree;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp({ today: '2026-01-14' });
    tree = await createOrganisationTree(t.http, { label: 'thống kê' });
    // A case waiting for the cell's vote: the cell secretary's worklist and step form.
    const cuc = await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Phạm Thị Cúc' });
    // A month before her dossier documents expire, the cell is reminded: one unread notification in the cell's inbox.
    const [d] = await t.app.get(DataSource).query<{ id: string; generation: number }[]>(`SELECT id, generation FROM deadlines WHERE case_id = $1 AND kind = 'DOSSIER_DOCUMENTS_EXPIRY'`, [cuc.id]);
    t.clock.set('2026-12-07T01:00:00.000Z');
    expect(await t.app.get(FiringService).fire({ deadlineId: d.id, generation: d.generation, phase: 'remind-1m' })).toMatchObject({ outcome: 'fired' });
    t.setToday(TODAY);
    // Decisions (opened + 40 days; + 110 when late): 10/01/2026, 19/01/2026, 13/03/2026, and 25/04/2026 (late).
    const rows = [probationerRow('TK-1', tree.cellId, '2025-12-01'), probationerRow('TK-2', tree.cellId, '2025-12-10'), probationerRow('TK-3', tree.cellId, '2026-02-01'), probationerRow('TK-4', tree.cellId, '2026-01-05', { lateDecision: true })];
    const report = await finished(t, await t.http.post(`${API}/imports`).set('Content-Type', 'text/csv').send(toCsv(rows)));
    expect(report).toMatchObject({ imported: 4, refused: 0 });
    await t.http.put(`${API}/targets/${tree.provinceId}/2026`).send({ admissions: 24 }).expect(200);
    await createUser(t, 'tinhuy.tk', tree.provinceId, ['superior_officer']);
    await createUser(t, 'bithu.tk', tree.cellId, ['cell_secretary']);
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function signedIn(username: string, viewport = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    contexts.push(context);
    await context.clock.setFixedTime(new Date(`${TODAY}T03:00:00.000Z`));
    const page = await context.newPage();
    const problems = watch(page);
    await signInThroughForm(page, base, username, STAFF_PASSWORD);
    return { context, page, problems };
  }

  function expectNoProblems(problems: PageProblems): void {
    expect(problems.errors).toEqual([]);
    expect(problems.answers.filter((a) => a !== NO_SESSION_YET)).toEqual([]);
  }

  it('a province officer reads the year against its target, per month and by category, then a quarter; CSV and the printable report open', async () => {
    const { context, page, problems } = await signedIn('tinhuy.tk');
    // The periods the screen asks the statistics of: one request per period shown, its months inside the answer.
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/v1/statistics/admissions') asked.push(url.searchParams.get('period') ?? '');
    });
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { name: 'Thống kê kết nạp đảng viên' }).waitFor();
    await page.getByTestId('statistics-heading').filter({ hasText: 'Năm 2026' }).waitFor();
    await page.getByTestId('monthly-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual(['2026']);

    expect(await page.getByTestId('figure-admitted').innerText()).toContain('4');
    // 24 a year; 4 admitted: 16,7 %.
    await page.getByTestId('figure-target').filter({ hasText: 'Đạt 16,7 %' }).waitFor();
    expect(await page.getByTestId('figure-target').innerText()).toContain('24');
    // Every month of the year, the monthly target 24/12 = 2 on each.
    const months = await tableRows(page.getByTestId('monthly-table'));
    expect(months).toHaveLength(12);
    expect(months.slice(0, 5)).toEqual([
      ['Tháng 1/2026', '2', '2'],
      ['Tháng 2/2026', '0', '2'],
      ['Tháng 3/2026', '1', '2'],
      ['Tháng 4/2026', '1', '2'],
      ['Tháng 5/2026', '0', '2'],
    ]);
    expect(months[11]).toEqual(['Tháng 12/2026', '0', '2']);
    // The chart: one bar per month, the target line drawn, a summary for a screen reader.
    const chart = page.getByTestId('monthly-chart');
    expect(await chart.locator('rect').count()).toBe(12);
    expect(await chart.getByTestId('target-line').count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toContain('4 đảng viên kết nạp trong 12 tháng');
    // By category, with the names of the published counts (imported: all in the Youth Union, aged 25, upper secondary; TK-2 and TK-4 women).
    const categories = Object.fromEntries((await tableRows(page.getByTestId('categories'))).map(([name, n, share]) => [name, [n, share]]));
    expect(categories['Nữ']).toEqual(['2', '50 %']);
    expect(categories['Đoàn viên thanh niên']).toEqual(['4', '100 %']);
    expect(categories['Tuổi từ 18 đến 30']).toEqual(['4', '100 %']);
    expect(categories['Dân tộc thiểu số']).toEqual(['0', '0 %']);
    expect(await tableRows(page.getByTestId('units'))).toEqual([[`Đảng ủy phường thống kê`, '4', '0', '0']]);
    await page.screenshot({ path: `${SCREENSHOTS}/statistics.png`, fullPage: true });
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|youthUnion|ethnicMinority|\{"/);

    // The first quarter: three months, target 6, 3 admitted: 50 %. The day after the quarter (April) is not in it.
    await page.getByRole('combobox', { name: 'Kỳ báo cáo' }).click();
    await page.getByRole('option', { name: 'Quý I', exact: true }).click();
    await page.getByTestId('statistics-heading').filter({ hasText: 'Quý I/2026' }).waitFor();
    await page.getByTestId('monthly-table').locator('tbody tr').nth(2).waitFor();
    expect(await tableRows(page.getByTestId('monthly-table'))).toEqual([
      ['Tháng 1/2026', '2', '2'],
      ['Tháng 2/2026', '0', '2'],
      ['Tháng 3/2026', '1', '2'],
    ]);
    await page.getByTestId('figure-admitted').filter({ hasText: '3' }).waitFor();
    expect(await page.getByTestId('figure-target').innerText()).toContain('Đạt 50 %');
    expect(asked).toEqual(['2026', '2026-Q1']);

    // CSV of the same period, with the session; the printable report in a new tab.
    const csvHref = await page.getByRole('link', { name: 'Tải về (CSV)' }).getAttribute('href');
    expect(csvHref).toBe('/api/v1/statistics/admissions?period=2026-Q1&format=csv');
    const csv = await context.request.get(`${base}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    // The admissions register (sổ theo dõi) of the same quarter, printed by the API: the three decided in it.
    const registerHref = await page.getByRole('link', { name: /Sổ theo dõi kết nạp đảng viên/ }).getAttribute('href');
    expect(registerHref).toBe(`/api/v1/organisations/${tree.provinceId}/admissions-register?from=2026-01-01&to=2026-03-31&format=pdf`);
    const register = await context.request.get(`${base}${registerHref}`);
    expect(register.headers()['content-type']).toBe('application/pdf');
    expect(pdfText(await register.body())).toContain('Tổng số: 3 đảng viên');
    const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Báo cáo in (mở trong thẻ mới)' }).click()]);
    await report.waitForLoadState();
    expect(await report.locator('body').innerText()).toContain('Quý I/2026');
    await report.close();

    // Printed, the filters and the navigation are left out; the figures and the chart stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Tải về (CSV)' }).isVisible()).toBe(false);
    expect(await page.getByTestId('monthly-chart').isVisible()).toBe(true);
    expect(await page.getByTestId('categories').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const a4 = await fitsA4(page);
    expect(a4.scrollWidth).toBeLessThanOrEqual(a4.width);

    expect(await axeViolations(page)).toEqual([]);
    expectNoProblems(problems);
  });

  it('the audit screen lists the decision made late, with its working days late', async () => {
    const late = (await t.http.get(`${API}/audit/deadlines`).query({ status: 'missed', organisationId: tree.provinceId }).expect(200)).body.items as { candidateName: string; kind: string; workingDaysLate: number; dueOn: string }[];
    const decision = late.find((d) => d.candidateName === 'Người nhập TK-4' && d.kind === 'ADMISSION_DECISION');
    expect(decision?.workingDaysLate).toBeGreaterThan(0);
    const { page, problems } = await signedIn('tinhuy.tk');
    await page.getByRole('link', { name: 'Kiểm tra' }).click();
    await page.getByRole('tab', { name: 'Thời hạn bị trễ' }).click();
    const table = page.getByTestId('late-deadlines');
    await table.waitFor();
    const rows = await tableRows(table);
    const row = rows.find((r) => r[0] === 'Người nhập TK-4' && r[1].startsWith(DEADLINE_KIND_LABELS.ADMISSION_DECISION.vi));
    expect(row).toBeDefined();
    expect(row![2]).toBe(decision!.dueOn.split('-').reverse().join('/'));
    expect(row![4]).toBe(String(decision!.workingDaysLate));
    expect(row![5]).toBe('Thực hiện trễ hạn');
    // The decisions made in time are not listed.
    expect(rows.some((r) => r[0] === 'Người nhập TK-1' && r[1].startsWith(DEADLINE_KIND_LABELS.ADMISSION_DECISION.vi))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expectNoProblems(problems);
  });

  it('the worklist and the case page with a step form open have no WCAG 2 AA violation', async () => {
    const { page, problems } = await signedIn('bithu.tk');
    await page.getByTestId('worklist').waitFor();
    await page.getByRole('link', { name: 'Phạm Thị Cúc' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Phạm Thị Cúc' }).click();
    await page.getByRole('button', { name: EVENT_LABELS.CELL_VOTE_RECORDED.vi, exact: true }).click();
    await page.getByTestId('step-form').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Printed, the case page gives the record without the steps and their form.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('step-form').isVisible()).toBe(false);
    expect(await page.getByTestId('history').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const a4 = await fitsA4(page);
    expect(a4.scrollWidth).toBeLessThanOrEqual(a4.width);
    expectNoProblems(problems);
  });

  it('at phone width (390×844) the worklist, the case page and the statistics page do not scroll sideways', async () => {
    const { page, problems } = await signedIn('bithu.tk', PHONE);
    const overflow = () => page.locator('html').evaluate((html) => ({ scrollWidth: html.scrollWidth, innerWidth: html.ownerDocument.defaultView?.innerWidth ?? 0 }));
    await page.getByRole('link', { name: 'Phạm Thị Cúc' }).waitFor();
    const worklist = await overflow();
    expect(worklist.innerWidth).toBe(390);
    expect(worklist.scrollWidth).toBeLessThanOrEqual(worklist.innerWidth);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-worklist.png` });
    await page.getByRole('link', { name: 'Phạm Thị Cúc' }).click();
    await page.getByTestId('history').waitFor();
    await page.getByRole('button', { name: EVENT_LABELS.CELL_VOTE_RECORDED.vi, exact: true }).click();
    await page.getByTestId('step-form').waitFor();
    const casePage = await overflow();
    expect(casePage.scrollWidth).toBeLessThanOrEqual(casePage.innerWidth);
    await page.getByTestId('step-form').screenshot({ path: `${SCREENSHOTS}/phone-step-form.png` });
    await openMenuWithKeyboard(page);
    await page.getByRole('dialog', { name: 'Kết nạp đảng viên' }).getByRole('link', { name: 'Thống kê' }).click();
    await page.getByTestId('monthly-table').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const statistics = await overflow();
    expect(statistics.scrollWidth).toBeLessThanOrEqual(statistics.innerWidth);
    expectNoProblems(problems);
  });

  /** Opens the phone menu from the keyboard: its button focused, Enter. */
  async function openMenuWithKeyboard(page: Page): Promise<Locator> {
    await page.getByRole('button', { name: /^Mở menu/ }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Kết nạp đảng viên' });
    await menu.waitFor();
    return menu;
  }

  it('at phone width the screens are a menu behind a button that shows the unread count; keyboard operable, named in Vietnamese, no WCAG 2 AA violation', async () => {
    const { page, problems } = await signedIn('bithu.tk', PHONE);
    await page.getByRole('link', { name: 'Phạm Thị Cúc' }).waitFor();
    // Closed: no screen link in the header, the button tells the unread count (and shows it).
    expect(await page.getByRole('link', { name: 'Thống kê' }).count()).toBe(0);
    const button = page.getByRole('button', { name: 'Mở menu (1 thông báo chưa đọc)' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('menu-unread').innerText()).toContain('1');
    expect(await page.getByTestId('menu-unread').isVisible()).toBe(true);

    // The button is the first control of the page: Tab reaches it first.
    await page.reload();
    await page.getByRole('link', { name: 'Phạm Thị Cúc' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);

    // Opened from the keyboard: every screen of the account, the inbox with its count; Escape closes it, focus back on the button.
    const menu = await openMenuWithKeyboard(page);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['Việc cần làm', 'Kiểm tra', 'Thống kê', expect.stringMatching(/^Thông báo\s*1/)]);
    const open = await page.locator('html').evaluate((html) => ({ scrollWidth: html.scrollWidth, innerWidth: html.ownerDocument.defaultView?.innerWidth ?? 0 }));
    expect(open.scrollWidth).toBeLessThanOrEqual(open.innerWidth);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-menu.png`, animations: 'disabled' });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await button.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);

    // The close button is named in Vietnamese; a screen chosen with the keyboard closes the menu.
    await openMenuWithKeyboard(page);
    await page.getByRole('button', { name: 'Đóng menu' }).click();
    await menu.waitFor({ state: 'detached' });
    await openMenuWithKeyboard(page);
    await menu.getByRole('link', { name: 'Thống kê' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('monthly-table').waitFor();
    await menu.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'Thống kê kết nạp đảng viên' }).isVisible()).toBe(true);

    // Thông báo from the menu: the inbox, its count still on the button.
    await openMenuWithKeyboard(page);
    await menu.getByRole('link', { name: /^Thông báo/ }).click();
    await page.getByTestId('inbox').waitFor();
    await menu.waitFor({ state: 'detached' });
    expect(await page.getByTestId('menu-unread').innerText()).toContain('1');
    expect(await axeViolations(page)).toEqual([]);
    const inbox = await page.locator('html').evaluate((html) => ({ scrollWidth: html.scrollWidth, innerWidth: html.ownerDocument.defaultView?.innerWidth ?? 0 }));
    expect(inbox.scrollWidth).toBeLessThanOrEqual(inbox.innerWidth);
    expectNoProblems(problems);
  });

  it('at the width of a desktop the screens stay a row in the header, without the menu button', async () => {
    const { page, problems } = await signedIn('bithu.tk');
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).waitFor();
    expect(await page.getByRole('button', { name: /^Mở menu/ }).count()).toBe(0);
    expect(await page.getByTestId('unread-count').innerText()).toContain('1');
    expectNoProblems(problems);
  });
});
