import type { Clock } from '../datasources/shared/clock';

export interface CostBucketOptions {
  /** points a caller may hold (COST_BUCKET_SIZE) */
  size: number;
  /** points restored per second (COST_RESTORE_PER_SECOND) */
  restorePerSecond: number;
  /** callers remembered at most; the least recently seen is forgotten first (bounded memory) */
  maxCallers?: number;
}

/**
 * A cost bucket per caller (Shopify's calculated query cost): an operation takes its requested
 * cost before it runs and gets back what it did not use after. One that would overdraw the bucket
 * is refused with the time until it could run.
 */
export class CostBuckets {
  private readonly buckets = new Map<string, { points: number; at: number }>();
  private readonly maxCallers: number;

  constructor(
    readonly options: CostBucketOptions,
    private readonly clock: Clock,
  ) {
    this.maxCallers = options.maxCallers ?? 10_000;
  }

  /** Points available to `caller` now. */
  available(caller: string): number {
    const b = this.buckets.get(caller);
    if (!b) return this.options.size;
    return Math.min(this.options.size, b.points + ((this.clock.now() - b.at) / 1000) * this.options.restorePerSecond);
  }

  /** Takes `cost` points, or says how long until they will be there. */
  take(caller: string, cost: number): { ok: true; left: number } | { ok: false; retryAfterMs: number; left: number } {
    const points = this.available(caller);
    if (cost > points) {
      const retryAfterMs = Math.ceil(((cost - points) / this.options.restorePerSecond) * 1000);
      return { ok: false, retryAfterMs, left: points };
    }
    this.set(caller, points - cost);
    return { ok: true, left: points - cost };
  }

  /** Gives back points an operation reserved but did not use. */
  refund(caller: string, points: number): number {
    const left = Math.min(this.options.size, this.available(caller) + Math.max(0, points));
    this.set(caller, left);
    return left;
  }

  private set(caller: string, points: number): void {
    this.buckets.delete(caller); // re-insert: Map order is least recently seen first
    this.buckets.set(caller, { points, at: this.clock.now() });
    if (this.buckets.size > this.maxCallers) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
