import { parse } from 'csv-parse/sync';
import { addDays } from '@charterflow/procedure';
import { API, startTestApp, TestApp } from '../support/app';
import { account, createOrganisation } from '../access/support';
import { probationerRow, toCsv } from '../imports/rows';
import { finished } from '../imports/finish';

interface Seeded {
  cell: string;
  commune: 'C1' | 'C2';
  decidedOn: string;
  female: boolean;
  minority: boolean;
  religious: boolean;
  youthUnion: boolean;
  young: boolean;
  education: string;
  occupation: string;
}

/**
 * Statistics of admissions, checked against figures computed by hand from how the seeded rows were made (not by the
 * statistics code): per category, per period (a quarter's last day counts in it, the next day does not), per
 * organisation, with the share of admitting units; CSV round trip; the printable report; targets.
 */
describe('admission statistics and targets (real PostgreSQL)', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-06-30' });
    o.P = await createOrganisation(t, { name: 'Tỉnh ủy Thống kê', kind: 'province' });
    o.C1 = await createOrganisation(t, { name: 'Đảng ủy phường Một', kind: 'commune', parentId: o.P });
    o.C2 = await createOrganisation(t, { name: 'Đảng ủy xã Hai', kind: 'commune', parentId: o.P });
    o.G1 = await createOrganisation(t, { name: 'Đảng ủy Công ty', kind: 'grassroots', parentId: o.C1 });
    o.G2 = await createOrganisation(t, { name: 'Đảng ủy Trường', kind: 'grassroots', parentId: o.C2 });
    o.G3 = await createOrganisation(t, { name: '<script>alert(1)</script> Đảng ủy', kind: 'grassroots', parentId: o.C2 });
    o.A1 = await createOrganisation(t, { name: 'Chi bộ A1', kind: 'cell', parentId: o.G1 });
    o.A2 = await createOrganisation(t, { name: 'Chi bộ A2', kind: 'cell', parentId: o.G1 });
    o.V = await createOrganisation(t, { name: 'Chi bộ thôn Đông', kind: 'cell', parentId: o.C2 });
    o.B = await createOrganisation(t, { name: 'Chi bộ B', kind: 'cell', parentId: o.G2 });
    await createOrganisation(t, { name: 'Chi bộ không kết nạp', kind: 'cell', parentId: o.G3 });
    const cells: { id: string; commune: 'C1' | 'C2' }[] = [
      { id: o.A1, commune: 'C1' },
      { id: o.A2, commune: 'C1' },
      { id: o.V, commune: 'C2' },
      { id: o.B, commune: 'C2' },
    ];
    const rows: Record<string, string>[] = [];
    // Decisions every three days from 2026-01-04, plus one on the last day of Q1 and one on the first day of Q2.
    const decisionDates = [...Array.from({ length: 36 }, (_, i) => addDays('2026-01-04', 3 * i)), '2026-03-31', '2026-04-01'];
    decisionDates.forEach((decidedOn, i) => {
      const cell = cells[i % cells.length];
      const s: Seeded = {
        cell: cell.id,
        commune: cell.commune,
        decidedOn,
        female: i % 2 === 0,
        minority: i % 3 === 0,
        religious: i % 4 === 0,
        youthUnion: i % 5 !== 0,
        // These units have a Youth Union: a candidate of youth age there is a Youth Union member (E7, CH Art. 4(1)).
        young: i % 6 !== 0 && i % 5 !== 0,
        education: ['university', 'upper_secondary', 'lower_secondary'][i % 3],
        occupation: ['worker', 'farmer', 'student'][i % 3],
      };
      seeded.push(s);
      const row = probationerRow(`ST-${i}`, cell.id, addDays(decidedOn, -40));
      Object.assign(row, {
        gender: s.female ? 'female' : 'male',
        ethnicity: s.minority ? 'Tày' : 'Kinh',
        religion: s.religious ? 'Phật giáo' : '',
        youthUnionMember: String(s.youthUnion),
        tradeUnionMember: String(!s.youthUnion),
        introducingBody: s.youthUnion ? 'youth_union' : 'trade_union',
        dateOfBirth: s.young ? '2000-03-15' : '1990-05-01',
        education: s.education,
        occupation: s.occupation,
      });
      // A village cell has no grassroots committee vote: the commune committee decides after the cell.
      if (cell.id === o.V) for (const k of ['grassrootsVoteOn', 'grassrootsCommitteeMembers', 'grassrootsInFavour']) delete row[k];
      rows.push(row);
    });
    // One recognised on 2026-02-10 and one removed on 2026-03-05, in cell A1 (admitted in January 2025).
    for (const [id, motion, decisionOn] of [['ST-rec', 'recognise', '2026-02-10'], ['ST-rem', 'remove', '2026-03-05']] as const) {
      rows.push({
        ...probationerRow(id, o.A1, '2024-12-01'),
        newMemberClassOn: '2025-03-03', newMemberCertificateNo: 'BD-1',
        selfReviewOn: '2026-01-26', helperAssessmentOn: '2026-01-26', recognitionOpinionsOn: '2026-01-27', recognitionMotion: motion,
        recognitionCellVoteOn: '2026-02-02', recognitionCellFullMembers: '9', recognitionCellExcluded: '0', recognitionCellInFavour: '6',
        recognitionGrassrootsVoteOn: '2026-02-05', recognitionGrassrootsCommitteeMembers: '9', recognitionGrassrootsInFavour: '6',
        recognitionDecisionOn: decisionOn, recognitionDecisionNo: `QĐ-${id}`, recognitionStandingMembers: '7', recognitionStandingInFavour: '4',
      });
    }
    const report = await finished(t, await t.http.post(`${API}/imports`).set('Content-Type', 'text/csv').send(toCsv(rows)));
    expect(report).toMatchObject({ imported: rows.length, refused: 0 });
  });
  afterAll(() => t?.close());

  const q1 = () => seeded.filter((s) => s.decidedOn >= '2026-01-01' && s.decidedOn <= '2026-03-31');

  it('Q1 2026 for the province: every category matches the hand count', async () => {
    const body = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-Q1' }).expect(200)).body;
    const want = q1();
    expect(body.period).toMatchObject({ id: '2026-Q1', from: '2026-01-01', to: '2026-03-31', label: { vi: 'Quý I/2026' } });
    expect(body.total).toMatchObject({
      admissions: want.length,
      categories: {
        youthUnion: want.filter((s) => s.youthUnion).length,
        women: want.filter((s) => s.female).length,
        ethnicMinority: want.filter((s) => s.minority).length,
        religious: want.filter((s) => s.religious).length,
        aged18to30: want.filter((s) => s.young).length,
        upperSecondary: want.filter((s) => s.education === 'upper_secondary').length,
        collegeOrUniversity: want.filter((s) => s.education === 'university').length,
      },
      byOccupation: { worker: want.filter((s) => s.occupation === 'worker').length, farmer: want.filter((s) => s.occupation === 'farmer').length, student: want.filter((s) => s.occupation === 'student').length },
      recognitions: 1,
      removals: 1,
    });
    // 4 January to 29 March every three days (29 decisions) and 31 March.
    expect(want.length).toBe(30);
    // Per commune, and the admitting units: Công ty, Trường, the commune for its village cell — not the third committee.
    const byOrg = Object.fromEntries(body.rows.map((r: { organisationId: string; admissions: number }) => [r.organisationId, r.admissions]));
    expect(byOrg).toEqual({ [o.C1]: want.filter((s) => s.commune === 'C1').length, [o.C2]: want.filter((s) => s.commune === 'C2').length });
    expect(body.admittingUnits).toEqual({ total: 4, withAdmissions: 3, share: 75 });
    // Each category with its name, in the order of the published counts.
    expect(Object.keys(body.categoryLabels)).toEqual(Object.keys(body.total.categories));
    expect(body.categoryLabels.women).toEqual({ vi: 'Nữ', en: 'Women' });
    expect(body.categoryLabels.ethnicMinority).toEqual({ vi: 'Dân tộc thiểu số', en: 'Ethnic minorities' });
  });

  it('the last day of a quarter counts in it, the next day in the next quarter', async () => {
    const q2 = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-Q2' }).expect(200)).body;
    expect(q2.total.admissions).toBe(seeded.filter((s) => s.decidedOn >= '2026-04-01' && s.decidedOn <= '2026-06-30').length);
    const march = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-03' }).expect(200)).body;
    expect(march.total.admissions).toBe(seeded.filter((s) => s.decidedOn.startsWith('2026-03')).length);
    const april = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-04' }).expect(200)).body;
    expect(april.total.admissions).toBe(seeded.filter((s) => s.decidedOn.startsWith('2026-04')).length);
    expect(seeded.some((s) => s.decidedOn === '2026-03-31') && seeded.some((s) => s.decidedOn === '2026-04-01')).toBe(true);
    const y2025 = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2025' }).expect(200)).body;
    expect(y2025.total.admissions).toBe(2); // the two probationers of the recognition rows, decided in January 2025
  });

  it('answers the period month by month: each month as the month asked alone counts it, every month listed, the turn of a quarter kept apart', async () => {
    const get = async (period: string, organisationId = o.P) => (await t.http.get(`${API}/statistics/admissions`).query({ organisationId, period }).expect(200)).body;
    const year = await get('2026');
    const ids = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(year.months.map((m: { month: string }) => m.month)).toEqual(ids);
    for (const month of ids) {
      const alone = await get(month);
      expect({ month, ...year.months.find((m: { month: string }) => m.month === month) }).toEqual({ month, admissions: alone.total.admissions, recognitions: alone.total.recognitions, removals: alone.total.removals });
      expect(alone.months).toEqual([{ month, admissions: alone.total.admissions, recognitions: alone.total.recognitions, removals: alone.total.removals }]);
    }
    // Against the seeded decisions: 31 March in March, 1 April in April; the recognition in February, the removal in March.
    const seededIn = (month: string) => seeded.filter((s) => s.decidedOn.startsWith(month)).length;
    expect(year.months.map((m: { admissions: number }) => m.admissions)).toEqual(ids.map(seededIn));
    expect(year.months.find((m: { month: string }) => m.month === '2026-02')).toMatchObject({ recognitions: 1, removals: 0 });
    expect(year.months.find((m: { month: string }) => m.month === '2026-03')).toMatchObject({ recognitions: 0, removals: 1 });
    expect(year.months.slice(4).every((m: { admissions: number }) => m.admissions === 0)).toBe(true);
    const sum = (months: { admissions: number }[]) => months.reduce((n, m) => n + m.admissions, 0);
    expect(sum(year.months)).toBe(year.total.admissions);
    // A quarter has its own three months; a commune's months count its subtree only.
    const q2 = await get('2026-Q2');
    expect(q2.months).toEqual(year.months.slice(3, 6));
    const commune = await get('2026-Q1', o.C1);
    expect(commune.months.map((m: { admissions: number }) => m.admissions)).toEqual(
      ['2026-01', '2026-02', '2026-03'].map((m) => seeded.filter((s) => s.commune === 'C1' && s.decidedOn.startsWith(m)).length),
    );
  });

  it('the CSV export round-trips to the same numbers, with the forms’ Vietnamese headings', async () => {
    const res = await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-Q1', format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const json = (await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-Q1' }).expect(200)).body;
    const records: Record<string, string>[] = parse(res.text, { bom: true, columns: true });
    expect(Object.keys(records[0])).toEqual(expect.arrayContaining(['Số đảng viên mới kết nạp (admitted)', 'Nữ (Women)', 'Dân tộc thiểu số (Ethnic minorities)', 'Đoàn viên thanh niên (Youth Union members)']));
    const lines = [...json.rows, json.total];
    expect(records).toHaveLength(lines.length);
    records.forEach((r, i) => {
      expect(Number(r['Số đảng viên mới kết nạp (admitted)'])).toBe(lines[i].admissions);
      expect(Number(r['Nữ (Women)'])).toBe(lines[i].categories.women);
      expect(Number(r['Tuổi từ 18 đến 30 (Aged 18–30)'])).toBe(lines[i].categories.aged18to30);
      expect(Number(r['Công nhận đảng viên chính thức (recognised)'])).toBe(lines[i].recognitions);
      expect(Number(r['Nghề nghiệp: farmer (occupation)'])).toBe(lines[i].byOccupation.farmer ?? 0);
    });
  });

  it('is scoped: a commune board sees its commune, not the other; the province is 404 to it', async () => {
    const board = (await account(t, 'tc.mot', o.C1, ['superior_officer'])).agent;
    const mine = (await board.get(`${API}/statistics/admissions`).query({ period: '2026-Q1' }).expect(200)).body;
    expect(mine.organisation.id).toBe(o.C1);
    expect(mine.total.admissions).toBe(q1().filter((s) => s.commune === 'C1').length);
    expect(mine.admittingUnits).toEqual({ total: 1, withAdmissions: 1, share: 100 });
    expect((await board.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period: '2026-Q1' })).status).toBe(404);
    expect((await board.get(`${API}/statistics/admissions`).query({ organisationId: o.C2, period: '2026-Q1' })).status).toBe(404);
  });

  it('targets: set for a year and a term, progress against admissions, refused for a quarter, an inspector or another branch', async () => {
    const y = (await t.http.put(`${API}/targets/${o.C1}/2026`).send({ admissions: 40, note: 'Chỉ tiêu năm 2026' }).expect(200)).body;
    const admitted2026 = seeded.filter((s) => s.commune === 'C1' && s.decidedOn.startsWith('2026')).length;
    expect(y).toMatchObject({ organisationId: o.C1, target: 40, admitted: admitted2026, sharePercent: Math.round((admitted2026 / 40) * 1000) / 10, setBy: 'admin' });
    await t.http.put(`${API}/targets/${o.C1}/2025-2030`).send({ admissions: 150 }).expect(200);
    await t.http.put(`${API}/targets/${o.C1}/2027`).send({ admissions: 30 }).expect(200);
    const list = (await t.http.get(`${API}/targets`).query({ organisationId: o.P }).expect(200)).body;
    const term = list.find((x: { period: { id: string } }) => x.period.id === '2025-2030');
    // The term runs from 1 October 2025: the two admissions of January 2025 fall before it.
    expect(term).toMatchObject({ target: 150, yearlyTargetsSum: 70, admitted: seeded.filter((s) => s.commune === 'C1').length });
    const csv: Record<string, string>[] = parse((await t.http.get(`${API}/targets`).query({ organisationId: o.P, format: 'csv' }).expect(200)).text, { bom: true, columns: true });
    expect(csv.map((r) => [r['Kỳ (period)'], Number(r['Chỉ tiêu kết nạp (target)'])])).toEqual(list.map((x: { period: { id: string }; target: number }) => [x.period.id, x.target]));
    expect((await t.http.put(`${API}/targets/${o.C1}/2026-Q1`).send({ admissions: 5 }).expect(400)).body.fields[0].field).toBe('period');
    expect((await t.http.put(`${API}/targets/${o.C1}/2026`).send({ admissions: -1 }).expect(400)).body.fields[0].field).toBe('admissions');
    const inspector = (await account(t, 'kt.tinh', o.P, ['inspector'])).agent;
    expect((await inspector.put(`${API}/targets/${o.C1}/2026`).send({ admissions: 1 })).body).toMatchObject({ code: 'FORBIDDEN', permission: 'targets.manage' });
    const board2 = (await account(t, 'tc.hai', o.C2, ['superior_officer'])).agent;
    expect((await board2.put(`${API}/targets/${o.C1}/2026`).send({ admissions: 1 })).status).toBe(404);
  });

  it('prints the period report in Vietnamese first, with the totals, the share of units and the targets, escaping names', async () => {
    const res = await t.http.get(`${API}/statistics/report`).query({ organisationId: o.P, period: '2026-Q1' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Báo cáo thống kê công tác kết nạp đảng viên');
    expect(res.text).toContain('Quý I/2026');
    expect(res.text).toContain(`<strong>${q1().length}</strong>`);
    expect(res.text).toContain('<strong>3/4</strong> (75%)');
    expect(res.text).not.toContain('<script>alert(1)</script>');
  });

  it('validates the period', async () => {
    for (const period of ['2026-Q5', '2026-13', 'last-year', '2031-2036']) {
      const res = await t.http.get(`${API}/statistics/admissions`).query({ organisationId: o.P, period });
      expect(res.status).toBe(400);
      expect(res.body.fields[0].field).toBe('period');
    }
  });
});
