import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FiringPhase, FiringRef } from '../contracts';

/** What is stored per firing: `fired`, or `superseded` for a reminder a later firing had already overtaken. */
export type LedgerOutcome = 'fired' | 'superseded';

export interface FiringRecord extends FiringRef {
  fireAt: Date;
  firedAt: Date;
  latenessMs: number;
  outcome: LedgerOutcome;
}

/** `${deadlineId}:${generation}:${phase}` */
export function firingKey(ref: FiringRef): string {
  return `${ref.deadlineId}:${ref.generation}:${ref.phase}`;
}

/** The ledger of what has fired (`deadline_firings`): its primary key makes a firing happen once. */
@Injectable()
export class DeadlineFiringsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a firing in the caller's transaction; false when it was recorded before (nothing written). */
  async insert(m: EntityManager, f: FiringRecord): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO deadline_firings (deadline_id, generation, phase, fire_at, fired_at, lateness_ms, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING
       RETURNING phase`,
      [f.deadlineId, f.generation, f.phase, f.fireAt, f.firedAt, Math.round(f.latenessMs), f.outcome],
    );
    return rows.length === 1;
  }

  /** Keys (`firingKey`) of every recorded firing of the given deadlines, all generations. */
  async keysOf(deadlineIds: readonly string[]): Promise<Set<string>> {
    if (deadlineIds.length === 0) return new Set();
    const rows: { deadline_id: string; generation: number; phase: FiringPhase }[] = await this.dataSource.query(
      `SELECT deadline_id, generation, phase FROM deadline_firings WHERE deadline_id = ANY($1::uuid[])`,
      [deadlineIds],
    );
    return new Set(rows.map((r) => firingKey({ deadlineId: r.deadline_id, generation: r.generation, phase: r.phase })));
  }
}

