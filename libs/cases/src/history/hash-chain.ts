import { createHash } from 'node:crypto';

/** prev_hash of the first event of every case. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, so that a value read back from jsonb (which reorders keys) serialises
 * exactly as it did when it was written. Like JSON.stringify, object members whose value is undefined are left out
 * and undefined array items become null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Everything an event's hash covers. `recordedAt` is the ISO instant (millisecond precision). */
export interface ChainedEvent {
  caseId: string;
  seq: number;
  type: string;
  payload: unknown;
  occurredOn: string;
  recordedAt: string;
  actor: unknown;
  fromState: string | null;
  toState: string;
  prevHash: string;
}

export function eventHash(event: ChainedEvent): string {
  const { caseId, seq, type, payload, occurredOn, recordedAt, actor, fromState, toState, prevHash } = event;
  return sha256Hex(canonicalJson({ caseId, seq, type, payload, occurredOn, recordedAt, actor, fromState, toState, prevHash }));
}

export interface ChainVerdict {
  valid: boolean;
  /** The first event whose stored hash, predecessor link or sequence number does not match. */
  brokenAtSeq?: number;
  events: number;
}

/** Checks stored events (oldest first): consecutive seqs from 1, each prevHash the previous hash, each hash recomputed. */
export function verifyEvents(events: readonly (ChainedEvent & { hash: string })[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i];
    if (e.seq !== i + 1 || e.prevHash !== prev || eventHash(e) !== e.hash) {
      return { valid: false, brokenAtSeq: e.seq, events: events.length };
    }
    prev = e.hash;
  }
  return { valid: true, events: events.length };
}
