import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@charterflow/config';
import { DeliveryMetrics } from '@charterflow/delivery';
import { startMetricsServer } from './metrics-server';
import { WorkerModule } from './worker.module';

/**
 * Runs deadline delivery alone, beside one or more API processes started with RUN_WORKER=false. Several workers may
 * run against one PostgreSQL and one Redis. SIGTERM/SIGINT drain: BullMQ workers finish their active jobs (the
 * poll loop its tick) before the connections close.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  // Its own Prometheus endpoint; it does not keep the process alive once the drain has closed everything else.
  if (config.WORKER_METRICS_PORT > 0) (await startMetricsServer(app.get(DeliveryMetrics), config.WORKER_METRICS_PORT)).server.unref();
  const database = config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${config.DATA_DIR}`;
  const transport = config.REDIS_URL
    ? `BullMQ on Redis; outbox relay every ${config.DELIVERY_POLL_INTERVAL_MS} ms, reconciler every ${config.RECONCILE_INTERVAL_MS} ms`
    : `poll every ${config.DELIVERY_POLL_INTERVAL_MS} ms`;
  new NestLogger('Bootstrap').log(`charterflow worker running (${database}; ${transport}${config.WORKER_METRICS_PORT > 0 ? `; metrics on :${config.WORKER_METRICS_PORT}/metrics` : ''})`);
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof Error && error.name === 'ConfigValidationError' ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
