import { DataSource } from 'typeorm';
import { IMPORT_COLUMN_LABELS, ImportRunner } from '@charterflow/intake';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { account, fullNameOf } from '../access/support';
import { probationerRow, toCsv } from './rows';

const TODAY = '2026-06-30';
/** An instant of the test's day, `seconds` after 10:00 in Ho Chi Minh City. */
const at = (seconds: number) => new Date(Date.parse(`${TODAY}T03:00:00.000Z`) + seconds * 1000).toISOString();

type Agent = Awaited<ReturnType<TestApp['as']>>;
interface Listed {
  importId: string;
  status: string;
  acceptedAt: string;
  rows: number;
  processed: number;
  imported: number;
  unchanged: number;
  refused: number;
  uploadedBy: { fullName: string };
}

/**
 * `GET /imports`: the imports made within the caller's subtree, newest first, a page at a time with the keyset
 * cursor of the other lists, each import's progress and counts and who uploaded it, never its rows.
 */
describe('the list of imports (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  let runner: ImportRunner;
  let north: OrganisationTree;
  let south: OrganisationTree;
  let provinceAdmin: Agent;
  let communeAdmin: Agent;
  let otherAdmin: Agent;
  /** The imports uploaded, by name, as the upload answered them. */
  const uploaded: Record<string, { importId: string; acceptedAt: string }> = {};

  const upload = async (agent: Agent, name: string, seconds: number, rows: Record<string, string>[], options: { historical?: boolean; extraColumns?: string[] } = {}) => {
    t.clock.set(at(seconds));
    const res = await agent
      .post(`${API}/imports`)
      .query({ historical: options.historical ?? false })
      .set('Content-Type', 'text/csv')
      .send(toCsv(rows, options.extraColumns))
      .expect(202);
    uploaded[name] = res.body as { importId: string; acceptedAt: string };
  };
  const list = async (agent: Agent, query: Record<string, string | number> = {}) => (await agent.get(`${API}/imports`).query(query).expect(200)).body as { items: Listed[]; nextCursor: string | null };
  /** Every page of the list, `limit` at a time. */
  const allPages = async (agent: Agent, limit: number) => {
    const pages: Listed[][] = [];
    let cursor: string | null = null;
    do {
      const page = await list(agent, cursor ? { limit, cursor } : { limit });
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  };
  const ids = (items: readonly { importId: string }[]) => items.map((i) => i.importId);
  const counts = async () => (await db.query(`SELECT (SELECT count(*)::int FROM imports) AS imports, (SELECT count(*)::int FROM import_rows) AS rows, (SELECT count(*)::int FROM cases) AS cases`))[0] as Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp({ today: TODAY });
    db = t.app.get(DataSource);
    runner = t.app.get(ImportRunner);
    north = await createOrganisationTree(t.http, { label: 'Danh sách nhập Bắc' });
    south = await createOrganisationTree(t.http, { label: 'Danh sách nhập Nam' });
    provinceAdmin = (await account(t, 'quantri.dsn.bac', north.provinceId, ['admin'])).agent;
    communeAdmin = (await account(t, 'quantri.dsn.phuong', north.communeId, ['admin'])).agent;
    otherAdmin = (await account(t, 'quantri.dsn.nam', south.provinceId, ['admin'])).agent;
    // The run's database is shared by the test files: imports another file left waiting are worked off first.
    await runner.drain();

    // The province's administrator uploads three files, a minute apart; the second names a column no import knows
    // (both its rows are refused for it) and has a bad date in its second row. The first two are processed at once.
    await upload(provinceAdmin, 'first', 0, [probationerRow('DSN-1', north.cellId, '2026-01-05')]);
    await upload(
      provinceAdmin,
      'second',
      60,
      [
        { ...probationerRow('DSN-2', north.cellId, '2026-01-05'), note: '' },
        { ...probationerRow('DSN-3', north.cellId, '2026-01-05'), cellVoteOn: '31/01/2026', note: 'xem lại' },
      ],
      { extraColumns: ['note'] },
    );
    await runner.drain();
    await upload(provinceAdmin, 'third', 120, [probationerRow('DSN-4', north.cellId, '2026-01-05')], { historical: true });
    // The commune's administrator, below the province, and another province's, both later still.
    await upload(communeAdmin, 'commune', 180, [probationerRow('DSN-5', north.cellId, '2026-01-05')]);
    await upload(otherAdmin, 'south', 240, [probationerRow('DSN-6', south.cellId, '2026-01-05')]);
    // Two files accepted at the same instant: the id orders them, and no page skips or repeats either.
    await upload(provinceAdmin, 'twinA', 300, [probationerRow('DSN-7', north.cellId, '2026-01-05')]);
    await upload(provinceAdmin, 'twinB', 300, [probationerRow('DSN-8', north.cellId, '2026-01-05')]);
    t.setToday(TODAY);
  });
  afterAll(() => t?.close());

  it('lists the imports of the subtree newest first, each with its progress, counts, uploader and format but not its rows', async () => {
    const twins = [uploaded.twinA.importId, uploaded.twinB.importId].sort().reverse();
    const { items, nextCursor } = await list(provinceAdmin);
    expect(nextCursor).toBeNull();
    expect(ids(items)).toEqual([...twins, uploaded.commune.importId, uploaded.third.importId, uploaded.second.importId, uploaded.first.importId]);
    // Another province's import is not listed, nor readable.
    expect(ids(items)).not.toContain(uploaded.south.importId);
    await provinceAdmin.get(`${API}/imports/${uploaded.south.importId}`).expect(404);

    const second = items.find((i) => i.importId === uploaded.second.importId)!;
    expect(second).toEqual({
      importId: uploaded.second.importId,
      status: 'done',
      historical: false,
      format: 'csv',
      rows: 2,
      processed: 2,
      imported: 0,
      unchanged: 0,
      refused: 2,
      flagged: 0,
      uploadedBy: { userId: expect.any(String), username: 'quantri.dsn.bac', fullName: fullNameOf('quantri.dsn.bac'), title: null, organisationName: 'Tỉnh ủy Danh sách nhập Bắc' },
      acceptedAt: at(60),
      startedAt: at(60),
      finishedAt: at(60),
    });
    // Waiting for a worker: nothing processed yet; the historical flag and the uploader below the province.
    expect(items.find((i) => i.importId === uploaded.third.importId)).toMatchObject({ status: 'queued', historical: true, rows: 1, processed: 0, acceptedAt: at(120), startedAt: null, finishedAt: null });
    expect(items.find((i) => i.importId === uploaded.commune.importId)).toMatchObject({ uploadedBy: { fullName: fullNameOf('quantri.dsn.phuong'), organisationName: 'Đảng ủy phường Danh sách nhập Bắc' } });
    expect(items.every((i) => !('items' in i) && !('actor' in i))).toBe(true);
  });

  it('scopes the list like GET /imports/{id}: an account below sees only its subtree, another province only its own', async () => {
    expect(ids((await list(communeAdmin)).items)).toEqual([uploaded.commune.importId]);
    await communeAdmin.get(`${API}/imports/${uploaded.first.importId}`).expect(404);
    expect(ids((await list(otherAdmin)).items)).toEqual([uploaded.south.importId]);
    // The administrator over the whole tree sees them all, among the imports of the other test files.
    const everything = (await allPages(t.http, 200)).flat();
    expect(ids(everything)).toEqual(expect.arrayContaining(Object.values(uploaded).map((u) => u.importId)));
    // A secretary may not run imports, nor list them.
    const secretary = (await account(t, 'bithu.dsn', north.cellId, ['cell_secretary'])).agent;
    await secretary.get(`${API}/imports`).expect(403);
  });

  it('pages on both sides of a page boundary: every import once, in order, the last page without a cursor', async () => {
    const whole = ids((await list(provinceAdmin)).items);
    expect(whole).toHaveLength(6);
    for (const limit of [1, 2, 3, 4, 5, 6, 7]) {
      const pages = await allPages(provinceAdmin, limit);
      expect(pages.map((p) => p.length)).toEqual(Array.from({ length: Math.max(1, Math.ceil(whole.length / limit)) }, (_, i) => Math.min(limit, whole.length - i * limit)));
      expect(ids(pages.flat())).toEqual(whole);
    }
    // Exactly at the boundary (6 of 6), the page ends the list; one fewer leaves a cursor to the last import.
    expect((await list(provinceAdmin, { limit: 6 })).nextCursor).toBeNull();
    const five = await list(provinceAdmin, { limit: 5 });
    expect(five.nextCursor).toEqual(expect.any(String));
    expect(ids((await list(provinceAdmin, { limit: 5, cursor: five.nextCursor! })).items)).toEqual([uploaded.first.importId]);
    // A cursor read by another subtree resumes its own list after the same position: nothing of the first leaks.
    expect(ids((await list(otherAdmin, { cursor: five.nextCursor! })).items)).toEqual([]);
  });

  it('refuses bad paging input with 400 VALIDATION_FAILED naming the parameter, and writes nothing', async () => {
    const before = await counts();
    const forged = Buffer.from(JSON.stringify(['2026-06-30T03:00:00Z', uploaded.first.importId]), 'utf8').toString('base64url');
    const bad: [Record<string, string>, string][] = [
      [{ limit: '0' }, 'limit'],
      [{ limit: '201' }, 'limit'],
      [{ limit: 'mười' }, 'limit'],
      [{ limit: '2.5' }, 'limit'],
      [{ cursor: 'không-phải-con-trỏ' }, 'cursor'],
      [{ cursor: forged }, 'cursor'],
      [{ cursor: 'x'.repeat(501) }, 'cursor'],
      [{ page: '2' }, 'page'],
    ];
    for (const [query, field] of bad) {
      const res = await provinceAdmin.get(`${API}/imports`).query(query).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field })]) });
      expect((res.body as { fields: { field: string }[] }).fields.every((f) => f.field === field)).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('names a refused row\'s column by its label from the event schema, in both languages; an unknown column keeps only its name', async () => {
    const report = (await provinceAdmin.get(`${API}/imports/${uploaded.second.importId}`).expect(200)).body as { uploadedBy: { fullName: string }; items: { row: number; errors: { field?: string; fieldLabel?: { vi: string; en: string } }[] }[] };
    expect(report.uploadedBy.fullName).toBe(fullNameOf('quantri.dsn.bac'));
    const errors = report.items[1].errors;
    expect(errors).toContainEqual(expect.objectContaining({ field: 'cellVoteOn', fieldLabel: IMPORT_COLUMN_LABELS.get('cellVoteOn') }));
    expect(IMPORT_COLUMN_LABELS.get('cellVoteOn')).toEqual({ vi: 'Chi bộ biểu quyết đề nghị kết nạp – Ngày họp', en: 'Cell vote on the admission – Meeting date' });
    const unknown = errors.find((e) => e.field === 'note');
    expect(unknown).toBeDefined();
    expect(unknown).not.toHaveProperty('fieldLabel');
  });
});
