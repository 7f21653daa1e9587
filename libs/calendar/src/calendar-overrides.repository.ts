import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A row of `calendar_overrides`: one year's official arrangement as entered by an administrator. */
export interface CalendarOverrideRow {
  year: number;
  /** The `CalendarYearOverrides` object, as stored (jsonb). */
  overrides: unknown;
  updatedAt: string;
}

interface RawRow {
  year: number | string;
  overrides: unknown;
  updated_at: Date | string;
}

/** The only place that reads or writes `calendar_overrides` (table created by the database migrations). */
@Injectable()
export class CalendarOverridesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAll(): Promise<CalendarOverrideRow[]> {
    const rows: RawRow[] = await this.dataSource.query('SELECT year, overrides, updated_at FROM calendar_overrides ORDER BY year');
    return rows.map(toRow);
  }

  async upsert(year: number, overrides: unknown): Promise<CalendarOverrideRow> {
    const rows: RawRow[] = await this.dataSource.query(
      `INSERT INTO calendar_overrides (year, overrides, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (year) DO UPDATE SET overrides = EXCLUDED.overrides, updated_at = now()
       RETURNING year, overrides, updated_at`,
      [year, JSON.stringify(overrides)],
    );
    return toRow(rows[0]);
  }
}

function toRow(raw: RawRow): CalendarOverrideRow {
  // jsonb arrives parsed from pg; some drivers hand it over as text.
  const overrides = typeof raw.overrides === 'string' ? JSON.parse(raw.overrides) : raw.overrides;
  const updatedAt = raw.updated_at instanceof Date ? raw.updated_at.toISOString() : String(raw.updated_at);
  return { year: Number(raw.year), overrides, updatedAt };
}
