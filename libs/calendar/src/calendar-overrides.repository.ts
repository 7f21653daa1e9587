import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * A row of `calendar_overrides`: one year's official arrangement as entered by an administrator, nationally
 * (`provinceId` null) or for one province.
 */
export interface CalendarOverrideRow {
  provinceId: string | null;
  year: number;
  /** The `CalendarYearOverrides` object, as stored (jsonb). */
  overrides: unknown;
  updatedAt: string;
}

interface RawRow {
  province_id: string | null;
  year: number | string;
  overrides: unknown;
  updated_at: Date | string;
}

const COLUMNS = 'province_id, year, overrides, updated_at';

/** The only place that reads or writes `calendar_overrides` (table created by the database migrations). */
@Injectable()
export class CalendarOverridesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAll(): Promise<CalendarOverrideRow[]> {
    const rows: RawRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM calendar_overrides ORDER BY province_id NULLS FIRST, year`);
    return rows.map(toRow);
  }

  async upsert(provinceId: string | null, year: number, overrides: unknown): Promise<CalendarOverrideRow> {
    const rows: RawRow[] =
      provinceId === null
        ? await this.dataSource.query(
            `INSERT INTO calendar_overrides (province_id, year, overrides, updated_at) VALUES (NULL, $1, $2::jsonb, now())
             ON CONFLICT (year) WHERE province_id IS NULL DO UPDATE SET overrides = EXCLUDED.overrides, updated_at = now()
             RETURNING ${COLUMNS}`,
            [year, JSON.stringify(overrides)],
          )
        : await this.dataSource.query(
            `INSERT INTO calendar_overrides (province_id, year, overrides, updated_at) VALUES ($1, $2, $3::jsonb, now())
             ON CONFLICT (province_id, year) WHERE province_id IS NOT NULL DO UPDATE SET overrides = EXCLUDED.overrides, updated_at = now()
             RETURNING ${COLUMNS}`,
            [provinceId, year, JSON.stringify(overrides)],
          );
    return toRow(rows[0]);
  }

  /** Removes the row of (scope, year); true when there was one. */
  async remove(provinceId: string | null, year: number): Promise<boolean> {
    const [, affected]: [unknown, number] =
      provinceId === null
        ? await this.dataSource.query(`DELETE FROM calendar_overrides WHERE province_id IS NULL AND year = $1`, [year])
        : await this.dataSource.query(`DELETE FROM calendar_overrides WHERE province_id = $1 AND year = $2`, [provinceId, year]);
    return affected > 0;
  }
}

function toRow(raw: RawRow): CalendarOverrideRow {
  // jsonb arrives parsed from pg; some drivers hand it over as text.
  const overrides = (typeof raw.overrides === 'string' ? JSON.parse(raw.overrides) : raw.overrides) as CalendarOverrideRow['overrides'];
  const updatedAt = raw.updated_at instanceof Date ? raw.updated_at.toISOString() : String(raw.updated_at);
  return { provinceId: raw.province_id, year: Number(raw.year), overrides, updatedAt };
}
