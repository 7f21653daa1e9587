import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TimedEventsService } from '@charterflow/cases';
import { AppConfig } from '@charterflow/config';

/**
 * Applies the engine's timed events (PROBATION_ENDED) at a fixed interval, and once at start so that a probation
 * that ended while nothing ran is recorded at once. Only the schedule lives in memory: what is due is read from
 * the database each time, so a restart loses nothing.
 */
@Injectable()
export class TimedEventsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimedEventsSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly timedEvents: TimedEventsService,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep, never two at once. */
  private tick(): void {
    if (this.running) return;
    this.running = this.timedEvents
      .sweep()
      .then(({ applied, failed }) => {
        if (applied.length || failed.length) this.logger.log({ applied: applied.length, failed: failed.length }, 'timed events swept');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'timed-event sweep failed'))
      .finally(() => (this.running = undefined));
  }
}
