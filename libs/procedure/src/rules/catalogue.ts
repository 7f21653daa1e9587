import { EventType } from '../model/events';
import { RuleViolation } from '../model/errors';
import { TopState } from '../model/states';
import { DATE_BEFORE_PREVIOUS_STEP, DATE_IN_FUTURE, DATE_INVALID } from './dates';
import {
  AGE_ABOVE_60_WITHOUT_CONSENT,
  AGE_BELOW_18,
  EDUCATION_EXCEPTION_WITHOUT_CONSENT,
  EDUCATION_INSUFFICIENT,
  POLITICAL_ISSUE_UNRESOLVED,
  POLITICAL_ISSUE_WITHOUT_CONSENT,
} from './eligibility';
import { AWARENESS_CERTIFICATE_EXPIRED, AWARENESS_CERTIFICATE_MISSING, DOSSIER_DOCUMENTS_STALE } from './documents';
import {
  APPLICATION_MISSING,
  BIOGRAPHY_NOT_CERTIFIED,
  INTRODUCERS_INCOMPLETE,
  INTRODUCING_BODY_MEMBERSHIP,
  OPINIONS_MISSING,
  SPONSOR_NOT_FULL_MEMBER,
  SPONSOR_TOGETHER_UNDER_12_MONTHS,
  VERIFICATION_PENDING,
  VERIFICATION_REQUEST_DUPLICATE,
  VERIFICATION_REQUEST_UNKNOWN,
} from './dossier';
import {
  CEREMONY_LATE_WITHOUT_CONSENT,
  PROBATION_NOT_ENDED,
  PROBATION_STEP_AFTER_END,
  RECOGNITION_BEFORE_PROBATION_END,
  RECOGNITION_DOSSIER_INCOMPLETE,
  RECOGNITION_MOTION_MISMATCH,
} from './membership';
import { CONSENT_NOT_APPLICABLE } from './consents';
import { TRADE_UNION_MEMBERSHIP_REQUIRED, YOUTH_UNION_MEMBERSHIP_REQUIRED } from './mass-organisations';
import { DEADLINE_ALREADY_EXTENDED, DEADLINE_NOT_EXTENDABLE, EXTENSION_AFTER_LIMIT } from './deadline-rules';
import { VOTE_COUNTS_INVALID } from './votes';
import {
  BIOGRAPHY_CERTIFIER_NOT_COMPETENT,
  CEREMONY_NOT_INDIVIDUAL,
  DECISION_BODY_NOT_COMPETENT,
  PROBATIONARY_MEMBERS_COUNTED,
  RELIGION_NOT_RECOGNISED,
  VERIFICATION_BY_INTERESTED_PERSON,
  VOTE_NOT_INDIVIDUAL,
} from './conduct';
import { READMISSION_CONSENT_MISSING, READMISSION_EXCLUDED, READMISSION_ONLY_ONCE, READMISSION_TOO_EARLY } from './readmission';
import { ANNULLED_DECISION_MISMATCH, TRANSFER_DOSSIER_NOT_AWAITED } from './transfers';
import { evaluateRule, ruleBasisVi, RuleDefinition, RuleInput } from './rule';

const ALL: RuleDefinition[] = [
  DATE_INVALID,
  DATE_IN_FUTURE,
  DATE_BEFORE_PREVIOUS_STEP,
  AGE_BELOW_18,
  AGE_ABOVE_60_WITHOUT_CONSENT,
  EDUCATION_INSUFFICIENT,
  EDUCATION_EXCEPTION_WITHOUT_CONSENT,
  POLITICAL_ISSUE_WITHOUT_CONSENT,
  POLITICAL_ISSUE_UNRESOLVED,
  AWARENESS_CERTIFICATE_MISSING,
  AWARENESS_CERTIFICATE_EXPIRED,
  DOSSIER_DOCUMENTS_STALE,
  APPLICATION_MISSING,
  BIOGRAPHY_NOT_CERTIFIED,
  VERIFICATION_PENDING,
  INTRODUCERS_INCOMPLETE,
  OPINIONS_MISSING,
  VERIFICATION_REQUEST_DUPLICATE,
  VERIFICATION_REQUEST_UNKNOWN,
  SPONSOR_NOT_FULL_MEMBER,
  SPONSOR_TOGETHER_UNDER_12_MONTHS,
  INTRODUCING_BODY_MEMBERSHIP,
  YOUTH_UNION_MEMBERSHIP_REQUIRED,
  TRADE_UNION_MEMBERSHIP_REQUIRED,
  VOTE_COUNTS_INVALID,
  CEREMONY_LATE_WITHOUT_CONSENT,
  PROBATION_NOT_ENDED,
  PROBATION_STEP_AFTER_END,
  RECOGNITION_BEFORE_PROBATION_END,
  RECOGNITION_DOSSIER_INCOMPLETE,
  RECOGNITION_MOTION_MISMATCH,
  DEADLINE_NOT_EXTENDABLE,
  DEADLINE_ALREADY_EXTENDED,
  EXTENSION_AFTER_LIMIT,
  CONSENT_NOT_APPLICABLE,
  BIOGRAPHY_CERTIFIER_NOT_COMPETENT,
  VERIFICATION_BY_INTERESTED_PERSON,
  VOTE_NOT_INDIVIDUAL,
  PROBATIONARY_MEMBERS_COUNTED,
  DECISION_BODY_NOT_COMPETENT,
  CEREMONY_NOT_INDIVIDUAL,
  RELIGION_NOT_RECOGNISED,
  READMISSION_EXCLUDED,
  READMISSION_ONLY_ONCE,
  READMISSION_TOO_EARLY,
  READMISSION_CONSENT_MISSING,
  TRANSFER_DOSSIER_NOT_AWAITED,
  ANNULLED_DECISION_MISMATCH,
];

