import type { Clock } from './clock';

/**
 * A token bucket that makes callers wait, first come first served, instead of failing: SP-API
 * usage plans are buckets per (selling partner, application, operation) that refill at `rate`
 * per second up to `burst` (SPAPI.md, "Limits and 429"). We pace before sending, so the
 * upstream's own bucket never runs dry.
 *
 * `margin` stretches the refill time of every token by that fraction: requests can arrive at the
 * upstream a little closer together than they left, and a few percent keeps that from costing a
 * 429 (5 % is 25 ms at 2 requests per second).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private rate: number,
    readonly burst: number,
    private readonly clock: Clock,
    private readonly margin = 0,
  ) {
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  /** Adopt the rate the upstream announced (`x-amzn-RateLimit-Limit`). */
  adoptRate(rate: number): void {
    if (Number.isFinite(rate) && rate > 0 && rate !== this.rate) {
      this.refill();
      this.rate = rate;
    }
  }

  /** The upstream throttled us anyway: assume its bucket is empty and start refilling from zero. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Resolves when a token has been taken; with the ms waited. */
  take(): Promise<number> {
    const turn = this.tail.then(() => this.takeOne());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private msPerToken(): number {
    return (1000 / this.rate) * (1 + this.margin);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) / this.msPerToken());
    this.updatedAt = now;
  }

  private async takeOne(): Promise<number> {
    const started = this.clock.now();
    this.refill();
    while (this.tokens < 1) {
      await this.clock.sleep(Math.ceil((1 - this.tokens) * this.msPerToken()));
      this.refill();
    }
    this.tokens -= 1;
    return this.clock.now() - started;
  }
}
