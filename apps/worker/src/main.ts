import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@charterflow/config';
import { WorkerModule } from './worker.module';

/** Runs the worker alone, beside one or more API processes started with RUN_WORKER=false. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  new NestLogger('Bootstrap').log(
    `charterflow worker running (${config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${config.DATA_DIR}`}; sweep every ${config.SWEEP_INTERVAL_MS} ms)`,
  );
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof Error && error.name === 'ConfigValidationError' ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
