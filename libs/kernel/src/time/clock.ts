import { BusinessDate, businessDateOf } from './business-date';

/**
 * The one source of the current time. Provided by the application under the `Clock` class token
 * (`{ provide: Clock, useClass: SystemClock }`); tests provide a `FixedClock`.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today's business date in Asia/Ho_Chi_Minh. */
  today(): BusinessDate {
    return businessDateOf(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until set or advanced (tests, replays). */
export class FixedClock extends Clock {
  private current: Date;

  constructor(at: Date | string = '2026-01-05T03:00:00.000Z') {
    super();
    this.current = new Date(at);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
