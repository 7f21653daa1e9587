import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { ListedCaseStamp, StampedCaseListRow } from '../repositories/cases.repository';
import type { CaseView } from './case.views';
import { toListedCaseView } from './to-view';

/**
 * How many listed cases a process keeps described: a hundred pages of 50. A view (its facts, candidate and deadlines)
 * holds about 7 kB of heap, so 34 MB when every place is taken (ADR 0029 decision 11).
 */
export const CASE_VIEWS_KEPT = 5_000;

/**
 * The views of listed cases, kept by case with the stamp of the rows they were made from (ADR 0029 decision 11). A
 * page asks for its cases by stamp: a case kept under the same stamp is shown as it was described, the others are
 * read whole (`readWhole`, one statement for all of them), described and kept under the stamp of what was read. A
 * kept view is frozen: it is shared by every page that shows the case until the case's rows change.
 */
@Injectable()
export class KeptCaseViews {
  private readonly kept = new LRUCache<string, { stamp: string; view: CaseView }>({ max: CASE_VIEWS_KEPT });

  /**
   * The views of `page`, in its order. A case that disappeared between the page and its reading is left out; a case
   * changed in between is shown as it was read (its newer rows).
   */
  async viewsOf(page: readonly ListedCaseStamp[], readWhole: (ids: string[]) => Promise<StampedCaseListRow[]>): Promise<CaseView[]> {
    const views = new Map<string, CaseView>();
    const missing: string[] = [];
    for (const c of page) {
      const kept = this.kept.get(c.id);
      if (kept?.stamp === c.stamp) views.set(c.id, kept.view);
      else missing.push(c.id);
    }
    for (const row of await readWhole(missing)) {
      const view = deepFreeze(toListedCaseView(row));
      this.kept.set(row.id, { stamp: row.stamp, view });
      views.set(row.id, view);
    }
    return page.flatMap((c) => views.get(c.id) ?? []);
  }

  /** Forgets every view kept (the next page of each case reads it whole). */
  clear(): void {
    this.kept.clear();
  }
}

/** Freezes a view and everything in it, so that no reader can change what the next one is shown. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
