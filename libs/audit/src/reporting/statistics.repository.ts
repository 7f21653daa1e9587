import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StoredCandidate } from './categories';

/** One counted outcome: the case, its cell's path, the candidate, and the business date of the deciding event. */
export interface OutcomeRow {
  kind: 'admission' | 'recognition' | 'removal';
  caseId: string;
  organisationPath: string;
  candidate: StoredCandidate;
  on: string;
}

export interface TargetRow {
  organisationId: string;
  periodId: string;
  periodKind: 'term' | 'year';
  admissions: number;
  note: string | null;
  setBy: Record<string, unknown>;
  setAt: Date;
}

/**
 * An admission or recognition (the event `e` entering `awaitingCeremony` or `fullMember`) that a later step annulled
 * (ADR 0024): ADMISSION_ANNULLED annuls both, RECOGNITION_ANNULLED the recognition, and a transfer that met a decision
 * issued too long after the transfer decision (D18: recorded as awaitingCeremony → superiorReview) the admission.
 * The statistics do not count them.
 */
const NOT_ANNULLED = `NOT EXISTS (
  SELECT 1 FROM case_events a WHERE a.case_id = e.case_id AND a.seq > e.seq AND (
    (a.type = 'ADMISSION_ANNULLED' AND e.to_state IN ('awaitingCeremony', 'fullMember'))
    OR (a.type = 'RECOGNITION_ANNULLED' AND e.to_state = 'fullMember')
    OR (a.type = 'TRANSFERRED' AND a.from_state = 'awaitingCeremony' AND a.to_state = 'superiorReview' AND e.to_state = 'awaitingCeremony')))`;

/** The SQL of statistics and targets. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Admissions (the decision that admitted: the case entered `awaitingCeremony`), recognitions (entered
   * `fullMember`) and removals (entered `removed`) of a subtree whose deciding event falls in [from, to]; not those a
   * later step annulled.
   */
  async outcomes(pathPrefix: string, from: string, to: string): Promise<OutcomeRow[]> {
    const rows: { to_state: string; case_id: string; path: string; candidate: StoredCandidate; on: string }[] = await this.withoutJit((m) => m.query(
      `SELECT e.to_state, e.case_id, o.path, c.candidate, to_char(e.occurred_on, 'YYYY-MM-DD') AS on
       FROM case_events e
       JOIN cases c ON c.id = e.case_id
       JOIN organisations o ON o.id = c.organisation_id
       WHERE e.to_state IN ('awaitingCeremony', 'fullMember', 'removed')
         AND e.from_state IS DISTINCT FROM e.to_state
         AND e.occurred_on BETWEEN $2::date AND $3::date
         AND o.path LIKE $1 || '%'
         AND ${NOT_ANNULLED}`,
      [pathPrefix, from, to],
    ));
    return rows.map((r) => ({
      kind: r.to_state === 'awaitingCeremony' ? 'admission' : r.to_state === 'fullMember' ? 'recognition' : 'removal',
      caseId: r.case_id,
      organisationPath: r.path,
      candidate: r.candidate,
      on: r.on,
    }));
  }

  /**
   * Runs `work` in a transaction with PostgreSQL's JIT compilation off. Over a province the planner's cost of the
   * outcome queries passes `jit_above_cost`, and compiling them took longer than running them (ADR 0029).
   */
  private withoutJit<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL jit = off`);
      return work(m);
    });
  }

  /** Every organisation of a subtree (kind and parent), to group by child and to find the admitting units. */
  async subtree(pathPrefix: string): Promise<{ id: string; name: string; kind: string; parentId: string | null; path: string }[]> {
    const rows: { id: string; name: string; kind: string; parent_id: string | null; path: string }[] = await this.dataSource.query(
      `SELECT id, name, kind, parent_id, path FROM organisations WHERE path LIKE $1 || '%' ORDER BY path`,
      [pathPrefix],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path }));
  }

  /** Admissions of a subtree in [from, to]. */
  async countAdmissions(pathPrefix: string, from: string, to: string): Promise<number> {
    const rows: { n: number }[] = await this.withoutJit((m) => m.query(
      `SELECT count(*)::int AS n FROM case_events e JOIN cases c ON c.id = e.case_id JOIN organisations o ON o.id = c.organisation_id
       WHERE e.to_state = 'awaitingCeremony' AND e.from_state IS DISTINCT FROM e.to_state
         AND e.occurred_on BETWEEN $2::date AND $3::date AND o.path LIKE $1 || '%' AND ${NOT_ANNULLED}`,
      [pathPrefix, from, to],
    ));
    return rows[0].n;
  }

  async upsertTarget(t: TargetRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO admission_targets (organisation_id, period_id, period_kind, admissions, note, set_by, set_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
       ON CONFLICT (organisation_id, period_id) DO UPDATE SET admissions = EXCLUDED.admissions, note = EXCLUDED.note,
         set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at, period_kind = EXCLUDED.period_kind`,
      [t.organisationId, t.periodId, t.periodKind, t.admissions, t.note, JSON.stringify(t.setBy), t.setAt],
    );
  }

  /** Targets of organisations in a subtree, optionally of the given periods. */
  async targets(pathPrefix: string, periodIds?: string[]): Promise<(TargetRow & { organisationName: string; organisationPath: string })[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT t.*, o.name, o.path FROM admission_targets t JOIN organisations o ON o.id = t.organisation_id
       WHERE o.path LIKE $1 || '%' ${periodIds ? 'AND t.period_id = ANY($2::text[])' : ''}
       ORDER BY o.path, t.period_kind DESC, t.period_id`,
      periodIds ? [pathPrefix, periodIds] : [pathPrefix],
    );
    return rows.map((r) => ({
      organisationId: r.organisation_id as string,
      periodId: r.period_id as string,
      periodKind: r.period_kind as 'term' | 'year',
      admissions: r.admissions as number,
      note: (r.note as string | null) ?? null,
      setBy: r.set_by as Record<string, unknown>,
      setAt: r.set_at as Date,
      organisationName: r.name as string,
      organisationPath: r.path as string,
    }));
  }
}
