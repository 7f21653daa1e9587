import { storedJson } from './stored-json';

describe('storedJson', () => {
  it('answers plain JSON itself, unchanged', () => {
    const plain = { type: 'x', n: 3, ok: true, none: null, list: ['a', { b: 1.5 }], nested: { deep: [[1], []] }, text: 'Đảng\uD800' };
    expect(storedJson(plain)).toBe(plain);
    expect(storedJson([1, 'a'])).toEqual([1, 'a']);
    expect(storedJson('s')).toBe('s');
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(storedJson(bare)).toBe(bare);
  });

  it('answers anything else as a JSON round trip gives it back', () => {
    const cases: unknown[] = [
      { a: undefined, b: 1 },
      { on: new Date('2026-01-02T03:04:05Z') },
      { n: NaN, m: Infinity, z: -0 },
      [1, undefined, 3],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { f: () => 1, s: Symbol('x') },
      { v: { toJSON: () => 'custom' } },
      { [Symbol('k')]: 1, a: 2 },
      Object.assign([1, 2], { extra: true }),
      new (class Point {
        x = 1;
      })(),
    ];
    for (const value of cases) {
      const stored = storedJson(value);
      expect(stored).not.toBe(value);
      expect(stored).toStrictEqual(JSON.parse(JSON.stringify(value)));
    }
  });

  it('hands a cycle to JSON, which refuses it as before', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => storedJson(a)).toThrow(TypeError);
  });

  it('a value nested deeper than it looks is still answered as JSON gives it back', () => {
    let deep: unknown = { leaf: undefined, kept: 1 };
    for (let i = 0; i < 100; i += 1) deep = { d: deep };
    expect(storedJson(deep)).toStrictEqual(JSON.parse(JSON.stringify(deep)));
  });
});
