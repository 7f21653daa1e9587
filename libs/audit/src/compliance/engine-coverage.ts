import { CheckResult } from './model';

/**
 * Which compliance checks the engine's own refusals guarantee (ADR 0017). A case the engine accepted step by step,
 * with no rule waived, cannot fail a covered check — except in the part named `notCovered`, which a result is
 * recognised by. The property test `engine-agreement.spec.ts` holds the engine and the audit to this on generated
 * histories; every check of the catalogue is either covered here or listed in ENGINE_NOT_COVERED with its reason.
 *
 * Both directions are held: a covered check never fails where the engine accepted without a waiver
 * (`engineDisagreements`), and fails wherever the engine waived one of its rules at a step it judges (`unflaggedWaivers`).
 *
 * Adding a check is one line: `covered('A9', ['RULE_ID'], ['EVENT_TYPE'])` in ENGINE_COVERAGE, or
 * `{ check: 'A9', reason: '…' }` in ENGINE_NOT_COVERED.
 */
export interface EngineCoverage {
  check: string;
  /** Ids of the engine's rules (RULE_DEFINITIONS) the check judges, as the engine does, at the steps `at`. */
  rules: readonly string[];
  /** The steps at which the check judges `rules` (a rule the engine waived there makes the check fail). */
  at: readonly string[];
  /** Other rules whose refusals the guarantee rests on (they keep the facts the check reads as the engine read them). */
  relies?: readonly string[];
  /** What else of the engine keeps the check from failing (the machine's guarded transitions), in words. */
  machine?: string;
  /** The part of the check no refusal of the engine can prevent, in words, and how a result of that part is told. */
  notCovered?: { reason: string; applies(result: CheckResult): boolean };
}

const covered = (check: string, rules: readonly string[], at: readonly string[], more: Omit<EngineCoverage, 'check' | 'rules' | 'at'> = {}): EngineCoverage => ({
  check,
  rules,
  at,
  ...more,
});

/** A breach no recorded step made: a limit that passed while nothing was recorded (the engine refuses steps, not silence). */
const limitPassedWithoutStep = (r: CheckResult): boolean => r.eventSeq === null;

const THRESHOLD_MACHINE =
  'the machine takes a vote below its threshold (votePassed) to notAdmitted on the admission path, leaves a recognition motion with the same body, ends a removal motion during probation, and sends the third failure of a lower body to escalated';

const CELL_VOTE = ['CELL_VOTE_RECORDED'];
const DECISIONS = ['GRASSROOTS_VOTE_RECORDED', 'ADMISSION_DECIDED'];
const CELL_VOTES = ['CELL_VOTE_RECORDED', 'RECOGNITION_CELL_VOTE_RECORDED'];
const COMMITTEE_VOTES = ['GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED'];

