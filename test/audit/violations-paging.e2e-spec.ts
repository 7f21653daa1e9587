import { DataSource } from 'typeorm';
import { CHECK_IDS } from '@charterflow/audit';
import { API, startTestApp, TestApp } from '../support/app';
import { createOrganisation } from '../access/support';

type Item = { caseId: string; check: string; detectedOn: string | null };

/**
 * Keyset paging of `GET /audit/violations` (ADR 0029): walking the pages of a province, of a commune inside it and
 * of the province's cell, at page sizes that put a boundary on every side of every tie (same date for several cases,
 * several checks of one case, undated findings last), returns every finding of the subtree exactly once, in page
 * order, and none of a neighbouring commune or province.
 */
describe('violations pages by keyset cursor (real PostgreSQL)', () => {
  let t: TestApp;
  let db: DataSource;
  const o: Record<string, string> = {};
  /** Every finding inserted, with the cell it belongs to. */
  const all: (Item & { cell: string })[] = [];
  const checks = [...CHECK_IDS].slice(0, 3);

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-06-30' });
    db = t.app.get(DataSource);
    for (const p of ['P', 'Q']) {
      o[p] = await createOrganisation(t, { name: `Tỉnh ủy Phân trang ${p}`, kind: 'province' });
      for (const k of ['A', 'B']) {
        const commune = await createOrganisation(t, { name: `Đảng ủy xã ${p}${k}`, kind: 'commune', parentId: o[p] });
        const grassroots = await createOrganisation(t, { name: `Đảng ủy cơ sở ${p}${k}`, kind: 'grassroots', parentId: commune });
        o[`${p}${k}`] = commune;
        o[`cell${p}${k}`] = await createOrganisation(t, { name: `Chi bộ ${p}${k}`, kind: 'cell', parentId: grassroots });
      }
    }
    // Per cell, five cases: three share one breach date (two of them with every check), one is dated earlier, one
    // undated. Cases are written straight to the tables: no history, so no check runs over them again.
    const dates = ['2026-03-02', '2026-03-02', '2026-03-02', '2026-02-10', null];
    let n = 0;
    for (const cell of ['cellPA', 'cellPB', 'cellQA', 'cellQB']) {
      for (const [i, date] of dates.entries()) {
        n += 1;
        const [{ id }]: { id: string }[] = await db.query(
          `INSERT INTO cases (organisation_id, state, snapshot, machine_version, procedure_version, version, candidate, search_text, last_seq, last_hash, created_at, updated_at)
           VALUES ($1, 'superiorReview', '{"machine": {"value": "superiorReview"}}'::jsonb, 1, 'qd294-2025', 1, jsonb_build_object('fullName', $2::text), $2, 0, 'h', now(), now()) RETURNING id`,
          [o[cell], `Người Phân Trang ${n}`],
        );
        for (const check of i < 2 ? checks : checks.slice(0, 1)) {
          await db.query(
            `INSERT INTO compliance_findings (case_id, check_id, organisation_id, province_id, severity, detected_on, event_seq, evidence, computed_on)
             SELECT $1, $2, o.id, split_part(o.path, '/', 2)::uuid, 'violation', $3::date, NULL, '{}'::jsonb, '2026-06-30' FROM organisations o WHERE o.id = $4`,
            [id, check, date, o[cell]],
          );
          all.push({ caseId: id, check, detectedOn: date, cell });
        }
      }
    }
  });
  afterAll(() => t?.close());

  /** Page order: the breach date (undated last), then case, then check. */
  const key = (i: Item) => `${i.detectedOn ?? '9999-12-31'}|${i.caseId}|${i.check}`;
  const expected = (cells: string[]) =>
    all
      .filter((i) => cells.includes(i.cell))
      .map(({ caseId, check, detectedOn }) => ({ caseId, check, detectedOn }))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  async function walk(organisationId: string, limit: number): Promise<{ items: Item[]; pages: number; totals: { check: string; count: number }[] }> {
    const items: Item[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let totals: { check: string; count: number }[];
    do {
      const body = (await t.http.get(`${API}/audit/violations`).query({ organisationId, limit, ...(cursor ? { cursor } : {}) }).expect(200)).body;
      pages += 1;
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items.map((i: Item) => ({ caseId: i.caseId, check: i.check, detectedOn: i.detectedOn })));
      totals = body.totals;
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    return { items, pages, totals };
  }

  it.each([1, 2, 3, 4, 7, 100])('a province in pages of %i: every finding once, in order, none of another province', async (limit) => {
    const want = expected(['cellPA', 'cellPB']);
    expect(want).toHaveLength(2 * (2 * checks.length + 3));
    const got = await walk(o.P, limit);
    expect(got.items).toEqual(want);
    expect(got.pages).toBe(Math.max(1, Math.ceil(want.length / limit)));
    expect(got.totals).toEqual(checks.map((check) => ({ check, count: want.filter((i) => i.check === check).length })).sort((a, b) => (a.check < b.check ? -1 : 1)));
  });

  it.each([1, 2, 3, 5])('a commune and a cell in pages of %i: only their own findings, each once, in order', async (limit) => {
    expect((await walk(o.QB, limit)).items).toEqual(expected(['cellQB']));
    expect((await walk(o.cellPA, limit)).items).toEqual(expected(['cellPA']));
  });
});
