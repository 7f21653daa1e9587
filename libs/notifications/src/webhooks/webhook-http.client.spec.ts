import { LookupAddress } from 'node:dns';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { AppConfig } from '@charterflow/config';
import { HostResolver } from './host-resolver';
import { WebhookHttpClient } from './webhook-http.client';

const CLOSED = { WEBHOOK_ALLOW_PRIVATE_TARGETS: false } as AppConfig;
const OPEN = { WEBHOOK_ALLOW_PRIVATE_TARGETS: true } as AppConfig;

/** Answers each call with the next list of `answers` (the last one again once exhausted), counting the calls. */
function scriptedResolver(...answers: string[][]): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async resolve(hostname: string): Promise<LookupAddress[]> {
      calls.push(hostname);
      const addresses = answers[Math.min(calls.length, answers.length) - 1];
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}

interface Receiver {
  port: number;
  requests: { headers: IncomingHttpHeaders; localAddress: string | undefined }[];
  close(): Promise<void>;
}

/** An HTTP receiver listening on 127.0.0.1 only, answering 204. */
async function startReceiver(): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ headers: req.headers, localAddress: req.socket.localAddress });
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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

  describe('with a receiver on 127.0.0.1', () => {
    let receiver: Receiver;
    beforeEach(async () => (receiver = await startReceiver()));
    afterEach(() => receiver.close());

    it('resolves the name once per delivery and sends the name, not the address, as Host', async () => {
      const resolver = scriptedResolver(['127.0.0.1']);
      const client = new WebhookHttpClient(OPEN, resolver);
      expect(await client.post(`http://receiver.test:${receiver.port}/hook?x=1`, '{}', { 'X-Test': 'a' })).toEqual({ statusCode: 204 });
      expect(resolver.calls).toEqual(['receiver.test']);
      expect(await client.post(`http://receiver.test:${receiver.port}/hook?x=2`, '{}', { 'X-Test': 'b' })).toEqual({ statusCode: 204 });
      expect(resolver.calls).toEqual(['receiver.test', 'receiver.test']);
      expect(receiver.requests.map((r) => [r.headers.host, r.headers['x-test'], r.localAddress])).toEqual([
        [`receiver.test:${receiver.port}`, 'a', '127.0.0.1'],
        [`receiver.test:${receiver.port}`, 'b', '127.0.0.1'],
      ]);
    });

    it('connects to the address it checked: a name re-pointed after the check does not move the request', async () => {
      // A second resolution would answer 127.0.0.2, where nothing listens (and `.test` exists in no DNS, RFC 6761).
      const rebinding = scriptedResolver(['127.0.0.1'], ['127.0.0.2']);
      const client = new WebhookHttpClient(OPEN, rebinding);
      expect(await client.post(`http://receiver.test:${receiver.port}/hook`, '{}', {})).toEqual({ statusCode: 204 });
      expect(rebinding.calls).toHaveLength(1);
      expect(receiver.requests).toHaveLength(1);
    });

    it('refuses a name when any address it resolves to is private, without naming the address', async () => {
      for (const internal of ['127.0.0.1', '::ffff:127.0.0.1', '::127.0.0.1', '64:ff9b::7f00:1']) {
        const resolver = scriptedResolver(['203.113.1.1', internal]);
        const result = await new WebhookHttpClient(CLOSED, resolver).post(`http://receiver.test:${receiver.port}/hook`, '{}', {});
        expect([internal, result]).toEqual([internal, { error: 'refused: receiver.test resolves to a private, loopback or link-local address' }]);
        expect(resolver.calls).toHaveLength(1);
      }
      expect(receiver.requests).toHaveLength(0);
    });

    it('refuses the IPv4 and IPv6 spellings of a private address without resolving them; allowed, they reach 127.0.0.1', async () => {
      const hosts = ['2130706433', '0x7f.1', '127.1', '0177.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::127.0.0.1]', '[::ffff:0:7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]', 'localhost.'];
      const resolver = scriptedResolver(['203.113.1.1']);
      const closed = new WebhookHttpClient(CLOSED, resolver);
      for (const host of hosts) {
        expect([host, await closed.post(`http://${host}:${receiver.port}/hook`, '{}', {})]).toEqual([host, { error: expect.stringMatching(/^refused: /) }]);
      }
      expect(resolver.calls).toEqual([]);
      expect(receiver.requests).toHaveLength(0);
      const open = new WebhookHttpClient(OPEN, resolver);
      for (const host of ['2130706433', '0x7f.1', '127.1']) expect(await open.post(`http://${host}:${receiver.port}/hook`, '{}', {})).toEqual({ statusCode: 204 });
      expect(receiver.requests.map((r) => r.headers.host)).toEqual(Array(3).fill(`127.0.0.1:${receiver.port}`));
    });
  });

  it('reports a refused connection with the URL’s host, never the address the name resolved to', async () => {
    const receiver = await startReceiver();
    const port = receiver.port;
    await receiver.close();
    const result = await new WebhookHttpClient(OPEN, scriptedResolver(['127.0.0.1'])).post(`http://nobody.test:${port}/hook`, '{}', {});
    expect(result).toEqual({ error: `connect ECONNREFUSED nobody.test:${port}` });
  });

  it('over https sends the name as SNI (and so checks the certificate against it), connecting to the pinned address', async () => {
    const serverNames: string[] = [];
    const server = createTlsServer({
      // Record the name the client asked for, then end the handshake: no certificate is needed to see SNI.
      SNICallback: (name, callback) => {
        serverNames.push(name);
        callback(new Error('no certificate here'));
      },
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const result = await new WebhookHttpClient(OPEN, scriptedResolver(['127.0.0.1'])).post(`https://receiver.test:${port}/hook`, '{}', {});
      expect(result).toEqual({ error: expect.any(String) });
      expect(JSON.stringify(result)).not.toContain('127.0.0.1');
      expect(serverNames).toEqual(['receiver.test']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('counts a resolution that hangs against the request timeout', async () => {
    const hanging: HostResolver = { resolve: () => new Promise<LookupAddress[]>(() => undefined) };
    expect(await new WebhookHttpClient(OPEN, hanging).post('http://slow.test/hook', '{}', {}, 50)).toEqual({ error: 'timeout: no answer within 50 ms' });
  });
});
