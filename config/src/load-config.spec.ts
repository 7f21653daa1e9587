import { availableParallelism } from 'node:os';
import { AppConfig } from './app-config';
import { ConfigValidationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toBeInstanceOf(AppConfig);
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./.data');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.ADMIN_PASSWORD).toBeUndefined();
  });

  it('accepts a good environment and converts PORT to a number', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app:secret@db:5432/charterflow',
      DATA_DIR: '/var/lib/charterflow',
      REDIS_URL: 'redis://cache:6379',
      ADMIN_PASSWORD: '12345678',
      LOG_LEVEL: 'DEBUG',
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-signing-key-of-enough-length',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://app:secret@db:5432/charterflow');
    expect(config.DATA_DIR).toBe('/var/lib/charterflow');
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.ADMIN_PASSWORD).toBe('12345678');
    expect(config.isProduction).toBe(true);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', ADMIN_PASSWORD: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ADMIN_PASSWORD).toBeUndefined();
  });

  it.each(['1', '65535'])('accepts PORT=%s', (port) => {
    expect(loadConfig({ PORT: port }).PORT).toBe(Number(port));
  });

  it.each(['0', '65536', 'http', '80.5', '-1'])('refuses PORT=%s', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT: must be a whole number between 1 and 65535/);
  });

  it('accepts an admin password of exactly 8 characters and refuses 7, without printing it', () => {
    expect(loadConfig({ ADMIN_PASSWORD: 'abcdefgh' }).ADMIN_PASSWORD).toBe('abcdefgh');
    let error: unknown;
    try {
      loadConfig({ ADMIN_PASSWORD: 'abcdefg' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toMatch(/ADMIN_PASSWORD: must be at least 8 characters long/);
    expect((error as Error).message).not.toContain('abcdefg');
  });

  it('lists every bad variable in one multi-line message', () => {
    let error: ConfigValidationError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/x', REDIS_URL: 'memcached://x', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
    } catch (e) {
      error = e as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error!.problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV', 'PORT', 'REDIS_URL']);
    const lines = error!.message.split('\n');
    expect(lines[0]).toMatch(/Invalid configuration/);
    expect(lines).toHaveLength(6);
    expect(error!.message).toContain('"eighty"');
    expect(error!.message).not.toContain('hunter2');
  });

  it('runs the worker in process unless RUN_WORKER=false', () => {
    expect(loadConfig({}).RUN_WORKER).toBe(true);
    expect(loadConfig({ RUN_WORKER: 'true' }).RUN_WORKER).toBe(true);
    expect(loadConfig({ RUN_WORKER: 'false' }).RUN_WORKER).toBe(false);
    expect(() => loadConfig({ RUN_WORKER: 'no' })).toThrow(/RUN_WORKER: must be true or false/);
  });

  it('polls for deliveries every 5 s by default, accepts 50 and 3600000, refuses 49 and 3600001', () => {
    expect(loadConfig({}).DELIVERY_POLL_INTERVAL_MS).toBe(5000);
    expect(loadConfig({ DELIVERY_POLL_INTERVAL_MS: '50' }).DELIVERY_POLL_INTERVAL_MS).toBe(50);
    expect(loadConfig({ DELIVERY_POLL_INTERVAL_MS: '3600000' }).DELIVERY_POLL_INTERVAL_MS).toBe(3_600_000);
    for (const bad of ['49', '3600001', '1.5', 'often']) {
      expect(() => loadConfig({ DELIVERY_POLL_INTERVAL_MS: bad })).toThrow(/DELIVERY_POLL_INTERVAL_MS: must be a whole number of milliseconds between 50 and 3600000/);
    }
  });

  it('reconciles every 10 minutes by default, accepts 1000 and 86400000, refuses 999 and 86400001', () => {
    expect(loadConfig({}).RECONCILE_INTERVAL_MS).toBe(600_000);
    expect(loadConfig({ RECONCILE_INTERVAL_MS: '1000' }).RECONCILE_INTERVAL_MS).toBe(1000);
    expect(loadConfig({ RECONCILE_INTERVAL_MS: '86400000' }).RECONCILE_INTERVAL_MS).toBe(86_400_000);
    for (const bad of ['999', '86400001', '-5']) {
      expect(() => loadConfig({ RECONCILE_INTERVAL_MS: bad })).toThrow(/RECONCILE_INTERVAL_MS: must be a whole number of milliseconds between 1000 and 86400000/);
    }
  });

  it('reads REMINDER_POLICY_PATH as an optional path (empty = unset)', () => {
    expect(loadConfig({}).REMINDER_POLICY_PATH).toBeUndefined();
    expect(loadConfig({ REMINDER_POLICY_PATH: '' }).REMINDER_POLICY_PATH).toBeUndefined();
    expect(loadConfig({ REMINDER_POLICY_PATH: '/etc/charterflow/reminders.json' }).REMINDER_POLICY_PATH).toBe('/etc/charterflow/reminders.json');
  });

  it('accepts REDIS_URL with DATABASE_URL and refuses it on the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/x', REDIS_URL: 'redis://cache:6379' }).REDIS_URL).toBe('redis://cache:6379');
    expect(() => loadConfig({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL: needs DATABASE_URL/);
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });
});

describe('the variables of the deployment', () => {
  it('reads TRUST_PROXY and WORKER_METRICS_PORT, with their defaults when unset', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).WORKER_METRICS_PORT).toBe(9464);
    expect(loadConfig({ WORKER_METRICS_PORT: '0' }).WORKER_METRICS_PORT).toBe(0);
  });

  it('reads DATABASE_POOL_SIZE between 1 and 200, 10 when unset', () => {
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '' }).DATABASE_POOL_SIZE).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '1' }).DATABASE_POOL_SIZE).toBe(1);
    expect(loadConfig({ DATABASE_POOL_SIZE: '200' }).DATABASE_POOL_SIZE).toBe(200);
    for (const bad of ['0', '201', '-1', '2.5', 'ten']) {
      expect(() => loadConfig({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE: must be a whole number between 1 and 200/);
    }
  });

  it('reads IMPORT_REPLAY_THREADS between 0 and 16; unset, the cores but one, at least 1 and at most 4', () => {
    const cores = availableParallelism();
    expect(loadConfig({}).IMPORT_REPLAY_THREADS).toBe(Math.min(4, Math.max(1, cores - 1)));
    expect(loadConfig({ IMPORT_REPLAY_THREADS: '' }).IMPORT_REPLAY_THREADS).toBe(Math.min(4, Math.max(1, cores - 1)));
    expect(loadConfig({ IMPORT_REPLAY_THREADS: '0' }).IMPORT_REPLAY_THREADS).toBe(0);
    expect(loadConfig({ IMPORT_REPLAY_THREADS: '16' }).IMPORT_REPLAY_THREADS).toBe(16);
    for (const bad of ['17', '-1', '1.5', 'two']) {
      expect(() => loadConfig({ IMPORT_REPLAY_THREADS: bad })).toThrow(/IMPORT_REPLAY_THREADS: must be a whole number between 0 and 16/);
    }
  });
});
