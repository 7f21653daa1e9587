import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { CasesService } from '../cases.service';

export interface SweepResult {
  /** Cases whose due timed events were recorded. */
  applied: string[];
  /** Cases that could not be advanced (the error is logged; the next sweep tries again). */
  failed: string[];
}

/**
 * Records the engine's own timed events (PROBATION_ENDED on the legal end of probation) for every case whose
 * open PROBATION_END deadline has fallen due. The database is the truth: a sweep after a restart finds whatever
 * fell due while nothing ran, and recording is idempotent (a case already moved on has nothing due).
 */
@Injectable()
export class TimedEventsService {
  private readonly logger = new Logger(TimedEventsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cases: CasesService,
  ) {}

  /** Cases with an open PROBATION_END deadline due on or before `today`, oldest first. */
  async dueCaseIds(limit = 500): Promise<string[]> {
    const rows: { case_id: string }[] = await this.dataSource.query(
      `SELECT case_id FROM deadlines WHERE kind = 'PROBATION_END' AND status = 'open' AND due_on <= $1::date ORDER BY due_on, case_id LIMIT $2`,
      [this.clock.today(), limit],
    );
    return rows.map((r) => r.case_id);
  }

  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { applied: [], failed: [] };
    for (const caseId of await this.dueCaseIds()) {
      try {
        await this.cases.applyDueTimedEvents(caseId);
        result.applied.push(caseId);
      } catch (error) {
        result.failed.push(caseId);
        this.logger.error({ caseId, err: error }, 'could not record the timed events of a case');
      }
    }
    return result;
  }
}
