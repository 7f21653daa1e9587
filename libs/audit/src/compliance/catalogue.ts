import { RULE_SETS, ruleProfileIds, ruleSetById } from '@charterflow/procedure';
import { CheckDefinition } from './checks/definition';
import { A9, A12, A26 } from './checks/conduct.checks';
import { A10, A4, A5, A6, A7, A8 } from './checks/dossier.checks';
import { A1, A2, A3 } from './checks/eligibility.checks';
import { A17, A24 } from './checks/membership.checks';
import { A19, A21 } from './checks/recognition.checks';
import { A22 } from './checks/readmission.checks';
import { A15, A16, A18, A20, A23 } from './checks/time-limits.checks';
import { A11, A13, A14 } from './checks/votes.checks';
import { A25 } from './checks/transfers.checks';
import { A27 } from './checks/profile.checks';

/**
 * The compliance checks of §6 of the procedure specification that the recorded data can decide, in A-number
 * order. Not here: the Hà Nội part of A26. What each check reads and the readings it takes: ADR 0016; A22
 * (re-admission): ADR 0022; A27 (a province's own limits): ADR 0023; A25 (transfers): ADR 0024.
 */
export const CHECKS: readonly CheckDefinition[] = [
  A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, A13, A14, A15, A16, A17, A18, A19, A20, A21, A22, A23, A24, A25, A26, A27,
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

export function checkById(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id);
}

/**
 * The title of one result: with the numbers of the rule set that judged the case (`evidence.ruleSet`) where the
 * check states numbers that differ between rule sets, else the catalogue's general title. The rule sets are fixed
 * in code, so each check's title under each rule set is put together once (a page of violations asks it per row).
 */
export function titleOf(check: Pick<CheckDefinition, 'title' | 'titleFor'>, ruleSet: unknown): { vi: string; en: string } {
  if (!check.titleFor || typeof ruleSet !== 'string') return check.title;
  let byRuleSet = titles.get(check);
  if (!byRuleSet) titles.set(check, (byRuleSet = new Map<string, { vi: string; en: string }>()));
  let title = byRuleSet.get(ruleSet);
  if (!title) {
    // A version's id, or a version under a rule profile (`qd294-2025+hanoi`, ADR 0023).
    const [base, profile] = ruleSet.split('+');
    const known = RULE_SETS.some((rs) => rs.id === base) && (profile === undefined || ruleProfileIds().includes(profile));
    title = known ? Object.freeze(check.titleFor(ruleSetById(ruleSet))) : check.title;
    // Only the ids the rule sets know are kept, so stored evidence cannot grow the map.
    if (known) byRuleSet.set(ruleSet, title);
  }
  return title;
}

const titles = new WeakMap<object, Map<string, { vi: string; en: string }>>();
