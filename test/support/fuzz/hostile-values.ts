import fc from 'fast-check';

/**
 * JSON text written as is into a generated body, for what `JSON.stringify` cannot say: `-0`, `1e400` (Infinity once
 * parsed), nesting thousands of levels deep, escapes of lone surrogates.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a generated value, `RawJson` parts written verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** Percent-encodes text for a URL, lone surrogates included (as the UTF-8 form they have none of: `%ED%A0%80`). */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const pairHigh = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (pairHigh) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[i]);
    }
  }
  return out;
}

export const deepJson = (levels: number) => new RawJson('['.repeat(levels) + ']'.repeat(levels));

/** Strings the database cannot hold, strings of every size, and the usual injection attempts. */
export const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'ad\u0000min',
    '\uD800',
    'x\uDFFF',
    '\uDC00\uD800',
    '\uD83D',
    '😀\uD83D',
    '',
    ' ',
    "' OR 1=1 --",
    '"; DROP TABLE cases; --',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '\u202eevil',
    '\\u0000',
    'Đảng Cộng sản Việt Nam',
    'x'.repeat(201),
    'x'.repeat(10_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** A very long string: over every field limit, and over the 100 kB body limit. */
export const hugeString = fc.constantFrom('y'.repeat(2_000), 'z'.repeat(200_000));

export const hostileNumbers: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -1, 0, 3.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 5e-324),
  fc.constantFrom(new RawJson('-0'), new RawJson('1e400'), new RawJson('-1e400'), new RawJson('1e-400'), new RawJson('0.0000000000000000000001')),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e308', '12', '0x10'),
  fc.double(),
);

export const hostileDates = fc.constantFrom(
  '0000-01-01',
  '0000-02-29',
  '0001-01-01',
  '1899-12-31',
  '2101-01-01',
  '9999-12-31',
  '10000-01-01',
  '+010000-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-5',
  '20260105',
  '2026-01-05T00:00:00Z',
  '2026-01-05\u0000',
  '',
);

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const NIL = '00000000-0000-0000-0000-000000000000';

/** Well-formed tokens of forged positions for every cursor decoder, and malformed ones. */
export const forgedCursors = fc.constantFrom(
  base64url(['0000-01-01T00:00:00.000Z', NIL]),
  base64url(['+010000-01-01T00:00:00.000Z', NIL]),
  base64url(['2026-02-30T00:00:00.000Z', NIL]),
  base64url(['2026-01-05T03:00:00.000Z', "' OR 1=1 --"]),
  base64url(['n', '0000-01-01T00:00:00.000Z', NIL]),
  base64url(['n', '2026-01-05T03:00:00.000Z', 'x']),
  base64url({ dueOn: '0000-01-01', id: NIL }),
  base64url({ dueOn: '2026-01-01', id: '------------------------------------' }),
  base64url({ detectedOn: '0000-01-01', caseId: NIL, checkId: 'A1' }),
  base64url({ detectedOn: '2026-01-01', caseId: 'x', checkId: "A1'" }),
  base64url('{"a":'.repeat(200) + '1' + '}'.repeat(200)),
  base64url('\u0000'),
  base64url('null'),
  'not-a-cursor',
  '====',
  '',
);

export const hostileUuids = fc.oneof(fc.uuid(), fc.constantFrom(NIL, 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '{00000000-0000-4000-8000-000000000000}', 'not-a-uuid', '0'));

/** Any of the above, or a value of the wrong type, or nesting as deep as a body may go and far deeper. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: hostileNumbers },
  { weight: 2, arbitrary: hostileDates },
  { weight: 1, arbitrary: hostileUuids },
  { weight: 1, arbitrary: forgedCursors },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { $gt: '' }, ['a', 'b']) },
  { weight: 1, arbitrary: fc.constantFrom(deepJson(2_000), deepJson(33), deepJson(20), new RawJson('"\\u0000"'), new RawJson('"\\ud800"'), new RawJson('"a\\udc00b"')) },
);
