/**
 * A FIFO counting semaphore. Lingxing's 令牌桶容量 is a cap on requests in flight per
 * (appId, path), not a rate (LINGXING.md, "What 令牌桶容量 means"), so each path gets one of these
 * sized to its capacity.
 */
export class Semaphore {
  private available: number;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.available = capacity;
  }

  get inFlight(): number {
    return this.capacity - this.available;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function once a permit is held; call it exactly once. */
  async acquire(): Promise<() => void> {
    if (this.available > 0) {
      this.available--;
    } else {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.available++;
    };
  }
}
