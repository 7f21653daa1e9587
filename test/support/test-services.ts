import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The part of `pg`'s Client used here: `pg` ships no type declarations (see libs/database/src/pg-module.ts). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (config: { connectionString: string }) => PgClient };

/**
 * Where a test run keeps its state. By default every run creates a database of its own on the local PostgreSQL
 * (dropped at the end) and claims a Redis database index nobody else uses (emptied and released at the end), so
 * that a run touches nothing it did not create and two runs on one machine do not meet.
 *
 * Told otherwise, it uses what it is given: `TEST_DATABASE_URL` names a database the run may wipe (its public schema
 * is recreated), `TEST_REDIS_URL` a Redis database the run may empty.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_SERVER_URL = process.env.TEST_REDIS_SERVER_URL || 'redis://127.0.0.1:6379';

/** What the global setup made, handed to the global teardown through the environment. */
export const OWNED_DATABASE_ENV = 'CHARTERFLOW_TEST_OWNED_DATABASE';
export const OWNED_REDIS_DB_ENV = 'CHARTERFLOW_TEST_OWNED_REDIS_DB';

/** Claims of Redis database indexes live in database 0 under this key, one per index, with an expiry. */
const CLAIM_KEY = (index: number) => `charterflow:test-run:redis-db:${index}`;
const CLAIM_SECONDS = 4 * 3600;
/** Database 0 holds the claims; 15 is the benchmarks'. */
const CANDIDATE_INDEXES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

/** A database name no other run uses. */
export function newDatabaseName(): string {
  return `charterflow_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** The URL of `database` on the server of `serverUrl`. */
export function databaseUrlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createDatabase(name: string): Promise<void> {
  await withPostgres(async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

export async function dropDatabase(name: string): Promise<void> {
  await withPostgres(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

async function withPostgres(work: (client: PgClient) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Claims a Redis database index that is empty and unclaimed (SET NX with an expiry, so a crashed run's claim ends by
 * itself) and answers its URL. Throws when every candidate is taken.
 */
export async function claimRedisDatabase(): Promise<{ index: number; url: string }> {
  const redis = new Redis(TEST_REDIS_SERVER_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    const owner = `${process.pid}-${randomBytes(4).toString('hex')}`;
    for (const index of CANDIDATE_INDEXES) {
      const claimed = await redis.set(CLAIM_KEY(index), owner, 'EX', CLAIM_SECONDS, 'NX');
      if (claimed !== 'OK') continue;
      await redis.select(index);
      const size = await redis.dbsize();
      await redis.select(0);
      if (size === 0) return { index, url: redisUrlOf(index) };
      await redis.del(CLAIM_KEY(index)); // in use by something else: leave it alone
    }
    throw new Error(`no free Redis database index on ${TEST_REDIS_SERVER_URL} (tried ${CANDIDATE_INDEXES.join(', ')}); set TEST_REDIS_URL`);
  } finally {
    redis.disconnect();
  }
}

/** Empties the claimed index and releases the claim. */
export async function releaseRedisDatabase(index: number): Promise<void> {
  const redis = new Redis(TEST_REDIS_SERVER_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    await redis.select(index);
    await redis.flushdb();
    await redis.select(0);
    await redis.del(CLAIM_KEY(index));
  } finally {
    redis.disconnect();
  }
}

function redisUrlOf(index: number): string {
  const url = new URL(TEST_REDIS_SERVER_URL);
  url.pathname = `/${index}`;
  return url.toString();
}
