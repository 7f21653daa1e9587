import { API, createOrganisationTree, startTestApp, TestApp } from '../support/app';
import { caseInCellReview, deadline, record } from './helpers';

/**
 * A province's rule profile over HTTP (api.md v1.1 "Organisations"; ADR 0023): set on a province only, answered in
 * the organisation view, read by the engine when a case opens and kept by the case afterwards.
 */
describe('organisations: ruleProfile', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-15' });
  });
  afterAll(() => t?.close());

  const get = async (id: string) => (await t.http.get(`${API}/organisations/${id}`).expect(200)).body as Record<string, unknown>;
  const VOTE = { fullMembers: 9, excluded: 0, inFavour: 6 };

  it('a province is central by default; other kinds answer null; POST takes it on a province', async () => {
    const tree = await createOrganisationTree(t.http);
    expect(await get(tree.provinceId)).toMatchObject({ kind: 'province', ruleProfile: 'central' });
    expect(await get(tree.cellId)).toMatchObject({ kind: 'cell', ruleProfile: null });
    const created = await t.http.post(`${API}/organisations`).send({ name: 'Thành ủy Hà Nội', kind: 'province', ruleProfile: 'hanoi' }).expect(201);
    expect(created.body).toMatchObject({ kind: 'province', ruleProfile: 'hanoi' });
    expect(await get(created.body.id as string)).toMatchObject({ ruleProfile: 'hanoi' });
  });

  it('on another kind → 422 RULE_PROFILE_PROVINCE_ONLY in Vietnamese; an unknown profile → 400 naming the field; nothing changes', async () => {
    const tree = await createOrganisationTree(t.http);
    for (const id of [tree.cellId, tree.grassrootsId, tree.communeId]) {
      const res = await t.http.patch(`${API}/organisations/${id}`).send({ ruleProfile: 'hanoi', name: 'Đổi tên' }).expect(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'RULE_PROFILE_PROVINCE_ONLY', messageVi: expect.stringMatching(/^Chỉ đảng bộ tỉnh, thành phố/) });
      expect(await get(id)).toMatchObject({ ruleProfile: null, name: expect.not.stringContaining('Đổi tên') });
    }
    const onPost = await t.http.post(`${API}/organisations`).send({ name: 'Chi bộ X', kind: 'cell', parentId: tree.grassrootsId, ruleProfile: 'central' }).expect(422);
    expect(onPost.body).toMatchObject({ rule: 'RULE_PROFILE_PROVINCE_ONLY' });
    for (const value of ['atlantis', 'HANOI', 7, null]) {
      const res = await t.http.patch(`${API}/organisations/${tree.provinceId}`).send({ ruleProfile: value });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ field: 'ruleProfile' })]) });
    }
    expect(await get(tree.provinceId)).toMatchObject({ ruleProfile: 'central' });
  });

  it('PATCH the province to hanoi: a case opened afterwards gets the 5-day dossier dispatch limit, one opened before keeps the central rules', async () => {
    const tree = await createOrganisationTree(t.http);
    t.setToday('2026-01-15');
    const before = await caseInCellReview(t.http, tree.cellId);

    const patched = await t.http.patch(`${API}/organisations/${tree.provinceId}`).send({ ruleProfile: 'hanoi' }).expect(200);
    expect(patched.body).toMatchObject({ ruleProfile: 'hanoi' });
    const after = await caseInCellReview(t.http, tree.cellId);

    const hanoi = await record(t.http, after.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE); // a Thursday
    expect(deadline(hanoi, 'DOSSIER_DISPATCH')).toMatchObject({ dueOn: '2026-01-22', status: 'open', source: 'HN02 II.1.1.3.2' });
    expect(deadline(hanoi, 'GRASSROOTS_RESOLUTION')).toMatchObject({ status: 'open', source: 'HN02 II.1.1.3.2' });
    expect(hanoi.facts).toMatchObject({ ruleProfile: 'hanoi' });

    const central = await record(t.http, before.id, 'CELL_VOTE_RECORDED', '2026-01-15', VOTE);
    expect(deadline(central, 'DOSSIER_DISPATCH')).toBeUndefined();
    expect(deadline(central, 'GRASSROOTS_RESOLUTION')).toBeUndefined();
    expect(deadline(central, 'ADMISSION_DECISION')).toMatchObject({ dueOn: deadline(hanoi, 'ADMISSION_DECISION')!.dueOn });
    expect(central.facts).toMatchObject({ ruleProfile: 'central' });

    // Back to central: the Hà Nội case keeps its limits at its next step.
    await t.http.patch(`${API}/organisations/${tree.provinceId}`).send({ ruleProfile: 'central' }).expect(200);
    t.setToday('2026-01-21');
    const next = await record(t.http, after.id, 'GRASSROOTS_VOTE_RECORDED', '2026-01-21', { committeeMembers: 9, inFavour: 7, dossierReceivedOn: '2026-01-16' });
    expect(deadline(next, 'DOSSIER_DISPATCH')).toMatchObject({ status: 'met' });
    expect(deadline(next, 'GRASSROOTS_RESOLUTION')).toMatchObject({ status: 'met' });
  });
});
