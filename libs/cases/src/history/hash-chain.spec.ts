import { canonicalJson, ChainedEvent, eventHash, GENESIS_HASH, sha256Hex, verifyEvents } from './hash-chain';

describe('canonicalJson', () => {
  it('sorts keys at every depth, whatever the insertion order', () => {
    const a = { b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('treats undefined like JSON.stringify does, and escapes strings the same way', () => {
    expect(canonicalJson({ a: undefined, b: [undefined], c: 'Nguyễn "Lan"\n' })).toBe('{"b":[null],"c":"Nguyễn \\"Lan\\"\\n"}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(JSON.parse(canonicalJson({ n: 1.5, m: -0.25, e: 1e21 }))).toEqual({ n: 1.5, m: -0.25, e: 1e21 });
  });
});

describe('hash chain', () => {
  const base = (seq: number, prevHash: string): ChainedEvent => ({
    caseId: '7d1c4d52-25c0-4a7d-9f43-0b2f8f1c1a11',
    seq,
    type: 'AWARENESS_CERTIFICATE_RECORDED',
    payload: { certificateNo: `CN-${seq}`, issuer: 'Trung tâm chính trị' },
    occurredOn: '2026-01-05',
    recordedAt: '2026-01-05T03:00:00.123Z',
    actor: { kind: 'user', username: 'lan', roles: ['cell_secretary'] },
    fromState: seq === 1 ? null : 'sympathiser',
    toState: 'awarenessCertified',
    prevHash,
  });
  const chain = () => {
    const first = { ...base(1, GENESIS_HASH), hash: '' };
    first.hash = eventHash(first);
    const second = { ...base(2, first.hash), hash: '' };
    second.hash = eventHash(second);
    return [first, second];
  };

  it('hashes the canonical JSON of the event fields with SHA-256', () => {
    const e = base(1, GENESIS_HASH);
    expect(eventHash(e)).toBe(sha256Hex(canonicalJson(e)));
    expect(eventHash(e)).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    const e = base(1, GENESIS_HASH);
    const reordered = { ...e, payload: { issuer: 'Trung tâm chính trị', certificateNo: 'CN-1' } };
    expect(eventHash(reordered)).toBe(eventHash(e));
  });

  it('verifies an intact chain and an empty one', () => {
    expect(verifyEvents(chain())).toEqual({ valid: true, events: 2 });
    expect(verifyEvents([])).toEqual({ valid: true, events: 0 });
  });

  it('finds a changed payload, a broken link and a gap', () => {
    const [first, second] = chain();
    expect(verifyEvents([{ ...first, payload: { certificateNo: 'FORGED' } }, second])).toEqual({ valid: false, brokenAtSeq: 1, events: 2 });
    expect(verifyEvents([first, { ...second, prevHash: GENESIS_HASH }])).toEqual({ valid: false, brokenAtSeq: 2, events: 2 });
    expect(verifyEvents([second])).toEqual({ valid: false, brokenAtSeq: 2, events: 1 });
    expect(verifyEvents([first, { ...second, recordedAt: '2026-01-05T03:00:00.124Z' }])).toEqual({ valid: false, brokenAtSeq: 2, events: 2 });
  });
});
