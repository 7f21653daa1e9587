import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at once, then every interval, and never two runs at once', async () => {
    let release!: () => void;
    let runs = 0;
    const task = new PeriodicTask('t', 1000, () => {
      runs += 1;
      return new Promise<void>((r) => (release = r));
    });
    task.start();
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(3000); // the first run still holds: no overlap
    expect(runs).toBe(1);
    release();
    await jest.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    release();
    await task.stop();
  });

  it('logs a failed run and keeps its rhythm', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const task = new PeriodicTask(
      't',
      1000,
      async () => {
        runs += 1;
        throw new Error('boom');
      },
      { error: (e: unknown) => errors.push(e) },
    );
    task.start(false);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    expect(errors).toHaveLength(2);
    await task.stop();
  });

  it('stop() waits for the run in progress and no run starts afterwards', async () => {
    let release!: () => void;
    let finished = false;
    let runs = 0;
    const task = new PeriodicTask('t', 1000, async () => {
      runs += 1;
      await new Promise<void>((r) => (release = r));
      finished = true;
    });
    task.start();
    const stopping = task.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
  });
});
