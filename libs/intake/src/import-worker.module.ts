import { Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@charterflow/kernel';
import { ImportRunner } from './import-runner';
import { IntakeModule } from './intake.module';

/** How often an idle worker looks for an accepted import. */
export const IMPORT_POLL_INTERVAL_MS = 1000;

/** The worker's share of imports: every IMPORT_POLL_INTERVAL_MS, process the imports waiting (several workers share them). */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(runner: ImportRunner) {
    this.task = new PeriodicTask('imports', IMPORT_POLL_INTERVAL_MS, () => runner.drain());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}

/** Processes accepted imports in this process (the worker, or the API unless RUN_WORKER=false). */
@Module({ imports: [IntakeModule], providers: [ImportWorker] })
export class ImportWorkerModule {}
