/**
 * When an account name is locked after failed logins. Pure: the repository stores the counters, this decides.
 * A run of `maxFailures` failures, each within `lockSeconds` of the previous one, locks the name for `lockSeconds`;
 * a success (or a quiet period longer than `lockSeconds`) starts the count again.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockSeconds: number;
}

export interface AttemptState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_ATTEMPTS: AttemptState = Object.freeze({ failures: 0, lastFailureAt: null, lockedUntil: null });

/** Seconds until the name may try again, or 0 when it may try now. */
export function lockedForSeconds(state: AttemptState, now: Date): number {
  if (!state.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** The state after one more failure at `now`. */
export function afterFailure(state: AttemptState, now: Date, policy: LockoutPolicy): AttemptState {
  const windowMs = policy.lockSeconds * 1000;
  const stale = !state.lastFailureAt || now.getTime() - state.lastFailureAt.getTime() > windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = (stale ? 0 : state.failures) + 1;
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: failures >= policy.maxFailures ? new Date(now.getTime() + windowMs) : null,
  };
}
