import { parse } from 'csv-parse/sync';
import supertest from 'supertest';
import { addDays, BusinessDate, ruleSetFor } from '@charterflow/procedure';
import { API, startTestApp, TestApp } from '../support/app';
import { account, createOrganisation } from '../access/support';
import { finished } from './finish';
import { Breaches, probationerRow, toCsv } from './rows';

type Agent = ReturnType<typeof supertest.agent>;
interface Expected {
  caseId: string;
  check: string;
  organisationId: string;
  detectedOn: BusinessDate;
}

const ROWS = 300;
const key = (f: { caseId: string; check: string; detectedOn: string | null }) => `${f.caseId}|${f.check}|${f.detectedOn}`;

/**
 * A few hundred cases with known breaches, brought in by a historical import, and the violations endpoint must
 * answer exactly those breaches: per organisation, per period, and nothing outside the caller's subtree. The
 * expected findings are computed here from how the rows were made, not by the audit's own code.
 */
describe('violations of imported histories (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  const expected: Expected[] = [];
  let inspectorC1: Agent;

  /** All pages of the violations answer for a query. */
  async function allViolations(agent: Agent, query: Record<string, string>): Promise<{ caseId: string; check: string; organisationId: string; detectedOn: string | null }[]> {
    const items: { caseId: string; check: string; organisationId: string; detectedOn: string | null }[] = [];
    let cursor: string | undefined;
    do {
      const body = (await agent.get(`${API}/audit/violations`).query({ ...query, limit: '100', ...(cursor ? { cursor } : {}) }).expect(200)).body;
      items.push(...body.items);
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-06-30' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Kiểm tra nhập', kind: 'province' });
    for (const c of ['C1', 'C2']) {
      o[c] = await createOrganisation(t, { name: `Đảng ủy xã ${c}`, kind: 'commune', parentId: o.P });
      o[`G${c}`] = await createOrganisation(t, { name: `Đảng ủy cơ sở ${c}`, kind: 'grassroots', parentId: o[c] });
    }
    const cells = [
      { id: await createOrganisation(t, { name: 'Chi bộ 1', kind: 'cell', parentId: o.GC1 }), commune: 'C1' },
      { id: await createOrganisation(t, { name: 'Chi bộ 2', kind: 'cell', parentId: o.GC1 }), commune: 'C1' },
      { id: await createOrganisation(t, { name: 'Chi bộ 3', kind: 'cell', parentId: o.GC2 }), commune: 'C2' },
    ];
    const limits = new Map<string, BusinessDate>();
    const decisionLimit = async (cellVoteOn: BusinessDate) => {
      if (!limits.has(cellVoteOn)) {
        const days = ruleSetFor(cellVoteOn).admissionDecision.workingDays;
        limits.set(cellVoteOn, (await t.http.get(`${API}/calendar/working-days`).query({ from: cellVoteOn, add: days }).expect(200)).body.date);
      }
      return limits.get(cellVoteOn)!;
    };

    const rows: Record<string, string>[] = [];
    const plan: { externalId: string; cell: (typeof cells)[number]; breaches: Breaches; cellVoteOn: BusinessDate; ceremonyOn: BusinessDate }[] = [];
    for (let i = 1; i <= ROWS; i += 1) {
      const cell = cells[i % cells.length];
      const breaches: Breaches = { lateDecision: i % 5 === 0, underAge: i % 7 === 0, staleCertificate: i % 11 === 0, blockVote: i % 13 === 0, jointCeremony: i % 17 === 0 };
      const openedOn = addDays('2025-06-02', i % 120);
      const row = probationerRow(`S-${i}`, cell.id, openedOn, breaches);
      rows.push(row);
      plan.push({ externalId: `S-${i}`, cell, breaches, cellVoteOn: row.cellVoteOn, ceremonyOn: row.ceremonyOn });
    }
    const report = await finished(t, await t.http.post(`${API}/imports`).query({ historical: 'true' }).set('Content-Type', 'text/csv').send(toCsv(rows)));
    expect(report).toMatchObject({ rows: ROWS, imported: ROWS, refused: 0 });
    const caseOf = new Map<string, string>(report.items.map((i) => [i.externalId as string, i.caseId as string]));
    for (const p of plan) {
      const caseId = caseOf.get(p.externalId)!;
      const at = { caseId, organisationId: p.cell.id };
      if (p.breaches.underAge) expected.push({ ...at, check: 'A1', detectedOn: p.cellVoteOn });
      if (p.breaches.staleCertificate) expected.push({ ...at, check: 'A4', detectedOn: p.cellVoteOn });
      if (p.breaches.blockVote) expected.push({ ...at, check: 'A12', detectedOn: p.cellVoteOn });
      if (p.breaches.jointCeremony) expected.push({ ...at, check: 'A16', detectedOn: p.ceremonyOn });
      if (p.breaches.lateDecision) expected.push({ ...at, check: 'A15', detectedOn: addDays(await decisionLimit(p.cellVoteOn), 1) });
    }
    inspectorC1 = (await account(t, 'kt.c1', o.C1, ['inspector'])).agent;
  });
  afterAll(() => t?.close());

  it('answers exactly the seeded breaches, no more, no fewer', async () => {
    const found = await allViolations(t.http, { organisationId: o.P });
    expect(found.length).toBe(expected.length);
    expect(new Set(found.map(key))).toEqual(new Set(expected.map(key)));
    // 60 late decisions, 42 under-age, 27 stale certificates, 23 block votes, 17 joint ceremonies among 300 rows.
    expect(expected.filter((e) => e.check === 'A15')).toHaveLength(60);
    expect(expected.filter((e) => e.check === 'A1')).toHaveLength(42);
    expect(expected.filter((e) => e.check === 'A4')).toHaveLength(27);
    expect(expected.filter((e) => e.check === 'A12')).toHaveLength(23);
    expect(expected.filter((e) => e.check === 'A16')).toHaveLength(17);
    const totals = (await t.http.get(`${API}/audit/violations`).query({ organisationId: o.P }).expect(200)).body.totals;
    expect(totals).toEqual([
      { check: 'A1', count: 42 },
      { check: 'A12', count: 23 },
      { check: 'A15', count: 60 },
      { check: 'A16', count: 17 },
      { check: 'A4', count: 27 },
    ]);
  });

  it('exports the same breaches as CSV, every row of the filter', async () => {
    const res = await t.http.get(`${API}/audit/violations`).query({ organisationId: o.P, format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const records: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
    expect(new Set(records.map((r) => key({ caseId: r['Mã hồ sơ (case id)'], check: r['Nội dung kiểm tra (check)'], detectedOn: r['Ngày vi phạm (detected on)'] })))).toEqual(new Set(expected.map(key)));
    const late: Record<string, string>[] = parse((await t.http.get(`${API}/audit/deadlines`).query({ organisationId: o.P, format: 'csv' }).expect(200)).text, { bom: true, columns: true });
    // Every late decision closed late: one missed ADMISSION_DECISION limit per late row.
    expect(late.filter((r) => r['Hạn chót (due on)'] && r['Trạng thái (status)'] === 'missed' && r['Thời hạn (deadline)'] === 'Hạn ra quyết định kết nạp').length).toBe(60);
  });

  it('per organisation: a commune gets its own cells’ breaches only', async () => {
    for (const commune of ['C1', 'C2']) {
      const found = await allViolations(t.http, { organisationId: o[commune] });
      const inCommune = (await t.http.get(`${API}/organisations`).expect(200)).body.filter((x: { path: string }) => x.path.includes(`/${o[commune]}/`)).map((x: { id: string }) => x.id);
      const want = expected.filter((e) => inCommune.includes(e.organisationId));
      expect(new Set(found.map(key))).toEqual(new Set(want.map(key)));
      expect(want.length).toBeGreaterThan(0);
    }
  });

  it('per period: only breaches detected inside [from, to], both ends included', async () => {
    const from = '2025-08-01';
    const to = '2025-09-30';
    const found = await allViolations(t.http, { organisationId: o.P, from, to });
    const want = expected.filter((e) => e.detectedOn >= from && e.detectedOn <= to);
    expect(want.length).toBeGreaterThan(0);
    expect(new Set(found.map(key))).toEqual(new Set(want.map(key)));
    const oneCheck = await allViolations(t.http, { organisationId: o.P, from, to, check: 'A1' });
    expect(new Set(oneCheck.map(key))).toEqual(new Set(want.filter((e) => e.check === 'A1').map(key)));
  });

  it('nothing outside the caller’s subtree: the inspector of commune C1', async () => {
    const found = await allViolations(inspectorC1, {});
    const inC1 = (await t.http.get(`${API}/organisations`).expect(200)).body.filter((x: { path: string }) => x.path.includes(`/${o.C1}/`)).map((x: { id: string }) => x.id);
    expect(new Set(found.map(key))).toEqual(new Set(expected.filter((e) => inC1.includes(e.organisationId)).map(key)));
    expect(found.every((f) => inC1.includes(f.organisationId))).toBe(true);
    expect((await inspectorC1.get(`${API}/audit/violations`).query({ organisationId: o.C2 })).status).toBe(404);
  });
});
