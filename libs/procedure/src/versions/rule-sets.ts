import { BusinessDate } from '../model/dates';
import { DEFAULT_RULE_PROFILE, RULE_PROFILES, RuleProfile } from './profiles';

/** A working-day limit only some profiles have (null where the rule set has none). */
export interface LocalLimit {
  workingDays: number;
  source: string;
}

/**
 * The numbers of one version of the implementing regulation. A new regulation adds a new entry; the set used for
 * a time limit is chosen by the date of the event that triggers it (procedure doc §9 item 5), while a case records
 * the version in force on its opening date.
 */
export interface RuleSet {
  /** The version's id, with `+profile` when a profile's overlay is laid over it (e.g. `qd294-2025+hanoi`). */
  id: string;
  /** The rule profile whose overlay the set carries (`central`: none). */
  profile: string;
  /** First day the set applies (inclusive). */
  validFrom: BusinessDate;
  /** Text the numbers come from. */
  text: string;
  ageMinMonths: number;
  ageMaxMonths: number;
  /** Youth age for the Youth Union introducer rule: a Youth Union member aged at most this many full years. */
  youthAgeMaxYears: number;
  certificateValidityMonths: number;
  dossierDocumentsMonths: number;
  sponsorTogetherMonths: number;
  verificationReplyWorkingDays: { domestic: number; abroad: number };
  admissionDecision: { workingDays: number; extension: number; source: string };
  recognitionDecision: { workingDays: number; extension: number; source: string };
  ceremonyWorkingDays: number;
  memberRecordsWorkingDays: number;
  probationMonths: number;
  recognitionCellReviewWorkingDays: number;
  /** Failed votes of one lower body after which the superior decides (QĐ294 §4.2.3). */
  failedVotesBeforeEscalation: number;
  /**
   * "At the next regular cell meeting" (HD06 §4.5b; QĐ294 §6.1.1) in calendar months: cells meet monthly (CH Art. 24),
   * so the next regular meeting falls within one month (ADR 0016).
   */
  nextCellMeetingMonths: number;
  /** Re-admission: calendar months after leaving the Party, and after a cleared criminal record (QĐ294 §3.5.1; D21). */
  readmissionWaitMonths: number;
  readmissionAfterRecordClearedMonths: number;
  /** D5: the cell sends the dossier up within this many WD of its admission resolution (a profile's limit). */
  dossierDispatch: LocalLimit | null;
  /** D6: the grassroots committee adopts its resolution within this many WD of the cell resolution. */
  grassrootsResolution: LocalLimit | null;
  /** D10: the new member is entered in the central database within this many WD of the admission decision. */
  databaseEntry: LocalLimit | null;
  /** D14: without a recognition decision this many WD after the cell resolution, the cell and grassroots re-vote. */
  recognitionRevote: LocalLimit | null;
  /** Local admission criteria the profile adds (E22), as flags. */
  localCriteria: readonly string[];
  /**
   * A candidate transferred while the dossier is with the competent committee (HD06 §3.9b–c; D17–D18): the origin
   * forwards the dossier within `forwardingWorkingDays`; the destination decides within `decisionWorkingDays` of
   * receipt; an admission decision issued more than `decisionWorkingDays` after the transfer decision is annulled.
   */
  transfer: { forwardingWorkingDays: number; decisionWorkingDays: number };
}

const COMMON = {
  ageMinMonths: 18 * 12,
  ageMaxMonths: 60 * 12,
  youthAgeMaxYears: 30,
  certificateValidityMonths: 60,
  dossierDocumentsMonths: 12,
  sponsorTogetherMonths: 12,
  verificationReplyWorkingDays: { domestic: 30, abroad: 90 },
  ceremonyWorkingDays: 30,
  memberRecordsWorkingDays: 30,
  probationMonths: 12,
  recognitionCellReviewWorkingDays: 30,
  failedVotesBeforeEscalation: 3,
  nextCellMeetingMonths: 1,
  readmissionWaitMonths: 36,
  readmissionAfterRecordClearedMonths: 60,
  profile: DEFAULT_RULE_PROFILE,
  dossierDispatch: null,
  grassrootsResolution: null,
  databaseEntry: null,
  recognitionRevote: null,
  localCriteria: [],
  transfer: { forwardingWorkingDays: 15, decisionWorkingDays: 30 },
} as const;

export const QD232_2025: RuleSet = {
  ...COMMON,
  verificationReplyWorkingDays: { ...COMMON.verificationReplyWorkingDays },
  id: 'qd232-2025',
  validFrom: '2025-01-20',
  text: 'Quy định 232-QĐ/TW (20 Jan 2025); numbers unchanged since Quy định 29-QĐ/TW (2016)',
  admissionDecision: { workingDays: 60, extension: 30, source: 'QĐ232 §4.3.1' },
  recognitionDecision: { workingDays: 30, extension: 30, source: 'QĐ232 §4.3.1' },
};

export const QD294_2025: RuleSet = {
  ...COMMON,
  verificationReplyWorkingDays: { ...COMMON.verificationReplyWorkingDays },
  id: 'qd294-2025',
  validFrom: '2025-07-01',
  text: 'Quy định 294-QĐ/TW (26 May 2025, in force 1 Jul 2025)',
  admissionDecision: { workingDays: 45, extension: 15, source: 'QĐ294 §4.3.1' },
  recognitionDecision: { workingDays: 30, extension: 15, source: 'QĐ294 §4.3.1' },
};

/** Newest last. Dates before the first entry use the first entry (older texts carry the same numbers). */
export const RULE_SETS: readonly RuleSet[] = [QD232_2025, QD294_2025];

/** The versioned set in force on a date, without any profile. */
function baseRuleSetFor(date: BusinessDate): RuleSet {
  let chosen = RULE_SETS[0];
  for (const set of RULE_SETS) if (date >= set.validFrom) chosen = set;
  return chosen;
}

export function ruleProfileById(id: string): RuleProfile {
  const found = RULE_PROFILES.find((p) => p.id === id);
  if (!found) throw new Error(`unknown rule profile ${id}`);
  return found;
}

/** The ids a province may choose, the default first. */
export function ruleProfileIds(): string[] {
  return RULE_PROFILES.map((p) => p.id);
}

/**
 * `base` with `profile`'s overlay laid over it; the base itself when the profile has no overlay. Composed on each
 * call (a few fields copied): the versioned set's numbers are read as they are at that moment.
 */
function withProfile(base: RuleSet, profileId: string): RuleSet {
  const profile = ruleProfileById(profileId);
  if (Object.keys(profile.overlay).length === 0) return base;
  return { ...base, ...profile.overlay, id: `${base.id}+${profile.id}`, profile: profile.id, text: `${base.text}; ${profile.text}` };
}

/** The numbers in force on `date` under `profile` (default: the central rules). */
export function ruleSetFor(date: BusinessDate, profile: string = DEFAULT_RULE_PROFILE): RuleSet {
  return withProfile(baseRuleSetFor(date), profile);
}

/** A set by its id: a version's (`qd294-2025`) or a version under a profile (`qd294-2025+hanoi`). */
export function ruleSetById(id: string): RuleSet {
  const [baseId, profile] = id.split('+');
  const found = RULE_SETS.find((s) => s.id === baseId);
  if (!found) throw new Error(`unknown procedure version ${id}`);
  return withProfile(found, profile ?? DEFAULT_RULE_PROFILE);
}

/** 'qd232-2025' before 2025-07-01, 'qd294-2025' from it. */
export function procedureVersionFor(date: BusinessDate): string {
  return baseRuleSetFor(date).id;
}
