import { viDate } from '@charterflow/procedure';

export { viDate };

/** The texts the sources are cited by, as a clerk reads them (the abbreviations of the procedure specification). */
const TEXTS: readonly [RegExp, string][] = [
  [/^QĐ294 §/, 'Quy định 294-QĐ/TW mục '],
  [/^QĐ232 §/, 'Quy định 232-QĐ/TW mục '],
  [/^HD06 §/, 'Hướng dẫn 06-HD/TW mục '],
  [/^HD38 /, 'Hướng dẫn 38-HD/BTCTW '],
  [/^HN02 /, 'Hướng dẫn 02-HD/BTCTU '],
  [/^HD 12-HD\/BTCTW 2022 §/, 'Hướng dẫn 12-HD/BTCTW năm 2022 mục '],
];

/** One cited article in Vietnamese: `QĐ294 §4.3.1` → `Quy định 294-QĐ/TW mục 4.3.1`, `CH Art. 4(3)` → `Điều 4 khoản 3 Điều lệ Đảng`. */
function viCitation(part: string): string {
  const charter = /^CH Art\. (\d+)(?:\((\d+)\))?$/.exec(part);
  if (charter) return charter[2] ? `Điều ${charter[1]} khoản ${charter[2]} Điều lệ Đảng` : `Điều ${charter[1]} Điều lệ Đảng`;
  for (const [pattern, text] of TEXTS) if (pattern.test(part)) return part.replace(pattern, text).replace(/ item (\d+)/, ' mục $1');
  return part;
}

/** A source as the catalogue writes it (`QĐ294 §4.3.1; HD06 §3.7`), named in Vietnamese for a clerk. */
export function viArticle(source: string): string {
  return source
    .split(';')
    .map((s) => viCitation(s.trim()))
    .filter((s) => s !== '')
    .join('; ');
}
