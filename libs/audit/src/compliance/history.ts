import { BusinessDate, DomainEvent, EventType, WorkingDayCalendar } from '@charterflow/procedure';
import { CaseFacts, DeadlineTrace, GuardEnv, replaySteps, traceDeadlines } from '@charterflow/procedure';
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
  /** Every time limit of the history, traced through the engine's DEADLINE_TABLE (`traceDeadlines`). */
  deadlines: DeadlineTrace[];
}

/**
 * Replays the recorded events with the engine's `replaySteps` (the fact reducer the machine's `record` action uses),
 * so the checks see exactly the facts the engine saw — also for imported histories that broke rules the live engine
 * refuses — and traces the time limits with the engine's `traceDeadlines` (the numbers of DEADLINE_TABLE and the rule
 * sets, never a copy). The open deadlines the guards saw at each step are those of the stored rows open on that date.
 */
export function replayHistory(c: AuditCase, calendar: WorkingDayCalendar): History {
  const replayed = replaySteps({
    procedureVersion: c.procedureVersion,
    ruleProfile: c.ruleProfile,
    organisation: c.organisation,
    candidate: c.candidate as unknown as Candidate,
    events: c.events,
    openDeadlinesOn: (on) =>
      c.deadlines
        .filter((d) => d.openedOn <= on && (d.closedOn === null || d.closedOn >= on) && d.status !== 'cancelled')
        .map((d) => ({ key: d.kind, kind: d.kind, dueOn: d.dueOn, extendedBy: d.extendedBy })),
  });
  const actors = new Map(c.events.map((e) => [e.seq, e.actor]));
  const steps: Step[] = replayed.steps.map((s) => ({
    seq: s.seq,
    type: s.event.type,
    on: s.on,
    event: s.event,
    actor: actors.get(s.seq) ?? null,
    fromState: s.fromState,
    toState: s.toState,
    before: s.before,
    after: s.after,
    env: s.env,
  }));
  return { steps, facts: replayed.facts, deadlines: traceDeadlines(replayed, calendar) };
}

/** The engine's finding for rule `ruleId` at `step` (evaluated on the facts before it), or null when satisfied. */
export function ruleFinding(
  ruleId: string,
  step: Step,
): { rule: string; source: string; message: string; messageVi: string; details?: Record<string, unknown> } | null {
  const rule = RULE_DEFINITIONS[ruleId];
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const finding = rule.check({ facts: step.before, event: step.event, env: step.env });
  return finding
    ? { rule: rule.id, source: rule.source, message: finding.message, messageVi: finding.messageVi, ...(finding.details ? { details: finding.details } : {}) }
    : null;
}

export const stepsOf = (h: History, ...types: EventType[]): Step[] => h.steps.filter((s) => types.includes(s.type));
