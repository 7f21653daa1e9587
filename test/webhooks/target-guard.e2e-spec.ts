import { LookupAddress } from 'node:dns';
import { DataSource } from 'typeorm';
import { AppConfig } from '@charterflow/config';
import { HostResolver, SystemHostResolver, WebhookDeliverer, WebhookDeliveriesRepository, WebhookHttpClient } from '@charterflow/notifications';
import { API, createOrganisationTree, OrganisationTree, startTestApp, TestApp } from '../support/app';
import { cleanWebhooks, closedUrl, deliveryRows, insertNotification, registerWebhook, startReceiver, TestReceiver } from './helpers';

/** Answers names that exist in no DNS (`.test`, RFC 6761) from a table, counting the calls. */
class TableResolver extends HostResolver {
  readonly calls: string[] = [];
  constructor(private readonly table: Record<string, string[]>) {
    super();
  }
  async resolve(hostname: string): Promise<LookupAddress[]> {
    this.calls.push(hostname);
    const addresses = this.table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }
}

/** Answers `first` to the first resolution and `later` to every one after it, as a rebinding DNS server would. */
class RebindingResolver extends TableResolver {
  constructor(hostname: string, first: string, private readonly later: string) {
    super({ [hostname]: [first] });
  }
  override async resolve(hostname: string): Promise<LookupAddress[]> {
    const answer = await super.resolve(hostname);
    return this.calls.length === 1 ? answer : [{ address: this.later, family: 4 }];
  }
}

describe('webhook delivery to a name: resolved once, pinned, and no internal address in the delivery log', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let tree: OrganisationTree;
  let receiver: TestReceiver;

  /** The app's deliverer, but with this resolver and with private targets allowed or not. */
  const delivererWith = (resolver: HostResolver, allowPrivate: boolean) =>
    new WebhookDeliverer(t.app.get(WebhookDeliveriesRepository), new WebhookHttpClient({ WEBHOOK_ALLOW_PRIVATE_TARGETS: allowPrivate } as AppConfig, resolver), t.clock);

  beforeAll(async () => {
    t = await startTestApp({ today: '2026-01-05' });
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    t.setToday('2026-01-05');
    await cleanWebhooks(dataSource);
    tree = await createOrganisationTree(t.http);
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  it.each([
    ['an RFC 1918 address', '10.20.30.40', ['10.20.30.40']],
    ['the metadata service as IPv4-mapped IPv6', '::ffff:a9fe:a9fe', ['a9fe', '169.254']],
    ['loopback through the NAT64 prefix', '64:ff9b::7f00:1', ['7f00', '127.0.0.1']],
  ])('refuses a name resolving to %s; the log says why without the address', async (_what, internal, leaks) => {
    const resolver = new TableResolver({ 'intranet.test': ['203.113.1.1', internal] });
    const webhook = await registerWebhook(t.http, { organisationId: tree.cellId, url: 'http://intranet.test:8080/hook' });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });

    expect(await delivererWith(resolver, false).deliverDue()).toBe(1);

    expect(resolver.calls).toEqual(['intranet.test']);
    const [row] = await deliveryRows(dataSource, n.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: 'refused: intranet.test resolves to a private, loopback or link-local address' });
    const log = await t.http.get(`${API}/webhooks/${webhook.id}/deliveries`).expect(200);
    expect(log.body).toEqual([expect.objectContaining({ id: row.id, lastError: row.last_error, lastStatusCode: null })]);
    const shown = JSON.stringify(log.body);
    for (const text of [internal, ...leaks]) expect([text, shown.includes(text)]).toEqual([text, false]);
  });

  it('connects to the address it checked, once per attempt: a name re-pointed after the check does not move the request', async () => {
    const port = new URL(receiver.url).port;
    // Every resolution after the first answers 127.0.0.2, where nothing listens: a second one would fail the POST.
    const rebinding = new RebindingResolver('receiver.test', '127.0.0.1', '127.0.0.2');
    const webhook = await registerWebhook(t.http, { organisationId: tree.cellId, url: `http://receiver.test:${port}/hooks/charterflow` });
    const n = await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });

    expect(await delivererWith(rebinding, true).deliverDue()).toBe(1);

    expect(rebinding.calls).toEqual(['receiver.test']);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].headers.host).toBe(`receiver.test:${port}`);
    expect((await deliveryRows(dataSource, n.id))[0]).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200 });
    const log = await t.http.get(`${API}/webhooks/${webhook.id}/deliveries`);
    expect(log.body).toEqual([expect.objectContaining({ status: 'delivered', lastError: null })]);
  });

  it('logs a refused connection to a name with the name, not the address it resolved to', async () => {
    const port = new URL(await closedUrl()).port;
    const resolver = new TableResolver({ 'nobody.test': ['127.0.0.1'] });
    const webhook = await registerWebhook(t.http, { organisationId: tree.cellId, url: `http://nobody.test:${port}/hook` });
    await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });

    expect(await delivererWith(resolver, true).deliverDue()).toBe(1);

    const log = await t.http.get(`${API}/webhooks/${webhook.id}/deliveries`);
    expect(log.body).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: `connect ECONNREFUSED nobody.test:${port}` })]);
    expect(JSON.stringify(log.body)).not.toContain('127.0.0.1');
  });

  it('the app’s own client resolves through the registered system resolver, once per attempt', async () => {
    const resolver = t.app.get(HostResolver);
    expect(resolver).toBeInstanceOf(SystemHostResolver);
    const resolve = jest.spyOn(resolver, 'resolve');
    try {
      await registerWebhook(t.http, { organisationId: tree.cellId, url: receiver.url.replace('127.0.0.1', 'localhost') });
      await insertNotification(dataSource, { organisationId: tree.cellId, createdAt: t.clock.now() });
      expect(await t.app.get(WebhookDeliverer).deliverDue()).toBe(1);
      expect(resolve.mock.calls).toEqual([['localhost']]);
      expect(receiver.requests.map((r) => r.headers.host)).toEqual([`localhost:${new URL(receiver.url).port}`]);
    } finally {
      resolve.mockRestore();
    }
  });
});
