/**
 * The texts a rule's `source` cites, by the abbreviations of the procedure doc (§0 and §10), as a clerk names them
 * in Vietnamese. The one place these titles are written: a refusal's closing "(căn cứ …)" is rendered from the
 * rule's `source` with this table (ADR 0018).
 */
export const SOURCE_TEXTS_VI: Readonly<Record<string, string>> = {
  CH: 'Điều lệ Đảng',
  QĐ294: 'Quy định số 294-QĐ/TW ngày 26/05/2025',
  QĐ232: 'Quy định số 232-QĐ/TW ngày 20/01/2025',
  QĐ24: 'Quy định số 24-QĐ/TW ngày 30/07/2021',
  QĐ29: 'Quy định số 29-QĐ/TW ngày 25/07/2016',
  QĐ367: 'Quy định số 367-QĐ/TW ngày 04/09/2025',
  HD06: 'Hướng dẫn số 06-HD/TW ngày 09/06/2025',
  HD38: 'Hướng dẫn số 38-HD/BTCTW ngày 29/09/2025',
  HD12: 'Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022',
  HN02: 'Hướng dẫn số 02-HD/BTCTU của Ban Tổ chức Thành ủy Hà Nội',
  LC: 'Bộ luật Lao động năm 2019',
};

/** Other spellings of the same texts met in sources (the deadline table writes HD12 in full). */
const ALIASES: Readonly<Record<string, string>> = {
  'HD 12-HD/BTCTW 2022': 'HD12',
  'QĐ 367-QĐ/TW': 'QĐ367',
};

const KEYS: readonly [string, string][] = [...Object.keys(SOURCE_TEXTS_VI).map((k): [string, string] => [k, k]), ...Object.entries(ALIASES)].sort(
  (a, b) => b[0].length - a[0].length,
);

/** What a source renders to, and the parts of it the renderer did not know (left as written). */
export interface RenderedSource {
  text: string;
  unknown: string[];
}

const SECTION = String.raw`(?:[IVX]+|\d+)(?:\.\d+)*`;

/**
 * One locator inside a text, in Vietnamese: `§4.3.1` → `mục 4.3.1`, `§1.2b` → `điểm b mục 1.2`, `§3.7b–c` →
 * `điểm b đến điểm c mục 3.7`, `§4.1–4.4` → `mục 4.1 đến mục 4.4`, `Art. 4(1)` → `khoản 1 Điều 4`,
 * `I.1.1(b)` → `điểm b mục I.1.1`, `I.1.4 item 26` → `điểm 26 mục I.1.4`. Null when the locator is of no known form.
 */
export function locatorVi(locator: string): string | null {
  const l = locator.trim().replace(/^§\s*/, '');
  let m = /^Art\.\s*(\d+)(?:\((\d+)\))?$/.exec(l);
  if (m) return m[2] ? `khoản ${m[2]} Điều ${m[1]}` : `Điều ${m[1]}`;
  m = new RegExp(`^(${SECTION})$`).exec(l);
  if (m) return `mục ${m[1]}`;
  m = new RegExp(`^(${SECTION})([a-zđ])$`).exec(l);
  if (m) return `điểm ${m[2]} mục ${m[1]}`;
  m = new RegExp(`^(${SECTION})\\(([a-zđ]|\\d+)\\)$`).exec(l);
  if (m) return `điểm ${m[2]} mục ${m[1]}`;
  m = new RegExp(`^(${SECTION}) item (\\d+)$`).exec(l);
  if (m) return `điểm ${m[2]} mục ${m[1]}`;
  m = new RegExp(`^(${SECTION})([a-zđ])–([a-zđ])$`).exec(l);
  if (m) return `điểm ${m[2]} đến điểm ${m[3]} mục ${m[1]}`;
  m = new RegExp(`^(${SECTION})–(?:§\\s*)?(${SECTION})$`).exec(l);
  if (m) return `mục ${m[1]} đến mục ${m[2]}`;
  return null;
}

/**
 * A rule's `source` (`QĐ294 §1.1.1–1.1.2; HD06 §1.1`) as a clerk reads it (`mục 1.1.1 đến mục 1.1.2 Quy định số
 * 294-QĐ/TW ngày 26/05/2025; mục 1.1 Hướng dẫn số 06-HD/TW ngày 09/06/2025`). English notes in brackets after a space
 * (`(one reply per request)`) are left out. A text or locator the renderer does not know is kept as written and
 * listed in `unknown`: the catalogue's test fails on it, a refusal never does.
 */
export function renderSource(source: string): RenderedSource {
  const unknown: string[] = [];
  const parts = source
    .split(';')
    .map((s) => s.replace(/\s+\([^)]*\)/g, '').trim())
    .filter((s) => s.length > 0)
    .map((citation) => {
      const key = KEYS.find(([k]) => citation === k || citation.startsWith(`${k} `));
      if (!key) {
        unknown.push(citation);
        return citation;
      }
      const title = SOURCE_TEXTS_VI[key[1]];
      const rest = citation.slice(key[0].length).trim();
      if (!rest) return title;
      const locators = rest.split(',').map((l) => {
        const vi = locatorVi(l);
        if (vi === null) unknown.push(`${key[0]} ${l.trim()}`);
        return vi ?? l.trim();
      });
      return `${locators.join(', ')} ${title}`;
    });
  return { text: parts.join('; '), unknown };
}

/** The Vietnamese basis of a source: what follows "căn cứ" in a refusal. */
export function sourceVi(source: string): string {
  return renderSource(source).text;
}
