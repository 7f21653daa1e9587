import { createHmac, timingSafeEqual } from 'node:crypto';

/** Prefix of the `X-Charterflow-Signature` header value: the scheme, then the hex digest. */
export const SIGNATURE_SCHEME = 'sha256=';

/** How far a receiver lets the signed timestamp stray from its own clock, by default (replay window). */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp is signed with the body so that a
 * captured request cannot be replayed later with a fresh timestamp.
 */
export function signWebhook(input: { secret: string; timestamp: number | string; body: string | Buffer }): string {
  const hmac = createHmac('sha256', input.secret).update(`${input.timestamp}.`).update(input.body);
  return `${SIGNATURE_SCHEME}${hmac.digest('hex')}`;
}

export interface VerifyWebhookSignatureInput {
  secret: string;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string | Buffer;
  /** The `X-Charterflow-Timestamp` header: unix seconds. */
  timestamp: string | number | undefined;
  /** The `X-Charterflow-Signature` header. */
  signature: string | undefined;
  /** The receiver's current time. */
  now: Date;
  toleranceSeconds?: number;
}

/**
 * True when `signature` is the HMAC of `timestamp.body` under `secret` and the timestamp lies within
 * `toleranceSeconds` of `now` (either side, for clock skew). Pure; compares digests in constant time.
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): boolean {
  const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const timestamp = typeof input.timestamp === 'number' ? String(input.timestamp) : input.timestamp;
  if (!timestamp || !/^\d{1,15}$/.test(timestamp)) return false;
  const ageSeconds = input.now.getTime() / 1000 - Number(timestamp);
  if (!(Math.abs(ageSeconds) <= tolerance)) return false;
  if (typeof input.signature !== 'string') return false;
  const expected = Buffer.from(signWebhook({ secret: input.secret, timestamp, body: input.body }));
  const given = Buffer.from(input.signature);
  // timingSafeEqual needs equal lengths; the length of a well-formed signature is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
