import { DataSource } from 'typeorm';
import { ImportRunner, MAX_IMPORT_ROWS_PAGE } from '@charterflow/intake';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { account } from '../access/support';
import { probationerRow, toCsv } from './rows';

const TODAY = '2026-06-30';

type Agent = Awaited<ReturnType<TestApp['as']>>;
interface Item {
  row: number;
  externalId: string | null;
  status: string;
  errors?: { code: string; field?: string; fieldLabel?: { vi: string } }[];
  flagged?: { rule: string }[];
}
interface RowsPage {
  items: Item[];
  nextCursor: string | null;
}

/**
 * `GET /imports/{id}/rows`: an import's report a page at a time in the file's order, all rows or only the refused
 * or the flagged ones; `GET /imports/{id}?items=false` leaves the rows out.
 */
describe("an import's report a page at a time (real PostgreSQL)", () => {
  let t: TestApp;
  let db: DataSource;
  let north: OrganisationTree;
  let south: OrganisationTree;
  let admin: Agent;
  let otherAdmin: Agent;
  let mixed: { importId: string; items: Item[] };
  let historical: { importId: string; items: Item[] };

  const upload = async (rows: Record<string, string>[], isHistorical = false) => {
    const res = await admin.post(`${API}/imports`).query({ historical: isHistorical }).set('Content-Type', 'text/csv').send(toCsv(rows)).expect(202);
    await t.app.get(ImportRunner).drain();
    return (await admin.get(`${API}/imports/${res.body.importId as string}`).expect(200)).body as { importId: string; items: Item[]; refused: number; flagged: number };
  };
  const rows = async (importId: string, query: Record<string, string | number> = {}, agent = admin) => (await agent.get(`${API}/imports/${importId}/rows`).query(query).expect(200)).body as RowsPage;
  /** Every page, `limit` at a time, with the filter given. */
  const allPages = async (importId: string, query: Record<string, string | number>) => {
    const pages: Item[][] = [];
    let cursor: string | null = null;
    do {
      const page: RowsPage = await rows(importId, cursor ? { ...query, cursor } : query);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  };
  const numbers = (items: readonly Item[]) => items.map((i) => i.row);

  beforeAll(async () => {
    t = await startTestApp({ today: TODAY });
    db = t.app.get(DataSource);
    north = await createOrganisationTree(t.http, { label: 'Báo cáo nhập Bắc' });
    south = await createOrganisationTree(t.http, { label: 'Báo cáo nhập Nam' });
    admin = (await account(t, 'quantri.bcn.bac', north.provinceId, ['admin'])).agent;
    otherAdmin = (await account(t, 'quantri.bcn.nam', south.provinceId, ['admin'])).agent;
    // Seven rows: the 2nd, 5th and 6th refused (a bad date, a bad date, a case in a unit outside the subtree).
    mixed = await upload([
      probationerRow('BCN-1', north.cellId, '2026-01-05'),
      { ...probationerRow('BCN-2', north.cellId, '2026-01-05'), cellVoteOn: '31/01/2026' },
      probationerRow('BCN-3', north.cellId, '2026-01-05'),
      probationerRow('BCN-4', north.cellId, '2026-01-05'),
      { ...probationerRow('BCN-5', north.cellId, '2026-01-05'), cellVoteOn: 'hôm qua' },
      probationerRow('BCN-6', south.cellId, '2026-01-05'),
      probationerRow('BCN-7', north.cellId, '2026-01-05'),
    ]);
    // A historical import: the under-age row is imported and flagged, the other imported as it is.
    historical = await upload([probationerRow('BCN-H1', north.cellId, '2026-01-05'), { ...probationerRow('BCN-H2', north.cellId, '2026-01-05'), dateOfBirth: '2010-01-01' }], true);
  });
  afterAll(() => t?.close());

  it('gives every row in the file’s order, as GET /imports/{id} does, and pages on both sides of a page boundary', async () => {
    expect(numbers(mixed.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(mixed.items.filter((i) => i.status === 'refused').map((i) => i.row)).toEqual([2, 5, 6]);
    const whole = await rows(mixed.importId);
    expect(whole).toEqual({ items: mixed.items, nextCursor: null });
    // A refused column is named as staff read it here too.
    expect(whole.items[1].errors).toEqual([expect.objectContaining({ field: 'cellVoteOn', fieldLabel: expect.objectContaining({ vi: expect.stringContaining('Ngày') }) })]);
    expect((await allPages(mixed.importId, { limit: 3 })).map(numbers)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    // Exactly a page: no further page is announced; one row fewer: the last row is a page of its own.
    expect(await rows(mixed.importId, { limit: 7 })).toMatchObject({ nextCursor: null });
    expect((await allPages(mixed.importId, { limit: 6 })).map(numbers)).toEqual([[1, 2, 3, 4, 5, 6], [7]]);
  });

  it('keeps only the refused rows, or only those imported with a waived rule, a page at a time', async () => {
    expect((await allPages(mixed.importId, { outcome: 'refused', limit: 2 })).map(numbers)).toEqual([[2, 5], [6]]);
    expect((await rows(mixed.importId, { outcome: 'flagged' })).items).toEqual([]);
    const flagged = await rows(historical.importId, { outcome: 'flagged' });
    expect(flagged.items).toEqual([expect.objectContaining({ row: 2, status: 'imported', flagged: [expect.objectContaining({ rule: 'AGE_BELOW_18' })] })]);
    expect((await rows(historical.importId, { outcome: 'refused' })).items).toEqual([]);
    expect(numbers((await rows(historical.importId, { outcome: 'all' })).items)).toEqual([1, 2]);
  });

  it('GET /imports/{id}?items=false answers the progress and counts without the rows', async () => {
    const slim = (await admin.get(`${API}/imports/${mixed.importId}`).query({ items: 'false' }).expect(200)).body;
    expect(slim).toMatchObject({ importId: mixed.importId, status: 'done', rows: 7, imported: 4, refused: 3, items: [] });
    expect((await admin.get(`${API}/imports/${mixed.importId}`).query({ items: 'true' }).expect(200)).body.items).toHaveLength(7);
  });

  it('refuses bad paging and filters with 400 naming the field, and an import outside the subtree is not found', async () => {
    const bad = async (query: Record<string, string | number>, field: string) => {
      const res = await admin.get(`${API}/imports/${mixed.importId}/rows`).query(query).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field })]) });
      expect((res.body as { fields: { field: string }[] }).fields.every((f) => f.field === field)).toBe(true);
    };
    await bad({ limit: 0 }, 'limit');
    await bad({ limit: MAX_IMPORT_ROWS_PAGE + 1 }, 'limit');
    await bad({ limit: 'ten' }, 'limit');
    await bad({ outcome: 'imported' }, 'outcome');
    await bad({ cursor: 'garbage' }, 'cursor');
    await bad({ page: 2 }, 'page');
    const res = await admin.get(`${API}/imports/${mixed.importId}`).query({ items: 'no' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'items' })] });
    // The largest page is allowed.
    expect(numbers((await rows(mixed.importId, { limit: MAX_IMPORT_ROWS_PAGE })).items)).toHaveLength(7);
    await otherAdmin.get(`${API}/imports/${mixed.importId}/rows`).expect(404);
    await admin.get(`${API}/imports/00000000-0000-4000-8000-000000000000/rows`).expect(404);
    await admin.get(`${API}/imports/not-a-uuid/rows`).expect(400);
    // Reading writes nothing.
    expect((await db.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [mixed.importId]))[0].n).toBe(7);
  });
});
