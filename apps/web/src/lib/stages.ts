import { FINAL_STATES, TOP_STATES, type TopState } from '@charterflow/procedure';

export type StageStatus = 'done' | 'current' | 'ahead' | 'skipped';

export interface Stage {
  state: TopState;
  status: StageStatus;
}

/** The path of the procedure: the top states in order up to full membership; the states after it are exits. */
export const MAIN_PATH: readonly TopState[] = TOP_STATES.slice(0, TOP_STATES.indexOf('fullMember') + 1);
export const EXITS: readonly TopState[] = TOP_STATES.filter((s) => !MAIN_PATH.includes(s));

/**
 * Where the case stands on the path: stages it went through are done, the current one is current (an exit is shown
 * apart), stages it never entered but that lie behind its furthest stage are skipped (e.g. the grassroots review of
 * a cell directly under the commune), the rest ahead. `visited` are the states of its history (from and to).
 */
export function stagesOf(current: TopState, visited: readonly string[]): { path: Stage[]; exit: TopState | null } {
  const seen = new Set<string>([...visited, current]);
  const onPath = MAIN_PATH.includes(current);
  const furthest = Math.max(...MAIN_PATH.map((s, i) => (seen.has(s) ? i : -1)));
  const path = MAIN_PATH.map((state, i): Stage => {
    if (state === current) return { state, status: current === 'fullMember' ? 'done' : 'current' };
    if (seen.has(state)) return { state, status: 'done' };
    return { state, status: i < furthest ? 'skipped' : 'ahead' };
  });
  return { path, exit: onPath ? null : current };
}

/** Whether the case has ended (nothing more can be recorded on it). */
export function isFinal(state: TopState): boolean {
  return FINAL_STATES.includes(state);
}
