import type { Browser } from 'playwright-core';
import { createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { createUser, STAFF_PASSWORD } from '../access/support';
import { ensureWebBuild, launchChromium, listen, signInThroughForm, watch } from './support';

/** The business day of the test: the page reads it from the browser's clock, the API from the test clock. */
const TODAY = '2026-06-30';
const SESSION_ENDED = 'Phiên làm việc đã kết thúc; vui lòng đăng nhập lại.';

/**
 * A browser session of an hour in the staff application, in a real Chromium: a clerk at work past half of the hour
 * gets a renewed cookie and keeps working after the first hour; left idle for an hour after that, the next screen
 * opened is the sign-in form saying that the session ended.
 */
describe('the browser session slides while the clerk works (real PostgreSQL, Chromium)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp({ today: TODAY, env: { ACCESS_TOKEN_TTL_SECONDS: '3600' } });
    const tree = await createOrganisationTree(t.http, { label: 'phiên' });
    await createUser(t, 'bithu.phien', tree.cellId, ['cell_secretary']);
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renews the cookie of a clerk at work and signs out an idle one with the Vietnamese message', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await context.clock.setFixedTime(new Date(`${TODAY}T03:00:00.000Z`));
    const page = await context.newPage();
    const problems = watch(page);
    const sessionCookie = async () => (await context.cookies()).find((c) => c.name === 'cf_session')?.value;
    const opened = t.clock.now().getTime();
    const at = (minutes: number) => t.clock.set(new Date(opened + minutes * 60_000));

    await signInThroughForm(page, base, 'bithu.phien', STAFF_PASSWORD);
    const first = await sessionCookie();
    expect(first).toBeDefined();

    // 29 minutes in: a screen opened, the cookie as it was.
    at(29);
    await page.getByRole('link', { name: 'Kiểm tra' }).click();
    await page.getByRole('tab', { name: 'Thời hạn bị trễ' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await sessionCookie()).toBe(first);
    // 31 minutes in: the next screen's requests bring a renewed cookie.
    at(31);
    const renewal = page.waitForResponse(async (r) => r.url().includes('/api/v1/worklist') && (await r.headerValue('set-cookie')) !== null);
    await page.getByRole('link', { name: 'Việc cần làm' }).click();
    await renewal;
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    const second = await sessionCookie();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    // 70 minutes in, past the first cookie's hour: still at work.
    at(70);
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByTestId('monthly-table').waitFor();
    expect(problems.answers.filter((a) => a.startsWith('401') && a !== '401 GET /api/v1/auth/session')).toEqual([]);

    // Idle an hour after the last renewal (at 70 minutes the cookie was renewed again): the next screen is the sign-in form.
    at(70 + 61);
    await page.getByRole('link', { name: 'Kiểm tra' }).click();
    await page.getByText(SESSION_ENDED).waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(problems.errors).toEqual([]);
    expect(problems.answers.filter((a) => !a.startsWith('401 '))).toEqual([]);
    await context.close();
  });
});
