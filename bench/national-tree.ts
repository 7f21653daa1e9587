/**
 * The shape of the national organisation tree the national benchmark generates: 63 provinces, each of communes and
 * wards, each commune of grassroots committees and of village cells directly under it, each grassroots committee of
 * cells. The counts vary from unit to unit by a fixed hash, so every run builds the same tree. The averages follow
 * the country's order of magnitude (about 10,000 communes and wards, some 35,000 grassroots committees, a quarter of a
 * million cells): 140 communes per province (80–199), 3.5 grassroots committees per commune (1–6), 8.5 village
 * cells per commune (4–13) and 5 cells per grassroots committee (2–8).
 */
export const PROVINCES = 63;

export const COMMUNES_PER_PROVINCE = { min: 80, max: 199 } as const;
export const GRASSROOTS_PER_COMMUNE = { min: 1, max: 6 } as const;
export const VILLAGE_CELLS_PER_COMMUNE = { min: 4, max: 13 } as const;
export const CELLS_PER_GRASSROOTS = { min: 2, max: 8 } as const;

/** The tree as flat columns (one entry per unit, numbered from 1 within its parent), ready for `unnest` in SQL. */
export interface TreeColumns {
  communes: { province: number[]; commune: number[] };
  grassroots: { province: number[]; commune: number[]; grassroots: number[] };
  /** `grassroots` 0: a village cell directly under its commune. */
  cells: { province: number[]; commune: number[]; grassroots: number[]; cell: number[] };
}

/** A whole number in [range.min, range.max] drawn from the given key (FNV-1a), the same on every run. */
export function spread(range: { min: number; max: number }, ...key: number[]): number {
  let h = 0x811c9dc5;
  for (const k of key) {
    h ^= k & 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= k >>> 16;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return range.min + (h % (range.max - range.min + 1));
}

/** Every unit of the national tree below the provinces. */
export function nationalTree(provinces = PROVINCES): TreeColumns {
  const t: TreeColumns = {
    communes: { province: [], commune: [] },
    grassroots: { province: [], commune: [], grassroots: [] },
    cells: { province: [], commune: [], grassroots: [], cell: [] },
  };
  const cell = (p: number, c: number, g: number, k: number) => {
    t.cells.province.push(p);
    t.cells.commune.push(c);
    t.cells.grassroots.push(g);
    t.cells.cell.push(k);
  };
  for (let p = 1; p <= provinces; p += 1) {
    const communes = spread(COMMUNES_PER_PROVINCE, 1, p);
    for (let c = 1; c <= communes; c += 1) {
      t.communes.province.push(p);
      t.communes.commune.push(c);
      const village = spread(VILLAGE_CELLS_PER_COMMUNE, 2, p, c);
      for (let k = 1; k <= village; k += 1) cell(p, c, 0, k);
      const grassroots = spread(GRASSROOTS_PER_COMMUNE, 3, p, c);
      for (let g = 1; g <= grassroots; g += 1) {
        t.grassroots.province.push(p);
        t.grassroots.commune.push(c);
        t.grassroots.grassroots.push(g);
        const cells = spread(CELLS_PER_GRASSROOTS, 4, p, c, g);
        for (let k = 1; k <= cells; k += 1) cell(p, c, g, k);
      }
    }
  }
  return t;
}
