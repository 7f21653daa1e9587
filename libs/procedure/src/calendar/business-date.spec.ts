import { addMonths, businessDateOf, completedMonths, isBusinessDate, addDays, dayOfWeek } from './business-date';

describe('business dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isBusinessDate('2024-02-29')).toBe(true);
    expect(isBusinessDate('2025-02-29')).toBe(false);
    expect(isBusinessDate('2025-13-01')).toBe(false);
    expect(isBusinessDate('2025-1-01')).toBe(false);
    expect(isBusinessDate(20250101)).toBe(false);
  });

  it('adds calendar months with the last-day rule (procedure doc §1)', () => {
    expect(addMonths('2026-01-20', 12)).toBe('2027-01-20');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2020-01-15', 60)).toBe('2025-01-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('counts completed months on both sides of an anniversary', () => {
    expect(completedMonths('2008-03-15', '2026-03-15')).toBe(216);
    expect(completedMonths('2008-03-15', '2026-03-14')).toBe(215);
    expect(completedMonths('2008-01-31', '2008-02-29')).toBe(1);
    expect(completedMonths('2008-01-31', '2008-02-28')).toBe(0);
  });

  it('steps days and weekdays', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(dayOfWeek('2026-01-15')).toBe(4);
  });

  it('reads the calendar date in Asia/Ho_Chi_Minh, not UTC', () => {
    expect(businessDateOf(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(businessDateOf(new Date('2026-03-01T16:59:00Z'))).toBe('2026-03-01');
  });
});
