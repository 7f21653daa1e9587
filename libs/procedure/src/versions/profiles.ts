import type { RuleSet } from './rule-sets';

/**
 * The numbers a profile may change in a rule set: every field but the version's identity. A profile is data: an
 * overlay laid over whichever versioned rule set is in force on a date (ADR 0023). Adding a profile is one more entry
 * in RULE_PROFILES (plus its tests and the Vietnamese name), with no change to the engine.
 */
export type RuleSetOverlay = Partial<Omit<RuleSet, 'id' | 'validFrom' | 'text' | 'profile'>>;

export interface RuleProfile {
  /** Stored on the province (`organisations.rule_profile`) and with each case; `central` is the default. */
  id: string;
  label: { vi: string; en: string };
  /** The implementing text the overlay comes from. */
  text: string;
  overlay: RuleSetOverlay;
}

export const DEFAULT_RULE_PROFILE = 'central';

/** The central rules: no overlay. */
export const CENTRAL_PROFILE: RuleProfile = {
  id: DEFAULT_RULE_PROFILE,
  label: { vi: 'Quy định chung của Trung ương', en: 'Central rules' },
  text: 'Quy định và hướng dẫn của Trung ương',
  overlay: {},
};

/**
 * Hà Nội (HN02: Hướng dẫn 02-HD/BTCTU, Nov 2025): D5, D6, D10, D13 at 15 WD (+15), D14 re-vote after 45 WD, and the
 * local criteria of E22 (procedure doc §3.9–3.14, §7).
 */
export const HANOI_PROFILE: RuleProfile = {
  id: 'hanoi',
  label: { vi: 'Quy định của Thành ủy Hà Nội', en: 'Hà Nội rules' },
  text: 'Hướng dẫn 02-HD/BTCTU (Ban Tổ chức Thành ủy Hà Nội, 11/2025)',
  overlay: {
    dossierDispatch: { workingDays: 5, source: 'HN02 II.1.1.3.2' },
    grassrootsResolution: { workingDays: 25, source: 'HN02 II.1.1.3.2' },
    databaseEntry: { workingDays: 30, source: 'HN02 B.I.2.1' },
    recognitionDecision: { workingDays: 15, extension: 15, source: 'HN02 II.2.1.4' },
    recognitionRevote: { workingDays: 45, source: 'HN02 II.2.1.4' },
    localCriteria: ['civil_servant_rating', 'student_results', 'pupil_results_and_parents'],
  },
};

/** Every profile a province may choose. The first is the default. */
export const RULE_PROFILES: readonly RuleProfile[] = [CENTRAL_PROFILE, HANOI_PROFILE];
