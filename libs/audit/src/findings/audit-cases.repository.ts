import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditCase } from '../compliance/model';

/** A case as the checks read it, with where it sits in the tree. */
export interface StoredAuditCase extends AuditCase {
  organisationPath: string;
}

const date = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Loads cases for the audit in three statements per batch, whatever the batch size. */
@Injectable()
export class AuditCasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(caseIds: string[], m: EntityManager = this.dataSource.manager): Promise<StoredAuditCase[]> {
    if (caseIds.length === 0) return [];
    const cases: Record<string, unknown>[] = await m.query(
      `SELECT c.id, c.organisation_id, o.path, c.procedure_version, c.state, c.candidate,
              p.kind AS parent_kind, COALESCE(p.authorised_to_admit, false) AS parent_authorised,
              mo.has_youth_union, mo.has_trade_union,
              c.snapshot #>> '{machine,context,decision,decidedOn}' AS m_admission_decision_on,
              c.snapshot #>> '{machine,context,probationStartOn}' AS m_probation_start_on,
              c.snapshot #>> '{machine,context,probationEndOn}' AS m_probation_end_on,
              c.snapshot #>> '{machine,context,fullMemberSince}' AS m_full_member_since,
              c.snapshot #>> '{machine,context,ruleProfile}' AS rule_profile
       FROM cases c JOIN organisations o ON o.id = c.organisation_id LEFT JOIN organisations p ON p.id = o.parent_id
       -- E7: the unit has no Youth Union (trade union) when the cell or an organisation above it says so (ADR 0014).
       CROSS JOIN LATERAL (
         SELECT COALESCE(bool_and(a.has_youth_union), true) AS has_youth_union, COALESCE(bool_and(a.has_trade_union), true) AS has_trade_union
         FROM organisations a WHERE a.id = ANY (string_to_array(trim(both '/' from o.path), '/')::uuid[])
       ) mo
       WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    );
    const events: Record<string, unknown>[] = await m.query(
      `SELECT case_id, seq, type, ${date('occurred_on')} AS occurred_on, payload, actor, from_state, to_state
       FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq`,
      [caseIds],
    );
    const deadlines: Record<string, unknown>[] = await m.query(
      `SELECT id, case_id, kind, ${date('base_on')} AS base_on, ${date('due_on')} AS due_on, ${date('original_due_on')} AS original_due_on,
              extended_by, status, source, rule_set, ${date('opened_on')} AS opened_on, ${date('closed_on')} AS closed_on, late_working_days
       FROM deadlines WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, opened_on, id`,
      [caseIds],
    );
    const byCase = new Map<string, StoredAuditCase>();
    for (const c of cases) {
      byCase.set(c.id as string, {
        caseId: c.id as string,
        organisationId: c.organisation_id as string,
        organisationPath: c.path as string,
        procedureVersion: c.procedure_version as string,
        // The profile the case was opened under, kept in its snapshot (ADR 0023); absent: central.
        ...(typeof c.rule_profile === 'string' ? { ruleProfile: c.rule_profile } : {}),
        state: c.state as string,
        candidate: c.candidate as Record<string, unknown>,
        organisation: {
          authorisedToAdmit: c.parent_kind === 'grassroots' && c.parent_authorised === true,
          directlyUnderSuperior: c.parent_kind === 'commune',
          hasYouthUnion: c.has_youth_union !== false,
          hasTradeUnion: c.has_trade_union !== false,
        },
        // The membership projection as stored (the case's snapshot, written when each step was recorded): A17.
        membership: {
          admissionDecisionOn: (c.m_admission_decision_on as string | null) ?? null,
          probationStartOn: (c.m_probation_start_on as string | null) ?? null,
          probationEndOn: (c.m_probation_end_on as string | null) ?? null,
          fullMemberSince: (c.m_full_member_since as string | null) ?? null,
        },
        events: [],
        deadlines: [],
      });
    }
    for (const e of events) {
      byCase.get(e.case_id as string)?.events.push({
        seq: e.seq as number,
        type: e.type as string,
        occurredOn: e.occurred_on as string,
        payload: e.payload as Record<string, unknown>,
        actor: (e.actor as Record<string, unknown> | null) ?? null,
        fromState: (e.from_state as string | null) ?? null,
        toState: e.to_state as string,
      });
    }
    for (const d of deadlines) {
      byCase.get(d.case_id as string)?.deadlines.push({
        id: d.id as string,
        kind: d.kind as string,
        baseOn: d.base_on as string,
        dueOn: d.due_on as string,
        originalDueOn: d.original_due_on as string,
        extendedBy: d.extended_by as number,
        status: d.status as StoredAuditCase['deadlines'][number]['status'],
        source: d.source as string,
        ruleSet: d.rule_set as string,
        openedOn: d.opened_on as string,
        closedOn: (d.closed_on as string | null) ?? null,
        lateWorkingDays: (d.late_working_days as number | null) ?? null,
      });
    }
    return caseIds.map((id) => byCase.get(id)).filter((c): c is StoredAuditCase => !!c);
  }
}
