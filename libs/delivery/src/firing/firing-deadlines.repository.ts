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

  /** The case of each deadline among `ids` that exists (a deadline never changes case, so read without a lock). */
  async casesOf(m: EntityManager, deadlineIds: readonly string[]): Promise<Map<string, string>> {
    if (deadlineIds.length === 0) return new Map();
    const rows: { id: string; case_id: string }[] = await m.query(`SELECT id, case_id FROM deadlines WHERE id = ANY($1::uuid[])`, [deadlineIds]);
    return new Map(rows.map((r) => [r.id, r.case_id]));
  }

  /**
   * Locks the deadline rows among `ids` until the caller's transaction ends (`FOR UPDATE`, in id order), keyed by id;
   * an id with no row is absent.
   */
  async lockForFiring(m: EntityManager, deadlineIds: readonly string[]): Promise<Map<string, DeadlineForFiring>> {
    if (deadlineIds.length === 0) return new Map();
    const rows: (RawDeadline & { source: string; organisation_id: string; candidate_name: string | null })[] = await m.query(
      `SELECT ${PLAN_COLUMNS}, d.source, c.organisation_id, c.candidate ->> 'fullName' AS candidate_name
       FROM ${PLAN_FROM}
       WHERE d.id = ANY($1::uuid[])
       ORDER BY d.id
       FOR UPDATE OF d`,
      [deadlineIds],
    );
    return new Map(rows.map((r) => [r.id, { ...toPlan(r), source: r.source, organisationId: r.organisation_id, candidateName: r.candidate_name ?? '' }]));
  }

  /**
   * The limit has passed with these deadlines open: `missed` in one statement, lateness left to the engine (the
   * generation trigger fires for each row).
   */
  async markMissed(m: EntityManager, deadlineIds: readonly string[], now: Date): Promise<void> {
    if (deadlineIds.length === 0) return;
    await m.query(`UPDATE deadlines SET status = 'missed', updated_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'open'`, [deadlineIds, now]);
  }

  /**
   * Open deadlines, optionally only those due on or before `dueOnOrBefore` (partial index deadlines_open_due_on_idx)
   * and only of `kinds`.
   */
  async listOpen(dueOnOrBefore?: BusinessDate, kinds?: readonly DeadlineKind[]): Promise<DeadlineToPlan[]> {
    const rows: RawDeadline[] = await this.dataSource.query(
      `SELECT ${PLAN_COLUMNS} FROM ${PLAN_FROM} WHERE d.status = 'open' AND ($1::date IS NULL OR d.due_on <= $1::date) AND ($2::text[] IS NULL OR d.kind = ANY($2::text[]))`,
      [dueOnOrBefore ?? null, kinds ?? null],
    );
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
