import { createHash } from 'node:crypto';

/** The retry schedule of outbound webhooks (documented in docs/webhooks.md). */
export const WEBHOOK_RETRY = {
  /** Delay after the first failed attempt; doubles after each further failure. */
  baseDelayMs: 30_000,
  /** No delay is ever longer than this. */
  maxDelayMs: 6 * 60 * 60_000,
  /** ±10 %: spreads out the retries of deliveries that failed together (e.g. while a receiver was down). */
  jitterRatio: 0.1,
  /** The delivery is `failed` after this many failed attempts. */
  maxAttempts: 10,
} as const;

/**
 * A fraction in [0, 1) drawn from the delivery id and attempt number: deterministic, so a schedule can be
 * recomputed and tested, yet different for each delivery, which is all jitter is for.
 */
export function jitterFraction(deliveryId: string, attempt: number): number {
  return createHash('sha256').update(`${deliveryId}:${attempt}`).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The wait after failed attempt number `attempt` (1 = the first attempt failed):
 * `base × 2^(attempt−1)`, times a jitter factor in [1 − r, 1 + r), capped at `maxDelayMs`.
 */
export function retryDelayMs(attempt: number, deliveryId: string, policy: typeof WEBHOOK_RETRY = WEBHOOK_RETRY): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  // Capping the exponent first keeps 2^n finite for absurd attempt numbers.
  const exponential = policy.baseDelayMs * 2 ** Math.min(attempt - 1, 30);
  const jittered = exponential * (1 - policy.jitterRatio + 2 * policy.jitterRatio * jitterFraction(deliveryId, attempt));
  return Math.min(policy.maxDelayMs, Math.round(jittered));
}

export type AttemptOutcome =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'failed' };

/** What follows an attempt: delivered on success; else a retry after the backoff, or `failed` after the last attempt. */
export function afterAttempt(input: { ok: boolean; attempts: number; deliveryId: string; now: Date }, policy: typeof WEBHOOK_RETRY = WEBHOOK_RETRY): AttemptOutcome {
  if (input.ok) return { status: 'delivered' };
  if (input.attempts >= policy.maxAttempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(input.now.getTime() + retryDelayMs(input.attempts, input.deliveryId, policy)) };
}
