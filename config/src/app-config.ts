import { availableParallelism } from 'node:os';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Variables whose values must never appear in an error message or a log line. */
export const SECRET_VARIABLES: readonly string[] = ['ADMIN_PASSWORD', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'];

/** Import replay threads when unset: the cores beside the main thread's, at least one, at most four. */
const DEFAULT_IMPORT_REPLAY_THREADS = Math.min(4, Math.max(1, availableParallelism() - 1));

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A whole number with a default when unset; anything else is passed on for the validators to refuse. */
const wholeNumber =
  (fallback: number) =>
  ({ value }: { value: unknown }) =>
    value === undefined || value === '' ? fallback : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/**
 * The process configuration, read from the environment once at boot (api.md "Configuration").
 * Property names are the environment variable names so that an error names exactly what to fix.
 */
export class AppConfig {
  /** HTTP port. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 3000 : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  PORT: number = 3000;

  /** PostgreSQL connection string; unset → embedded PGlite in DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a PostgreSQL connection string postgres://user:password@host:port/database' })
  DATABASE_URL?: string;

  /**
   * Connections each process keeps to PostgreSQL (its pool's maximum): requests beyond it wait for a connection.
   * Unused on the embedded database (one session).
   */
  @Transform(wholeNumber(10))
  @IsInt({ message: 'must be a whole number between 1 and 200' })
  @Min(1, { message: 'must be a whole number between 1 and 200' })
  @Max(200, { message: 'must be a whole number between 1 and 200' })
  DATABASE_POOL_SIZE: number = 10;

  /** Folder of the embedded database. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? './.data' : value))
  @IsString()
  @MinLength(1)
  DATA_DIR: string = './.data';

  /**
   * Redis for deadline delivery (BullMQ); unset → the embedded default's own delivery (a poll of the database).
   * BullMQ serves several processes sharing one database, so it needs PostgreSQL: with the embedded PGlite (one
   * process, one session) the setting is refused rather than half-working.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a Redis URL redis://host:port' })
  @ValidateBy(
    { name: 'needsPostgres', validator: { validate: (_value, args) => Boolean((args?.object as AppConfig).DATABASE_URL) } },
    { message: 'needs DATABASE_URL: deadline delivery through Redis runs on PostgreSQL; the embedded database delivers without Redis' },
  )
  REDIS_URL?: string;

  /** Password of the `admin` account ensured at start. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters long' })
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  ADMIN_PASSWORD?: string;

  /** Full name of the `admin` account ensured at start; unset: "Quản trị hệ thống" (a name given since stays). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'must be at most 200 characters long' })
  ADMIN_FULL_NAME?: string;

  /**
   * Key that signs the access tokens (HMAC-SHA256), at least 32 characters. Required in production; elsewhere,
   * when unset, a random key is drawn at start (tokens then end with the process) and a warning is logged.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((o: AppConfig) => o.JWT_SECRET !== undefined || o.NODE_ENV === 'production')
  @IsDefined({ message: 'is required when NODE_ENV=production (every API replica must sign and check tokens with the same key)' })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long (e.g. openssl rand -base64 48)' })
  @MaxLength(512, { message: 'must be at most 512 characters long' })
  JWT_SECRET?: string;

  /** Lifetime of an access token, in seconds. At most one day in production. */
  @Transform(wholeNumber(3600))
  @IsInt({ message: 'must be a whole number of seconds between 60 and 315360000' })
  @Min(60, { message: 'must be a whole number of seconds between 60 and 315360000' })
  @Max(315_360_000, { message: 'must be a whole number of seconds between 60 and 315360000' })
  @ValidateBy(
    { name: 'shortInProduction', validator: { validate: (value, args) => (args?.object as AppConfig).NODE_ENV !== 'production' || Number(value) <= 86_400 } },
    { message: 'must be at most 86400 (one day) when NODE_ENV=production' },
  )
  ACCESS_TOKEN_TTL_SECONDS: number = 3600;

  /** Failed logins in a row after which an account name is locked for LOGIN_LOCK_SECONDS. */
  @Transform(wholeNumber(5))
  @IsInt({ message: 'must be a whole number between 1 and 100' })
  @Min(1, { message: 'must be a whole number between 1 and 100' })
  @Max(100, { message: 'must be a whole number between 1 and 100' })
  LOGIN_MAX_FAILURES: number = 5;

  @Transform(wholeNumber(900))
  @IsInt({ message: 'must be a whole number of seconds between 1 and 86400' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 86400' })
  @Max(86_400, { message: 'must be a whole number of seconds between 1 and 86400' })
  LOGIN_LOCK_SECONDS: number = 900;

  /** Login requests per minute from one address (any account names). */
  @Transform(wholeNumber(60))
  @IsInt({ message: 'must be a whole number between 1 and 100000' })
  @Min(1, { message: 'must be a whole number between 1 and 100000' })
  @Max(100_000, { message: 'must be a whole number between 1 and 100000' })
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 60;

  /** Writing requests (POST, PUT, PATCH, DELETE) per minute by one account. */
  @Transform(wholeNumber(6000))
  @IsInt({ message: 'must be a whole number between 1 and 1000000' })
  @Min(1, { message: 'must be a whole number between 1 and 1000000' })
  @Max(1_000_000, { message: 'must be a whole number between 1 and 1000000' })
  WRITE_RATE_LIMIT_PER_MINUTE: number = 6000;

  /**
   * Proxies in front of the API whose X-Forwarded-For is trusted (0: none, the client is the connection's peer). Behind
   * the compose file's proxy: 1, so the login limit counts the client's address, not the proxy's.
   */
  @Transform(wholeNumber(0))
  @IsInt({ message: 'must be a whole number between 0 and 10' })
  @Min(0, { message: 'must be a whole number between 0 and 10' })
  @Max(10, { message: 'must be a whole number between 0 and 10' })
  TRUST_PROXY: number = 0;

  /** Port of the worker process's own Prometheus endpoint (GET /metrics); 0: none. */
  @Transform(wholeNumber(9464))
  @IsInt({ message: 'must be a whole number between 0 and 65535' })
  @Min(0, { message: 'must be a whole number between 0 and 65535' })
  @Max(65535, { message: 'must be a whole number between 0 and 65535' })
  WORKER_METRICS_PORT: number = 9464;

  /** Origins allowed to call the API from a browser (comma-separated, exact https://host[:port]); unset: none. */
  @Transform(({ value }: { value: unknown }) =>
    value === undefined || value === '' ? [] : typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value,
  )
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, { each: true, message: 'must be a comma-separated list of origins like https://console.example.org' })
  CORS_ORIGINS: string[] = [];

  /**
   * Lets webhooks point at private, loopback and link-local addresses (a receiver on the same machine or network).
   * Off by default: a webhook must not make the server post into its own network.
   */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? false : value === true || value === 'true' ? true : value === false || value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_TARGETS: boolean = false;

  /** `false` runs the API without the in-process worker (then run `npm run start:worker` beside it). */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? true : value === true || value === 'true' ? true : value === false || value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  RUN_WORKER: boolean = true;

  /**
   * Embedded mode: how often the worker reads the due firings from the database. With REDIS_URL: how often the
   * outbox relay moves changed deadlines into the queues. Milliseconds.
   */
  @Transform(wholeNumber(5000))
  @IsInt({ message: 'must be a whole number of milliseconds between 50 and 3600000' })
  @Min(50, { message: 'must be a whole number of milliseconds between 50 and 3600000' })
  @Max(3_600_000, { message: 'must be a whole number of milliseconds between 50 and 3600000' })
  DELIVERY_POLL_INTERVAL_MS: number = 5000;

  /** With REDIS_URL: how often the reconciler compares the queues with the pending firings (also once at start). */
  @Transform(wholeNumber(600_000))
  @IsInt({ message: 'must be a whole number of milliseconds between 1000 and 86400000' })
  @Min(1000, { message: 'must be a whole number of milliseconds between 1000 and 86400000' })
  @Max(86_400_000, { message: 'must be a whole number of milliseconds between 1000 and 86400000' })
  RECONCILE_INTERVAL_MS: number = 600_000;

  /** How often the worker runs the compliance checks again for changed cases (milliseconds). */
  @Transform(wholeNumber(60_000))
  @IsInt({ message: 'must be a whole number of milliseconds between 1000 and 86400000' })
  @Min(1000, { message: 'must be a whole number of milliseconds between 1000 and 86400000' })
  @Max(86_400_000, { message: 'must be a whole number of milliseconds between 1000 and 86400000' })
  AUDIT_SWEEP_INTERVAL_MS: number = 60_000;

  /**
   * Threads beside the main one that replay imported rows through the engine (ADR 0028); 0 replays them on the main
   * thread. Unset: the machine's cores but one, at least 1, at most 4.
   */
  @Transform(wholeNumber(DEFAULT_IMPORT_REPLAY_THREADS))
  @IsInt({ message: 'must be a whole number between 0 and 16' })
  @Min(0, { message: 'must be a whole number between 0 and 16' })
  @Max(16, { message: 'must be a whole number between 0 and 16' })
  IMPORT_REPLAY_THREADS: number = DEFAULT_IMPORT_REPLAY_THREADS;

  /** How often a worker records that it is alive; `/health` is degraded when none did for three intervals. */
  @Transform(wholeNumber(15_000))
  @IsInt({ message: 'must be a whole number of milliseconds between 1000 and 600000' })
  @Min(1000, { message: 'must be a whole number of milliseconds between 1000 and 600000' })
  @Max(600_000, { message: 'must be a whole number of milliseconds between 1000 and 600000' })
  WORKER_HEARTBEAT_INTERVAL_MS: number = 15_000;

  /** JSON file with the reminder offsets per deadline kind; unset → the built-in policy. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(1)
  REMINDER_POLICY_PATH?: string;

  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 'info' : typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV?: NodeEnv;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