export const RULE_DEFINITIONS: Readonly<Record<string, RuleDefinition>> = Object.fromEntries(ALL.map((r) => [r.id, r]));

/** Catalogue of every rule id the engine can answer, with its source (and that source as a clerk reads it, `basisVi`). */
export const RULES: Record<string, { id: string; source: string; basisVi: string; descriptionEn: string; descriptionVi: string }> = Object.fromEntries(
  ALL.map((r) => [r.id, { id: r.id, source: r.source, basisVi: ruleBasisVi(r), descriptionEn: r.descriptionEn, descriptionVi: r.descriptionVi }]),
);

/** Checked for every event, in this order, before the event's own rules. */
export const DATE_RULES: readonly RuleDefinition[] = [DATE_INVALID, DATE_IN_FUTURE, DATE_BEFORE_PREVIOUS_STEP];

/** Dossier completeness, in the order the first missing part is reported. */
export const DOSSIER_COMPLETENESS_RULES: readonly RuleDefinition[] = [
  APPLICATION_MISSING,
  BIOGRAPHY_NOT_CERTIFIED,
  VERIFICATION_PENDING,
  POLITICAL_ISSUE_UNRESOLVED,
  INTRODUCERS_INCOMPLETE,
  OPINIONS_MISSING,
];

const CONSENTS_AT_DECISION = [AGE_ABOVE_60_WITHOUT_CONSENT, EDUCATION_EXCEPTION_WITHOUT_CONSENT, POLITICAL_ISSUE_WITHOUT_CONSENT, READMISSION_CONSENT_MISSING];

/** The event's own rules (after the date rules). The machine's `rulesPass` guard and `decide` both read this table. */
export const EVENT_RULES: Readonly<Partial<Record<EventType, readonly RuleDefinition[]>>> = {
  DOSSIER_OPENED: [AWARENESS_CERTIFICATE_MISSING, AWARENESS_CERTIFICATE_EXPIRED],
  VERIFICATION_REQUESTED: [VERIFICATION_REQUEST_DUPLICATE],
  VERIFICATION_REPLIED: [VERIFICATION_REQUEST_UNKNOWN, VERIFICATION_BY_INTERESTED_PERSON],
  BIOGRAPHY_CERTIFIED: [VERIFICATION_PENDING, BIOGRAPHY_CERTIFIER_NOT_COMPETENT],
  SPONSOR_ADDED: [SPONSOR_NOT_FULL_MEMBER, SPONSOR_TOGETHER_UNDER_12_MONTHS],
  INTRODUCING_RESOLUTION_RECORDED: [INTRODUCING_BODY_MEMBERSHIP],
  CELL_VOTE_RECORDED: [
    ...DOSSIER_COMPLETENESS_RULES,
    YOUTH_UNION_MEMBERSHIP_REQUIRED,
    TRADE_UNION_MEMBERSHIP_REQUIRED,
    AGE_BELOW_18,
    EDUCATION_INSUFFICIENT,
    AWARENESS_CERTIFICATE_MISSING,
    AWARENESS_CERTIFICATE_EXPIRED,
    DOSSIER_DOCUMENTS_STALE,
    VOTE_COUNTS_INVALID,
    RELIGION_NOT_RECOGNISED,
    VOTE_NOT_INDIVIDUAL,
    PROBATIONARY_MEMBERS_COUNTED,
    READMISSION_TOO_EARLY,
  ],
  // The consent rules apply here only when an authorised grassroots committee admits by this vote.
  GRASSROOTS_VOTE_RECORDED: [VOTE_COUNTS_INVALID, ...CONSENTS_AT_DECISION],
  // The consent rules apply only to an admitting decision.
  ADMISSION_DECIDED: [VOTE_COUNTS_INVALID, ...CONSENTS_AT_DECISION, DECISION_BODY_NOT_COMPETENT],
  CONSENT_RECORDED: [CONSENT_NOT_APPLICABLE],
  DEADLINE_EXTENDED: [DEADLINE_NOT_EXTENDABLE, DEADLINE_ALREADY_EXTENDED, EXTENSION_AFTER_LIMIT],
  CEREMONY_HELD: [CEREMONY_LATE_WITHOUT_CONSENT, CEREMONY_NOT_INDIVIDUAL],
  // Steps of the probation entered late (after the engine ended probation) count only when dated inside it.
  MEMBER_RECORDS_FILED: [PROBATION_STEP_AFTER_END],
  NEW_MEMBER_CLASS_COMPLETED: [PROBATION_STEP_AFTER_END],
  HELPER_CHANGED: [PROBATION_STEP_AFTER_END],
  TRANSFER_DOSSIER_RECEIVED: [TRANSFER_DOSSIER_NOT_AWAITED],
  ADMISSION_ANNULLED: [ANNULLED_DECISION_MISMATCH],
  RECOGNITION_ANNULLED: [ANNULLED_DECISION_MISMATCH],
  PROBATION_ENDED: [PROBATION_NOT_ENDED],
  SELF_REVIEW_SUBMITTED: [RECOGNITION_BEFORE_PROBATION_END],
  HELPER_ASSESSMENT_SUBMITTED: [RECOGNITION_BEFORE_PROBATION_END],
  RECOGNITION_OPINIONS_RECORDED: [RECOGNITION_BEFORE_PROBATION_END],
  RECOGNITION_CELL_VOTE_RECORDED: [RECOGNITION_BEFORE_PROBATION_END, RECOGNITION_DOSSIER_INCOMPLETE, VOTE_COUNTS_INVALID, PROBATIONARY_MEMBERS_COUNTED],
  RECOGNITION_GRASSROOTS_VOTE_RECORDED: [RECOGNITION_MOTION_MISMATCH, VOTE_COUNTS_INVALID],
  RECOGNITION_DECIDED: [RECOGNITION_MOTION_MISMATCH, VOTE_COUNTS_INVALID, DECISION_BODY_NOT_COMPETENT],
};

