export * from './model/dates';
export * from './schema';
export * from './model/candidate';
export * from './model/states';
export * from './model/events';
export * from './model/deadlines';
export * from './model/errors';
export * from './model/engine';
export * from './model/deadline-labels';
export * from './model/calendar';
export * from './calendar/business-date';
export * from './calendar/working-day-calendar';
export * from './engine';
export { RULE_SETS, ruleSetFor, ruleSetById, ruleProfileById, ruleProfileIds, QD232_2025, QD294_2025, type RuleSet, type LocalLimit } from './versions/rule-sets';
export { RULE_PROFILES, DEFAULT_RULE_PROFILE, type RuleProfile, type RuleSetOverlay } from './versions/profiles';
export { DEADLINE_TABLE, deadlineDefinition, deadlineExtension, deadlineLength, type DeadlineDefinition } from './deadlines/table';
// The deadline trace of a recorded history: libs/audit judges the time limits with it (one table for the numbers).
export {
  replaySteps,
  traceDeadlines,
  tracesOf,
  projectedDeadline,
  closeTrace,
  deadlineLimitText,
  deadlineLimitsText,
  type RecordedEvent,
  type RecordedHistory,
  type ReplayedStep,
  type ReplayedHistory,
  type DeadlineTrace,
} from './deadlines/trace';
export { EVENT_RULES, EXPLAINED_REFUSALS, EXTENDABLE_DEADLINE_KINDS, atLeastTwoThirds, moreThanHalf } from './rules';
export { admissionMachine } from './machine/admission.machine';
export type { CaseFacts, GuardEnv, VoteRecord } from './machine/facts';
// The facts reducer and the rule table the audit replays a history through (libs/audit judges with the engine's
// own reading of every event, never a copy of it).
export { applyFacts, grassrootsDecides, initialFacts, voteOf, votePassed, type MachineEvent } from './machine/facts';
export { RULE_DEFINITIONS, viDate, withBasisVi } from './rules';
// A rule or deadline source (`QĐ294 §4.3.1`) as staff read it (ADR 0018).
export { renderSource, sourceVi, SOURCE_TEXTS_VI, type RenderedSource } from './rules/basis';
export * from './access';
