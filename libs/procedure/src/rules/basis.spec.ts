import { DEADLINE_TABLE } from '../deadlines/table';
import { RULE_SETS } from '../versions/rule-sets';
import { locatorVi, renderSource, sourceVi } from './basis';
import { RULE_DEFINITIONS } from './catalogue';
import { evaluateRule, ruleBasisVi, withBasisVi } from './rule';

describe('locatorVi: one place inside a text', () => {
  it.each([
    ['§4.3.1', 'mục 4.3.1'],
    ['§3', 'mục 3'],
    ['3.4', 'mục 3.4'],
    ['§1.2b', 'điểm b mục 1.2'],
    ['§3.7b–c', 'điểm b đến điểm c mục 3.7'],
    ['§4.1–4.4', 'mục 4.1 đến mục 4.4'],
    ['§9.3.2–9.3.4', 'mục 9.3.2 đến mục 9.3.4'],
    ['Art. 4(1)', 'khoản 1 Điều 4'],
    ['Art. 5', 'Điều 5'],
    ['I.1.1(b)', 'điểm b mục I.1.1'],
    ['I.1.4 item 26', 'điểm 26 mục I.1.4'],
    ['II.1.2.1(8)', 'điểm 8 mục II.1.2.1'],
  ])('%s → %s', (locator, vi) => expect(locatorVi(locator)).toBe(vi));

  it.each(['Article 4', '§', 'p. 12', '§4.3.1 and 4.3.2', 'Art. 4(1)(a)'])('%s is of no known form', (locator) => expect(locatorVi(locator)).toBeNull());
});

describe('renderSource: a rule source in Vietnamese', () => {
  it('renders each text with its places, in the order given, and leaves out English notes in brackets', () => {
    expect(renderSource('QĐ294 §1.1.2, §3.5.1, §4.1; HD06 §1.1, §1.2b, §3.7b–c')).toEqual({
      text: 'mục 1.1.2, mục 3.5.1, mục 4.1 Quy định số 294-QĐ/TW ngày 26/05/2025; mục 1.1, điểm b mục 1.2, điểm b đến điểm c mục 3.7 Hướng dẫn số 06-HD/TW ngày 09/06/2025',
      unknown: [],
    });
    expect(renderSource('HD06 §3.4d (one reply per request)')).toEqual({ text: 'điểm d mục 3.4 Hướng dẫn số 06-HD/TW ngày 09/06/2025', unknown: [] });
    expect(sourceVi('CH Art. 4(1); QĐ294 §3.1')).toBe('khoản 1 Điều 4 Điều lệ Đảng; mục 3.1 Quy định số 294-QĐ/TW ngày 26/05/2025');
  });

  it('knows the other spelling of a text and a text cited as a whole', () => {
    expect(sourceVi('HD 12-HD/BTCTW 2022 §2.2 (quoted); HN02')).toBe(
      'mục 2.2 Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022; Hướng dẫn số 02-HD/BTCTU của Ban Tổ chức Thành ủy Hà Nội',
    );
    expect(sourceVi('QĐ232 §4.3.1')).toBe('mục 4.3.1 Quy định số 232-QĐ/TW ngày 20/01/2025');
  });

  it('keeps an unknown text or place as written and lists it: the catalogue test fails, a refusal does not', () => {
    expect(renderSource('QĐ999 §1.1; HD06 §3.4')).toEqual({ text: 'QĐ999 §1.1; mục 3.4 Hướng dẫn số 06-HD/TW ngày 09/06/2025', unknown: ['QĐ999 §1.1'] });
    expect(renderSource('HD06 Annex 2')).toEqual({ text: 'Annex 2 Hướng dẫn số 06-HD/TW ngày 09/06/2025', unknown: ['HD06 Annex 2'] });
    // An abbreviation only starts a citation when a space or the end follows it.
    expect(renderSource('HD060 §1').unknown).toEqual(['HD060 §1']);
  });
});

describe('the sources of the deadline table (named in reminders) render too', () => {
  it.each(RULE_SETS.map((rs) => [rs.id, rs] as const))('under %s', (_id, rs) => {
    for (const d of DEADLINE_TABLE) expect([d.kind, renderSource(d.source(rs)).unknown]).toEqual([d.kind, []]);
  });
});

describe('the basis closes the Vietnamese sentence', () => {
  it('withBasisVi drops the sentence\'s own full stop and closes with the basis', () => {
    expect(withBasisVi('Chưa có đơn xin vào Đảng.', 'mục 3.2 Hướng dẫn số 06-HD/TW')).toBe('Chưa có đơn xin vào Đảng (căn cứ mục 3.2 Hướng dẫn số 06-HD/TW).');
    expect(withBasisVi('Chưa có đơn xin vào Đảng', 'X')).toBe('Chưa có đơn xin vào Đảng (căn cứ X).');
  });

  it('a rule without a declared basis takes its source; one with a declared basis takes that', () => {
    expect(ruleBasisVi(RULE_DEFINITIONS.AGE_BELOW_18)).toBe('mục 1.1.1 Quy định số 294-QĐ/TW ngày 26/05/2025');
    expect(RULE_DEFINITIONS.DATE_INVALID.basisVi).toBeDefined();
    expect(ruleBasisVi(RULE_DEFINITIONS.DATE_INVALID)).toBe(RULE_DEFINITIONS.DATE_INVALID.basisVi);
  });

  it('the rule id stays in the answer for machines, not in the sentence', () => {
    const v = evaluateRule(RULE_DEFINITIONS.APPLICATION_MISSING, {
      facts: { applicationFiledOn: null } as never,
      event: { type: 'CELL_VOTE_RECORDED', occurredOn: '2026-01-15', fullMembers: 9, excluded: 0, inFavour: 6 },
      env: { today: '2026-01-15', organisation: { authorisedToAdmit: false, directlyUnderSuperior: false }, openDeadlines: [] },
    });
    expect(v).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'APPLICATION_MISSING',
      source: 'CH Art. 4(1); HD06 §3.2',
      message: 'The application is not filed.',
      messageVi: 'Chưa có đơn xin vào Đảng (căn cứ khoản 1 Điều 4 Điều lệ Đảng; mục 3.2 Hướng dẫn số 06-HD/TW ngày 09/06/2025).',
    });
  });
});
