import { DataSource } from 'typeorm';
import { OrganisationsRepository, OrganisationsService } from '@charterflow/organisations';
import { cleanDatabase, createTestDataSource } from '../support/database';
import { domainError } from './harness';

describe('OrganisationsService on PostgreSQL', () => {
  let dataSource: DataSource;
  let service: OrganisationsService;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    service = new OrganisationsService(new OrganisationsRepository(dataSource));
  });
  beforeEach(() => cleanDatabase(dataSource));
  afterAll(() => dataSource?.destroy());

  it('builds the tree with materialised paths and answers ancestors, children and subtree prefixes', async () => {
    const province = await service.create({ name: 'Tỉnh ủy Bắc Ninh', kind: 'province' });
    const commune = await service.create({ name: 'Đảng ủy phường Kinh Bắc', kind: 'commune', parentId: province.id });
    const grassroots = await service.create({ name: 'Đảng ủy Công ty', kind: 'grassroots', parentId: commune.id, authorisedToAdmit: true });
    const cell = await service.create({ name: 'Chi bộ 1', kind: 'cell', parentId: grassroots.id });
    const villageCell = await service.create({ name: 'Chi bộ thôn', kind: 'cell', parentId: commune.id });

    expect(province).toMatchObject({ parentId: null, path: `/${province.id}/`, authorisedToAdmit: false, createdAt: expect.any(String) });
    expect(cell.path).toBe(`/${province.id}/${commune.id}/${grassroots.id}/${cell.id}/`);
    expect(await service.get(cell.id)).toEqual(cell);
    expect((await service.ancestors(cell.id)).map((o) => o.id)).toEqual([province.id, commune.id, grassroots.id]);
    expect((await service.list({ parentId: commune.id })).map((o) => o.id).sort()).toEqual([grassroots.id, villageCell.id].sort());
    expect((await service.list()).map((o) => o.id)[0]).toBe(province.id);
    expect(await service.scopeOf(commune.id)).toEqual({ organisationId: commune.id, pathPrefix: commune.path });
    // Scoped reads: the commune's subtree holds the cell, not the province.
    const communeScope = await service.scopeOf(commune.id);
    expect((await service.get(cell.id, communeScope)).id).toBe(cell.id);
    expect(await domainError(service.get(province.id, communeScope))).toMatchObject({ code: 'NOT_FOUND' });
    const inCommune = (await service.list({}, communeScope)).map((o) => o.id);
    expect(inCommune[0]).toBe(commune.id);
    expect(new Set(inCommune)).toEqual(new Set([commune.id, grassroots.id, cell.id, villageCell.id]));

    expect((await service.chainOf(cell.id)).map((n) => n.id)).toEqual([province.id, commune.id, grassroots.id, cell.id]);
    // Both flags by default, and the province's rule profile (ADR 0023): central unless the province chose another.
    const both = { hasYouthUnion: true, hasTradeUnion: true, ruleProfile: 'central' };
    expect((await service.cellContext(cell.id)).facts).toEqual({ authorisedToAdmit: true, directlyUnderSuperior: false, ...both });
    expect((await service.cellContext(villageCell.id)).facts).toEqual({ authorisedToAdmit: false, directlyUnderSuperior: true, ...both });
    expect(await domainError(service.cellContext(grassroots.id))).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'CASE_ORGANISATION_NOT_CELL' } });

    // The prefix index serves subtree queries.
    const plan: { 'QUERY PLAN': string }[] = await dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(`EXPLAIN SELECT id FROM organisations WHERE path LIKE $1 || '%'`, [commune.path]);
    });
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/organisations_path_prefix_idx/);
  });

  it('E7 flags: true by default; the cell reads false when it or any organisation above it says so (ADR 0014)', async () => {
    const province = await service.create({ name: 'Tỉnh ủy', kind: 'province' });
    const commune = await service.create({ name: 'Đảng ủy xã', kind: 'commune', parentId: province.id });
    const grassroots = await service.create({ name: 'Đảng ủy Công ty', kind: 'grassroots', parentId: commune.id, hasYouthUnion: false });
    const cell = await service.create({ name: 'Chi bộ 1', kind: 'cell', parentId: grassroots.id });
    const other = await service.create({ name: 'Chi bộ thôn', kind: 'cell', parentId: commune.id });
    expect(grassroots).toMatchObject({ hasYouthUnion: false, hasTradeUnion: true });
    expect(cell).toMatchObject({ hasYouthUnion: true, hasTradeUnion: true });
    expect((await service.chainOf(cell.id)).map((n) => n.hasYouthUnion)).toEqual([true, true, false, true]);
    expect((await service.cellContext(cell.id)).facts).toMatchObject({ hasYouthUnion: false, hasTradeUnion: true });
    expect((await service.cellContext(other.id)).facts).toMatchObject({ hasYouthUnion: true, hasTradeUnion: true });

    expect(await service.update(cell.id, { hasTradeUnion: false })).toMatchObject({ name: 'Chi bộ 1', hasYouthUnion: true, hasTradeUnion: false });
    expect((await service.cellContext(cell.id)).facts).toMatchObject({ hasYouthUnion: false, hasTradeUnion: false });
    await service.update(grassroots.id, { hasYouthUnion: true });
    expect((await service.cellContext(cell.id)).facts).toMatchObject({ hasYouthUnion: true, hasTradeUnion: false });
    await service.update(commune.id, { hasYouthUnion: false });
    expect((await service.cellContext(other.id)).facts).toMatchObject({ hasYouthUnion: false, hasTradeUnion: true });

    // Not a boolean: VALIDATION_FAILED naming the field, and nothing written.
    const bad = { hasYouthUnion: 'no' } as unknown as { hasYouthUnion: boolean };
    expect(await domainError(service.update(cell.id, { ...bad, name: 'Đổi tên' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'hasYouthUnion', message: expect.any(String) }] },
    });
    expect(await domainError(service.create({ name: 'x', kind: 'cell', parentId: grassroots.id, ...bad }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await service.get(cell.id)).toMatchObject({ name: 'Chi bộ 1', hasYouthUnion: true, hasTradeUnion: false });
  });

  it('enforces the hierarchy (RULE_VIOLATION ORGANISATION_HIERARCHY) and known parents (VALIDATION_FAILED parentId)', async () => {
    const province = await service.create({ name: 'Tỉnh ủy', kind: 'province' });
    const commune = await service.create({ name: 'Đảng ủy xã', kind: 'commune', parentId: province.id });
    const hierarchy = { code: 'RULE_VIOLATION', details: { rule: 'ORGANISATION_HIERARCHY' } };
    expect(await domainError(service.create({ name: 'x', kind: 'province', parentId: province.id }))).toMatchObject(hierarchy);
    expect(await domainError(service.create({ name: 'x', kind: 'commune' }))).toMatchObject(hierarchy);
    expect(await domainError(service.create({ name: 'x', kind: 'cell', parentId: province.id }))).toMatchObject(hierarchy);
    expect(await domainError(service.create({ name: 'x', kind: 'cell', parentId: commune.id, authorisedToAdmit: true }))).toMatchObject(hierarchy);
    expect(await domainError(service.create({ name: 'x', kind: 'cell', parentId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'parentId', message: expect.any(String) }] },
    });
    expect(await domainError(service.get('00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM organisations`)).toEqual([{ n: 2 }]);
  });
});
