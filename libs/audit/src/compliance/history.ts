import { BusinessDate, DomainEvent, EventType } from '@charterflow/procedure';
import { applyFacts, CaseFacts, GuardEnv, initialFacts } from '@charterflow/procedure';
import { RULE_DEFINITIONS } from '@charterflow/procedure';
import { Candidate } from '@charterflow/procedure';
import { AuditCase } from './model';

/** One recorded step with the facts just before and after it, as the engine's fact reducer builds them. */
export interface Step {
  seq: number;
  type: EventType;
  on: BusinessDate;
  event: DomainEvent;
  actor: Record<string, unknown> | null;
  fromState: string | null;
  toState: string;
  before: CaseFacts;
  after: CaseFacts;
  env: GuardEnv;
}

/** The case's history replayed through the engine's own fact reducer, whatever the guards would have said. */
export interface History {
  steps: Step[];
  facts: CaseFacts;
}

/**
 * Folds the recorded events with `applyFacts` (the reducer the machine's `record` action uses), so the checks see
 * exactly the facts the engine saw — also for imported histories that broke rules the live engine refuses.
 * The open deadlines at each step are those of the stored rows open on that date.
 */
export function replayHistory(c: AuditCase): History {
  const opened = c.events.find((e) => e.type === 'CASE_OPENED');
  const candidate = (opened?.payload.candidate ?? c.candidate) as Candidate;
  let facts = initialFacts({ candidate, openedOn: opened?.occurredOn ?? c.events[0]?.occurredOn ?? '1970-01-01', procedureVersion: c.procedureVersion });
  const steps: Step[] = [];
  for (const e of c.events) {
    if (e.type === 'CASE_OPENED') continue;
    const event = { ...e.payload, type: e.type, occurredOn: e.occurredOn } as DomainEvent;
    const env: GuardEnv = {
      today: e.occurredOn,
      organisation: c.organisation,
      openDeadlines: c.deadlines
        .filter((d) => d.openedOn <= e.occurredOn && (d.closedOn === null || d.closedOn >= e.occurredOn) && d.status !== 'cancelled')
        .map((d) => ({ key: d.kind, kind: d.kind, dueOn: d.dueOn, extendedBy: d.extendedBy })),
    };
    const before = facts;
    facts = applyFacts(before, { ...event, env });
    steps.push({ seq: e.seq, type: e.type as EventType, on: e.occurredOn, event, actor: e.actor, fromState: e.fromState, toState: e.toState, before, after: facts, env });
  }
  return { steps, facts };
}

/** The engine's finding for rule `ruleId` at `step` (evaluated on the facts before it), or null when satisfied. */
export function ruleFinding(ruleId: string, step: Step): { rule: string; source: string; message: string; details?: Record<string, unknown> } | null {
  const rule = RULE_DEFINITIONS[ruleId];
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const finding = rule.check({ facts: step.before, event: step.event, env: step.env });
  return finding ? { rule: rule.id, source: rule.source, message: finding.message, ...(finding.details ? { details: finding.details } : {}) } : null;
}

export const stepsOf = (h: History, ...types: EventType[]): Step[] => h.steps.filter((s) => types.includes(s.type));
