import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseAggregate, DecisionEnv, dueTimedEvents } from '@charterflow/procedure';
import { SYSTEM_ACTOR } from '@charterflow/kernel';
import { CaseStore, PlannedEvent } from '../store/case-store';
import { requireCaseId } from '../store/decision-env';
import { CaseView } from '../views/case.views';

/** The timed events due today (e.g. PROBATION_ENDED), each recorded by the system actor. */
export function dueTimedSteps(aggregate: CaseAggregate, env: DecisionEnv): PlannedEvent[] {
  return dueTimedEvents(aggregate, env.today).map((event) => ({ event, actor: SYSTEM_ACTOR }));
}

/**
 * Records the timed events now due (e.g. PROBATION_ENDED) as the system actor; a no-op when none is due.
 *
 * Given a transaction (`m`), the events are recorded in it: the deadline firing of PROBATION_END calls
 * `lockCases` first (case rows, then their deadline rows: the lock order of every case write), records the firing and its
 * notifications, then `execute(caseId, m)`, so the firing and PROBATION_ENDED commit or roll back together.
 */
@Injectable()
export class ApplyTimedEvents {
  constructor(private readonly store: CaseStore) {}

  async execute(caseId: string, m?: EntityManager): Promise<CaseView> {
    return this.store.append({ caseId: requireCaseId(caseId), plan: dueTimedSteps }, m);
  }

  /** Locks the case rows in the transaction of `m`, in id order (bounded wait each); answers the ids of the cases that exist. */
  async lockCases(m: EntityManager, caseIds: readonly string[]): Promise<Set<string>> {
    return this.store.lockMany(m, caseIds);
  }
}
