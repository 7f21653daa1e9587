import { canonicalId, isUuid } from './ids';

describe('ids', () => {
  const lower = '0b0f8a3c-2d4e-4f60-8a1b-9c2d3e4f5a6b';

  it('reads a UUID in any letter case as its lower-case spelling', () => {
    expect(canonicalId(lower)).toBe(lower);
    expect(canonicalId(lower.toUpperCase())).toBe(lower);
    expect(canonicalId('0B0f8A3c-2D4e-4F60-8a1B-9C2d3E4f5A6b')).toBe(lower);
  });

  it('refuses what is not a UUID', () => {
    for (const value of ['', 'x', `${lower}0`, ` ${lower}`, lower.replace(/-/g, ''), `{${lower}}`, 42, null, undefined]) {
      expect(isUuid(value)).toBe(false);
      expect(canonicalId(value)).toBeNull();
    }
  });
});
