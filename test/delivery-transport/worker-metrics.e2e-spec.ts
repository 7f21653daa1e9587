import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { loadConfig } from '@charterflow/config';
import { DeliveryMetrics } from '@charterflow/delivery';
import { startMetricsServer } from '../../apps/worker/src/metrics-server';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { TEST_DATABASE_URL } from '../support/database';

/** A worker run on its own answers Prometheus' scrape itself (ADR 0025). */
describe('the worker’s own /metrics', () => {
  let app: INestApplicationContext;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, LOG_LEVEL: 'silent', NODE_ENV: 'test', DELIVERY_POLL_INTERVAL_MS: '3600000' });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config }), { logger: false });
    await app.init();
    const started = await startMetricsServer(app.get(DeliveryMetrics), 0, '127.0.0.1');
    server = started.server;
    base = `http://127.0.0.1:${started.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
  });

  it('serves the delivery metrics in the Prometheus text format', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toContain('# TYPE charterflow_firings_total counter');
    expect(body).toContain('# TYPE charterflow_firing_lateness_seconds histogram');
  });

  it('answers nothing else', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});
