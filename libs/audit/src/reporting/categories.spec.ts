import { categoriesOf } from './categories';
import { parsePeriod, parseRequestedPeriod, yearsOf } from './periods';

const TERMS = [{ id: '2025-2030', from: '2025-10-01', to: '2030-09-30' }];

describe('statistics categories', () => {
  const base = { dateOfBirth: '2000-03-15', gender: 'female', ethnicity: 'Kinh', religion: null, education: 'upper_secondary', youthUnionMember: true, occupation: 'worker' };
  it('aged 18–30 runs to the day before the 31st birthday', () => {
    expect(categoriesOf(base, '2031-03-14').aged18to30).toBe(true);
    expect(categoriesOf(base, '2031-03-15').aged18to30).toBe(false);
    expect(categoriesOf({ ...base, dateOfBirth: '2008-03-15' }, '2026-03-15').aged18to30).toBe(true);
    expect(categoriesOf({ ...base, dateOfBirth: '2008-03-16' }, '2026-03-15').aged18to30).toBe(false);
  });
  it('women, ethnic minorities (any ethnicity but Kinh), religion, education levels, Youth Union', () => {
    expect(categoriesOf(base, '2026-01-01')).toEqual({ youthUnion: true, women: true, ethnicMinority: false, religious: false, aged18to30: true, upperSecondary: true, collegeOrUniversity: false });
    expect(categoriesOf({ ...base, gender: 'male', ethnicity: 'Tày', religion: 'Công giáo', education: 'university', youthUnionMember: false }, '2026-01-01')).toEqual({
      youthUnion: false, women: false, ethnicMinority: true, religious: true, aged18to30: true, upperSecondary: false, collegeOrUniversity: true,
    });
    expect(categoriesOf({ ...base, education: 'postgraduate' }, '2026-01-01').collegeOrUniversity).toBe(true);
    expect(categoriesOf({ ...base, education: 'lower_secondary' }, '2026-01-01').upperSecondary).toBe(false);
  });
});

describe('periods', () => {
  it('months, quarters, halves, years and terms have inclusive bounds', () => {
    expect(parsePeriod('2026-02', TERMS)).toMatchObject({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriod('2028-02', TERMS)?.to).toBe('2028-02-29');
    expect(parsePeriod('2026-Q1', TERMS)).toMatchObject({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31', label: { vi: 'Quý I/2026' } });
    expect(parsePeriod('2026-Q4', TERMS)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2026-H2', TERMS)).toMatchObject({ kind: 'half', from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod('2026', TERMS)).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2025-2030', TERMS)).toMatchObject({ kind: 'term', from: '2025-10-01', to: '2030-09-30' });
    expect(yearsOf(parsePeriod('2025-2030', TERMS)!)).toEqual(['2025', '2026', '2027', '2028', '2029', '2030']);
  });
  it('refuses malformed or unknown ids', () => {
    for (const id of ['2026-13', '2026-Q5', '2026-H3', '26', '2031-2036', 'x']) expect(parsePeriod(id, TERMS)).toBeNull();
  });
  it('answers a requested period only from the Party’s founding year 1930 to 2100, on both sides of each bound', () => {
    expect(parseRequestedPeriod('2026-Q1', TERMS)).toEqual(parsePeriod('2026-Q1', TERMS));
    expect(parseRequestedPeriod('1930-01', TERMS)?.from).toBe('1930-01-01');
    expect(parseRequestedPeriod('2100', TERMS)?.to).toBe('2100-12-31');
    for (const id of ['0000', '0000-Q1', '0000-01', '1899-H2', '1900', '1929', '1929-12', '1929-Q4', '2101', '2101-01', '9999-12']) expect(parseRequestedPeriod(id, TERMS)).toBeNull();
  });
});
