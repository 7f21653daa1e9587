import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One deadline row with what the audit shows beside it. */
export interface AuditedDeadlineRow {
  id: string;
  caseId: string;
  organisationId: string;
  /** The province of the case's organisation (whose calendar counts the working days late). */
  provinceId: string | null;
  candidateName: string;
  kind: string;
  baseOn: string;
  dueOn: string;
  originalDueOn: string;
  extendedBy: number;
  status: 'open' | 'met' | 'missed' | 'cancelled';
  closedOn: string | null;
  lateWorkingDays: number | null;
  source: string;
  ruleSet: string;
}

export interface DeadlineAuditQuery {
  /** Subtree of the caller (null: the whole tree). */
  pathPrefix: string | null;
  /** `missed`: closed late, marked missed, or open past its due date on `today`. */
  status: 'missed' | 'open' | 'met' | 'cancelled' | 'all';
  today: string;
  kind?: string;
  /** Due on or after / on or before. */
  dueFrom?: string;
  dueTo?: string;
  after?: { dueOn: string; id: string };
  limit: number;
}

/** Reads deadlines for the audit; the only SQL of this feature. */
@Injectable()
export class DeadlineAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(q: DeadlineAuditQuery): Promise<AuditedDeadlineRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.pathPrefix !== null) where.push(`o.path LIKE ${p(q.pathPrefix)} || '%'`);
    if (q.status === 'missed') where.push(`(d.status = 'missed' OR (d.status = 'open' AND d.due_on < ${p(q.today)}::date))`);
    else if (q.status === 'open') where.push(`d.status = 'open'`);
    else if (q.status !== 'all') where.push(`d.status = ${p(q.status)}`);
    if (q.kind !== undefined) where.push(`d.kind = ${p(q.kind)}`);
    if (q.dueFrom !== undefined) where.push(`d.due_on >= ${p(q.dueFrom)}::date`);
    if (q.dueTo !== undefined) where.push(`d.due_on <= ${p(q.dueTo)}::date`);
    if (q.after) where.push(`(d.due_on, d.id) > (${p(q.after.dueOn)}::date, ${p(q.after.id)}::uuid)`);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT d.id, d.case_id, c.organisation_id, NULLIF(split_part(o.path, '/', 2), '') AS province_id, c.candidate->>'fullName' AS candidate_name, d.kind,
              to_char(d.base_on, 'YYYY-MM-DD') AS base_on, to_char(d.due_on, 'YYYY-MM-DD') AS due_on,
              to_char(d.original_due_on, 'YYYY-MM-DD') AS original_due_on, d.extended_by, d.status,
              to_char(d.closed_on, 'YYYY-MM-DD') AS closed_on, d.late_working_days, d.source, d.rule_set
       FROM deadlines d
       JOIN cases c ON c.id = d.case_id
       JOIN organisations o ON o.id = c.organisation_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d.due_on, d.id
       LIMIT ${p(q.limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      caseId: r.case_id as string,
      organisationId: r.organisation_id as string,
      provinceId: (r.province_id as string | null) ?? null,
      candidateName: r.candidate_name as string,
      kind: r.kind as string,
      baseOn: r.base_on as string,
      dueOn: r.due_on as string,
      originalDueOn: r.original_due_on as string,
      extendedBy: r.extended_by as number,
      status: r.status as AuditedDeadlineRow['status'],
      closedOn: (r.closed_on as string | null) ?? null,
      lateWorkingDays: (r.late_working_days as number | null) ?? null,
      source: r.source as string,
      ruleSet: r.rule_set as string,
    }));
  }
}
