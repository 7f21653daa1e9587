import { INestApplication } from '@nestjs/common';
import supertest from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig, loadConfig } from '@charterflow/config';
import { BusinessDate } from '@charterflow/procedure';
import { TEST_DATABASE_URL } from './database';
import { FixedClock } from '@charterflow/kernel';

export const API = '/api/v1';

/** The bootstrap admin's password in every test app (ADMIN_PASSWORD). */
export const TEST_ADMIN_PASSWORD = 'test-admin-password';

export interface TestApp {
  app: INestApplication;
  /** Requests against the running app as the bootstrap `admin` (whole tree, every role), e.g. `http.get('/api/v1/cases')`. */
  http: ReturnType<typeof supertest.agent>;
  /** Requests with no token at all. */
  anonymous: ReturnType<typeof supertest>;
  /** Logs in and answers an agent sending that account's token. */
  as(username: string, password: string): Promise<ReturnType<typeof supertest.agent>>;
  clock: FixedClock;
  /** Moves the clock to 10:00 in Ho Chi Minh City on the given business date. */
  setToday(date: BusinessDate): void;
  close(): Promise<void>;
}

/** 10:00 local time (UTC+7) on a business date: far from midnight so the business date is unambiguous. */
export function instantOf(date: BusinessDate): string {
  return `${date}T03:00:00.000Z`;
}

/**
 * Starts the whole HTTP application in process on the test PostgreSQL database (or on embedded PGlite when
 * `dataDir` is given and no database URL), with a clock standing still on `today`. The in-process worker is off
 * unless `env.RUN_WORKER` is 'true', so that nothing moves a case behind a test's back.
 */
export async function startTestApp(options: { today?: BusinessDate; dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const clock = new FixedClock(instantOf(options.today ?? '2026-01-05'));
  // Tokens live ten years by default here: the tests move the injected clock across months and years.
  // Webhook receivers in the tests listen on 127.0.0.1.
  const common = { LOG_LEVEL: 'silent', NODE_ENV: 'test', RUN_WORKER: 'false', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, ACCESS_TOKEN_TTL_SECONDS: '315360000', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };
  const env: NodeJS.ProcessEnv = options.dataDir
    ? { DATA_DIR: options.dataDir, ...common, ...options.env }
    : { DATABASE_URL: TEST_DATABASE_URL, ...common, ...options.env };
  const config: AppConfig = loadConfig(env);
  const app = await createApp({ config, clock });
  const server = app.getHttpServer();
  const as = async (username: string, password: string) => {
    const res = await supertest(server).post(`${API}/auth/login`).send({ username, password });
    if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status} ${JSON.stringify(res.body)}`);
    return supertest.agent(server).set('Authorization', `Bearer ${res.body.accessToken as string}`);
  };
  const http = config.ADMIN_PASSWORD ? await as('admin', config.ADMIN_PASSWORD) : supertest.agent(server);
  return {
    app,
    http,
    anonymous: supertest(server),
    as,
    clock,
    setToday: (date) => clock.set(instantOf(date)),
    close: () => app.close(),
  };
}

export interface OrganisationTree {
  provinceId: string;
  communeId: string;
  grassrootsId: string;
  cellId: string;
  /** A village cell directly under the commune (no grassroots vote), when asked for. */
  villageCellId?: string;
}

/**
 * Creates province → commune → grassroots committee → cell over HTTP. `authorised` makes the grassroots
 * committee one authorised to decide admissions; `villageCell` adds a cell directly under the commune.
 */
export async function createOrganisationTree(
  http: TestApp['http'],
  options: { authorised?: boolean; villageCell?: boolean; label?: string } = {},
): Promise<OrganisationTree> {
  const label = options.label ?? Math.random().toString(36).slice(2, 8);
  const create = async (body: Record<string, unknown>): Promise<string> => {
    const res = await http.post(`${API}/organisations`).send(body);
    if (res.status !== 201) throw new Error(`creating ${JSON.stringify(body)} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const provinceId = await create({ name: `Tỉnh ủy ${label}`, kind: 'province' });
  const communeId = await create({ name: `Đảng ủy phường ${label}`, kind: 'commune', parentId: provinceId });
  const grassrootsId = await create({
    name: `Đảng ủy cơ sở ${label}`,
    kind: 'grassroots',
    parentId: communeId,
    authorisedToAdmit: options.authorised ?? false,
  });
  const cellId = await create({ name: `Chi bộ ${label}`, kind: 'cell', parentId: grassrootsId });
  const tree: OrganisationTree = { provinceId, communeId, grassrootsId, cellId };
  if (options.villageCell) tree.villageCellId = await create({ name: `Chi bộ thôn ${label}`, kind: 'cell', parentId: communeId });
  return tree;
}
