import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { onItsOwn, type PreparedStatement } from '@charterflow/database';
import { STORED_CANDIDATE_FIELDS, StoredCandidate } from './categories';

/** An organisation of a subtree as the admitting units are found from it. */
export interface SubtreeNode {
  id: string;
  kind: string;
  parentId: string | null;
}

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
 * The outcomes `co` of the subtree whose path is $1, dated in [$2, $3]: the province (the path's root) and the dates
 * are one range of `case_outcomes_province_on_idx`; the case's organisation `o` narrows them to the subtree.
 */
const IN_SUBTREE_BETWEEN = `co.province_id = split_part($1, '/', 2)::uuid AND co.occurred_on BETWEEN $2::date AND $3::date AND o.path LIKE $1 || '%'`;

/** The candidate as the categories read it: only the fields they count by, not the whole stored candidate. */
const CANDIDATE_FIELDS = `jsonb_build_object(${STORED_CANDIDATE_FIELDS.map((f) => `'${f}', c.candidate->'${f}'`).join(', ')})`;

/** The statistics version of an organisation's province, read on every statistics request (prepared). */
const VERSION_OF: PreparedStatement = {
  name: 'statistics_version_of',
  text: `SELECT split_part(o.path, '/', 2) || ' ' || COALESCE(v.version, 0)::text AS version
         FROM organisations o LEFT JOIN statistics_versions v ON v.province_id = split_part(o.path, '/', 2)::uuid WHERE o.id = $1`,
};

/** The SQL of statistics and targets. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Admissions (the decision that admitted: the case entered `awaitingCeremony`), recognitions (entered
   * `fullMember`) and removals (entered `removed`) of a subtree whose deciding event falls in [from, to]; not those a
   * later step annulled. `case_outcomes` holds exactly those (kept by the database's triggers, ADR 0030), found by
   * the subtree's province and the dates; the case's organisation narrows them to the subtree.
   */
  async outcomes(pathPrefix: string, from: string, to: string): Promise<OutcomeRow[]> {
    const rows: { kind: OutcomeRow['kind']; case_id: string; path: string; candidate: StoredCandidate; on: string }[] = await this.withoutJit((m) => m.query(
      `SELECT co.kind, co.case_id, o.path, ${CANDIDATE_FIELDS} AS candidate, to_char(co.occurred_on, 'YYYY-MM-DD') AS on
       FROM case_outcomes co
       JOIN cases c ON c.id = co.case_id
       JOIN organisations o ON o.id = c.organisation_id
       WHERE ${IN_SUBTREE_BETWEEN}`,
      [pathPrefix, from, to],
    ));
    return rows.map((r) => ({ kind: r.kind, caseId: r.case_id, organisationPath: r.path, candidate: r.candidate, on: r.on }));
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

  /**
   * Every organisation of a subtree, only its kind and parent, to find the admitting units (a province holds
   * thousands: names and paths are not read).
   */
  async subtree(pathPrefix: string): Promise<SubtreeNode[]> {
    const rows: { id: string; kind: string; parent_id: string | null }[] = await this.dataSource.query(
      `SELECT id, kind, parent_id FROM organisations WHERE path LIKE $1 || '%'`,
      [pathPrefix],
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, parentId: r.parent_id }));
  }

  /** The direct children of an organisation with their names, in path order: the lines of the table. */
  async children(organisationId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(`SELECT id, name FROM organisations WHERE parent_id = $1 ORDER BY path`, [organisationId]);
  }

  /**
   * The version of the statistics of an organisation's province: how many committed transactions changed what they
   * are computed from (`statistics_versions`, moved by the database's triggers; ADR 0030), with the province, as
   * `<province> <version>`; the version '0' before the first change, and '' for an unknown organisation.
   */
  async versionOf(organisationId: string): Promise<string> {
    const rows = await onItsOwn(this.dataSource)<{ version: string }>(VERSION_OF, [organisationId]);
    return rows[0]?.version ?? '';
  }

  /** Admissions of a subtree in [from, to]. */
  async countAdmissions(pathPrefix: string, from: string, to: string): Promise<number> {
    const rows: { n: number }[] = await this.withoutJit((m) => m.query(
      `SELECT count(*)::int AS n FROM case_outcomes co JOIN cases c ON c.id = co.case_id JOIN organisations o ON o.id = c.organisation_id
       WHERE co.kind = 'admission' AND ${IN_SUBTREE_BETWEEN}`,
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
