import { sha256Hex } from '@charterflow/kernel';
import { canonicalJson, ChainedEvent, eventHash, GENESIS_HASH, verifyEvents } from './hash-chain';

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

  it('covers exactly its ten members: others are ignored, an undefined one is left out as canonicalJson leaves it', () => {
    const e = base(2, 'a'.repeat(64));
    const withExtra = { ...e, hash: 'x', id: 42 } as ChainedEvent;
    expect(eventHash(withExtra)).toBe(eventHash(e));
    const withoutFrom = { ...e, fromState: undefined } as unknown as ChainedEvent;
    expect(eventHash(withoutFrom)).toBe(sha256Hex(canonicalJson(withoutFrom)));
    expect(eventHash(withoutFrom)).not.toBe(eventHash({ ...e, fromState: null }));
    // One actor object recording several steps: each step hashed as if alone.
    const actor = { roles: ['cell_secretary'], username: 'lan', kind: 'user' };
    for (const seq of [1, 2, 3]) expect(eventHash({ ...base(seq, GENESIS_HASH), actor })).toBe(sha256Hex(canonicalJson({ ...base(seq, GENESIS_HASH), actor })));
  });

  it('does not depend on key order (jsonb reorders keys)', () => {
    const e = base(1, GENESIS_HASH);
    const reordered = { ...e, payload: { issuer: 'Trung tâm chính trị', certificateNo: 'CN-1' } };
    expect(eventHash(reordered)).toBe(eventHash(e));
  });

  const EVENT_CHECKS = ['sequence', 'links', 'event_hashes'];
  const ALL_CHECKS = [...EVENT_CHECKS, 'case_length', 'case_head', 'case_state'];

  it('verifies an intact chain and an empty one', () => {
    expect(verifyEvents(chain())).toEqual({ valid: true, events: 2, checked: EVENT_CHECKS });
    expect(verifyEvents([])).toEqual({ valid: true, events: 0, checked: EVENT_CHECKS });
  });

  it('finds a changed payload, a broken link and a gap', () => {
    const [first, second] = chain();
    expect(verifyEvents([{ ...first, payload: { certificateNo: 'FORGED' } }, second])).toMatchObject({ valid: false, brokenAtSeq: 1, problem: 'EVENT_ALTERED', events: 2 });
    expect(verifyEvents([first, { ...second, prevHash: GENESIS_HASH }])).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'LINK_BROKEN', events: 2 });
    expect(verifyEvents([second])).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'SEQUENCE_GAP', events: 1 });
    expect(verifyEvents([first, { ...second, recordedAt: '2026-01-05T03:00:00.124Z' }])).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'EVENT_ALTERED', events: 2 });
  });

  describe('against the case row', () => {
    const events = chain();
    const head = { lastSeq: 2, lastHash: events[1].hash, state: events[1].toState };

    it('an intact history that ends where the row says is valid, and the verdict names every check', () => {
      expect(verifyEvents(events, head)).toEqual({ valid: true, events: 2, expectedEvents: 2, checked: ALL_CHECKS });
    });

    it('finds events deleted from the end: the chain that is left is intact, but shorter than the row says', () => {
      expect(verifyEvents(events.slice(0, 1), head)).toEqual({
        valid: false, brokenAtSeq: 2, problem: 'LENGTH_MISMATCH', events: 1, expectedEvents: 2, checked: ALL_CHECKS,
      });
      expect(verifyEvents([], head)).toMatchObject({ valid: false, brokenAtSeq: 1, problem: 'LENGTH_MISMATCH', events: 0 });
    });

    it('finds a row counting fewer events than there are', () => {
      expect(verifyEvents(events, { ...head, lastSeq: 1 })).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'LENGTH_MISMATCH' });
    });

    it('finds a forged row: another last hash, or a state the history never reached', () => {
      expect(verifyEvents(events, { ...head, lastHash: events[0].hash })).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'HEAD_MISMATCH' });
      expect(verifyEvents(events, { ...head, state: 'fullMember' })).toMatchObject({ valid: false, brokenAtSeq: 2, problem: 'STATE_MISMATCH' });
    });
  });
});
