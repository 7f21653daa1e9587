import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FiringService } from '@charterflow/delivery';
import { EVENT_DEFINITIONS, EVENT_LABELS, fieldsOf, STATE_LABELS, DEADLINE_KIND_LABELS } from '@charterflow/procedure';
import { createOrganisationTree, OrganisationTree, startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/app';
import { createUser, fullNameOf, STAFF_PASSWORD } from '../access/support';
import { caseInCellReview, record, recordOn } from '../api/helpers';
import { ensureWebBuild, launchChromium, listen, type PageProblems, watch } from './support';
import { pdfText } from '@charterflow/documents/testing';

/** Where the screenshots go: a scratch folder, or `docs/screenshots` with `npm run screenshots` (SCREENSHOTS_DIR). */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'charterflow-screenshots-'));
const TODAY = '2026-12-08';
/** The page asks whether a session exists before showing the sign-in form: 401 until someone signs in. */
const NO_SESSION_YET = '401 GET /api/v1/auth/session';

/** The label of a field of an event, as the schema declares it (the form shows the same). */
function fieldLabel(type: keyof typeof EVENT_DEFINITIONS, name: string): string {
  const field = fieldsOf(EVENT_DEFINITIONS[type].schema).find((f) => f.name === name);
  if (!field) throw new Error(`${type} has no field ${name}`);
  return field.shape.meta['x-labels'].vi;
}

/**
 * The staff application in a real Chromium against the API process serving its build: a cell secretary, a
 * grassroots officer and an inspector at work on the worklist, the case page, the step forms and the inbox.
 */
