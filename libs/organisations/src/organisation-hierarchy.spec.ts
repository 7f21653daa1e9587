import { BODY_KIND_LABELS, BODY_KINDS, renderSource } from '@charterflow/procedure';
import { AUTHORISED_TO_ADMIT_SOURCE, HIERARCHY_SOURCE, hierarchyProblem, moveIntoOwnSubtreeProblem } from './organisation-hierarchy';

describe('hierarchyProblem', () => {
  it.each([
    ['province', null],
    ['commune', 'province'],
    ['grassroots', 'commune'],
    ['grassroots', 'province'],
    ['cell', 'grassroots'],
    ['cell', 'commune'],
  ] as const)('accepts a %s under %s', (kind, parent) => {
    expect(hierarchyProblem(kind, parent, false)).toBeNull();
  });

  it.each([
    ['province', 'province'],
    ['commune', null],
    ['commune', 'grassroots'],
    ['grassroots', 'cell'],
    ['cell', 'province'],
    ['cell', null],
    ['cell', 'cell'],
  ] as const)('refuses a %s under %s', (kind, parent) => {
    expect(hierarchyProblem(kind, parent, false)?.message).toMatch(/sits/);
  });

  it('allows authorisation to admit only on a grassroots committee', () => {
    expect(hierarchyProblem('grassroots', 'commune', true)).toBeNull();
    expect(hierarchyProblem('cell', 'grassroots', true)?.message).toMatch(/Only a grassroots/);
    expect(hierarchyProblem('commune', 'province', true)?.message).toMatch(/Only a grassroots/);
  });

  it('says in Vietnamese, by the kinds’ labels, where a kind may sit and where it was put, with the Charter’s article', () => {
    expect(hierarchyProblem('cell', 'province', false)?.messageVi).toBe(
      `Đơn vị loại «${BODY_KIND_LABELS.cell.vi}» chỉ được đặt trực thuộc «${BODY_KIND_LABELS.grassroots.vi}» hoặc trực thuộc «${BODY_KIND_LABELS.commune.vi}», ` +
        `không được đặt trực thuộc «${BODY_KIND_LABELS.province.vi}» (căn cứ Điều 11 Điều lệ Đảng).`,
    );
    expect(hierarchyProblem('province', 'province', false)?.messageVi).toMatch(/^Đơn vị loại «Tỉnh ủy, thành ủy» chỉ được đặt ở cấp cao nhất của cây tổ chức, không được đặt trực thuộc «Tỉnh ủy, thành ủy» \(căn cứ Điều 11 Điều lệ Đảng\)\.$/);
    expect(hierarchyProblem('commune', null, false)?.messageVi).toContain('không được đặt ở cấp cao nhất của cây tổ chức');
    expect(hierarchyProblem('cell', 'grassroots', true)?.messageVi).toBe(
      `Chỉ «${BODY_KIND_LABELS.grassroots.vi}» mới được ủy quyền quyết định kết nạp đảng viên; đơn vị loại «${BODY_KIND_LABELS.cell.vi}» thì không (căn cứ mục 22.1 Quy định số 294-QĐ/TW ngày 26/05/2025).`,
    );
    expect(moveIntoOwnSubtreeProblem().messageVi).toMatch(/\(căn cứ Điều 11 Điều lệ Đảng\)\.$/);
  });

  it('renders every source it cites, and shows no kind’s code to the clerk', () => {
    expect(renderSource(HIERARCHY_SOURCE).unknown).toEqual([]);
    expect(renderSource(AUTHORISED_TO_ADMIT_SOURCE).unknown).toEqual([]);
    for (const kind of BODY_KINDS) {
      for (const parent of [null, ...BODY_KINDS]) {
        for (const authorised of [false, true]) {
          const vi = hierarchyProblem(kind, parent, authorised)?.messageVi;
          if (vi) expect(vi).not.toMatch(new RegExp(`\\b(${BODY_KINDS.join('|')}|null)\\b`));
        }
      }
    }
  });
});
