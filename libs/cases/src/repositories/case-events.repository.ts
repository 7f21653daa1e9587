import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RowOf } from '@charterflow/database';
import { CASE_EVENTS_TABLE } from '../tables';

/** A `case_events` row. `recordedAt` has millisecond precision, so its ISO string hashes the same when read back. */
export interface CaseEventRow {
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  occurredOn: string;
  recordedAt: Date;
  actor: Record<string, unknown>;
  fromState: string | null;
  toState: string;
  prevHash: string;
  hash: string;
}

/** The row as declared in tables.ts; payload, actor narrowed to what the column's writers put there. */
type RawEvent = Omit<Pick<RowOf<typeof CASE_EVENTS_TABLE>, 'case_id' | 'seq' | 'type' | 'payload' | 'occurred_on' | 'recorded_at' | 'actor' | 'from_state' | 'to_state' | 'prev_hash' | 'hash'>, 'payload' | 'actor'> & { payload: Record<string, unknown>; actor: Record<string, unknown> };

/** The only place that touches `case_events`: insert and read, never update or delete (a trigger forbids both). */
@Injectable()
export class CaseEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, e: CaseEventRow): Promise<void> {
    await m.query(
      `INSERT INTO case_events (case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
       VALUES ($1, $2, $3, $4::jsonb, $5::date, $6, $7::jsonb, $8, $9, $10, $11)`,
      [e.caseId, e.seq, e.type, JSON.stringify(e.payload), e.occurredOn, e.recordedAt, JSON.stringify(e.actor), e.fromState, e.toState, e.prevHash, e.hash],
    );
  }

  /**
   * Appends several events in one statement (an import's batch: thousands of rows), in `seq` order. The rows go as one
   * array per column and each distinct actor once, which PostgreSQL reads in about half the time of the same rows as
   * one JSON document (ADR 0028).
   */
  async insertMany(m: EntityManager, events: readonly CaseEventRow[]): Promise<void> {
    if (events.length === 0) return;
    await m.query(INSERT_MANY_SQL, eventColumns(events));
  }

  /** The history of a case, oldest first. */
  async listByCase(caseId: string, m: EntityManager = this.dataSource.manager): Promise<CaseEventRow[]> {
    const rows: RawEvent[] = await m.query(
      `SELECT case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash
       FROM case_events WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      seq: r.seq,
      type: r.type,
      payload: r.payload,
      occurredOn: r.occurred_on,
      recordedAt: r.recorded_at,
      actor: r.actor,
      fromState: r.from_state,
      toState: r.to_state,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }
}

const INSERT_MANY_SQL = `INSERT INTO case_events (case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
       SELECT e.case_id, e.seq, e.type, e.payload, e.occurred_on, e.recorded_at, ($7::jsonb[])[e.actor], e.from_state, e.to_state, e.prev_hash, e.hash
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::jsonb[], $5::date[], $6::timestamptz[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[])
            AS e(case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
       ORDER BY e.seq`;

/** The parameters of `INSERT_MANY_SQL`: a column's values per parameter; $7 the distinct actors, $8 each row's (from 1). */
function eventColumns(events: readonly CaseEventRow[]): unknown[] {
  const actors: Record<string, unknown>[] = [];
  const byObject = new Map<object, number>();
  const byJson = new Map<string, number>();
  const actorOf = (actor: Record<string, unknown>): number => {
    let at = byObject.get(actor);
    if (at === undefined) {
      const json = JSON.stringify(actor);
      at = byJson.get(json);
      if (at === undefined) {
        actors.push(actor);
        at = actors.length;
        byJson.set(json, at);
      }
      byObject.set(actor, at);
    }
    return at;
  };
  const n = events.length;
  const columns = { caseId: new Array<string>(n), seq: new Array<number>(n), type: new Array<string>(n), payload: new Array<unknown>(n), occurredOn: new Array<string>(n),
    recordedAt: new Array<string>(n), actor: new Array<number>(n), fromState: new Array<string | null>(n), toState: new Array<string>(n), prevHash: new Array<string>(n), hash: new Array<string>(n) };
  events.forEach((e, i) => {
    columns.caseId[i] = e.caseId;
    columns.seq[i] = e.seq;
    columns.type[i] = e.type;
    columns.payload[i] = JSON.stringify(e.payload);
    columns.occurredOn[i] = e.occurredOn;
    columns.recordedAt[i] = e.recordedAt.toISOString();
    columns.actor[i] = actorOf(e.actor);
    columns.fromState[i] = e.fromState;
    columns.toState[i] = e.toState;
    columns.prevHash[i] = e.prevHash;
    columns.hash[i] = e.hash;
  });
  const c = columns;
  return [c.caseId, c.seq, c.type, c.payload, c.occurredOn, c.recordedAt, actors.map((a) => JSON.stringify(a)), c.actor, c.fromState, c.toState, c.prevHash, c.hash];
}

/**
 * Appends the events of the JSON array (`eventsJson`) in the parameter `events`, in `seq` order; nothing unless
 * `guard` holds.
 */
export function insertEventsSql(events: string, guard = 'true'): string {
  return `INSERT INTO case_events (case_id, seq, type, payload, occurred_on, recorded_at, actor, from_state, to_state, prev_hash, hash)
       SELECT e.case_id, e.seq, e.type, e.payload, e.occurred_on, e.recorded_at, e.actor, e.from_state, e.to_state, e.prev_hash, e.hash
       FROM jsonb_to_recordset(${events}::jsonb) AS e(case_id uuid, seq int, type text, payload jsonb, occurred_on date, recorded_at timestamptz,
            actor jsonb, from_state text, to_state text, prev_hash text, hash text)
       WHERE ${guard}
       ORDER BY e.seq`;
}

/** History rows as the JSON array `insertEventsSql` reads. */
export function eventsJson(events: readonly CaseEventRow[]): string {
  return JSON.stringify(
    events.map((e) => ({
      case_id: e.caseId,
      seq: e.seq,
      type: e.type,
      payload: e.payload,
      occurred_on: e.occurredOn,
      recorded_at: e.recordedAt.toISOString(),
      actor: e.actor,
      from_state: e.fromState,
      to_state: e.toState,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
}
