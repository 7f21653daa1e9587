import { ageOn, businessToday, parseViDate, viDate, viDateTime } from './dates';

describe('dates as a clerk reads and types them', () => {
  it('shows a business date as dd/mm/yyyy', () => {
    expect(viDate('2026-12-15')).toBe('15/12/2026');
    expect(viDate('2026-01-05')).toBe('05/01/2026');
    expect(viDate(null)).toBe('');
  });

  it('shows an instant in Asia/Ho_Chi_Minh, across midnight UTC', () => {
    expect(viDateTime('2026-03-25T01:00:00.000Z')).toBe('25/03/2026 08:00');
    expect(viDateTime('2026-12-31T17:30:00.000Z')).toBe('01/01/2027 00:30');
    expect(viDateTime('2026-12-31T16:59:00.000Z')).toBe('31/12/2026 23:59');
  });

  it('reads dd/mm/yyyy with or without leading zeros and with / - . as separators', () => {
    expect(parseViDate('15/12/2026')).toBe('2026-12-15');
    expect(parseViDate('5/1/2026')).toBe('2026-01-05');
    expect(parseViDate('05-01-2026')).toBe('2026-01-05');
    expect(parseViDate(' 5.1.2026 ')).toBe('2026-01-05');
  });

  it('refuses what is not a real calendar date: the day after the month’s last, month 13, a year out of range, ISO order', () => {
    expect(parseViDate('28/02/2026')).toBe('2026-02-28');
    expect(parseViDate('29/02/2026')).toBeNull();
    expect(parseViDate('29/02/2028')).toBe('2028-02-29');
    expect(parseViDate('31/04/2026')).toBeNull();
    expect(parseViDate('30/04/2026')).toBe('2026-04-30');
    expect(parseViDate('01/13/2026')).toBeNull();
    expect(parseViDate('00/12/2026')).toBeNull();
    expect(parseViDate('01/01/1899')).toBeNull();
    expect(parseViDate('01/01/1900')).toBe('1900-01-01');
    expect(parseViDate('31/12/2100')).toBe('2100-12-31');
    expect(parseViDate('01/01/2101')).toBeNull();
    expect(parseViDate('2026-12-15')).toBeNull();
    expect(parseViDate('')).toBeNull();
  });

  it('counts whole years of age: the day before the birthday and the birthday itself', () => {
    expect(ageOn('2001-04-12', '2026-04-11')).toBe(24);
    expect(ageOn('2001-04-12', '2026-04-12')).toBe(25);
    expect(ageOn('2001-04-12', '2026-04-13')).toBe(25);
    expect(ageOn('not a date', '2026-04-13')).toBeNull();
  });

  it('takes today in Ho Chi Minh City: 17:00 UTC is already the next day there', () => {
    expect(businessToday(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(businessToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