export const ENGINE_COVERAGE: readonly EngineCoverage[] = [
  covered('A1', ['AGE_BELOW_18'], CELL_VOTE),
  covered('A2', ['AGE_ABOVE_60_WITHOUT_CONSENT'], DECISIONS),
  covered('A3', ['EDUCATION_INSUFFICIENT', 'EDUCATION_EXCEPTION_WITHOUT_CONSENT'], [...CELL_VOTE, ...DECISIONS]),
  covered('A4', ['AWARENESS_CERTIFICATE_MISSING', 'AWARENESS_CERTIFICATE_EXPIRED'], CELL_VOTE),
  covered('A5', ['DOSSIER_DOCUMENTS_STALE'], CELL_VOTE),
  covered('A6', ['SPONSOR_NOT_FULL_MEMBER'], ['SPONSOR_ADDED']),
  covered('A7', ['SPONSOR_TOGETHER_UNDER_12_MONTHS'], ['SPONSOR_ADDED']),
  covered('A8', ['INTRODUCERS_INCOMPLETE', 'YOUTH_UNION_MEMBERSHIP_REQUIRED', 'TRADE_UNION_MEMBERSHIP_REQUIRED'], CELL_VOTE),
  covered('A9', ['VERIFICATION_BY_INTERESTED_PERSON', 'BIOGRAPHY_CERTIFIER_NOT_COMPETENT', 'BIOGRAPHY_NOT_CERTIFIED'], ['VERIFICATION_REPLIED', 'BIOGRAPHY_CERTIFIED', ...CELL_VOTE]),
  covered('A10', ['OPINIONS_MISSING'], CELL_VOTE),
  covered('A11', ['VOTE_COUNTS_INVALID', 'PROBATIONARY_MEMBERS_COUNTED'], CELL_VOTES, { machine: THRESHOLD_MACHINE }),
  covered('A12', ['VOTE_NOT_INDIVIDUAL'], CELL_VOTE),
  covered('A13', ['VOTE_COUNTS_INVALID'], COMMITTEE_VOTES, { machine: THRESHOLD_MACHINE }),
  // The deciding body is what the decision records (`decidedBy`, ADR 0016), no longer the recording account.
  covered('A14', ['VOTE_COUNTS_INVALID', 'DECISION_BODY_NOT_COMPETENT'], ['ADMISSION_DECIDED', 'RECOGNITION_DECIDED'], { machine: THRESHOLD_MACHINE }),
  covered('A16', ['CEREMONY_LATE_WITHOUT_CONSENT', 'CEREMONY_NOT_INDIVIDUAL'], ['CEREMONY_HELD'], {
    relies: ['CONSENT_NOT_APPLICABLE'],
    notCovered: { reason: 'the limit passed with no ceremony recorded (the limit is marked missed; there is no step to refuse)', applies: limitPassedWithoutStep },
  }),
  covered('A18', ['RECOGNITION_BEFORE_PROBATION_END'], ['RECOGNITION_CELL_VOTE_RECORDED'], {
    relies: ['PROBATION_NOT_ENDED'],
    notCovered: {
      reason: 'a cell vote later than its limit after probation ended, or none by then: a time limit the engine records as missed, never a refusal (a late vote is a fact)',
      applies: (r) => 'workingDaysLate' in r.evidence,
    },
  }),
  covered('A17', [], ['GRASSROOTS_VOTE_RECORDED', 'ADMISSION_DECIDED', 'CEREMONY_HELD', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED', 'RECOGNITION_DECIDED'], {
    machine: 'the stored membership dates are the facts the engine’s own reducer recorded at these steps, which the audit derives again on replay',
  }),
  covered('A19', ['RECOGNITION_DOSSIER_INCOMPLETE'], ['RECOGNITION_CELL_VOTE_RECORDED']),
  covered('A21', [], ['RECOGNITION_CELL_VOTE_RECORDED', 'RECOGNITION_GRASSROOTS_VOTE_RECORDED'], {
    machine: 'the third failed vote of a lower body after probation moves the case to escalated (escalates guard), where only the competent committee’s decision is accepted',
  }),
  covered('A26', ['RELIGION_NOT_RECOGNISED'], CELL_VOTE),
  covered('A22', ['READMISSION_EXCLUDED', 'READMISSION_ONLY_ONCE', 'READMISSION_TOO_EARLY', 'READMISSION_CONSENT_MISSING'], ['CASE_OPENED', ...CELL_VOTE, ...DECISIONS], {
    relies: ['CONSENT_NOT_APPLICABLE'],
    machine: 'a re-admitted member reaches recognition only through CEREMONY_HELD and probation, as any admission',
  }),
  // ADR 0024: the machine annuls a decision issued too long after the transfer decision (transferAnnulsDecision).
  covered('A25', [], ['TRANSFERRED'], {
    machine: 'a transfer meeting an admission decision issued more than the limit after the transfer decision annuls it and sends the case back to the competent committee (transferAnnulsDecision)',
    notCovered: {
      reason: 'the forwarding limit: the engine accepts a late receipt of the dossier (a fact) and records the limit missed',
      applies: (r) => 'workingDaysLate' in r.evidence,
    },
  }),
];

/** Checks no refusal of the engine guarantees, with the reason. */
export const ENGINE_NOT_COVERED: readonly { check: string; reason: string }[] = [
  { check: 'A15', reason: 'a time limit: the engine accepts a late admission decision (a fact) and records the limit missed; it refuses only an extension after the limit (ADR 0013 §2)' },
  { check: 'A20', reason: 'a time limit: the engine accepts a late recognition decision and records the limit missed' },
  { check: 'A23', reason: 'a time limit of the verifying committee: the engine records a late reply as missed' },
  {
    check: 'A24',
    reason: 'a time limit: the engine accepts a late announcement (or card handover) at the cell and records the announcement limit missed; a month without one is silence, not a step to refuse',
  },
  { check: 'A27', reason: 'time limits of a province profile (D5, D6, D13): the engine accepts a late step and records the limit missed' },
];

/** A rule the engine waived at one step of a historical import (`Decision.waived`). */
export interface WaivedRule {
  seq: number;
  type: string;
  rule: string;
}

/**
 * The other direction: every rule the engine waived (a historical import) at a step where a covered check judges it
 * must make that check fail. Returns the waived rules whose check did not fail; empty when the audit flags them all.
 */
export function unflaggedWaivers(waived: readonly WaivedRule[], results: readonly CheckResult[]): (WaivedRule & { check: string; status: string })[] {
  const out: (WaivedRule & { check: string; status: string })[] = [];
  for (const w of waived) {
    for (const c of ENGINE_COVERAGE) {
      if (!c.rules.includes(w.rule) || !c.at.includes(w.type)) continue;
      const result = results.find((r) => r.check === c.check);
      if (result?.status !== 'fail') out.push({ ...w, check: c.check, status: result?.status ?? 'missing' });
    }
  }
  return out;
}

/**
 * The results of covered checks that an engine-accepted history (no rule waived) should never have: a `fail`
 * outside the check's `notCovered` part. Empty when the engine and the audit agree.
 */
export function engineDisagreements(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => {
    if (r.status !== 'fail') return false;
    const coverage = ENGINE_COVERAGE.find((c) => c.check === r.check);
    return !!coverage && !coverage.notCovered?.applies(r);
  });
}
