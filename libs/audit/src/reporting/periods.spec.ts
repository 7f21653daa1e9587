import { monthsOfPeriod, parsePeriod } from './periods';

const TERMS = [{ id: '2025-2030', from: '2025-10-01', to: '2030-09-30' }];
const months = (id: string) => monthsOfPeriod(parsePeriod(id, TERMS)!);

describe('monthsOfPeriod', () => {
  it('gives every month of a period, in order, and none outside it', () => {
    expect(months('2026-03')).toEqual(['2026-03']);
    expect(months('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(months('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(months('2026-H2')).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(months('2026')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('crosses the turn of a year within a term', () => {
    const term = months('2025-2030');
    expect(term).toHaveLength(60);
    expect(term.slice(0, 4)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01']);
    expect(term[term.length - 1]).toBe('2030-09');
  });
});
