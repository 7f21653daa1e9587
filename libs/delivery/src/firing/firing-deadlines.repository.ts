import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BusinessDate, DeadlineKind, DeadlineStatus } from '@charterflow/procedure';
import { DeadlineToPlan } from '../plan/plan-firings';

/** A deadline row locked for firing, with what the notifications name. */
export interface DeadlineForFiring extends DeadlineToPlan {
  source: string;
  organisationId: string;
  candidateName: string;
}

interface RawDeadline {
  id: string;
  case_id: string;
  province_id: string | null;
  kind: DeadlineKind;
  due_on: BusinessDate;
  status: DeadlineStatus;
  generation: number;
  opened_at: Date | string | null;
  backlog_grace_working_days: number | null;
}

/**
 * The backlog grace of the case's organisation (ADR 0015): the nearest node with a value, from the cell up to the
 * province (its ancestors by primary key, from the materialised path); null when none has one.
 */
const GRACE_COLUMN = `(SELECT a.backlog_grace_working_days FROM organisations a
    WHERE a.id = ANY (string_to_array(trim(both '/' from o.path), '/')::uuid[]) AND a.backlog_grace_working_days IS NOT NULL
    ORDER BY length(a.path) DESC LIMIT 1) AS backlog_grace_working_days`;
const PLAN_COLUMNS = `d.id, d.case_id, d.kind, d.due_on, d.status, d.generation, d.opened_at, NULLIF(split_part(o.path, '/', 2), '') AS province_id, ${GRACE_COLUMN}`;
/** A deadline with its case and the case's organisation (whose path names the province). */
const PLAN_FROM = `deadlines d JOIN cases c ON c.id = d.case_id JOIN organisations o ON o.id = c.organisation_id`;

/** Reads and writes of `deadlines` for delivery (the cases module owns the rest). */
@Injectable()
export class FiringDeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The case a deadline belongs to (never changes, so read without a lock), or null when there is no such row. */
  async caseOf(m: EntityManager, deadlineId: string): Promise<string | null> {
    const rows: { case_id: string }[] = await m.query(`SELECT case_id FROM deadlines WHERE id = $1`, [deadlineId]);
    return rows[0]?.case_id ?? null;
  }

  /** Locks the deadline row until the caller's transaction ends (`FOR UPDATE`); null when there is no such row. */
  async lockForFiring(m: EntityManager, deadlineId: string): Promise<DeadlineForFiring | null> {
    const rows: (RawDeadline & { source: string; organisation_id: string; candidate_name: string | null })[] = await m.query(
      `SELECT ${PLAN_COLUMNS}, d.source, c.organisation_id, c.candidate ->> 'fullName' AS candidate_name
       FROM ${PLAN_FROM}
       WHERE d.id = $1
       FOR UPDATE OF d`,
      [deadlineId],
    );
    const r = rows[0];
    return r ? { ...toPlan(r), source: r.source, organisationId: r.organisation_id, candidateName: r.candidate_name ?? '' } : null;
  }

  /** The limit has passed with the deadline open: `missed`, lateness left to the engine (the generation trigger fires). */
  async markMissed(m: EntityManager, deadlineId: string, now: Date): Promise<void> {
    await m.query(`UPDATE deadlines SET status = 'missed', updated_at = $2 WHERE id = $1 AND status = 'open'`, [deadlineId, now]);
  }

  /** Open deadlines, optionally only those due on or before `dueOnOrBefore` (partial index deadlines_open_due_on_idx). */
  async listOpen(dueOnOrBefore?: BusinessDate): Promise<DeadlineToPlan[]> {
    const rows: RawDeadline[] =
      dueOnOrBefore === undefined
        ? await this.dataSource.query(`SELECT ${PLAN_COLUMNS} FROM ${PLAN_FROM} WHERE d.status = 'open'`)
        : await this.dataSource.query(`SELECT ${PLAN_COLUMNS} FROM ${PLAN_FROM} WHERE d.status = 'open' AND d.due_on <= $1::date`, [dueOnOrBefore]);
    return rows.map(toPlan);
  }

  /** The open deadlines among `ids`. */
  async listOpenByIds(ids: readonly string[]): Promise<DeadlineToPlan[]> {
    if (ids.length === 0) return [];
    const rows: RawDeadline[] = await this.dataSource.query(`SELECT ${PLAN_COLUMNS} FROM ${PLAN_FROM} WHERE d.id = ANY($1::uuid[]) AND d.status = 'open'`, [ids]);
    return rows.map(toPlan);
  }
}

function toPlan(r: RawDeadline): DeadlineToPlan {
  return {
    id: r.id,
    caseId: r.case_id,
    provinceId: r.province_id,
    kind: r.kind,
    dueOn: r.due_on,
    status: r.status,
    generation: r.generation,
    openedAt: r.opened_at === null ? null : new Date(r.opened_at),
    graceWorkingDays: r.backlog_grace_working_days,
  };
}
