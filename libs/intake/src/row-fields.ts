import { BUSINESS_YEAR_MAX, BUSINESS_YEAR_MIN, BusinessDate, isBusinessDate } from '@charterflow/procedure';

/** A cell as text: numbers and booleans as written, anything else (an object in a JSON row) as its JSON. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** One problem of one row: the column and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Reads typed values out of one raw row (CSV text cells or JSON values), collecting every problem instead of
 * stopping at the first, so a row's report names all its faults at once.
 */
export class RowReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly row: Record<string, unknown>) {}

  /** The raw cell, with empty strings and null read as absent. */
  private raw(field: string): unknown {
    const v = this.row[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && v.trim() === '') return undefined;
    return typeof v === 'string' ? v.trim() : v;
  }

  has(field: string): boolean {
    return this.raw(field) !== undefined;
  }

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  text(field: string, options: { required?: boolean; max?: number } = {}): string | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (options.required) this.problem(field, `${field} is required`);
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.problem(field, `${field} must be text`);
      return undefined;
    }
    const s = String(v);
    if (s.length > (options.max ?? 300)) {
      this.problem(field, `${field} must be at most ${options.max ?? 300} characters`);
      return undefined;
    }
    return s;
  }

  date(field: string, options: { required?: boolean } = {}): BusinessDate | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (options.required) this.problem(field, `${field} is required`);
      return undefined;
    }
    if (!isBusinessDate(v)) {
      this.problem(field, `${field} must be a date YYYY-MM-DD from ${BUSINESS_YEAR_MIN} to ${BUSINESS_YEAR_MAX}`);
      return undefined;
    }
    return v;
  }

  count(field: string, options: { required?: boolean } = {}): number | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (options.required) this.problem(field, `${field} is required`);
      return undefined;
    }
    const n = typeof v === 'number' ? v : /^\d+$/.test(cellText(v)) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 100_000) {
      this.problem(field, `${field} must be a whole number ≥ 0`);
      return undefined;
    }
    return n;
  }

  flag(field: string, fallback?: boolean): boolean | undefined {
    const v = this.raw(field);
    if (v === undefined) return fallback;
    if (v === true || v === false) return v;
    const s = cellText(v).toLowerCase();
    if (['true', '1', 'yes', 'có', 'x'].includes(s)) return true;
    if (['false', '0', 'no', 'không'].includes(s)) return false;
    this.problem(field, `${field} must be true or false`);
    return undefined;
  }

  oneOf<T extends string>(field: string, values: readonly T[], options: { required?: boolean; fallback?: T } = {}): T | undefined {
    const v = this.raw(field);
    if (v === undefined) {
      if (options.required && options.fallback === undefined) this.problem(field, `${field} is required`);
      return options.fallback;
    }
    if (!(values as readonly string[]).includes(cellText(v))) {
      this.problem(field, `${field} must be one of ${values.join(', ')}`);
      return undefined;
    }
    return cellText(v) as T;
  }
}
