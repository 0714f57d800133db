/**
 * What the upstream clients need of pacing, whichever implementation serves it: this process's own
 * (`token-bucket.ts`, `semaphore.ts`) or one every replica shares through Redis
 * (`redis-token-bucket.ts`, `redis-permits.ts`).
 */

/** A token handed out: how long it waited, and what the caller reports when its request is answered. */
export interface Grant {
  waitedMs: number;
  /** the request this token paid for got its answer (or failed): call once, in every case */
  settled(): void;
}

/** A usage-plan bucket (SP-API: a rate per second and a burst, per seller and operation). */
export interface RateBucket {
  readonly ratePerSecond: number;
  /** a token, in `tenant`'s turn where the bucket queues fairly (this process's buckets do) */
  take(signal?: AbortSignal, tenant?: string): Promise<Grant>;
  /** the rate Amazon announced in `x-amzn-RateLimit-Limit` */
  adoptRate(rate: number): void;
  /** Amazon answered 429: the bucket is empty whatever we counted */
  drain(): void;
}

/** Permits to have one request in flight on an upstream path (the ERP's 令牌桶容量, its in-flight capacity). */
export interface PermitPool {
  /** Resolves with a release function once a permit is held; rejects with the signal's reason if it fires first. */
  acquire(options?: { tenant?: string; signal?: AbortSignal }): Promise<() => void>;
}
