import { chartScale, monthBars, monthlyTarget, periodId, periodTarget, type TargetLike } from './statistics-view';

const target = (organisationId: string, id: string, kind: string, from: string, to: string, value: number): TargetLike => ({ organisationId, period: { id, kind, from, to }, target: value });

describe('the period of a year and a part', () => {
  it('names the whole year, a half-year or a quarter as the API does', () => {
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
    expect(periodTarget(10, 3)).toBe(30);
    expect(periodTarget(100 / 12, 6)).toBe(50);
    expect(periodTarget(100 / 12, 3)).toBe(25);
    expect(periodTarget(100 / 12, 1)).toBe(8);
    expect(periodTarget(null, 12)).toBeNull();
  });
});

describe('bars of the chart', () => {
  it('every month of the answer has a bar, in its order, with its Vietnamese label', () => {
    const bars = monthBars([{ month: '2026-01', admissions: 2 }, { month: '2026-02', admissions: 0 }, { month: '2026-03', admissions: 1 }]);
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
