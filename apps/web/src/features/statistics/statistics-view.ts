/**
 * Shaping the admission statistics for the Thống kê screen: the target that falls on each month and the bars of the
 * chart (the months themselves are the answer's). Pure: period ids as the API speaks them (`2026`, `2026-H1`,
 * `2026-Q3`) and targets as `GET /targets` answers them.
 */

/** The parts of a year the screen offers: the whole year, a half-year or a quarter. */
export const PERIOD_PARTS = ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export type PeriodPart = (typeof PERIOD_PARTS)[number];

/** The period id of a year and a part: `2026`, `2026-H1`, `2026-Q3`. */
export function periodId(year: number, part: PeriodPart): string {
  return part === 'year' ? String(year) : `${year}-${part}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A target as `GET /targets` answers it (the fields this screen reads). */
export interface TargetLike {
  organisationId: string;
  period: { id: string; kind: string; from: string; to: string };
  target: number;
}

/** Whole months from one `YYYY-MM-DD` to another, both ends included (a term of 2025-10-01 to 2030-09-30: 60). */
function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/**
 * The target of an organisation falling on one month of `year`: its target for that year spread evenly over 12
 * months; without one, its term's target covering that year spread over the term's months; null when neither is set.
 */
export function monthlyTarget(targets: readonly TargetLike[], organisationId: string, year: number): number | null {
  const own = targets.filter((t) => t.organisationId === organisationId);
  const yearly = own.find((t) => t.period.kind === 'year' && t.period.id === String(year));
  if (yearly) return yearly.target / 12;
  const inside = (t: TargetLike) => t.period.kind === 'term' && t.period.from <= `${year}-12-31` && t.period.to >= `${year}-01-01`;
  const term = own.find(inside);
  if (term) return term.target / monthsBetween(term.period.from, term.period.to);
  return null;
}

/** The target of a whole period: the monthly target times its number of months (rounded to a whole admission), or null. */
export function periodTarget(perMonth: number | null, monthCount: number): number | null {
  return perMonth === null ? null : Math.round(perMonth * monthCount);
}

/** One bar of the chart (and one row of the table under it). */
export interface MonthBar {
  month: string;
  /** `Tháng 3/2026` (vi) or `03/2026` (en), for the table and the bar's title. */
  label: { vi: string; en: string };
  /** `T3` (vi) or `03` (en), under the bar. */
  shortLabel: { vi: string; en: string };
  admissions: number;
}

/** A month of the statistics answer (`months`: every month of the period, in order). */
export interface MonthCount {
  month: string;
  admissions: number;
}

/** The bars of the months of a period as the answer lists them, in its order. */
export function monthBars(months: readonly MonthCount[]): MonthBar[] {
  return months.map(({ month, admissions }) => {
    const [y, mo] = [month.slice(0, 4), Number(month.slice(5, 7))];
    return {
      month,
      label: { vi: `Tháng ${mo}/${y}`, en: `${pad(mo)}/${y}` },
      shortLabel: { vi: `T${mo}`, en: pad(mo) },
      admissions,
    };
  });
}

/**
 * The top of the chart's scale: a round number (1, 2 or 5 times a power of ten, at least 5) not below the highest
 * bar nor the target line, and its ticks from 0.
 */
export function chartScale(values: readonly (number | null)[]): { max: number; ticks: number[] } {
  const highest = Math.max(0, ...values.filter((v): v is number => v !== null));
  let max = 5;
  for (let power = 1; max < highest; power *= 10) {
    max = [1, 2, 5].map((f) => f * power * 10).find((c) => c >= highest) ?? max;
  }
  const step = max / 5;
  return { max, ticks: Array.from({ length: 6 }, (_, i) => Math.round(i * step * 100) / 100) };
}