export function rulesFor(type: EventType): readonly RuleDefinition[] {
  return [...DATE_RULES, ...(EVENT_RULES[type] ?? [])];
}

export function firstViolationOf(rules: readonly RuleDefinition[], input: RuleInput): RuleViolation | null {
  for (const rule of rules) {
    const v = evaluateRule(rule, input);
    if (v) return v;
  }
  return null;
}

/**
 * The first rule the event breaks (date rules, then its own rules), or null. When the rules are waived (a
 * historical import), only the date rules count here; `waivedViolations` lists the others.
 */
export function firstViolation(input: RuleInput): RuleViolation | null {
  return firstViolationOf(input.env.waiveRules ? DATE_RULES : rulesFor(input.event.type), input);
}

/** Every rule of the event itself (not the date rules) that it breaks: what a historical import records as waived. */
export function waivedViolations(input: RuleInput): RuleViolation[] {
  return (EVENT_RULES[input.event.type] ?? []).map((rule) => evaluateRule(rule, input)).filter((v): v is RuleViolation => v !== null);
}

/**
 * Events a state does not handle but whose refusal a rule explains better than EVENT_NOT_ALLOWED. When none of the
 * listed rules fails, the refusal is EVENT_NOT_ALLOWED. These events are not listed in `allowedEvents`.
 */
export const EXPLAINED_REFUSALS: readonly { type: EventType; states: readonly TopState[] | 'any'; rules: readonly RuleDefinition[] }[] = [
  { type: 'DOSSIER_OPENED', states: ['sympathiser'], rules: [AWARENESS_CERTIFICATE_MISSING] },
  { type: 'CELL_VOTE_RECORDED', states: ['dossier'], rules: DOSSIER_COMPLETENESS_RULES },
  { type: 'SELF_REVIEW_SUBMITTED', states: ['probation'], rules: [RECOGNITION_BEFORE_PROBATION_END] },
  { type: 'HELPER_ASSESSMENT_SUBMITTED', states: ['probation'], rules: [RECOGNITION_BEFORE_PROBATION_END] },
  { type: 'RECOGNITION_OPINIONS_RECORDED', states: ['probation'], rules: [RECOGNITION_BEFORE_PROBATION_END] },
  { type: 'RECOGNITION_CELL_VOTE_RECORDED', states: ['probation'], rules: [RECOGNITION_BEFORE_PROBATION_END] },
  { type: 'CONSENT_RECORDED', states: 'any', rules: [CONSENT_NOT_APPLICABLE] },
  { type: 'TRANSFER_DOSSIER_RECEIVED', states: 'any', rules: [TRANSFER_DOSSIER_NOT_AWAITED] },
  { type: 'DEADLINE_EXTENDED', states: 'any', rules: [DEADLINE_NOT_EXTENDABLE, EXTENSION_AFTER_LIMIT] },
];

export function explainedRefusal(state: TopState, input: RuleInput): RuleViolation | null {
  const entry = EXPLAINED_REFUSALS.find((e) => e.type === input.event.type && (e.states === 'any' || e.states.includes(state)));
  return entry ? firstViolationOf(entry.rules, input) : null;
}
