import { CheckResult } from './model';

/**
 * Which compliance checks the engine's own refusals guarantee (ADR 0017). A case the engine accepted step by step,
 * with no rule waived, cannot fail a covered check — except in the part named `notCovered`, which a result is
 * recognised by. The property test `engine-agreement.spec.ts` holds the engine and the audit to this on generated
 * histories; every check of the catalogue is either covered here or listed in ENGINE_NOT_COVERED with its reason.
 *
 * Adding a check is one line: `covered('A9', ['RULE_ID'])`, or `notCovered('A9', 'why')`.
 */
export interface EngineCoverage {
  check: string;
  /** Ids of the engine's rules (RULE_DEFINITIONS) whose refusal keeps the check from failing. */
  rules: readonly string[];
  /** What else of the engine keeps it from failing (the machine's guarded transitions), in words. */
  machine?: string;
  /** The part of the check no refusal of the engine can prevent, in words, and how a result of that part is told. */
  notCovered?: { reason: string; applies(result: CheckResult): boolean };
}

const covered = (check: string, rules: readonly string[], more: Omit<EngineCoverage, 'check' | 'rules'> = {}): EngineCoverage => ({ check, rules, ...more });

/** A breach no recorded step made: a limit that passed while nothing was recorded (the engine refuses steps, not silence). */
const limitPassedWithoutStep = (r: CheckResult): boolean => r.eventSeq === null;

const THRESHOLD_MACHINE =
  'the machine takes a vote below its threshold (votePassed) to notAdmitted on the admission path, leaves a recognition motion with the same body, ends a removal motion during probation, and sends the third failure of a lower body to escalated';

export const ENGINE_COVERAGE: readonly EngineCoverage[] = [
  covered('A1', ['AGE_BELOW_18']),
  covered('A2', ['AGE_ABOVE_60_WITHOUT_CONSENT', 'CONSENT_NOT_APPLICABLE']),
  covered('A3', ['EDUCATION_INSUFFICIENT', 'EDUCATION_EXCEPTION_WITHOUT_CONSENT', 'CONSENT_NOT_APPLICABLE']),
  covered('A4', ['AWARENESS_CERTIFICATE_MISSING', 'AWARENESS_CERTIFICATE_EXPIRED']),
  covered('A5', ['DOSSIER_DOCUMENTS_STALE']),
  covered('A6', ['SPONSOR_NOT_FULL_MEMBER']),
  covered('A7', ['SPONSOR_TOGETHER_UNDER_12_MONTHS']),
  covered('A8', ['INTRODUCERS_INCOMPLETE', 'INTRODUCING_BODY_MEMBERSHIP']),
  covered('A10', ['OPINIONS_MISSING']),
  covered('A11', ['VOTE_COUNTS_INVALID'], { machine: THRESHOLD_MACHINE }),
  covered('A13', ['VOTE_COUNTS_INVALID'], { machine: THRESHOLD_MACHINE }),
  covered('A14', ['VOTE_COUNTS_INVALID'], {
    machine: THRESHOLD_MACHINE,
    notCovered: {
      reason: 'the authority of the body that recorded the decision is judged from the recording account, which the access rules of libs/cases check (event-permissions) and the engine never sees',
      applies: (r) => 'recordedBy' in r.evidence,
    },
  }),
  covered('A16', ['CEREMONY_LATE_WITHOUT_CONSENT', 'CONSENT_NOT_APPLICABLE'], {
    notCovered: { reason: 'the limit passed with no ceremony recorded (the limit is marked missed; there is no step to refuse)', applies: limitPassedWithoutStep },
  }),
  covered('A18', ['RECOGNITION_BEFORE_PROBATION_END', 'PROBATION_NOT_ENDED'], {
    notCovered: {
      reason: 'a cell vote later than its limit after probation ended, or none by then: a time limit the engine records as missed, never a refusal (a late vote is a fact)',
      applies: (r) => 'workingDaysLate' in r.evidence,
    },
  }),
  covered('A19', ['RECOGNITION_DOSSIER_INCOMPLETE']),
  covered('A21', [], { machine: 'the third failed vote of a lower body after probation moves the case to escalated (escalates guard), where only the competent committee’s decision is accepted' }),
];

/** Checks no refusal of the engine guarantees, with the reason. */
export const ENGINE_NOT_COVERED: readonly { check: string; reason: string }[] = [
  { check: 'A15', reason: 'a time limit: the engine accepts a late admission decision (a fact) and records the limit missed; it refuses only an extension after the limit (ADR 0013 §2)' },
  { check: 'A20', reason: 'a time limit: the engine accepts a late recognition decision and records the limit missed' },
  { check: 'A23', reason: 'a time limit of the verifying committee: the engine records a late reply as missed' },
];

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
