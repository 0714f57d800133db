import { rejectOnAbort } from '../platform/abortable';
import type { Clock } from '../platform/clock';
import type { Grant } from './types';

export type { Grant } from './types';

/**
 * Amazon's bucket starts refilling when the first request of a burst reaches it; the request left
 * earlier (connection set-up, and on a busy host the event loop's own delays). A take from a full
 * bucket therefore starts our refill clock up to this much later (never more than one token's
 * time), so the first tokens after a burst never arrive early (no 429 at a burst's start). When
 * the first request's answer comes back later still, its arrival may have been later too: the
 * refill clock then moves to that answer (`Grant.settled`), which is never before Amazon's.
 */
export const FULL_BUCKET_GRACE_MS = 300;

const NOTHING_TO_SETTLE = () => undefined;

/** `fn`, run on the first call only. */
export function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

interface Waiter {
  resolve: (grant: Grant) => void;
  started: number;
  tenant: string;
}

/**
 * A token bucket that makes callers wait instead of failing: SP-API
 * usage plans are buckets per (selling partner, application, operation) that refill at `rate`
 * per second up to `burst` (docs/upstreams/sp-api.md). We pace before sending, so the
 * upstream's own bucket never runs dry. A waiter whose operation ended (its signal fired) leaves
 * the queue without taking a token.
 *
 * Waiters queue per tenant (the operation's caller) and each token, when it comes, goes to the
 * next tenant in turn; a tenant that arrives goes ahead of the one served last. So one caller's
 * backlog of a hundred reads makes another caller's single read wait for at most one token per
 * other waiting caller, not for the backlog. Within a tenant, first come first served.
 *
 * `margin` stretches the refill time of every token by that fraction: requests can arrive at the
 * upstream a little closer together than they left, and a few percent keeps that from costing a
 * 429 (5 % is 25 ms at 2 requests per second).
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly queues = new Map<string, Waiter[]>();
  /** tenants with waiters, in the order of their next turn */
  private readonly ring: string[] = [];
  private lastServed: string | undefined;
  private waiters = 0;
  /** the burst whose first answer may still move the refill clock, and what was credited since it opened */
  private open?: { id: number; credited: number };
  private opened = 0;
  private pumping = false;

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

  get waiting(): number {
    return this.waiters;
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

  /** Resolves once a token has been taken, in `tenant`'s turn; rejects with the signal's reason if it fires first. */
  take(signal?: AbortSignal, tenant = ''): Promise<Grant> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    // nobody queued and a token in hand: taken at once (no waiter, no abort listener, no pump)
    if (!this.pumping && this.waiters === 0) {
      this.refill();
      if (this.tokens >= 1) return Promise.resolve({ waitedMs: 0, settled: this.takeToken() });
    }
    return new Promise<Grant>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (grant) => {
          detach();
          resolve(grant);
        },
        started: this.clock.now(),
        tenant,
      };
      this.enqueue(waiter);
      const detach = rejectOnAbort(signal, reject, () => this.remove(waiter));
      void this.pump();
    });
  }

  private enqueue(waiter: Waiter): void {
    this.waiters++;
    const queue = this.queues.get(waiter.tenant);
    if (queue) return void queue.push(waiter);
    this.queues.set(waiter.tenant, [waiter]);
    // a newcomer's turn comes before the tenant that was just served (last in the ring)
    const last = this.ring.length - 1;
    if (last >= 0 && this.ring[last] === this.lastServed) this.ring.splice(last, 0, waiter.tenant);
    else this.ring.push(waiter.tenant);
  }

  private next(): Waiter | undefined {
    const tenant = this.ring.shift();
    if (tenant === undefined) return undefined;
    const queue = this.queues.get(tenant)!;
    const waiter = queue.shift()!;
    if (queue.length) this.ring.push(tenant);
    else this.queues.delete(tenant);
    this.lastServed = tenant;
    this.waiters--;
    return waiter;
  }

  private remove(waiter: Waiter): void {
    const queue = this.queues.get(waiter.tenant);
    const i = queue ? queue.indexOf(waiter) : -1;
    if (!queue || i < 0) return;
    queue.splice(i, 1);
    this.waiters--;
    if (queue.length === 0) {
      this.queues.delete(waiter.tenant);
      this.ring.splice(this.ring.indexOf(waiter.tenant), 1);
    }
  }

  /** The grace after a burst's first take: at most one token's time, so fast plans are not slowed. */
  private grace(): number {
    return Math.min(FULL_BUCKET_GRACE_MS, this.msPerToken());
  }

  private msPerToken(): number {
    return (1000 / this.rate) * (1 + this.margin);
  }

  private refill(): void {
    const now = this.clock.now();
    if (now <= this.updatedAt) return; // still within the grace after a burst began
    const before = this.tokens;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) / this.msPerToken());
    this.updatedAt = now;
    if (this.open && this.tokens > before) this.open.credited += this.tokens - before;
  }

  /**
   * The first request of burst `id` was answered now, later than the refill clock assumed
   * (`provisional`): its arrival, and Amazon's refill, may have been that late. What was credited
   * since `provisional` is taken back, so the refill counts from now, but never more than was
   * really credited since the burst opened (a full bucket credits nothing), never more than the
   * burst, and only for the latest burst: on a fast plan the bucket is full again at every take,
   * and an unbounded debit there turned every answer's latency into a wait for everyone behind it.
   */
  private answeredAfter(id: number, provisional: number): void {
    const open = this.open;
    if (!open || open.id !== id) return; // a later burst opened since: this correction is moot
    this.refill(); // what the refill credited up to now counts
    this.open = undefined;
    const late = this.clock.now() - provisional;
    if (late <= 0) return;
    this.tokens -= Math.min(open.credited, late / this.msPerToken(), this.burst);
  }

  /**
   * Takes one token (there is one); what the taker calls once its request is answered. A take
   * from a full bucket opens a burst: its answer may move the refill clock later.
   */
  private takeToken(): () => void {
    let settled: () => void = NOTHING_TO_SETTLE;
    if (this.tokens >= this.burst) {
      const provisional = (this.updatedAt = this.clock.now() + this.grace());
      const id = ++this.opened;
      this.open = { id, credited: 0 };
      settled = once(() => this.answeredAfter(id, provisional));
    }
    this.tokens -= 1;
    return settled;
  }

  /** Hands out tokens in queue order, sleeping until the next one is due; one pump at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        this.refill();
        while (this.waiters && this.tokens >= 1) {
          const settled = this.takeToken();
          const waiter = this.next()!;
          waiter.resolve({ waitedMs: this.clock.now() - waiter.started, settled });
        }
        if (!this.waiters) return;
        await Promise.resolve(); // the callers just granted run before time moves on
        const grace = Math.max(0, this.updatedAt - this.clock.now());
        // a wait under a millisecond (a fast plan's next token) is a yield, not a timer: Node's
        // timers wake no sooner than 1 ms, which would cap a plan at its burst per millisecond
        // (at least 10 µs, so a clock counting in epoch milliseconds always moves)
        const wait = grace + (1 - this.tokens) * this.msPerToken();
        await this.clock.sleep(wait < 1 ? Math.max(wait, 0.01) : Math.ceil(wait));
      }
    } finally {
      this.pumping = false;
    }
  }
}
