import { afterFailure, lockedForSeconds, NO_ATTEMPTS } from './lockout-policy';

const policy = { maxFailures: 5, lockSeconds: 900 };
const t0 = new Date('2026-03-02T03:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function failTimes(times: number, spacingSeconds = 1) {
  let state = NO_ATTEMPTS;
  for (let i = 0; i < times; i += 1) state = afterFailure(state, at(i * spacingSeconds), policy);
  return state;
}

describe('lockout policy', () => {
  it('four failures in a row do not lock; the fifth does, for 15 minutes', () => {
    expect(lockedForSeconds(failTimes(4), at(4))).toBe(0);
    const locked = failTimes(5);
    expect(locked.lockedUntil).toEqual(at(4 + 900));
    expect(lockedForSeconds(locked, at(5))).toBe(899);
  });

  it('the lock ends exactly at lockedUntil', () => {
    const locked = failTimes(5);
    expect(lockedForSeconds(locked, at(4 + 899))).toBe(1);
    expect(lockedForSeconds(locked, at(4 + 900))).toBe(0);
  });

  it('a failure after the lock ended starts a new count', () => {
    const again = afterFailure(failTimes(5), at(4 + 901), policy);
    expect(again).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('failures spread wider than the window never add up', () => {
    expect(failTimes(10, 901)).toMatchObject({ failures: 1, lockedUntil: null });
    expect(failTimes(5, 900).lockedUntil).not.toBeNull();
  });
});
