import { Injectable } from '@nestjs/common';
import { isBusinessDate, TopState } from '@charterflow/procedure';
import { Actor, DomainException } from '@charterflow/kernel';
import { OrganisationsService, Scope, WHOLE_TREE } from '@charterflow/organisations';
import { ChainVerdict, verifyEvents } from '../history/hash-chain';
import { decodeCursor, encodeCursor } from '../list/cursor';
import { CaseEventsRepository } from '../repositories/case-events.repository';
import { CaseRow, CasesRepository } from '../repositories/cases.repository';
import { DeadlinesRepository } from '../repositories/deadlines.repository';
import { containsPattern, searchText } from '../search/search-text';
import { requireCaseId } from '../store/decision-env';
import { CaseEventView, CaseListFilter, CaseListPage, CaseView } from '../views/case.views';
import { KeptCaseViews } from '../views/kept-case-views';
import { toCaseView } from '../views/to-view';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The read side of cases: one case, a page of cases (filters, search, cursor), the history and its hash-chain
 * check. Every read is limited to a `Scope` (a subtree); a case outside it answers NOT_FOUND, like an unknown one.
 */
@Injectable()
export class CaseQueries {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly cases: CasesRepository,
    private readonly history: CaseEventsRepository,
    private readonly deadlines: DeadlinesRepository,
    private readonly views: KeptCaseViews,
  ) {}

  /** One case; NOT_FOUND when unknown or outside `scope`. */
  async get(id: string, scope: Scope = WHOLE_TREE): Promise<CaseView> {
    const row = await this.requireRow(id, scope);
    return toCaseView(row, await this.deadlines.listByCases([row.id]));
  }

  /**
   * A page of the cases in `scope` (narrowed to `filter.organisationId`, which must itself lie in `scope`): the page
   * is chosen with each case's stamp, then only the cases not kept described under that stamp are read whole.
   */
  async list(filter: CaseListFilter = {}, scope: Scope = WHOLE_TREE): Promise<CaseListPage> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1) throw DomainException.validation([{ field: 'limit', message: 'limit must be a whole number ≥ 1' }]);
    if (filter.dueBefore !== undefined && !isBusinessDate(filter.dueBefore)) {
      throw DomainException.validation([{ field: 'dueBefore', message: 'dueBefore must be a date YYYY-MM-DD' }]);
    }
    const pageSize = Math.min(limit, MAX_PAGE_SIZE);
    const after = filter.cursor !== undefined ? decodeCursor(filter.cursor) : undefined;
    const pathPrefix = (filter.organisationId !== undefined ? await this.organisations.scopeOf(filter.organisationId, scope) : scope).pathPrefix ?? undefined;
    const q = filter.q !== undefined ? searchText(filter.q) : '';
    const rows = await this.cases.page({
      state: filter.state,
      pathPrefix,
      dueBefore: filter.dueBefore,
      searchPattern: q ? containsPattern(q) : undefined,
      after,
      limit: pageSize + 1,
    });
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      items: await this.views.viewsOf(page, (ids) => this.cases.listed(ids)),
      nextCursor: rows.length > pageSize ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  /** The history of a case, oldest first. */
  async events(caseId: string, scope: Scope = WHOLE_TREE): Promise<CaseEventView[]> {
    const row = await this.requireRow(caseId, scope);
    const rows = await this.history.listByCase(row.id);
    return rows.map((r) => ({
      seq: r.seq,
      type: r.type as CaseEventView['type'],
      payload: r.payload,
      occurredOn: r.occurredOn,
      recordedAt: r.recordedAt.toISOString(),
      actor: r.actor as unknown as Actor,
      fromState: r.fromState as TopState | null,
      toState: r.toState as TopState,
      hash: r.hash,
      prevHash: r.prevHash,
    }));
  }

  /** Recomputes the hash chain of a case from the stored rows and checks it ends where the case row says. */
  async verifyChain(caseId: string, scope: Scope = WHOLE_TREE): Promise<ChainVerdict> {
    const row = await this.requireRow(caseId, scope);
    const rows = await this.history.listByCase(row.id);
    return verifyEvents(
      rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() })),
      { lastSeq: row.lastSeq, lastHash: row.lastHash, state: row.state },
    );
  }

  private async requireRow(id: string, scope: Scope): Promise<CaseRow> {
    const row = await this.cases.findById(requireCaseId(id), undefined, scope.pathPrefix);
    if (!row) throw DomainException.notFound('Case', id);
    return row;
  }
}
