import { explainAdmin, kindsUnder, moveTargets, type OrgNode, parseGrace, subtreeOf, treeRows } from './org-tree';

const node = (id: string, name: string, kind: OrgNode['kind'], parentId: string | null): OrgNode => ({
  id,
  name,
  kind,
  parentId,
  authorisedToAdmit: false,
  hasYouthUnion: true,
  hasTradeUnion: true,
  backlogGraceWorkingDays: null,
});
const nodes = [
  node('c2', 'Chi bộ Y tế', 'cell', 'g1'),
  node('p', 'Tỉnh ủy', 'province', null),
  node('x', 'Xã An Phú', 'commune', 'p'),
  node('g1', 'Đảng ủy Bệnh viện', 'grassroots', 'x'),
  node('c1', 'Chi bộ Giáo viên', 'cell', 'g1'),
  node('g2', 'Đảng ủy Trường', 'grassroots', 'x'),
];

describe('the organisation tree of the administration screen', () => {
  it('lists each unit under its parent, siblings by name, with its depth', () => {
    expect(treeRows(nodes).map((r) => `${r.depth}:${r.node.id}`)).toEqual(['0:p', '1:x', '2:g1', '3:c1', '3:c2', '2:g2']);
  });

  it('puts a unit whose parent is out of sight at the top', () => {
    expect(treeRows(nodes.filter((n) => n.id !== 'p' && n.id !== 'x')).map((r) => `${r.depth}:${r.node.id}`)).toEqual(['0:g1', '1:c1', '1:c2', '0:g2']);
  });

  it('offers under each parent only the kinds the hierarchy allows', () => {
    expect(kindsUnder(null)).toEqual(['province']);
    expect(kindsUnder('province')).toEqual(['commune', 'grassroots']);
    expect(kindsUnder('commune')).toEqual(['grassroots', 'cell']);
    expect(kindsUnder('grassroots')).toEqual(['cell']);
    expect(kindsUnder('cell')).toEqual([]);
  });

  it('moves a cell under another committee, never under itself, its own parent or a cell', () => {
    const c1 = nodes.find((n) => n.id === 'c1')!;
    expect(moveTargets(nodes, c1).map((n) => n.id)).toEqual(['g2', 'x']);
    const g1 = nodes.find((n) => n.id === 'g1')!;
    expect(moveTargets(nodes, g1).map((n) => n.id)).toEqual(['p']);
    expect([...subtreeOf(nodes, 'g1')].sort()).toEqual(['c1', 'c2', 'g1']);
  });

  it('reads the backlog grace: blank inherits, 0 and 10 are taken, 11, a fraction or a sign are not', () => {
    expect(parseGrace('')).toEqual({ ok: true, value: null });
    expect(parseGrace(' 0 ')).toEqual({ ok: true, value: 0 });
    expect(parseGrace('10')).toEqual({ ok: true, value: 10 });
    expect(parseGrace('11')).toEqual({ ok: false });
    expect(parseGrace('1.5')).toEqual({ ok: false });
    expect(parseGrace('-1')).toEqual({ ok: false });
  });

  it("explains a refusal by the server's Vietnamese sentence, else by the hierarchy's situation, else as the application does", () => {
    expect(explainAdmin(422, { code: 'RULE_VIOLATION', messageVi: 'Không được.' })).toEqual({ kind: 'text', vi: 'Không được.' });
    expect(explainAdmin(422, { code: 'RULE_VIOLATION', rule: 'ORGANISATION_HIERARCHY', message: 'A cell sits…' })).toEqual({ kind: 'key', key: 'admin.errors.hierarchy' });
    expect(explainAdmin(409, { code: 'ALREADY_EXISTS' })).toEqual({ kind: 'key', key: 'admin.errors.exists' });
    expect(explainAdmin(403, { code: 'FORBIDDEN' })).toEqual({ kind: 'key', key: 'errors.forbidden' });
  });
});
