import { BusinessDate } from '../model/dates';
import { DeadlineKind, DeadlineLength, DeadlineRecord } from '../model/deadlines';
import { DecisionEnv } from '../model/engine';
import { DomainEvent } from '../model/events';
import { TopState } from '../model/states';
import { CaseFacts, grassrootsDecides, GuardEnv, votePassed } from '../machine/facts';
import { RuleSet } from '../versions/rule-sets';
import { TRANSFER_DEADLINES } from './transfers';

/** One accepted step, as the deadline table sees it. */
export interface DeadlineStep {
  event: DomainEvent;
  env: GuardEnv;
  before: { state: TopState; facts: CaseFacts };
  after: { state: TopState; facts: CaseFacts };
}

export interface DeadlineOpening {
  /** Key before the `#n` suffix a re-opened limit gets. */
  key: string;
  baseOn: BusinessDate;
  /** Date whose rule set supplies the numbers (the triggering event's date). */
  ruleSetDate: BusinessDate;
  reference: string | null;
}

/**
 * How an open limit ends at a step: judged by the step's date (met/missed), judged by another date the step records
 * (`{ on }`, e.g. the day the dossier reached the next body), met regardless, or cancelled.
 */
export type Closing = 'byDate' | { on: BusinessDate } | 'met' | 'cancelled';

export interface DeadlineDefinition {
  kind: DeadlineKind;
  /** The states in which a limit of this kind can be open (documentation; `openWhile` decides). */
  openIn: readonly TopState[];
  /**
   * The working days one DEADLINE_EXTENDED adds (once) under a rule set, or null when the limit cannot be extended.
   * EXTENDABLE_DEADLINE_KINDS is derived from this column.
   */
  extension: ((ruleSet: RuleSet) => number) | null;
  description: string;
  source(ruleSet: RuleSet): string;
  /**
   * The lengths of the limit under a rule set, one per variant (`default`, or e.g. `domestic`/`abroad`). The engine
   * and the audit read the numbers only here; the titles of the audit's checks are written from it too. No length:
   * the rule set (its profile) has no such limit, and the kind never opens under it (`appliesUnder`).
   */
  lengths(ruleSet: RuleSet): Readonly<Record<string, DeadlineLength>>;
  /** The variant of `lengths` a step's limit uses (default: `default`). */
  variant?(step: DeadlineStep): string;
  /** The limits the step opens. */
  opens(step: DeadlineStep): DeadlineOpening[];
  /** How the step closes an open limit of this kind, or null when it leaves it open. */
  closes(step: DeadlineStep, deadline: DeadlineRecord): Closing | null;
  /** After the step: is the limit still meaningful? If not it is cancelled. */
  openWhile(after: DeadlineStep['after'], deadline: DeadlineRecord): boolean;
}

const wd = (amount: number): DeadlineLength => ({ amount, unit: 'workingDays' });
const months = (amount: number): DeadlineLength => ({ amount, unit: 'months' });
const inStates = (...states: TopState[]) => (after: DeadlineStep['after']) => states.includes(after.state);
const ev = (step: DeadlineStep) => step.event;
/** A limit only some profiles have: its length, or none under a set without it. */
const localLength = (limit: RuleSet['dossierDispatch']): Readonly<Record<string, DeadlineLength>> => (limit ? { default: wd(limit.workingDays) } : {});

