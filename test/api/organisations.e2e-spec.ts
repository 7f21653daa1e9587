import { DataSource } from 'typeorm';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { BODY_KIND_LABELS, BODY_KINDS } from '@charterflow/procedure';
import { expectRule, openCase, record, SPONSOR } from './helpers';

/**
 * Organisations over HTTP with the E7 flags `hasYouthUnion` / `hasTradeUnion` (api.md v1.1 "Organisations"; ADR 0014):
 * created, patched and read back, refused when not a boolean, and read by the engine at the next step of a case.
 */
describe('organisations: hasYouthUnion and hasTradeUnion', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
  });
  afterAll(() => t?.close());

  const get = async (id: string) => (await t.http.get(`${API}/organisations/${id}`).expect(200)).body as Record<string, unknown>;

  it('a new organisation has both by default; POST takes them; GET, the list and PATCH answer them', async () => {
    const tree = await createOrganisationTree(t.http);
    expect(await get(tree.cellId)).toMatchObject({ id: tree.cellId, hasYouthUnion: true, hasTradeUnion: true });

    const created = await t.http
      .post(`${API}/organisations`)
      .send({ name: 'Chi bộ Phân xưởng', kind: 'cell', parentId: tree.grassrootsId, hasYouthUnion: false, hasTradeUnion: true })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Chi bộ Phân xưởng', hasYouthUnion: false, hasTradeUnion: true, authorisedToAdmit: false });
    expect(await get(created.body.id as string)).toMatchObject({ hasYouthUnion: false, hasTradeUnion: true });

    const patched = await t.http.patch(`${API}/organisations/${created.body.id as string}`).send({ hasTradeUnion: false }).expect(200);
    expect(patched.body).toMatchObject({ name: 'Chi bộ Phân xưởng', hasYouthUnion: false, hasTradeUnion: false });
    const back = await t.http.patch(`${API}/organisations/${created.body.id as string}`).send({ hasYouthUnion: true, name: 'Chi bộ Phân xưởng 2' }).expect(200);
    expect(back.body).toMatchObject({ name: 'Chi bộ Phân xưởng 2', hasYouthUnion: true, hasTradeUnion: false });

    const children = (await t.http.get(`${API}/organisations?parentId=${tree.grassrootsId}`).expect(200)).body as Record<string, unknown>[];
    expect(children.find((o) => o.id === created.body.id)).toMatchObject({ hasYouthUnion: true, hasTradeUnion: false });
    expect(children.find((o) => o.id === tree.cellId)).toMatchObject({ hasYouthUnion: true, hasTradeUnion: true });
  });

  it('a flag that is not a boolean is refused with 400 naming it, and nothing changes', async () => {
    const tree = await createOrganisationTree(t.http);
    for (const value of ['false', 0, 1, null, 'true']) {
      const post = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ X', kind: 'cell', parentId: tree.grassrootsId, hasYouthUnion: value });
      expect(post.status).toBe(400);
      expect(post.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field: 'hasYouthUnion' })]) });
      const patch = await t.http.patch(`${API}/organisations/${tree.cellId}`).send({ hasTradeUnion: value, name: 'Đổi tên' });
      expect(patch.status).toBe(400);
      expect(patch.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field: 'hasTradeUnion' })]) });
    }
    const children = (await t.http.get(`${API}/organisations?parentId=${tree.grassrootsId}`).expect(200)).body as unknown[];
    expect(children).toHaveLength(1);
    expect(await get(tree.cellId)).toMatchObject({ name: expect.not.stringContaining('Đổi tên'), hasYouthUnion: true, hasTradeUnion: true });
  });

  it('a refusal of the hierarchy says in Vietnamese where the kind may sit, with its article, and writes nothing', async () => {
    const tree = await createOrganisationTree(t.http);
    const labels = Object.fromEntries(BODY_KINDS.map((k) => [k, `«${BODY_KIND_LABELS[k].vi}»`]));
    const under = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ lạc chỗ', kind: 'cell', parentId: tree.provinceId }).expect(422);
    expect(under.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ORGANISATION_HIERARCHY', kind: 'cell', parentKind: 'province' });
    expect(under.body.messageVi).toBe(
      `Đơn vị loại ${labels.cell} chỉ được đặt trực thuộc ${labels.grassroots} hoặc trực thuộc ${labels.commune}, không được đặt trực thuộc ${labels.province} (căn cứ Điều 11 Điều lệ Đảng).`,
    );
    const authorised = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ ủy quyền', kind: 'cell', parentId: tree.grassrootsId, authorisedToAdmit: true }).expect(422);
    expect(authorised.body.messageVi).toMatch(new RegExp(`^Chỉ ${labels.grassroots} mới được ủy quyền quyết định kết nạp đảng viên; .*\\(căn cứ mục 22\\.1 Quy định số 294-QĐ/TW ngày 26/05/2025\\)\\.$`));
    // A move: a grassroots committee under its own cell, and a cell under a province.
    const own = await t.http.patch(`${API}/organisations/${tree.grassrootsId}`).send({ parentId: tree.cellId, name: 'Đổi tên' }).expect(422);
    expect(own.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ORGANISATION_HIERARCHY', messageVi: expect.stringMatching(/^Không thể chuyển .*\(căn cứ Điều 11 Điều lệ Đảng\)\.$/) });
    const moved = await t.http.patch(`${API}/organisations/${tree.cellId}`).send({ parentId: tree.provinceId }).expect(422);
    expect(moved.body.messageVi).toBe(under.body.messageVi);
    for (const body of [under.body, authorised.body, own.body, moved.body]) expect(body.messageVi).not.toMatch(/\b(cell|grassroots|commune|province)\b|[0-9a-f]{8}-/);
    const children = (await t.http.get(`${API}/organisations?parentId=${tree.provinceId}`).expect(200)).body as { id: string }[];
    expect(children.map((c) => c.id)).toEqual([tree.communeId]);
    expect(await get(tree.grassrootsId)).toMatchObject({ parentId: tree.communeId, name: expect.not.stringContaining('Đổi tên') });
    expect(await get(tree.cellId)).toMatchObject({ parentId: tree.grassrootsId });
  });

  describe('the engine reads the flags of the cell and of the organisations above it', () => {
    let tree: OrganisationTree;
    const VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };

    /** A 23-year-old who belongs to neither organisation, introduced by two sponsors, in cellReview. */
    async function twoSponsorCase(): Promise<string> {
      t.setToday('2026-01-14');
      const c = await openCase(t.http, tree.cellId, '2026-01-05', { dateOfBirth: '2002-05-20', youthUnionMember: false, tradeUnionMember: false });
      await record(t.http, c.id, 'AWARENESS_CERTIFICATE_RECORDED', '2026-01-06', { certificateNo: 'CN-1', issuedOn: '2026-01-06', issuer: 'Trung tâm chính trị' });
      await record(t.http, c.id, 'DOSSIER_OPENED', '2026-01-07', { resolutionNo: 'NQ-7' });
      await record(t.http, c.id, 'APPLICATION_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_FILED', '2026-01-07');
      await record(t.http, c.id, 'BIOGRAPHY_CERTIFIED', '2026-01-07', { politicalIssue: false });
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-08', { sponsor: SPONSOR });
      await record(t.http, c.id, 'SPONSOR_ADDED', '2026-01-08', { sponsor: { name: 'Lê Thị Hoa', memberId: 'M-002', fullMemberSince: '2012-06-01', togetherSince: '2022-05-01' } });
      const ready = await record(t.http, c.id, 'OPINIONS_RECORDED', '2026-01-14', { organisations: [], residenceCell: true });
      expect(ready.state).toBe('cellReview');
      t.setToday('2026-01-15');
      return c.id;
    }

    beforeAll(async () => {
      tree = await createOrganisationTree(t.http);
    });

    it('a PATCHed flag changes the answer to the cell vote: Youth Union required, then trade union, then nothing', async () => {
      const caseId = await twoSponsorCase();
      const refusal = await expectRule(t.http, caseId, 'YOUTH_UNION_MEMBERSHIP_REQUIRED', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
      expect(refusal).toMatchObject({ source: 'CH Art. 4(1)' });
      expect(refusal.messageVi).toContain('15/01/2026');
      expect(refusal.messageVi).toContain('khoản 1 Điều 4 Điều lệ Đảng');

      // The grassroots committee's unit has no Youth Union: its cells inherit it.
      await t.http.patch(`${API}/organisations/${tree.grassrootsId}`).send({ hasYouthUnion: false }).expect(200);
      await expectRule(t.http, caseId, 'TRADE_UNION_MEMBERSHIP_REQUIRED', 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);

      await t.http.patch(`${API}/organisations/${tree.cellId}`).send({ hasTradeUnion: false }).expect(200);
      expect((await record(t.http, caseId, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE)).state).toBe('grassrootsReview');

      // The audit reads the same flags: with the Youth Union back, that vote breaks E7 (A8), and the case is marked
      // for the sweep to check again.
      const dataSource = t.app.get(DataSource);
      await dataSource.query(`UPDATE audit_case_state SET dirty = false WHERE case_id = $1`, [caseId]);
      await t.http.patch(`${API}/organisations/${tree.grassrootsId}`).send({ hasYouthUnion: true }).expect(200);
      const [state] = await dataSource.query<{ dirty: boolean }[]>(`SELECT dirty FROM audit_case_state WHERE case_id = $1`, [caseId]);
      expect(state.dirty).toBe(true);
      const compliance = (await t.http.get(`${API}/cases/${caseId}/compliance`).expect(200)).body as { results: { check: string; status: string; evidence: Record<string, unknown> }[] };
      expect(compliance.results.find((r) => r.check === 'A8')).toMatchObject({ status: 'fail', evidence: { rule: 'YOUTH_UNION_MEMBERSHIP_REQUIRED' } });

      // Setting a flag to the value it has marks nothing.
      await dataSource.query(`UPDATE audit_case_state SET dirty = false WHERE case_id = $1`, [caseId]);
      await t.http.patch(`${API}/organisations/${tree.grassrootsId}`).send({ hasYouthUnion: true }).expect(200);
      const [unchanged] = await dataSource.query<{ dirty: boolean }[]>(`SELECT dirty FROM audit_case_state WHERE case_id = $1`, [caseId]);
      expect(unchanged.dirty).toBe(false);
    });

    it('moving a cell under a unit without a Youth Union marks its cases for the audit to check again; the cell keeps its own flags', async () => {
      const other = await createOrganisationTree(t.http);
      await t.http.patch(`${API}/organisations/${other.grassrootsId}`).send({ hasYouthUnion: false, hasTradeUnion: false }).expect(200);
      const moving = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ chuyển', kind: 'cell', parentId: tree.grassrootsId }).expect(201);
      const c = await openCase(t.http, moving.body.id as string, '2026-01-05', { dateOfBirth: '2002-05-20', youthUnionMember: false, tradeUnionMember: false });
      const dataSource = t.app.get(DataSource);
      await dataSource.query(`UPDATE audit_case_state SET dirty = false WHERE case_id = $1`, [c.id]);
      await t.http.patch(`${API}/organisations/${moving.body.id as string}`).send({ parentId: other.grassrootsId }).expect(200);
      const [state] = await dataSource.query<{ dirty: boolean }[]>(`SELECT dirty FROM audit_case_state WHERE case_id = $1`, [c.id]);
      expect(state.dirty).toBe(true);
      // The node answers its own flags; its cases now read the new unit's (neither organisation).
      expect(await get(moving.body.id as string)).toMatchObject({ hasYouthUnion: true, hasTradeUnion: true, parentId: other.grassrootsId });
    });
  });
});
