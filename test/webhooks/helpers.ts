import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { InboxRepository, WebhookFanOut } from '@charterflow/notifications';
import { API, TestApp } from '../support/app';

/** One request as the receiver saw it: lower-cased headers and the raw body text. */
export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Decides the status of each request (default 200); may be async, e.g. to hold requests open. */
  respond: (request: ReceivedRequest, index: number) => number | Promise<number>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1, on a port the OS picks. */
export async function startReceiver(): Promise<TestReceiver> {
  const receiver: TestReceiver = { url: '', requests: [], respond: () => 200, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = receiver.requests.push(request) - 1;
      Promise.resolve(receiver.respond(request, index)).then(
        (status) => res.writeHead(status, { 'Content-Type': 'text/plain' }).end(`answered ${status}`),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/charterflow`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** A URL on which nothing listens: a port the OS gave us and that we released again. */
export async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/nobody-home`;
}

export interface NotificationRow {
  id: string;
  organisationId: string;
  role: string;
  kind: 'reminder' | 'escalation' | 'probation_ended';
  phase: string | null;
  dueOn: string | null;
  createdAt: Date;
}

/**
 * Writes a notification through the inbox repository (the only writer of notifications, as the firing code does, but
 * independent of it), which queues its webhook deliveries in the same transaction.
 */
export async function insertNotification(
  dataSource: DataSource,
  input: { organisationId: string; createdAt: Date; role?: string; kind?: NotificationRow['kind']; phase?: string | null; dueOn?: string | null },
): Promise<NotificationRow> {
  const row: Omit<NotificationRow, 'id'> = {
    organisationId: input.organisationId,
    role: input.role ?? 'cell_secretary',
    kind: input.kind ?? 'reminder',
    phase: input.phase === undefined ? 'remind-10wd' : input.phase,
    dueOn: input.dueOn === undefined ? '2026-01-19' : input.dueOn,
    createdAt: input.createdAt,
  };
  const [written] = await dataSource.transaction((m) =>
    new InboxRepository(dataSource, new WebhookFanOut()).insert(m, [
      {
        ...row,
        caseId: null,
        deadlineId: null,
        title: { vi: 'Sắp đến hạn', en: 'Deadline approaching' },
        body: { vi: 'Còn 10 ngày làm việc', en: '10 working days left' },
        dedupeKey: `test:${randomUUID()}`,
      },
    ]),
  );
  return { id: written.id, ...row };
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  notification_id: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

/** Every delivery row, optionally of one notification, ordered by webhook then id. */
export async function deliveryRows(dataSource: DataSource, notificationId?: string): Promise<DeliveryRow[]> {
  return dataSource.query(
    `SELECT * FROM webhook_deliveries ${notificationId ? 'WHERE notification_id = $1' : ''} ORDER BY webhook_id, id`,
    notificationId ? [notificationId] : [],
  );
}

/** Webhooks and deliveries are this suite's alone: empty them between tests. */
export async function cleanWebhooks(dataSource: DataSource): Promise<void> {
  await dataSource.query(`TRUNCATE webhook_deliveries, webhooks`);
}

/** Registers a webhook over HTTP and answers the 201 body (with its secret). */
export async function registerWebhook(
  http: TestApp['http'],
  body: { organisationId: string; url: string; secret?: string; description?: string; includeSubtree?: boolean },
): Promise<{ id: string; secret: string; [key: string]: unknown }> {
  const res = await http.post(`${API}/webhooks`).send(body);
  if (res.status !== 201) throw new Error(`registering ${JSON.stringify(body)} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates an organisation over HTTP (e.g. a sibling cell). */
export async function createOrganisation(http: TestApp['http'], body: { name: string; kind: string; parentId?: string }): Promise<string> {
  const res = await http.post(`${API}/organisations`).send(body);
  if (res.status !== 201) throw new Error(`creating ${JSON.stringify(body)} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export type RecipeVerifier = (secret: string, headers: IncomingHttpHeaders, rawBody: string | Buffer, nowSeconds?: number) => boolean;

/**
 * The receiver recipe exactly as docs/webhooks.md prints it (the js block after `<!-- recipe:verify`), so the
 * documentation cannot drift from what the deliverer sends.
 */
export function loadDocumentedVerifier(): RecipeVerifier {
  const doc = readFileSync(join(__dirname, '../../docs/webhooks.md'), 'utf8');
  const marker = doc.indexOf('<!-- recipe:verify');
  if (marker < 0) throw new Error('docs/webhooks.md has no <!-- recipe:verify --> block');
  const block = /```js\n([\s\S]*?)```/.exec(doc.slice(marker));
  if (!block) throw new Error('docs/webhooks.md: no js block after the recipe marker');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('require', 'Buffer', `${block[1]}\nreturn verifyCharterflowWebhook;`)(require, Buffer) as RecipeVerifier;
}