export const DEADLINE_TABLE: readonly DeadlineDefinition[] = [
  {
    kind: 'AWARENESS_CERTIFICATE_EXPIRY',
    openIn: ['awarenessCertified', 'dossier', 'cellReview'],
    extension: null,
    description: 'The cell must vote while the awareness-class certificate is valid (60 months from its date).',
    source: () => 'HD06 §3.1, §5.4b',
    lengths: (rs) => ({ default: months(rs.certificateValidityMonths) }),
    opens: (step) => {
      const e = ev(step);
      return e.type === 'AWARENESS_CERTIFICATE_RECORDED'
        ? [{ key: 'AWARENESS_CERTIFICATE_EXPIRY', baseOn: e.issuedOn, ruleSetDate: e.issuedOn, reference: e.certificateNo }]
        : [];
    },
    // The cell vote is accepted only with a valid certificate (AWARENESS_CERTIFICATE_EXPIRED), so it meets the limit.
    // A new certificate replaces the old one: the old limit no longer applies.
    closes: (step) => (step.event.type === 'CELL_VOTE_RECORDED' ? 'met' : step.event.type === 'AWARENESS_CERTIFICATE_RECORDED' ? 'cancelled' : null),
    openWhile: inStates('awarenessCertified', 'dossier', 'cellReview'),
  },
  {
    kind: 'DOSSIER_DOCUMENTS_EXPIRY',
    openIn: ['dossier', 'cellReview'],
    extension: null,
    description: 'The cell should vote within 12 months of the dossier opening, or the documents must be renewed.',
    source: () => 'HD06 §5.4a',
    lengths: (rs) => ({ default: months(rs.dossierDocumentsMonths) }),
    opens: (step) =>
      step.event.type === 'DOSSIER_OPENED'
        ? [{ key: 'DOSSIER_DOCUMENTS_EXPIRY', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: step.event.resolutionNo }]
        : [],
    // The cell vote is accepted only with fresh (or renewed) documents (DOSSIER_DOCUMENTS_STALE), so it meets the limit.
    closes: (step) => (step.event.type === 'CELL_VOTE_RECORDED' ? 'met' : null),
    openWhile: inStates('dossier', 'cellReview'),
  },
  {
    kind: 'VERIFICATION_REPLY',
    openIn: ['dossier', 'cellReview'],
    extension: null,
    description: 'The verifying committee replies within 30 working days (domestic) or 90 (abroad) of receiving the request (receivedOn; default the request date).',
    source: () => 'HD06 §3.4d',
    lengths: (rs) => ({ domestic: wd(rs.verificationReplyWorkingDays.domestic), abroad: wd(rs.verificationReplyWorkingDays.abroad) }),
    variant: (step) => (step.event.type === 'VERIFICATION_REQUESTED' && step.event.scope === 'abroad' ? 'abroad' : 'domestic'),
    opens: (step) => {
      const e = ev(step);
      return e.type === 'VERIFICATION_REQUESTED'
        ? [{ key: `VERIFICATION_REPLY:${e.requestId}`, baseOn: e.receivedOn ?? e.occurredOn, ruleSetDate: e.occurredOn, reference: e.requestId }]
        : [];
    },
    closes: (step, d) => (step.event.type === 'VERIFICATION_REPLIED' && step.event.requestId === d.reference ? 'byDate' : null),
    openWhile: inStates('dossier', 'cellReview'),
  },
  {
    kind: 'ADMISSION_DECISION',
    openIn: ['grassrootsReview', 'superiorReview'],
    extension: (rs) => rs.admissionDecision.extension,
    description: 'The competent committee decides within 45 working days of the cell resolution (+15 once); older texts 60 (+30).',
    source: (rs) => rs.admissionDecision.source,
    lengths: (rs) => ({ default: wd(rs.admissionDecision.workingDays) }),
    opens: (step) =>
      step.event.type === 'CELL_VOTE_RECORDED' && votePassed(step.event)
        ? [{ key: 'ADMISSION_DECISION', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: null }]
        : [],
    closes: (step) => {
      if (step.event.type === 'ADMISSION_DECIDED') return 'byDate';
      // A transfer at the competent committee: the destination's limits (D17) take over.
      if (step.event.type === 'TRANSFERRED' && step.before.state === 'superiorReview') return 'cancelled';
      if (step.event.type === 'GRASSROOTS_VOTE_RECORDED' && grassrootsDecides(step.env)) return 'byDate';
      return null;
    },
    openWhile: inStates('grassrootsReview', 'superiorReview'),
  },
  {
    kind: 'CEREMONY',
    openIn: ['awaitingCeremony'],
    extension: null,
    description: 'The cell holds the ceremony within 30 working days of receiving the decision (later only with the superior\'s consent).',
    source: () => 'QĐ294 §4.1',
    lengths: (rs) => ({ default: wd(rs.ceremonyWorkingDays) }),
    opens: (step) => {
      if (step.after.state !== 'awaitingCeremony' || step.before.state === 'awaitingCeremony') return [];
      const e = ev(step);
      const base = e.type === 'ADMISSION_DECIDED' ? e.receivedOn : e.occurredOn;
      return [{ key: 'CEREMONY', baseOn: base, ruleSetDate: e.occurredOn, reference: e.type === 'ADMISSION_DECIDED' ? e.decisionNo : null }];
    },
    closes: (step) => (step.event.type === 'CEREMONY_HELD' ? 'byDate' : null),
    openWhile: inStates('awaitingCeremony'),
  },
  {
    kind: 'MEMBER_RECORDS',
    openIn: ['probation', 'recognitionReview'],
    extension: null,
    description: 'Party-member biography and card (1-HSĐV, 2-HSĐV) filled in within 30 working days of the ceremony.',
    source: () => 'HD 12-HD/BTCTW 2022 §2.2 (quoted); HN02',
    lengths: (rs) => ({ default: wd(rs.memberRecordsWorkingDays) }),
    opens: (step) =>
      step.event.type === 'CEREMONY_HELD'
        ? [{ key: 'MEMBER_RECORDS', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: null }]
        : [],
    closes: (step) => (step.event.type === 'MEMBER_RECORDS_FILED' ? 'byDate' : null),
    openWhile: inStates('probation', 'recognitionReview', 'escalated'),
  },
  {
    kind: 'PROBATION_END',
    openIn: ['probation'],
    extension: null,
    description: 'Probation lasts 12 calendar months from the ceremony.',
    source: () => 'CH Art. 5(1)',
    lengths: (rs) => ({ default: months(rs.probationMonths) }),
    opens: (step) =>
      step.event.type === 'CEREMONY_HELD'
        ? [{ key: 'PROBATION_END', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: null }]
        : [],
    closes: (step) => (step.event.type === 'PROBATION_ENDED' ? 'met' : null),
    openWhile: inStates('probation'),
  },
  {
    kind: 'RECOGNITION_CELL_REVIEW',
    openIn: ['recognitionReview'],
    extension: null,
    description: 'Within 30 working days after probation ends the cell considers recognition (or removal).',
    source: () => 'QĐ294 §4.2.1',
    lengths: (rs) => ({ default: wd(rs.recognitionCellReviewWorkingDays) }),
    opens: (step) => {
      const end = step.after.facts.probationEndOn;
      // Not when a removal motion adopted during probation is already before the committees.
      return step.event.type === 'PROBATION_ENDED' && end && step.after.facts.pendingMotion === null
        ? [{ key: 'RECOGNITION_CELL_REVIEW', baseOn: end, ruleSetDate: end, reference: null }]
        : [];
    },
    closes: (step) => (step.event.type === 'RECOGNITION_CELL_VOTE_RECORDED' ? 'byDate' : null),
    openWhile: inStates('recognitionReview', 'escalated'),
  },
  {
    kind: 'RECOGNITION_DECISION',
    openIn: ['probation', 'recognitionReview', 'escalated'],
    extension: (rs) => rs.recognitionDecision.extension,
    description: 'The competent committee decides within 30 working days of the cell resolution (+15 once; older texts +30).',
    source: (rs) => rs.recognitionDecision.source,
    lengths: (rs) => ({ default: wd(rs.recognitionDecision.workingDays) }),
    opens: (step) =>
      step.event.type === 'RECOGNITION_CELL_VOTE_RECORDED' && votePassed(step.event)
        ? [{ key: 'RECOGNITION_DECISION', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: step.event.motion }]
        : [],
    closes: (step) => {
      const e = step.event;
      if (e.type === 'RECOGNITION_DECIDED' && votePassed(e)) return 'byDate';
      if (e.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' && votePassed(e) && grassrootsDecides(step.env)) return 'byDate';
      return null;
    },
    // Open while a motion adopted by the cell is before the committees (or the case awaits the superior).
    openWhile: (after) => after.facts.pendingMotion !== null || after.state === 'escalated',
  },
  {
    kind: 'RECOGNITION_ANNOUNCEMENT',
    openIn: ['fullMember'],
    extension: null,
    description: 'The cell announces the recognition decision at its next regular meeting (cells meet monthly: within one month of the decision).',
    source: () => 'HD06 §4.5b; CH Art. 24',
    lengths: (rs) => ({ default: months(rs.nextCellMeetingMonths) }),
    // Opened by the step that makes the probationer a full member: the recognition decision (or the deciding vote of
    // an authorised grassroots committee, or the superior's decision after an escalation).
    opens: (step) =>
      step.after.state === 'fullMember' && step.before.state !== 'fullMember'
        ? [{ key: 'RECOGNITION_ANNOUNCEMENT', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: null }]
        : [],
    closes: (step) => (step.event.type === 'RECOGNITION_ANNOUNCED' ? 'byDate' : null),
    openWhile: inStates('fullMember'),
  },
  // ---- Limits only some rule profiles have (ADR 0023): no length under a set without them, so they never open there.
  {
    kind: 'DOSSIER_DISPATCH',
    openIn: ['grassrootsReview'],
    extension: null,
    description:
      'Where the profile has it (Hà Nội): the cell sends the dossier to the grassroots committee within 5 working days of its resolution; judged at the day the committee received it (its vote\'s dossierReceivedOn, else the vote date).',
    source: (rs) => rs.dossierDispatch?.source ?? '',
    lengths: (rs) => localLength(rs.dossierDispatch),
    opens: (step) =>
      step.event.type === 'CELL_VOTE_RECORDED' && votePassed(step.event) && !step.env.organisation.directlyUnderSuperior
        ? [{ key: 'DOSSIER_DISPATCH', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: null }]
        : [],
    // The dossier reached the committee on the day it says, and at the latest on the day it voted.
    closes: (step) => {
      const e = step.event;
      if (e.type !== 'GRASSROOTS_VOTE_RECORDED') return null;
      return { on: e.dossierReceivedOn && e.dossierReceivedOn < e.occurredOn ? e.dossierReceivedOn : e.occurredOn };
    },
    openWhile: inStates('grassrootsReview'),
  },
  {
    kind: 'GRASSROOTS_RESOLUTION',
    openIn: ['grassrootsReview'],
    extension: null,
    description: 'Where the profile has it (Hà Nội): the grassroots committee adopts its resolution within 25 working days of the cell resolution.',
    source: (rs) => rs.grassrootsResolution?.source ?? '',
    lengths: (rs) => localLength(rs.grassrootsResolution),
    opens: (step) =>
      step.event.type === 'CELL_VOTE_RECORDED' && votePassed(step.event) && !step.env.organisation.directlyUnderSuperior
        ? [{ key: 'GRASSROOTS_RESOLUTION', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: null }]
        : [],
    closes: (step) => (step.event.type === 'GRASSROOTS_VOTE_RECORDED' ? 'byDate' : null),
    openWhile: inStates('grassrootsReview'),
  },
  {
    kind: 'DATABASE_ENTRY',
    openIn: ['awaitingCeremony', 'probation', 'recognitionReview'],
    extension: null,
    description:
      'Where the profile has it (Hà Nội): the new member is entered in the member database within 30 working days of the admission decision; the member records step (MEMBER_RECORDS_FILED) records it.',
    source: (rs) => rs.databaseEntry?.source ?? '',
    lengths: (rs) => localLength(rs.databaseEntry),
    // Opened by the admitting decision: ADMISSION_DECIDED, or the deciding vote of an authorised grassroots committee.
    opens: (step) =>
      step.after.state === 'awaitingCeremony' && step.before.state !== 'awaitingCeremony' && step.after.facts.decision
        ? [{ key: 'DATABASE_ENTRY', baseOn: step.after.facts.decision.decidedOn, ruleSetDate: step.after.facts.decision.decidedOn, reference: step.after.facts.decision.decisionNo }]
        : [],
    closes: (step) => (step.event.type === 'MEMBER_RECORDS_FILED' ? 'byDate' : null),
    openWhile: inStates('awaitingCeremony', 'probation', 'recognitionReview', 'escalated'),
  },
  {
    kind: 'RECOGNITION_REVOTE',
    openIn: ['recognitionReview', 'escalated'],
    extension: null,
    description:
      'Where the profile has it (Hà Nội): when 45 working days pass after the cell resolution without a recognition decision, the cell and the grassroots committee must meet again; a reminder and a missed limit, the engine does not reopen the votes.',
    source: (rs) => rs.recognitionRevote?.source ?? '',
    lengths: (rs) => localLength(rs.recognitionRevote),
    opens: (step) =>
      step.event.type === 'RECOGNITION_CELL_VOTE_RECORDED' && votePassed(step.event)
        ? [{ key: 'RECOGNITION_REVOTE', baseOn: step.event.occurredOn, ruleSetDate: step.event.occurredOn, reference: step.event.motion }]
        : [],
    closes: (step) => {
      const e = step.event;
      if (e.type === 'RECOGNITION_DECIDED' && votePassed(e)) return 'byDate';
      if (e.type === 'RECOGNITION_GRASSROOTS_VOTE_RECORDED' && votePassed(e) && grassrootsDecides(step.env)) return 'byDate';
      return null;
    },
    openWhile: (after) => after.facts.pendingMotion !== null || after.state === 'escalated',
  },
  ...TRANSFER_DEADLINES,
];

export function deadlineDefinition(kind: string): DeadlineDefinition | undefined {
  return DEADLINE_TABLE.find((d) => d.kind === kind);
}

/** The limits that DEADLINE_EXTENDED may extend (once): the rows of DEADLINE_TABLE with an extension. */
export const EXTENDABLE_DEADLINE_KINDS: readonly DeadlineKind[] = DEADLINE_TABLE.filter((d) => d.extension !== null).map((d) => d.kind);

/** Whether a limit of `def` exists under a rule set (its profile may lack it): it has a length. */
export function appliesUnder(def: DeadlineDefinition, ruleSet: RuleSet): boolean {
  return Object.keys(def.lengths(ruleSet)).length > 0;
}

/** The length of the limit a step opens, under a rule set (the step's variant of `lengths`). */
export function deadlineLength(def: DeadlineDefinition, ruleSet: RuleSet, step: DeadlineStep): DeadlineLength {
  const lengths = def.lengths(ruleSet);
  const variant = def.variant ? def.variant(step) : 'default';
  const length = lengths[variant];
  if (!length) throw new Error(`no ${variant} length for ${def.kind}`);
  return length;
}

/** The working days one extension adds to a limit of `kind` under a rule set (0 when the kind is not extendable). */
export function deadlineExtension(kind: string, ruleSet: RuleSet): number {
  const def = deadlineDefinition(kind);
  return def?.extension ? def.extension(ruleSet) : 0;
}

/** Computes the due date of a length from a base date purely with the calendar. */
export function dueDate(env: DecisionEnv, baseOn: BusinessDate, length: DeadlineLength, addMonths: (d: BusinessDate, n: number) => BusinessDate): BusinessDate {
  return length.unit === 'months' ? addMonths(baseOn, length.amount) : env.calendar.addWorkingDays(baseOn, length.amount);
}

