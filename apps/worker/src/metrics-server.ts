import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryMetrics } from '@charterflow/delivery';

/**
 * The worker's own Prometheus endpoint: a separately run worker has no HTTP application, yet its deliveries (lateness,
 * firings) are counted in its own process. `GET /metrics` answers the exposition; anything else 404.
 */
export async function startMetricsServer(metrics: DeliveryMetrics, port: number, host = '0.0.0.0'): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    metrics
      .exposition()
      .then(({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType }).end(body))
      .catch(() => res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
