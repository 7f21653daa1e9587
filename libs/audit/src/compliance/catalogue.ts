import { CheckDefinition } from './checks/definition';
import { A10, A4, A5, A6, A7, A8 } from './checks/dossier.checks';
import { A1, A2, A3 } from './checks/eligibility.checks';
import { A19, A21 } from './checks/recognition.checks';
import { A15, A16, A18, A20, A23 } from './checks/time-limits.checks';
import { A11, A13, A14 } from './checks/votes.checks';

/**
 * The compliance checks of §6 of the procedure specification that the recorded data can decide, in A-number
 * order. Not here: A9 (who performed the verification is not recorded), A12 (block votes are not recorded), A17
 * (the engine derives those dates itself and the events carry no other), A22 (re-admission is not modelled), A24–A26
 * (not recorded), A27 (Hà Nội only).
 */
export const CHECKS: readonly CheckDefinition[] = [A1, A2, A3, A4, A5, A6, A7, A8, A10, A11, A13, A14, A15, A16, A18, A19, A20, A21, A23];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

export function checkById(id: string): CheckDefinition | undefined {
  return CHECKS.find((c) => c.id === id);
}
