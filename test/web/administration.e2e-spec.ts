import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createOrganisationTree, OrganisationTree, startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/app';
import { EVENT_LABELS, RULE_DEFINITIONS } from '@charterflow/procedure';
import { createUser, fullNameOf, STAFF_PASSWORD } from '../access/support';
import { ImportRunner } from '@charterflow/intake';
import { probationerRow, toCsv } from '../imports/rows';
import { axeViolations, ensureWebBuild, launchChromium, listen, type PageProblems, watch } from './support';
import { wordTemplate } from '../documents/word-template';

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const API = '/api/v1';
/** The page asks whether a session exists before showing the sign-in form: 401 until someone signs in. */
const NO_SESSION_YET = '401 GET /api/v1/auth/session';

/**
 * The administration screens in a real Chromium against the API process serving the build: the organisation tree,
 * the accounts and the working-day calendar, each change read back from the API.
 */
describe('staff application: administration in Chromium (real PostgreSQL)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let tree: OrganisationTree;
  let secretaryId: string;
  let leavingId: string;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp({ today: '2026-12-08' });
    tree = await createOrganisationTree(t.http, { label: 'adm' });
    secretaryId = await createUser(t, 'bithu.adm', tree.cellId, ['cell_secretary']);
    leavingId = await createUser(t, 'nghi.adm', tree.cellId, ['cell_secretary']);
    await createUser(t, 'quantri.adm', tree.provinceId, ['admin']);
    base = await listen(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(username: string, password: string): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
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

  async function organisationNamed(name: string): Promise<{ id: string; parentId: string | null; kind: string; hasYouthUnion: boolean; hasTradeUnion: boolean } | undefined> {
    const res = await t.http.get(`${API}/organisations`).expect(200);
    return (res.body as { id: string; name: string; parentId: string | null; kind: string; hasYouthUnion: boolean; hasTradeUnion: boolean }[]).find((o) => o.name === name);
  }

  it('an administrator creates a cell without a Youth Union under a grassroots committee, renames it and moves it under the ward committee', async () => {
    const { context, page, problems } = await signedIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { name: 'Hệ thống tổ chức' }).waitFor();
    // The tree reads top down: the cell under its grassroots committee under the ward committee under the province.
    const treeText = await page.getByTestId('organisation-tree').innerText();
    const order = ['Tỉnh ủy adm', 'Đảng ủy phường adm', 'Đảng ủy cơ sở adm', 'Chi bộ adm'].map((n) => treeText.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const form = page.getByRole('form', { name: 'Thêm đơn vị' });
    await form.getByRole('combobox', { name: 'Trực thuộc' }).click();
    await page.getByRole('option', { name: 'Đảng ủy cơ sở adm' }).click();
    // Under a grassroots committee only a cell may be created: the kind is chosen already.
    await expect(form.getByRole('combobox', { name: 'Loại tổ chức' }).inputValue()).resolves.toBe('Chi bộ');
    await form.getByRole('textbox', { name: 'Tên đơn vị' }).fill('Chi bộ Kỹ thuật');
    await form.getByRole('checkbox', { name: 'Có tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh' }).uncheck();
    // Only a grassroots committee may be authorised to decide admissions: a cell is not offered the choice.
    expect(await form.getByRole('checkbox', { name: 'Được ủy quyền quyết định kết nạp đảng viên' }).count()).toBe(0);
    await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByText('Đã thêm đơn vị Chi bộ Kỹ thuật.').waitFor();
    const row = page.getByTestId('organisation-tree').locator('tr', { hasText: 'Chi bộ Kỹ thuật' });
    await expect(row.innerText()).resolves.toMatch(/Chi bộ\s+Không\s+Có\s+theo cấp trên/);
    const created = await organisationNamed('Chi bộ Kỹ thuật');
    expect(created).toMatchObject({ kind: 'cell', parentId: tree.grassrootsId, hasYouthUnion: false, hasTradeUnion: true });

    // Renamed.
    await page.getByRole('button', { name: 'Sửa: Chi bộ Kỹ thuật' }).click();
    let dialog = page.getByRole('dialog', { name: 'Sửa đơn vị: Chi bộ Kỹ thuật' });
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill('Chi bộ Kỹ thuật điện');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('organisation-tree').locator('tr', { hasText: 'Chi bộ Kỹ thuật điện' }).waitFor();
    // The tree and its forms meet WCAG 2 AA as axe-core checks it.
    expect(await axeViolations(page)).toEqual([]);
    expect(await organisationNamed('Chi bộ Kỹ thuật')).toBeUndefined();
    expect(await organisationNamed('Chi bộ Kỹ thuật điện')).toMatchObject({ id: created!.id, parentId: tree.grassrootsId });

    // Moved under the ward committee (a cell may sit there); neither a cell nor the province is offered.
    await page.getByRole('button', { name: 'Sửa: Chi bộ Kỹ thuật điện' }).click();
    dialog = page.getByRole('dialog', { name: 'Sửa đơn vị: Chi bộ Kỹ thuật điện' });
    await dialog.getByText('Hiện trực thuộc Đảng ủy cơ sở adm').waitFor();
    await dialog.getByRole('combobox', { name: 'Chuyển sang trực thuộc' }).click();
    const options = page.getByRole('option');
    await options.first().waitFor();
    // (Other suites' trees may share the database: only this tree's units are counted.)
    const offered = await options.allInnerTexts();
    expect(offered.filter((o) => o.endsWith(' adm'))).toEqual(['Đảng ủy phường adm']);
    expect(offered.filter((o) => o.startsWith('Chi bộ') || o.startsWith('Tỉnh ủy'))).toEqual([]);
    await page.getByRole('option', { name: 'Đảng ủy phường adm' }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await organisationNamed('Chi bộ Kỹ thuật điện')).toMatchObject({ id: created!.id, parentId: tree.communeId, hasYouthUnion: false });

    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
  });

  it("an administrator sets the province's rules to Hà Nội's: the API answers hanoi and the tree names it", async () => {
    const { context, page, problems } = await signedIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { name: 'Hệ thống tổ chức' }).waitFor();
    // Only a province chooses its rules: a cell's dialog does not offer them.
    await page.getByRole('button', { name: 'Sửa: Chi bộ adm' }).click();
    let dialog = page.getByRole('dialog', { name: 'Sửa đơn vị: Chi bộ adm' });
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Quy định áp dụng' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Sửa: Tỉnh ủy adm' }).click();
    dialog = page.getByRole('dialog', { name: 'Sửa đơn vị: Tỉnh ủy adm' });
    await expect(dialog.getByRole('combobox', { name: 'Quy định áp dụng' }).inputValue()).resolves.toBe('Quy định chung của Trung ương');
    await dialog.getByRole('combobox', { name: 'Quy định áp dụng' }).click();
    await page.getByRole('option', { name: 'Quy định của Thành ủy Hà Nội' }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('organisation-tree').locator('tr', { hasText: 'Tỉnh ủy adm' });
    await row.getByText('Quy định của Thành ủy Hà Nội').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect((await t.http.get(`${API}/organisations/${tree.provinceId}`).expect(200)).body).toMatchObject({ ruleProfile: 'hanoi' });

    await t.http.patch(`${API}/organisations/${tree.provinceId}`).send({ ruleProfile: 'central' }).expect(200);
    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
  });

  it("an administrator edits an account's title, resets its password (the staff member then signs in with it) and deletes another after confirming", async () => {
    const admin = await signedIn('admin', TEST_ADMIN_PASSWORD);
    await admin.page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    // A user name already taken is refused in words.
    const create = admin.page.getByRole('form', { name: 'Thêm tài khoản' });
    await create.getByLabel('Họ và tên').fill('Người Trùng Tên');
    await create.getByLabel('Tên đăng nhập').fill('bithu.adm');
    await create.getByLabel('Mật khẩu ban đầu').fill('mat-khau-trung-2026');
    await create.getByRole('combobox', { name: 'Đơn vị' }).click();
    await admin.page.getByRole('option', { name: 'Chi bộ adm' }).click();
    await create.getByRole('checkbox', { name: 'Bí thư chi bộ' }).check();
    await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await create.getByRole('alert').filter({ hasText: 'Tên đăng nhập này đã có người dùng; vui lòng chọn tên khác.' }).waitFor();
    const name = fullNameOf('bithu.adm');
    await admin.page.getByRole('button', { name: `Sửa: ${name}` }).click();
    let dialog = admin.page.getByRole('dialog', { name: `Tài khoản: ${name}` });
    await dialog.getByRole('textbox', { name: 'Chức vụ' }).fill('Phó Bí thư chi bộ');
    // Only the roles an account of a cell may hold are offered.
    expect(await dialog.getByRole('checkbox', { name: 'Văn phòng đảng ủy cơ sở' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.page.getByTestId('accounts').locator('tr', { hasText: 'bithu.adm' }).filter({ hasText: 'Phó Bí thư chi bộ' }).waitFor();
    expect(await axeViolations(admin.page)).toEqual([]);
    const stored = await t.http.get(`${API}/users/${secretaryId}`).expect(200);
    expect(stored.body).toMatchObject({ title: 'Phó Bí thư chi bộ', fullName: name, roles: ['cell_secretary'] });

    await admin.page.getByRole('button', { name: `Sửa: ${name}` }).click();
    dialog = admin.page.getByRole('dialog', { name: `Tài khoản: ${name}` });
    await dialog.getByLabel('Mật khẩu mới').fill('mat-khau-dat-lai-2026');
    await dialog.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await dialog.getByText(`Đã đặt lại mật khẩu cho đồng chí ${name}.`).waitFor();
    await admin.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Deleting asks first; cancelling keeps the account.
    const leaving = fullNameOf('nghi.adm');
    await admin.page.getByRole('button', { name: `Sửa: ${leaving}` }).click();
    await admin.page.getByRole('dialog', { name: `Tài khoản: ${leaving}` }).getByRole('button', { name: 'Xóa tài khoản' }).click();
    let confirm = admin.page.getByRole('dialog', { name: 'Xóa tài khoản?' });
    await confirm.getByText(`Xóa tài khoản nghi.adm của đồng chí ${leaving}? Không thể hoàn tác.`).waitFor();
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await admin.page.getByRole('dialog', { name: `Tài khoản: ${leaving}` }).getByRole('button', { name: 'Xóa tài khoản' }).click();
    confirm = admin.page.getByRole('dialog', { name: 'Xóa tài khoản?' });
    await t.http.get(`${API}/users/${leavingId}`).expect(200);
    await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
    await admin.page.getByTestId('accounts').locator('tr', { hasText: 'nghi.adm' }).waitFor({ state: 'detached' });
    await t.http.get(`${API}/users/${leavingId}`).expect(404);
    expect(admin.problems.errors).toEqual([]);
    expect(admin.problems.answers).toEqual([NO_SESSION_YET, '409 POST /api/v1/users']);
    await admin.context.close();

    const secretary = await signedIn('bithu.adm', 'mat-khau-dat-lai-2026');
    await secretary.page.getByTestId('signed-in-as').filter({ hasText: name }).waitFor();
    expect(await secretary.page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await secretary.context.close();
  });

  it('an administrator reads the 2026 calendar, adds a day off to the national calendar of 2034, is told a Sunday cannot be one, and removes it again', async () => {
    // The national calendar is shared by every suite of the run: changes go to a year no other test counts on.
    const { context, page, problems } = await signedIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { name: 'Ngày nghỉ và ngày làm bù' }).waitFor();
    const year = page.getByRole('textbox', { name: 'Năm' });
    await year.fill('2026');
    await page.getByTestId('calendar-scope').filter({ hasText: 'Lịch chung của cả nước' }).waitFor();
    // The official table of 2026, in dd/mm/yyyy with the days' names.
    await page.getByTestId('days-off').locator('tr', { hasText: '16/02/2026' }).filter({ hasText: 'Tết Nguyên đán' }).waitFor();
    await page.getByTestId('working-days').locator('tr', { hasText: '10/01/2026' }).waitFor();

    await year.fill('2034');
    await page.getByTestId('days-off').locator('tr', { hasText: '/2034' }).first().waitFor();
    const before = (await t.http.get(`${API}/calendar/2034`).expect(200)).body as { daysOff: { date: string }[] };
    const form = page.getByRole('form', { name: 'Thêm ngày' });
    await form.getByRole('textbox', { name: 'Tên gọi' }).fill('Nghỉ kỷ niệm');
    await form.getByRole('textbox', { name: /^Ngày/ }).fill('10/12/2034');
    await form.getByRole('textbox', { name: 'Tên gọi' }).click();
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await form.getByText('Ngày nghỉ phải là một ngày thường (từ thứ Hai đến thứ Sáu).').waitFor();

    await form.getByRole('textbox', { name: /^Ngày/ }).fill('11/12/2034');
    await form.getByRole('textbox', { name: 'Tên gọi' }).click();
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByTestId('days-off').locator('tr', { hasText: '11/12/2034' }).filter({ hasText: 'Nghỉ kỷ niệm' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const stored = await t.http.get(`${API}/calendar/2034`).expect(200);
    expect(stored.body.daysOff).toContainEqual({ date: '2034-12-11', name: 'Nghỉ kỷ niệm' });
    expect(stored.body.daysOff).toHaveLength(before.daysOff.length + 1);
    // The calendar counts it: the working day after Friday 08/12/2034 is now Tuesday 12/12/2034.
    const next = await t.http.get(`${API}/calendar/working-days`).query({ from: '2034-12-08', add: 1 }).expect(200);
    expect(next.body.date).toBe('2034-12-12');

    await page.getByRole('button', { name: 'Bỏ ngày 11/12/2034' }).click();
    await page.getByTestId('days-off').locator('tr', { hasText: '11/12/2034' }).waitFor({ state: 'detached' });
    const after = await t.http.get(`${API}/calendar/working-days`).query({ from: '2034-12-08', add: 1 }).expect(200);
    expect(after.body.date).toBe('2034-12-11');
    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
    // The year goes back to its baseline for the rest of the run.
    await t.http.delete(`${API}/calendar/2034`).expect(204);
  });

  it("a province's administrator adds a day off to the province's own calendar; the national calendar is unchanged", async () => {
    const { context, page, problems } = await signedIn('quantri.adm', STAFF_PASSWORD);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('tab', { name: 'Lịch làm việc' }).click();
    await page.getByRole('textbox', { name: 'Năm' }).fill('2026');
    await page.getByTestId('days-off').locator('tr', { hasText: '16/02/2026' }).waitFor();
    const form = page.getByRole('form', { name: 'Thêm ngày' });
    await form.getByRole('textbox', { name: 'Tên gọi' }).fill('Ngày truyền thống của tỉnh');
    await form.getByRole('textbox', { name: /^Ngày/ }).fill('15/12/2026');
    await form.getByRole('textbox', { name: 'Tên gọi' }).click();
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByTestId('days-off').locator('tr', { hasText: '15/12/2026' }).waitFor();
    await page.getByTestId('calendar-scope').filter({ hasText: 'Lịch riêng của tỉnh, thành phố' }).waitFor();
    const own = await t.http.get(`${API}/calendar/2026`).query({ organisationId: tree.provinceId }).expect(200);
    expect(own.body).toMatchObject({ scope: 'province', provinceId: tree.provinceId });
    expect(own.body.daysOff).toContainEqual({ date: '2026-12-15', name: 'Ngày truyền thống của tỉnh' });
    const national = await t.http.get(`${API}/calendar/2026`).expect(200);
    expect(national.body.scope).toBe('national');
    expect(national.body.daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-12-15');
    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
  });

  it('an administrator imports a CSV file and reads each row\'s outcome in Vietnamese: imported, refused by a rule, refused for a column', async () => {
    const { context, page, problems } = await signedIn('admin', TEST_ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('tab', { name: 'Nhập hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Nhập hồ sơ đang theo dõi' }).waitFor();
    const young = probationerRow('I-2', tree.cellId, '2026-06-01', { underAge: true });
    const badDate = { ...probationerRow('I-3', tree.cellId, '2026-06-01'), cellVoteOn: '31/02/2026' };
    const csv = toCsv([probationerRow('I-1', tree.cellId, '2026-06-01'), young, badDate]);
    await page.locator('input[type=file]').setInputFiles({ name: 'ho-so.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const polls: (string | undefined)[] = [];
    page.on('request', (r) => {
      // The import itself, followed without its rows (`?items=false`); its report's pages are read from `/rows`.
      if (r.method() === 'GET' && /^\/api\/v1\/imports\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname)) polls.push(r.headers()['x-background-request']);
    });
    // The run's database is shared by the test files: imports another file left waiting are worked off first, so
    // the one claimed below is this test's.
    const runner = t.app.get(ImportRunner);
    await runner.drain();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    // Accepted at once; no worker runs in this test's process until the test lets one.
    await page.getByTestId('import-progress').filter({ hasText: 'Đã nhận tệp 3 dòng, đang chờ xử lý…' }).waitFor();
    const claimed = await runner.claim();
    expect(await runner.drain()).toBe(0);
    await page.getByTestId('import-progress').filter({ hasText: 'Đã xử lý 0/3 dòng' }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Tiến độ nhập hồ sơ' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/import-progress.png` });
    expect(await runner.complete(claimed!)).toBe(true);
    await page.getByTestId('import-summary').filter({ hasText: '3 dòng: 1 đã nhập, 0 không thay đổi, 2 bị từ chối, 0 có ghi chú vi phạm.' }).waitFor();
    // The page asked for the progress as background requests (they do not keep a session alive).
    expect(polls.length).toBeGreaterThan(0);
    expect(new Set(polls)).toEqual(new Set(['true']));
    if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/import-report.png` });
    const report = page.getByTestId('import-report');
    expect(await axeViolations(page)).toEqual([]);
    await expectRow(report.locator('tr', { hasText: 'I-1' }), ['Đã nhập', 'Mở hồ sơ']);
    await expectRow(report.locator('tr', { hasText: 'I-2' }), ['Bị từ chối', EVENT_LABELS.CELL_VOTE_RECORDED.vi, RULE_DEFINITIONS.AGE_BELOW_18.descriptionVi, 'căn cứ']);
    await expectRow(report.locator('tr', { hasText: 'I-3' }), ['Bị từ chối', 'Chi bộ biểu quyết đề nghị kết nạp – Ngày họp (cột cellVoteOn): giá trị thiếu hoặc không hợp lệ.']);
    const text = await report.innerText();
    expect(text).not.toMatch(/AGE_BELOW_18|RULE_VIOLATION|VALIDATION_FAILED|\d{4}-\d{2}-\d{2}/);
    // The imported case opens from the report.
    await report.locator('tr', { hasText: 'I-1' }).getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Người nhập I-1', level: 1 }).waitFor();
    expect(problems.errors).toEqual([]);
    expect(problems.answers).toEqual([NO_SESSION_YET]);
    await context.close();
  });

  it("a province's administrator uploads its own Word template of the admission decision, is told in Vietnamese which placeholders another one lacks, and restores the built-in form", async () => {
    const { context, page, problems } = await signedIn('quantri.adm', STAFF_PASSWORD);
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('tab', { name: 'Mẫu giấy tờ' }).click();
    await page.getByRole('heading', { name: 'Mẫu giấy tờ của đơn vị' }).waitFor();
    const rows = page.getByTestId('templates');
    const decision = rows.locator('tr', { hasText: '(mẫu 9-KNĐ)' });
    await expectRow(decision, ['Quyết định kết nạp đảng viên (mẫu 9-KNĐ)', 'Mẫu chung']);
    await decision.locator('input[type=file]').setInputFiles({ name: 'QĐ kết nạp tỉnh.docx', mimeType: WORD, buffer: await wordTemplate(['Quyết định số {decision.no}']) });
    await decision.getByRole('button', { name: 'Tải lên mẫu riêng: Quyết định kết nạp đảng viên (mẫu 9-KNĐ)' }).click();
    await decision.getByText('Mẫu riêng, phiên bản 1 (QĐ kết nạp tỉnh.docx', { exact: false }).waitFor();
    if (process.env.SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/templates.png` });
    const stored = (await t.http.get(`${API}/organisations/${tree.provinceId}/document-templates`).expect(200)).body as { form: string; version: number }[];
    expect(stored.map((v) => [v.form, v.version])).toEqual([['9-KND', 1]]);

    const resolution = rows.locator('tr', { hasText: '(mẫu 6-KNĐ)' });
    await resolution.locator('input[type=file]').setInputFiles({ name: 'NQ.docx', mimeType: WORD, buffer: await wordTemplate(['Ngày ký {ngay.ky}']) });
    await resolution.getByRole('button', { name: /Tải lên mẫu riêng: Nghị quyết của chi bộ/ }).click();
    await resolution.getByRole('alert').filter({ hasText: 'Mẫu có trường thay thế không được hỗ trợ: {ngay.ky}.' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await decision.getByRole('button', { name: 'Dùng lại mẫu chung: Quyết định kết nạp đảng viên (mẫu 9-KNĐ)' }).click();
    await decision.getByText('Mẫu chung').waitFor();
    expect(problems.errors).toEqual([]);
    expect(problems.answers.sort()).toEqual([NO_SESSION_YET, '422 PUT /api/v1/organisations/:id/document-templates/6-KND'].sort());
    await context.close();
  });
});

async function expectRow(locator: import('playwright-core').Locator, parts: string[]): Promise<void> {
  await locator.waitFor();
  const text = await locator.innerText();
  for (const part of parts) expect(text).toContain(part);
}
