import { childPath, findUnstorableText, unstorableReason } from './storable-text';

describe('unstorableReason', () => {
  it.each(['', 'Nguyễn Thị Lan', 'emoji 😀 (a surrogate pair)', '\u00a0\uFFFD', 'tab\tand\nnewline'])('accepts %j', (text) => {
    expect(unstorableReason(text)).toBeNull();
  });

  it.each([
    ['a NUL', 'ad\u0000min', 'NUL'],
    ['a lone high surrogate', 'A\uD800B', 'surrogate'],
    ['a lone low surrogate', '\uDC00', 'surrogate'],
    ['a high surrogate at the end', 'x\uD83D', 'surrogate'],
    ['two high surrogates', '\uD83D\uD83D\uDE00', 'surrogate'],
    ['a reversed pair', '\uDE00\uD83D', 'surrogate'],
  ])('refuses %s', (_name, text, word) => {
    expect(unstorableReason(text)).toContain(word);
  });
});

describe('childPath', () => {
  it('names fields like the validation errors do', () => {
    expect(childPath('', 'candidate')).toBe('candidate');
    expect(childPath('candidate', 'fullName')).toBe('candidate.fullName');
    expect(childPath('organisations', 1)).toBe('organisations[1]');
    expect(childPath('query', 'q')).toBe('query.q');
  });

  it('quotes a key that is not a plain name, escaping what cannot be shown', () => {
    expect(childPath('sponsor', 'a b')).toBe('sponsor["a b"]');
    expect(childPath('', 'k\u0000')).toBe('["k\\u0000"]');
    expect(childPath('x', '\uD800')).toBe('x["\\ud800"]');
  });
});

describe('findUnstorableText', () => {
  it('is null for clean input of any shape', () => {
    expect(findUnstorableText({ a: [1, true, null, { b: 'ok' }], c: 'Đảng' }, '')).toBeNull();
    expect(findUnstorableText(undefined, '')).toBeNull();
    expect(findUnstorableText(42, 'query')).toBeNull();
  });

  it('names the nested field with its full path', () => {
    expect(findUnstorableText({ type: 'SPONSOR_ADDED', sponsor: { name: 'B\u0000' } }, '')).toEqual({
      field: 'sponsor.name',
      message: 'sponsor.name must not contain the NUL character (U+0000)',
    });
    expect(findUnstorableText({ organisations: ['ok', 'x\uDC00'] }, '')?.field).toBe('organisations[1]');
    expect(findUnstorableText({ q: '\u0000' }, 'query')?.field).toBe('query.q');
    expect(findUnstorableText({ check: ['A1', '\u0000'] }, 'query')?.field).toBe('query.check[1]');
  });

  it('checks object keys too', () => {
    expect(findUnstorableText({ candidate: { 'x\u0000': 1 } }, '')).toEqual({
      field: 'candidate["x\\u0000"]',
      message: 'the name of candidate["x\\u0000"] must not contain the NUL character (U+0000)',
    });
  });

  it('reports the first problem in document order', () => {
    expect(findUnstorableText({ a: { deep: ['\u0000'] }, b: '\uD800', ['c\u0000']: 1 }, '')?.field).toBe('a.deep[0]');
    expect(findUnstorableText({ a: 'fine', ['b\u0000']: 1, c: { d: '\u0000' } }, '')?.field).toBe('["b\\u0000"]');
  });

  it('names a bare string body `body`', () => {
    expect(findUnstorableText('\u0000', '')?.field).toBe('body');
  });

  it('walks very deep input without recursion', () => {
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep, '')?.message).toContain('NUL');
  });
});
