import { BusinessDate, daysInMonth, isBusinessDate } from '@charterflow/procedure';

/** A party committee's term, as configured in config/statistics/terms.json. */
export interface Term {
  id: string;
  from: BusinessDate;
  to: BusinessDate;
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'term';

/** A reporting period: inclusive business dates. */
export interface Period {
  id: string;
  kind: PeriodKind;
  from: BusinessDate;
  to: BusinessDate;
  label: { vi: string; en: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;

/**
 * The years a statistics period or a target may name: from the Party's founding year (1930) to 2100, the last year
 * of a business date. `2026` is a period; `1900` or `0000` can only be a typing error.
 */
export const PERIOD_YEARS = { min: 1930, max: 2100 } as const;

const yearInRange = (y: number) => y >= PERIOD_YEARS.min && y <= PERIOD_YEARS.max;

/**
 * Parses a period id: `2026-03` (month), `2026-Q1` (quarter), `2026-H1` (half-year: the six-monthly statistics of
 * HD 40-HD/BTCTW), `2026` (year), `2025-2030` (a term, from config/statistics/terms.json). Null when malformed or
 * unknown.
 */
export function parsePeriod(id: string, terms: readonly Term[]): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { id, kind: 'month', from: `${y}-${pad(mo)}-01`, to: lastDay(y, mo), label: { vi: `Tháng ${mo}/${y}`, en: `${y}-${pad(mo)}` } };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { id, kind: 'quarter', from: `${y}-${pad(q * 3 - 2)}-01`, to: lastDay(y, q * 3), label: { vi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${y}`, en: `Q${q} ${y}` } };
  }
  m = /^(\d{4})-H([12])$/.exec(id);
  if (m) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return { id, kind: 'half', from: `${y}-${h === 1 ? '01' : '07'}-01`, to: h === 1 ? `${y}-06-30` : `${y}-12-31`, label: { vi: `${h === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${y}`, en: `${h === 1 ? 'First' : 'Second'} half of ${y}` } };
  }
  m = /^(\d{4})$/.exec(id);
  if (m) return { id, kind: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: { vi: `Năm ${m[1]}`, en: m[1] } };
  const term = terms.find((t) => t.id === id);
  if (term) return { id, kind: 'term', from: term.from, to: term.to, label: { vi: `Nhiệm kỳ ${term.id}`, en: `Term ${term.id}` } };
  return null;
}

/**
 * A period a request names (statistics, targets): parsed as `parsePeriod` does, and only when its dates are business
 * dates (years 1900–2100), so that no query asks PostgreSQL for the year 0000. Periods already stored are read
 * with `parsePeriod`, whatever their year.
 */
export function parseRequestedPeriod(id: string, terms: readonly Term[]): Period | null {
  const period = parsePeriod(id, terms);
  return period && isBusinessDate(period.from) && isBusinessDate(period.to) && yearInRange(Number(period.from.slice(0, 4))) && yearInRange(Number(period.to.slice(0, 4)))
    ? period
    : null;
}

/** The years a term covers, for the yearly split of its targets. */
export function yearsOf(period: Period): string[] {
  const out: string[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y += 1) out.push(String(y));
  return out;
}

/** The months (`YYYY-MM`) a period covers, in order: one for a month, three for a quarter, sixty for a five-year term. */
export function monthsOfPeriod(period: Pick<Period, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const [lastY, lastM] = [Number(period.to.slice(0, 4)), Number(period.to.slice(5, 7))];
  while (y < lastY || (y === lastY && m <= lastM)) {
    out.push(`${y}-${pad(m)}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}
