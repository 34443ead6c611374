/** The one source of "now": inject it, never call `new Date()` for business time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests can set and step; shared by the app and its background jobs. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
