import type { Clock } from '../../src/platform/clock';

/** A clock that moves only when told; `sleep` advances it at once and records the delay. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private ms = Date.now()) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.ms += ms;
  }
}
