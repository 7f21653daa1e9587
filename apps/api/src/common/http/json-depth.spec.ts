import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(jsonNestsDeeperThan(bytes('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":'.repeat(3) + '1' + '}'.repeat(3)), 2)).toBe(true);
  });

  it('counts depth, not the number of brackets', () => {
    expect(jsonNestsDeeperThan(bytes('[' + '[],'.repeat(10_000) + '[]]'), 2)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":{"b":1},"c":{"d":[1,2]}}'), 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ name: '[[[[{{{{' })), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ name: 'say \\"[[[[" and \\\\' })), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(JSON.stringify({ name: 'Nguyễn [Thị] 😀', x: [[1]] })), 2)).toBe(true);
  });

  it('reads a 2,000-deep body in one pass', () => {
    expect(jsonNestsDeeperThan(bytes('['.repeat(2000) + ']'.repeat(2000)), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)), MAX_JSON_DEPTH)).toBe(true);
  });
});
