import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, BusinessDate } from '@charterflow/procedure';
import { localInstant } from '../plan/local-instant';

/**
 * The open deadline whose time limit broke longest ago. Delivery closes every open deadline past its date (the
 * `escalate` firing marks it missed, the `due` firing ends probation), so a value that grows means delivery is
 * behind or stopped.
 */
@Injectable()
export class OverdueDeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds since the limit of the oldest open deadline due before `today` broke (00:00 local the day after its due date); 0 when none. */
  async oldestOverdueAgeSeconds(today: BusinessDate, now: Date): Promise<number> {
    const [row]: { due_on: string | null }[] = await this.dataSource.query(
      `SELECT min(due_on)::text AS due_on FROM deadlines WHERE status = 'open' AND due_on < $1::date`,
      [today],
    );
    if (!row?.due_on) return 0;
    const brokeAt = localInstant(addDays(row.due_on, 1), '00:00');
    return Math.max(0, (now.getTime() - brokeAt.getTime()) / 1000);
  }
}
