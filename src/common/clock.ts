import { Injectable } from '@nestjs/common';
import { toHoChiMinhDate } from './money/format-vi';

/** The time the service runs on; tests replace it to move time (silent consent, due dates). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
  today(): string {
    return toHoChiMinhDate(this.now());
  }
}

/** A clock a test sets and moves by hand. */
export class FixedClock extends Clock {
  constructor(private instant: Date = new Date()) {
    super();
  }

  override now(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  advanceDays(days: number): void {
    this.instant = new Date(this.instant.getTime() + days * 86400_000);
  }
}
