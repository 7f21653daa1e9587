import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { onItsOwn, preparedText } from '@charterflow/database';
import { provinceOfPath } from '@charterflow/organisations';

/** One failed check of one case, as stored. */
export interface FindingRow {
  caseId: string;
  checkId: string;
  organisationId: string;
  severity: string;
  detectedOn: string | null;
  eventSeq: number | null;
  evidence: Record<string, unknown>;
  computedOn: string;
}

export interface ViolationQuery {
  pathPrefix: string | null;
  checkIds?: string[];
  /** detected_on within [from, to] (inclusive). */
  from?: string;
  to?: string;
  after?: { detectedOn: string; caseId: string; checkId: string };
  limit: number;
}

/** The only SQL over `compliance_findings` and `audit_case_state`. */
@Injectable()
export class FindingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Claims up to `limit` cases whose checks must run again (dirty, or a time limit may have turned since), optionally
   * only in a subtree. Rows stay locked until the transaction ends; concurrent refreshers skip them. The pending ids
   * come from the two partial indexes first; only those few are matched against the subtree.
   */
  async claimPending(m: EntityManager, today: string, limit: number, pathPrefix: string | null = null): Promise<string[]> {
    const rows: { case_id: string }[] = await m.query(
      `SELECT s.case_id FROM audit_case_state s
       WHERE s.case_id IN (${PENDING_IDS}) ${pathPrefix === null ? '' : `AND ${IN_SUBTREE('$3')}`}
       LIMIT $2
       FOR UPDATE OF s SKIP LOCKED`,
      pathPrefix === null ? [today, limit] : [today, limit, pathPrefix],
    );
    return rows.map((r) => r.case_id);
  }

  /**
   * How many cases of a subtree wait for their checks. Prepared although it names a path prefix: the few pending
   * ids drive the plan and the prefix only filters their organisations, so the generic plan is the custom one
   * (planning it each time cost more than running it).
   */
  async countPending(today: string, pathPrefix: string | null): Promise<number> {
    const rows = await onItsOwn(this.dataSource)<{ n: number }>(
      pathPrefix === null ? COUNT_PENDING : COUNT_PENDING_IN_SUBTREE,
      pathPrefix === null ? [today] : [today, pathPrefix],
    );
    return rows[0].n;
  }

  /** Replaces the findings of `caseIds` with `findings` and records when they were computed. */
  async replace(m: EntityManager, caseIds: string[], findings: FindingRow[], states: { caseId: string; recheckOn: string | null }[], today: string): Promise<void> {
    if (caseIds.length === 0) return;
    await m.query(`DELETE FROM compliance_findings WHERE case_id = ANY($1::uuid[])`, [caseIds]);
    if (findings.length > 0) {
      await m.query(
        `INSERT INTO compliance_findings (case_id, check_id, organisation_id, province_id, severity, detected_on, event_seq, evidence, computed_on)
         SELECT f.case_id, f.check_id, f.organisation_id, ${PROVINCE_OF_O}, f.severity, f.detected_on, f.event_seq, f.evidence, $2::date
         FROM jsonb_to_recordset($1::jsonb) AS f(case_id uuid, check_id text, organisation_id uuid, severity text, detected_on date, event_seq int, evidence jsonb)
         JOIN organisations o ON o.id = f.organisation_id`,
        [
          JSON.stringify(
            findings.map((f) => ({
              case_id: f.caseId,
              check_id: f.checkId,
              organisation_id: f.organisationId,
              severity: f.severity,
              detected_on: f.detectedOn,
              event_seq: f.eventSeq,
              evidence: f.evidence,
            })),
          ),
          today,
        ],
      );
    }
    await m.query(
      `UPDATE audit_case_state s SET dirty = false, computed_on = $2::date, recheck_on = r.recheck_on
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, recheck_on date)
       WHERE s.case_id = r.case_id`,
      [JSON.stringify(states.map((s) => ({ case_id: s.caseId, recheck_on: s.recheckOn }))), today],
    );
  }

  /**
   * A page of findings in a subtree, ordered by the date of the breach (undated last), then case and check. The page
   * is cut from `compliance_findings` alone (index `compliance_findings_order_idx`), then named.
   */
  async findViolations(q: ViolationQuery): Promise<(FindingRow & { candidateName: string; organisationName: string })[]> {
    const { where, params, p, belowProvince } = filters(q);
    if (q.after) where.push(`(${SORT_KEY}, f.case_id, f.check_id) > (${p(q.after.detectedOn)}::date, ${p(q.after.caseId)}::uuid, ${p(q.after.checkId)})`);
    const rows = await this.read<Record<string, unknown>>(
      belowProvince,
      `SELECT f.case_id, f.check_id, f.organisation_id, f.severity, to_char(f.detected_on, 'YYYY-MM-DD') AS detected_on, f.event_seq,
              f.evidence, to_char(f.computed_on, 'YYYY-MM-DD') AS computed_on, c.candidate->>'fullName' AS candidate_name, o.name AS organisation_name
       FROM (
         SELECT f.* FROM compliance_findings f
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY ${SORT_KEY}, f.case_id, f.check_id
         LIMIT ${p(q.limit)}
       ) f
       JOIN organisations o ON o.id = f.organisation_id
       JOIN cases c ON c.id = f.case_id
       ORDER BY ${SORT_KEY}, f.case_id, f.check_id`,
      params,
    );
    return rows.map((r) => ({
      caseId: r.case_id as string,
      checkId: r.check_id as string,
      organisationId: r.organisation_id as string,
      severity: r.severity as string,
      detectedOn: (r.detected_on as string | null) ?? null,
      eventSeq: (r.event_seq as number | null) ?? null,
      evidence: r.evidence as Record<string, unknown>,
      computedOn: r.computed_on as string,
      candidateName: r.candidate_name as string,
      organisationName: r.organisation_name as string,
    }));
  }

  /**
   * Runs a read of findings: prepared once per connection (its text named by its hash, ADR 0027 decision 8), except
   * when it matches a subtree by its path prefix — a generic plan cannot use the prefix index, so that one is planned
   * with its values each time.
   */
  private async read<R>(byPathPrefix: boolean, text: string, params: unknown[]): Promise<R[]> {
    return byPathPrefix ? this.dataSource.query(text, params) : onItsOwn(this.dataSource)<R>(preparedText(text), params);
  }

  /** Failed checks per check id in a subtree and period (the summary above the list). */
  async countByCheck(q: Omit<ViolationQuery, 'after' | 'limit'>): Promise<{ checkId: string; count: number }[]> {
    const { where, params, belowProvince } = filters(q);
    const rows = await this.read<{ check_id: string; n: number }>(
      belowProvince,
      `SELECT f.check_id, count(*)::int AS n FROM compliance_findings f
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY f.check_id ORDER BY f.check_id`,
      params,
    );
    return rows.map((r) => ({ checkId: r.check_id, count: r.n }));
  }
}

