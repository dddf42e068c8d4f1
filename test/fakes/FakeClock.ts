import type { Clock } from '../../src/application/ports/Clock';

export class FakeClock implements Clock {
  constructor(private current = new Date('2026-03-01T10:00:00.000Z')) {}

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(date: Date | string): void {
    this.current = new Date(date);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
