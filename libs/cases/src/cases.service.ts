import { Injectable } from '@nestjs/common';
import { DomainEvent } from '@charterflow/procedure';
import { Actor } from '@charterflow/kernel';
import { Scope, WHOLE_TREE } from '@charterflow/organisations';
import { ChainVerdict } from './history/hash-chain';
import { CaseQueries } from './queries/case-queries';
import { ApplyTimedEvents } from './use-cases/apply-timed-events';
import { CreateCaseInput, OpenCase } from './use-cases/open-case';
import { RecordEvent } from './use-cases/record-event';
import { CaseEventView, CaseListFilter, CaseListPage, CaseView } from './views/case.views';

/**
 * A thin facade over the case use cases and `CaseQueries`, for callers that want every case operation on one
 * object (the persistence test harness, the benchmark). It holds no logic: each method forwards to the one class
 * that owns it. Application code injects the use case or `CaseQueries` it needs instead (ADR 0011).
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly openCase: OpenCase,
    private readonly recordEvent: RecordEvent,
    private readonly timedEvents: ApplyTimedEvents,
    private readonly queries: CaseQueries,
  ) {}

  create(input: CreateCaseInput, actor: Actor, opts: { idempotencyKey?: string } = {}): Promise<CaseView> {
    return this.openCase.execute(input, actor, opts);
  }

  dispatch(id: string, event: DomainEvent, actor: Actor, opts: { expectedVersion?: number; idempotencyKey?: string } = {}): Promise<CaseView> {
    return this.recordEvent.execute(id, event, actor, opts);
  }

  applyDueTimedEvents(caseId: string): Promise<CaseView> {
    return this.timedEvents.execute(caseId);
  }

  get(id: string, scope: Scope = WHOLE_TREE): Promise<CaseView> {
    return this.queries.get(id, scope);
  }

  list(filter: CaseListFilter = {}, scope: Scope = WHOLE_TREE): Promise<CaseListPage> {
    return this.queries.list(filter, scope);
  }

  events(caseId: string, scope: Scope = WHOLE_TREE): Promise<CaseEventView[]> {
    return this.queries.events(caseId, scope);
  }

  verifyChain(caseId: string, scope: Scope = WHOLE_TREE): Promise<ChainVerdict> {
    return this.queries.verifyChain(caseId, scope);
  }
}