/** Undated findings sort last. The same expression is indexed. */
const SORT_KEY = `COALESCE(f.detected_on, '9999-12-31'::date)`;

/** The root of the path of the organisation `o` (its province), as stored in `compliance_findings.province_id`. */
const PROVINCE_OF_O = `split_part(o.path, '/', 2)::uuid`;

/**
 * The WHERE clauses shared by the page and the totals: the province (one range of the province index, ADR 0029),
 * below it the subtree as a semi-join, checks, dates. `belowProvince` when the subtree is matched by its path prefix.
 */
function filters(q: Omit<ViolationQuery, 'after' | 'limit'>) {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let belowProvince = false;
  if (q.pathPrefix !== null) {
    const province = provinceOfPath(q.pathPrefix);
    where.push(`f.province_id = ${p(province)}::uuid`);
    belowProvince = q.pathPrefix !== `/${province}/`;
    if (belowProvince) where.push(`f.organisation_id IN (SELECT o.id FROM organisations o WHERE o.path LIKE ${p(q.pathPrefix)} || '%')`);
  }
  if (q.checkIds?.length) where.push(`f.check_id = ANY(${p(q.checkIds)}::text[])`);
  if (q.from !== undefined) where.push(`f.detected_on >= ${p(q.from)}::date`);
  if (q.to !== undefined) where.push(`f.detected_on <= ${p(q.to)}::date`);
  return { where, params, p, belowProvince };
}

/** Cases whose checks must run again as of $1 (today), each branch served by its partial index. */
const PENDING_IDS = `SELECT case_id FROM audit_case_state WHERE dirty
  UNION ALL SELECT case_id FROM audit_case_state WHERE NOT dirty AND recheck_on IS NOT NULL AND recheck_on <= $1::date`;

/** The case of `s` lies in the subtree whose path prefix is the given parameter. */
const IN_SUBTREE = (param: string) =>
  `EXISTS (SELECT 1 FROM cases c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = s.case_id AND o.path LIKE ${param} || '%')`;

const COUNT_PENDING = preparedText(`SELECT count(*)::int AS n FROM audit_case_state s WHERE s.case_id IN (${PENDING_IDS})`);
const COUNT_PENDING_IN_SUBTREE = preparedText(`SELECT count(*)::int AS n FROM audit_case_state s WHERE s.case_id IN (${PENDING_IDS}) AND ${IN_SUBTREE('$2')}`);
