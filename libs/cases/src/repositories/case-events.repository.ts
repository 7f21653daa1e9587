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

  /** Appends several events in one statement (an imported history). */
  async insertMany(m: EntityManager, events: readonly CaseEventRow[]): Promise<void> {
    if (events.length === 0) return;
    await m.query(insertEventsSql('$1'), [eventsJson(events)]);
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
