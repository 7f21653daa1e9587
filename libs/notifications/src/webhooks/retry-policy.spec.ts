import { afterAttempt, jitterFraction, retryDelayMs, WEBHOOK_RETRY } from './retry-policy';

describe('webhook retry policy', () => {
  const id = '0b7f5a8e-3d2c-4f1a-9b6e-2c1d0e9f8a7b';
  const now = new Date('2026-01-05T03:00:00.000Z');

  it('doubles from 30 s with at most ±10 % jitter', () => {
    for (let attempt = 1; attempt <= 9; attempt++) {
      const nominal = 30_000 * 2 ** (attempt - 1);
      const delay = retryDelayMs(attempt, id);
      expect(delay).toBeGreaterThanOrEqual(nominal * 0.9);
      expect(delay).toBeLessThan(nominal * 1.1);
    }
  });

  it('is deterministic per delivery and attempt, and differs between deliveries', () => {
    expect(retryDelayMs(3, id)).toBe(retryDelayMs(3, id));
    const fractions = new Set(Array.from({ length: 20 }, (_, i) => jitterFraction(`delivery-${i}`, 1)));
    expect(fractions.size).toBe(20);
    for (const f of fractions) expect(f >= 0 && f < 1).toBe(true);
  });

  it('never waits longer than 6 hours', () => {
    expect(retryDelayMs(11, id)).toBeLessThanOrEqual(6 * 3_600_000);
    expect(retryDelayMs(11, id)).toBeGreaterThan(5 * 3_600_000);
    expect(retryDelayMs(1000, id)).toBe(6 * 3_600_000);
  });

  it('refuses attempt numbers below 1', () => {
    expect(() => retryDelayMs(0, id)).toThrow(RangeError);
  });

  it('delivers on success, retries after the delay, and fails after the last attempt', () => {
    expect(afterAttempt({ ok: true, attempts: 10, deliveryId: id, now })).toEqual({ status: 'delivered' });
    expect(afterAttempt({ ok: false, attempts: 1, deliveryId: id, now })).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(1, id)),
    });
    expect(afterAttempt({ ok: false, attempts: WEBHOOK_RETRY.maxAttempts - 1, deliveryId: id, now }).status).toBe('pending');
    expect(afterAttempt({ ok: false, attempts: WEBHOOK_RETRY.maxAttempts, deliveryId: id, now })).toEqual({ status: 'failed' });
  });
});
