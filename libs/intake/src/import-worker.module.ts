import { BeforeApplicationShutdown, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@charterflow/kernel';
import { ImportRunner } from './import-runner';
import { IntakeModule } from './intake.module';

/** How often an idle worker looks for an accepted import. */
export const IMPORT_POLL_INTERVAL_MS = 1000;

/**
 * The worker's share of imports: every IMPORT_POLL_INTERVAL_MS, process the imports waiting (several workers share
 * them). On shutdown, before the connections close, the import in progress stops after its current batch and is
 * handed back.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(private readonly runner: ImportRunner) {
    this.task = new PeriodicTask('imports', IMPORT_POLL_INTERVAL_MS, () => runner.drain());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.runner.stop();
    await this.task.stop();
  }
}

/** Processes accepted imports in this process (the worker, or the API unless RUN_WORKER=false). */
@Module({ imports: [IntakeModule], providers: [ImportWorker] })
export class ImportWorkerModule {}
