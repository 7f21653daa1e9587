
/** Where a task reports a failed run (a Nest `Logger` fits). */
export interface TaskLogger {
  error(message: unknown, ...rest: unknown[]): void;
}

const consoleLogger: TaskLogger = { error: (...args: unknown[]) => console.error(...args) };

/**
 * Runs `work` now and then every `intervalMs`, never two runs at once; `stop()` cancels the timer and waits for a
 * run in progress (a drain). Only the rhythm lives here: `work` always reads what to do from the database, so a
 * task lost with its process loses nothing but time.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: TaskLogger = consoleLogger,
  ) {}

  get isRunning(): boolean {
    return !this.stopped;
  }

  /** Starts the rhythm; the first run begins at once unless `immediately` is false. */
  start(immediately = true): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (immediately) void this.runNow();
    this.timer = setInterval(() => void this.runNow(), this.intervalMs);
    // The task never keeps a process alive by itself.
    this.timer.unref();
  }

  /** One run now (or the run already in progress); errors are logged, never thrown. */
  runNow(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.work()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error, task: this.name }, `${this.name} failed`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