describe('staff application in Chromium (real PostgreSQL)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let tree: OrganisationTree;
  let voteCase: string;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp({ today: '2026-01-14' });
    tree = await createOrganisationTree(t.http, { label: 'web' });
    // Lê Văn An: the cell voted on 15/01/2026, the admission decision (due 26/03/2026) never came: overdue.
    const a = await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Lê Văn An' });
    await recordOn(t, a.id, 'CELL_VOTE_RECORDED', '2026-01-15', { fullMembers: 9, excluded: 0, inFavour: 9 });
    expect(a.state).toBe('cellReview');
    // Trần Thị Bình: dossier complete, waiting for the cell's vote.
    t.setToday('2026-01-14');
    voteCase = (await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Trần Thị Bình' })).id;
    await createUser(t, 'bithu.web', tree.cellId, ['cell_secretary']);
    await createUser(t, 'dangUy.web', tree.grassrootsId, ['grassroots_officer']);
    await createUser(t, 'kiemtra.web', tree.provinceId, ['inspector']);
    // A month before her dossier documents expire, the cell secretary is reminded (delivery fires it at 08:00).
    const db = t.app.get(DataSource);
    const [d] = await db.query<{ id: string; generation: number; due_on: string }[]>(`SELECT id, generation, due_on FROM deadlines WHERE case_id = $1 AND kind = 'DOSSIER_DOCUMENTS_EXPIRY'`, [voteCase]);
    expect(d.due_on).toBe('2027-01-07');
    t.clock.set('2026-12-07T01:00:00.000Z');
    expect(await t.app.get(FiringService).fire({ deadlineId: d.id, generation: d.generation, phase: 'remind-1m' })).toMatchObject({ outcome: 'fired' });
    t.setToday(TODAY);
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(username: string, password = STAFF_PASSWORD): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    return { context, page, problems };
  }

  it('a cell secretary signs in, finds the overdue case, records the cell vote through the form, is refused in Vietnamese, and reads the inbox', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    const problems = watch(page);

    // Sign-in: a wrong password is answered in Vietnamese.
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill('bithu.web');
    await page.getByLabel('Mật khẩu').fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // Việc cần làm: the overdue case first, the vote waiting for the cell after it; counts per bucket.
    const worklist = page.getByTestId('worklist');
    await worklist.waitFor();
    await page.getByText('Quá hạn (1)').waitFor();
    await page.getByText('Chờ đơn vị mình thực hiện (1)').waitFor();
    const rows = worklist.locator('tbody tr');
    await expectText(rows.nth(0), ['Lê Văn An', 'Quá hạn', DEADLINE_KIND_LABELS.ADMISSION_DECISION.vi, '26/03/2026', 'trễ', 'ngày làm việc']);
    await expectText(rows.nth(1), ['Trần Thị Bình', 'Chờ đơn vị mình thực hiện', EVENT_LABELS.CELL_VOTE_RECORDED.vi]);
    expect(await page.locator('body').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|CELL_VOTE_RECORDED|cellReview/);
    await page.getByTestId('unread-count').filter({ hasText: '1' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/worklist.png` });

    // The overdue case: the limit late in working days; the committee's vote is not the cell's to record.
    await page.getByRole('link', { name: 'Lê Văn An' }).click();
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.grassrootsReview.vi }).waitFor();
    await expectText(page.getByTestId('limits'), [DEADLINE_KIND_LABELS.ADMISSION_DECISION.vi, '26/03/2026', 'trễ', 'ngày làm việc']);
    await page.getByRole('button', { name: EVENT_LABELS.WITHDRAWN.vi }).waitFor();
    expect(await page.getByRole('button', { name: EVENT_LABELS.GRASSROOTS_VOTE_RECORDED.vi }).count()).toBe(0);
    await page.goBack();

    // The case waiting for the cell's vote.
    await page.getByRole('link', { name: 'Trần Thị Bình' }).click();
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.cellReview.vi }).waitFor();
    await expectText(page.getByTestId('history'), [EVENT_LABELS.DOSSIER_OPENED.vi, '07/01/2026']);
    await expectText(page.getByTestId('dossier'), [EVENT_LABELS.APPLICATION_FILED.vi, `${EVENT_LABELS.SPONSOR_ADDED.vi}: Trần Văn Bình`]);
    expect(await page.getByTestId('dossier').innerText()).not.toContain('chưa có');
    const page1 = await page.locator('body').innerText();
    expect(page1).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|DOSSIER_OPENED|cellReview|\{"/);
    await page.screenshot({ path: `${SCREENSHOTS}/case.png` });

    // The step form, generated from the schema; the vote against 2/3 is shown while it is typed.
    await page.getByRole('button', { name: EVENT_LABELS.CELL_VOTE_RECORDED.vi, exact: true }).click();
    const form = page.getByTestId('step-form');
    await expect(form.getByLabel(EVENT_DEFINITIONS.CELL_VOTE_RECORDED.occurredOnLabel.vi, { exact: false }).inputValue()).resolves.toBe('08/12/2026');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'fullMembers'), { exact: false }).fill('9');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'excluded'), { exact: false }).fill('0');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'inFavour'), { exact: false }).fill('5');
    await form.getByTestId('vote-summary').filter({ hasText: '5/9 = 55,6 % < 2/3: không đạt' }).waitFor();
    // More votes in favour than voters: the engine refuses, and the refusal is shown in Vietnamese with its article.
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'inFavour'), { exact: false }).fill('10');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    const refusal = form.getByRole('alert');
    await refusal.filter({ hasText: 'Số liệu biểu quyết không hợp lệ' }).waitFor();
    await refusal.filter({ hasText: /\(căn cứ [^)]*Quy định số 294-QĐ\/TW/ }).waitFor();
    expect(await refusal.filter({ hasText: 'Số liệu biểu quyết không hợp lệ' }).textContent()).not.toMatch(/QĐ294|§|VOTE_COUNTS_INVALID/);
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.cellReview.vi }).waitFor();
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'inFavour'), { exact: false }).fill('6');
    await form.getByTestId('vote-summary').filter({ hasText: '6/9 = 66,7 % ≥ 2/3: đạt' }).waitFor();
    // The form from its title down, below the page's header.
    await form.evaluate((el) => el.ownerDocument.defaultView?.scrollBy(0, el.getBoundingClientRect().top - 70));
    await page.screenshot({ path: `${SCREENSHOTS}/step-form.png` });
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText(`Đã ghi nhận: ${EVENT_LABELS.CELL_VOTE_RECORDED.vi}`).waitFor();
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.grassrootsReview.vi }).waitFor();
    await expectText(page.getByTestId('history'), ['08/12/2026', EVENT_LABELS.CELL_VOTE_RECORDED.vi, `${fieldLabel('CELL_VOTE_RECORDED', 'inFavour')}: 6`, `Ghi nhận: ${fullNameOf('bithu.web')}, Chi bộ web`]);
    await page.getByTestId('signed-in-as').filter({ hasText: fullNameOf('bithu.web') }).waitFor();

    // The inbox: the reminder in Vietnamese, marked read, the count in the header gone.
    await page.getByRole('link', { name: /Thông báo/ }).click();
    const inbox = page.getByTestId('inbox');
    await inbox.getByText(/Trần Thị Bình/).first().waitFor();
    await inbox.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await inbox.getByText('Đã đọc').waitFor();
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });

    // Signing out ends the session: the page is back at sign-in and the session answers 401.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect((await page.request.get(`${base}/api/v1/auth/session`)).status()).toBe(401);

    expect(problems.errors).toEqual([]);
    // Deliberate: the page asking for a session before anyone signed in, the wrong password, and the refused vote.
    expect(problems.answers.sort()).toEqual([NO_SESSION_YET, '401 POST /api/v1/auth/session', '422 POST /api/v1/cases/:id/events'].sort());
    await context.close();
  });

  it('the grassroots officer records its committee’s vote on the case the cell passed', async () => {
    const { context, page, problems } = await signedIn('dangUy.web');
    // The committee's worklist narrowed to one of its cells.
    await page.getByRole('combobox', { name: 'Đơn vị' }).click();
    const filtered = page.waitForResponse((r) => r.url().includes(`/api/v1/worklist?organisationId=${tree.cellId}`) && r.status() === 200);
    await page.getByRole('option', { name: 'Chi bộ web' }).click();
    await filtered;
    await page.getByRole('link', { name: 'Trần Thị Bình' }).click();
    await page.getByRole('button', { name: EVENT_LABELS.GRASSROOTS_VOTE_RECORDED.vi, exact: true }).click();
    const form = page.getByTestId('step-form');
    await form.getByLabel(fieldLabel('GRASSROOTS_VOTE_RECORDED', 'committeeMembers'), { exact: false }).fill('9');
    await form.getByLabel(fieldLabel('GRASSROOTS_VOTE_RECORDED', 'inFavour'), { exact: false }).fill('7');
    await form.getByTestId('vote-summary').filter({ hasText: '7/9 = 77,8 % ≥ 2/3: đạt' }).waitFor();
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.superiorReview.vi }).waitFor();
    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
  });

  it('a step recorded by someone else meanwhile is explained, and the clerk records on the new state', async () => {
    t.setToday('2026-01-14');
    const c = await caseInCellReview(t.http, tree.cellId, '2026-01-14', { fullName: 'Phạm Văn Cường' });
    t.setToday(TODAY);
    const { context, page, problems } = await signedIn('bithu.web');
    await page.getByRole('link', { name: 'Phạm Văn Cường' }).click();
    await page.getByRole('button', { name: EVENT_LABELS.CELL_VOTE_RECORDED.vi, exact: true }).click();
    const form = page.getByTestId('step-form');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'fullMembers'), { exact: false }).fill('9');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'excluded'), { exact: false }).fill('0');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'inFavour'), { exact: false }).fill('7');
    // Meanwhile another office adds a sponsor to the same case.
    await record(t.http, c.id, 'SPONSOR_ADDED', '2026-12-07', { sponsor: { name: 'Hoàng Văn Dũng', fullMemberSince: '2010-01-01', togetherSince: '2020-01-01' } });
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Có người vừa ghi nhận một bước khác; đây là trạng thái mới.', { exact: false }).waitFor();
    await expectText(page.getByTestId('history'), ['07/12/2026', EVENT_LABELS.SPONSOR_ADDED.vi, 'Hoàng Văn Dũng']);
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.cellReview.vi }).waitFor();
    // On the new state the vote goes through.
    await page.getByRole('button', { name: EVENT_LABELS.CELL_VOTE_RECORDED.vi, exact: true }).click();
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'fullMembers'), { exact: false }).fill('9');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'excluded'), { exact: false }).fill('0');
    await form.getByLabel(fieldLabel('CELL_VOTE_RECORDED', 'inFavour'), { exact: false }).fill('7');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.grassrootsReview.vi }).waitFor();
    expect(problems.errors).toEqual([]);
    expect(problems.answers.sort()).toEqual([NO_SESSION_YET, '409 POST /api/v1/cases/:id/events'].sort());
    await context.close();
  });

  it('an inspector reads the case but is offered no step to record, opens the compliance report in a new tab, and reads the audit', async () => {
    const { context, page, problems } = await signedIn('kiemtra.web');
    await page.getByRole('link', { name: 'Lê Văn An' }).click();
    await page.getByTestId('case-state').filter({ hasText: STATE_LABELS.grassrootsReview.vi }).waitFor();
    await page.getByText('Tài khoản kiểm tra chỉ xem, không ghi nhận.').waitFor();
    expect(await page.getByTestId('step-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ghi nhận' }).count()).toBe(0);
    // The printable report opens in a new tab with the session cookie (no bearer token in a browser tab).
    const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Báo cáo kiểm tra/ }).click()]);
    await report.waitForLoadState();
    expect(await report.locator('body').innerText()).toContain('Lê Văn An');
    // So does a printed form: the cell's resolution, filled from the case, as a PDF in a new tab.
    const documents = page.getByTestId('documents');
    const served = context.waitForEvent('response', (r) => r.url().includes('/documents/6-KND'));
    const [paper] = await Promise.all([context.waitForEvent('page'), documents.getByRole('link', { name: /Mở bản in PDF: Nghị quyết của chi bộ đề nghị kết nạp/ }).click()]);
    const pdf = await served;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // The tab shows it in the browser's viewer; the same address read with the tab's session is the filled form.
    expect(pdfText(await (await context.request.get(pdf.url())).body())).toContain('Lê Văn An');
    await paper.close();

    // The audit: the overdue decision among the breaches of the subtree, and the year's printable statistics.
    await page.getByRole('link', { name: 'Kiểm tra', exact: true }).click();
    await page.getByRole('heading', { name: 'Kiểm tra tuân thủ' }).waitFor();
    const violations = page.getByTestId('violations');
    await violations.getByRole('link', { name: 'Lê Văn An' }).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/audit.png` });
    expect(await violations.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}|critical|major|minor/);
    const [statistics] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Báo cáo thống kê/ }).click()]);
    await statistics.waitForLoadState();
    expect(await statistics.locator('body').innerText()).toContain('Tỉnh ủy web');

    // English is one click away; the domain's own labels follow the language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Compliance audit' }).waitFor();
    await page.getByRole('link', { name: 'To do' }).click();
    await page.getByRole('heading', { name: 'To do' }).waitFor();
    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
  });

  it('an administrator creates an account with the staff member’s full name, who then signs in under it', async () => {
    const admin = await signedIn('admin', TEST_ADMIN_PASSWORD);
    await admin.page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    const form = admin.page.getByRole('form', { name: 'Thêm tài khoản' });
    await form.getByLabel('Họ và tên').fill('Nguyễn Văn Mới');
    await form.getByLabel('Chức vụ').fill('Bí thư chi bộ');
    await form.getByLabel('Tên đăng nhập').fill('moi.web');
    await form.getByLabel('Mật khẩu ban đầu').fill('mat-khau-moi-2026');
    await form.getByRole('combobox', { name: 'Đơn vị' }).click();
    await admin.page.getByRole('option', { name: 'Chi bộ web' }).click();
    // Only the roles a cell's account may hold are offered.
    expect(await form.getByRole('checkbox', { name: 'Văn phòng đảng ủy cơ sở' }).count()).toBe(0);
    await form.getByRole('checkbox', { name: 'Bí thư chi bộ' }).check();
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await admin.page.getByText('Đã tạo tài khoản của đồng chí Nguyễn Văn Mới.').waitFor();
    await expectText(admin.page.getByTestId('accounts').locator('tr', { hasText: 'moi.web' }), ['Nguyễn Văn Mới', 'Bí thư chi bộ', 'Chi bộ web']);
    expect(admin.problems.errors).toEqual([]);
    expect(admin.problems.answers).toEqual([NO_SESSION_YET]);
    await admin.context.close();

    const created = await signedIn('moi.web', 'mat-khau-moi-2026');
    await created.page.getByTestId('signed-in-as').filter({ hasText: 'Nguyễn Văn Mới' }).waitFor();
    expect(await created.page.getByRole('link', { name: 'Tài khoản', exact: true }).count()).toBe(0);
    await created.context.close();
  });
});

async function expectText(locator: import('playwright-core').Locator, parts: string[]): Promise<void> {
  await locator.waitFor();
  const text = await locator.innerText();
  for (const part of parts) expect(text).toContain(part);
}
