import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig } from '@charterflow/config';
import { WebhookHttpClient } from './webhook-http.client';

describe('WebhookHttpClient and private targets', () => {
  it('refuses a private address unless allowed, and then posts to it', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.statusCode = 204;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const closed = new WebhookHttpClient({ WEBHOOK_ALLOW_PRIVATE_TARGETS: false } as AppConfig);
      expect(await closed.post(url, '{}', {})).toEqual({ error: expect.stringMatching(/^refused: .*private/) });
      expect(hits).toBe(0);
      const open = new WebhookHttpClient({ WEBHOOK_ALLOW_PRIVATE_TARGETS: true } as AppConfig);
      expect(await open.post(url, '{}', {})).toEqual({ statusCode: 204 });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});
