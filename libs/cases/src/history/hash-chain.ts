import { sha256Hex } from '@charterflow/kernel';

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

/** The members an event's hash covers, in the order canonicalJson writes them (sorted). */
const HASHED_MEMBERS = (['caseId', 'seq', 'type', 'payload', 'occurredOn', 'recordedAt', 'actor', 'fromState', 'toState', 'prevHash'] as const satisfies readonly (keyof ChainedEvent)[])
  .slice()
  .sort();

/** canonicalJson of an actor object, once per object: a history's steps are recorded by one or two actors. */
const actorsJson = new WeakMap<object, string>();

function actorJson(actor: unknown): string {
  if (actor === null || typeof actor !== 'object') return canonicalJson(actor);
  let json = actorsJson.get(actor);
  if (json === undefined) {
    json = canonicalJson(actor);
    actorsJson.set(actor, json);
  }
  return json;
}

/**
 * sha256 of canonicalJson of the members an event's hash covers (`HASHED_MEMBERS`), written member by member: the
 * same text canonicalJson gives for the whole object, without sorting its keys on every event. An actor object is
 * treated as not changed once used (its JSON is kept per object).
 */
export function eventHash(event: ChainedEvent): string {
  let text = '';
  for (const member of HASHED_MEMBERS) {
    const value = event[member];
    if (value === undefined) continue;
    text += `${text ? ',' : '{'}${JSON.stringify(member)}:${member === 'actor' ? actorJson(value) : canonicalJson(value)}`;
  }
  return sha256Hex(text ? `${text}}` : '{}');
}

/**
 * Why a history does not verify:
 * - EVENT_ALTERED: an event's stored hash is not the hash of its content (the event was altered);
 * - LINK_BROKEN: an event's `prevHash` is not its predecessor's hash (an event was removed, inserted or replaced);
 * - SEQUENCE_GAP: the sequence numbers are not 1, 2, 3, …;
 * - LENGTH_MISMATCH: the case row counts more (or fewer) events than the history holds (events deleted from the end);
 * - HEAD_MISMATCH: the case row's last hash is not the last event's hash;
 * - STATE_MISMATCH: the case row's state is not the state the last event led to.
 */
export const CHAIN_PROBLEMS = ['EVENT_ALTERED', 'LINK_BROKEN', 'SEQUENCE_GAP', 'LENGTH_MISMATCH', 'HEAD_MISMATCH', 'STATE_MISMATCH'] as const;
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number];

/** What a verification compares, in this order; a verdict lists them in `checked`. */
export const CHAIN_CHECKS = ['sequence', 'links', 'event_hashes', 'case_length', 'case_head', 'case_state'] as const;

export interface ChainVerdict {
  valid: boolean;
  /** The first event that does not match (for LENGTH_MISMATCH: the first missing or extra sequence number). */
  brokenAtSeq?: number;
  problem?: ChainProblem;
  /** The number of events found and checked. */
  events: number;
  /** The number of events the case row says it has (`last_seq`), when checked against the row. */
  expectedEvents?: number;
  /** Everything this verdict compared (CHAIN_CHECKS, without the case_* ones when no case row was given). */
  checked: readonly (typeof CHAIN_CHECKS)[number][];
}

/** What the case row says about the end of its history. */
export interface CaseHead {
  lastSeq: number;
  lastHash: string;
  state: string;
}

/**
 * Checks stored events (oldest first): consecutive seqs from 1, each prevHash the previous hash, each hash
 * recomputed; then, given the case row, that the history ends where the row says (its length, its last hash and the
 * state the last event led to), so that events deleted from the end or a forged row are found too.
 */
export function verifyEvents(events: readonly (ChainedEvent & { hash: string })[], head?: CaseHead): ChainVerdict {
  const checked = head ? CHAIN_CHECKS : CHAIN_CHECKS.filter((c) => !c.startsWith('case_'));
  const base = { events: events.length, ...(head ? { expectedEvents: head.lastSeq } : {}), checked };
  const broken = (problem: ChainProblem, seq: number): ChainVerdict => ({ valid: false, brokenAtSeq: seq, problem, ...base });
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i];
    if (e.seq !== i + 1) return broken('SEQUENCE_GAP', e.seq);
    if (e.prevHash !== prev) return broken('LINK_BROKEN', e.seq);
    if (eventHash(e) !== e.hash) return broken('EVENT_ALTERED', e.seq);
    prev = e.hash;
  }
  if (head) {
    const last = events[events.length - 1];
    if (head.lastSeq !== events.length) return broken('LENGTH_MISMATCH', Math.min(head.lastSeq, events.length) + 1);
    if (last && head.lastHash !== last.hash) return broken('HEAD_MISMATCH', last.seq);
    if (last && head.state !== last.toState) return broken('STATE_MISMATCH', last.seq);
  }
  return { valid: true, ...base };
}
