import { chartScale, monthBars, monthlyTarget, monthsOf, periodId, periodTarget, type TargetLike } from './statistics-view';

const target = (organisationId: string, id: string, kind: string, from: string, to: string, value: number): TargetLike => ({ organisationId, period: { id, kind, from, to }, target: value });

describe('months of a period', () => {
  it('a year has its twelve months in order', () => {
    expect(monthsOf('2026')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('the first half ends with June, the second begins with July', () => {
    expect(monthsOf('2026-H1')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(monthsOf('2026-H2')).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });

  it('a quarter has three months: Q1 January–March, Q3 July–September, Q4 October–December', () => {
    expect(monthsOf('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('a month is itself; a term or a malformed id has no months here', () => {
    expect(monthsOf('2026-03')).toEqual(['2026-03']);
    expect(monthsOf('2025-2030')).toEqual([]);
    expect(monthsOf('2026-13')).toEqual([]);
    expect(monthsOf('2026-Q5')).toEqual([]);
  });

  it('period ids as the API speaks them', () => {
    expect(periodId(2026, 'year')).toBe('2026');
    expect(periodId(2026, 'H2')).toBe('2026-H2');
    expect(periodId(2025, 'Q4')).toBe('2025-Q4');
  });
});

describe('target per month', () => {
  const term = target('P', '2025-2030', 'term', '2025-10-01', '2030-09-30', 600);

  it("the year's target is spread over twelve months", () => {
    expect(monthlyTarget([target('P', '2026', 'year', '2026-01-01', '2026-12-31', 120)], 'P', 2026)).toBe(10);
  });

  it("the year's target wins over the term's", () => {
    expect(monthlyTarget([term, target('P', '2026', 'year', '2026-01-01', '2026-12-31', 24)], 'P', 2026)).toBe(2);
  });

  it("without a yearly target, the term's target is spread over the term's 60 months", () => {
    expect(monthlyTarget([term], 'P', 2026)).toBe(10);
  });

  it("the term counts for its first and last years, not the year before nor the year after", () => {
    expect(monthlyTarget([term], 'P', 2025)).toBe(10);
    expect(monthlyTarget([term], 'P', 2030)).toBe(10);
    expect(monthlyTarget([term], 'P', 2024)).toBeNull();
    expect(monthlyTarget([term], 'P', 2031)).toBeNull();
  });

  it("another year's target or another organisation's does not count", () => {
    expect(monthlyTarget([target('P', '2025', 'year', '2025-01-01', '2025-12-31', 120)], 'P', 2026)).toBeNull();
    expect(monthlyTarget([target('Q', '2026', 'year', '2026-01-01', '2026-12-31', 120)], 'P', 2026)).toBeNull();
  });

  it("a period's target is the monthly target times its months, rounded", () => {
    expect(periodTarget(10, monthsOf('2026-Q2'))).toBe(30);
    expect(periodTarget(100 / 12, monthsOf('2026-H1'))).toBe(50);
    expect(periodTarget(100 / 12, monthsOf('2026-Q1'))).toBe(25);
    expect(periodTarget(null, monthsOf('2026'))).toBeNull();
  });
});

describe('bars of the chart', () => {
  it('every month of the period has a bar, zero when nothing was counted, with its Vietnamese label', () => {
    const bars = monthBars(monthsOf('2026-Q1'), new Map([['2026-01', 2], ['2026-03', 1], ['2026-04', 9]]));
    expect(bars.map((b) => [b.month, b.admissions, b.label.vi, b.shortLabel.vi])).toEqual([
      ['2026-01', 2, 'Tháng 1/2026', 'T1'],
      ['2026-02', 0, 'Tháng 2/2026', 'T2'],
      ['2026-03', 1, 'Tháng 3/2026', 'T3'],
    ]);
    expect(bars[2].label.en).toBe('03/2026');
  });

  it('the scale is a round number at or above the highest bar and the target line', () => {
    expect(chartScale([0, 0, null])).toEqual({ max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(chartScale([5, 2])).toMatchObject({ max: 5 });
    expect(chartScale([6, 2])).toMatchObject({ max: 10 });
    expect(chartScale([3, 10])).toMatchObject({ max: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(chartScale([11])).toMatchObject({ max: 20 });
    expect(chartScale([21])).toMatchObject({ max: 50 });
    expect(chartScale([51, 2.5])).toMatchObject({ max: 100 });
    expect(chartScale([101])).toMatchObject({ max: 200 });
  });
});
