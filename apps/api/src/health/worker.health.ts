import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { MISSED_BEATS_TOLERATED, WorkerHeartbeatsRepository } from '@charterflow/delivery';

/**
 * The workers that deliver deadlines: up while at least one has beaten within MISSED_BEATS_TOLERATED of its
 * heartbeat interval. A dead worker does not stop the API from answering, so the health answer is then `degraded`
 * (200), not `error` (503): see HealthController.
 */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly heartbeats: WorkerHeartbeatsRepository,
  ) {}

  async check(key = 'worker') {
    const session = this.indicator.check(key);
    const { alive, lastBeatAt } = await this.heartbeats.liveness();
    const details = { workers: alive, lastBeatAt, missedBeatsTolerated: MISSED_BEATS_TOLERATED };
    return alive > 0 ? session.up(details) : session.down(details);
  }
}
