import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';

export interface CostBucketOptions {
  /** points a caller may hold (COST_BUCKET_SIZE) */
  size: number;
  /** points restored per second (COST_RESTORE_PER_SECOND) */
  restorePerSecond: number;
  /** callers remembered at most; the least recently seen is forgotten first (bounded memory) */
  maxCallers?: number;
}

export type Taken = { ok: true; left: number } | { ok: false; retryAfterMs: number; left: number };

/**
 * A cost bucket per caller (Shopify's calculated query cost): an operation takes its requested
 * cost before it runs and gets back what it did not use after. One that would overdraw the bucket
 * is refused with the time until it could run. This process's memory, or Redis when replicas share
 * one (`RedisCostBuckets`): a caller has one budget however its requests spread.
 */
export interface CostBudget {
  readonly options: CostBucketOptions;
  /** Points available to `caller` now. */
  available(caller: string): Promise<number>;
  /** Takes `cost` points, or says how long until they will be there. */
  take(caller: string, cost: number): Promise<Taken>;
  /** Gives back points an operation reserved but did not use; resolves with the points available then. */
  refund(caller: string, points: number): Promise<number>;
}

/** The buckets in this process's memory (one replica). */
export class CostBuckets implements CostBudget {
  private readonly buckets = new Map<string, { points: number; at: number }>();
  private readonly maxCallers: number;

  constructor(
    readonly options: CostBucketOptions,
    private readonly clock: Clock,
  ) {
    this.maxCallers = options.maxCallers ?? 10_000;
  }

  available(caller: string): Promise<number> {
    return Promise.resolve(this.now(caller));
  }

  take(caller: string, cost: number): Promise<Taken> {
    return Promise.resolve(this.takeNow(caller, cost));
  }

  refund(caller: string, points: number): Promise<number> {
    this.refundNow(caller, points);
    return Promise.resolve(this.now(caller));
  }

  /** The same, at once (for the Redis buckets' fall-back). */
  now(caller: string): number {
    const b = this.buckets.get(caller);
    if (!b) return this.options.size;
    return Math.min(this.options.size, b.points + ((this.clock.now() - b.at) / 1000) * this.options.restorePerSecond);
  }

  takeNow(caller: string, cost: number): Taken {
    const points = this.now(caller);
    if (cost > points) {
      const retryAfterMs = Math.ceil(((cost - points) / this.options.restorePerSecond) * 1000);
      return { ok: false, retryAfterMs, left: points };
    }
    this.set(caller, points - cost);
    return { ok: true, left: points - cost };
  }

  refundNow(caller: string, points: number): void {
    if (points > 0) this.set(caller, Math.min(this.options.size, this.now(caller) + points));
  }

  private set(caller: string, points: number): void {
    this.buckets.delete(caller); // re-insert: Map order is least recently seen first
    this.buckets.set(caller, { points, at: this.clock.now() });
    if (this.buckets.size > this.maxCallers) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

/**
 * One bucket per caller in Redis, shared by every replica: one atomic script on Redis's own clock
 * (TIME) restores, takes or refunds, so a caller spreading its operations over replicas has one
 * budget. Keys are a digest of the caller (token subjects stay out of Redis in the clear) and
 * expire once the bucket would be full again. While Redis cannot be reached, each replica keeps
 * the budget in its own memory (logged once): admission stays up, and every upstream call then
 * fails on its own coordination anyway (never unpaced).
 */
const COST = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local size = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'points', 'at')
local points = tonumber(b[1]) or size
local at = tonumber(b[2]) or now
points = math.min(size, points + math.max(0, now - at) / 1000 * rate)
local cost = tonumber(ARGV[3])
if cost > 0 and cost > points then
  return {0, tostring(points), math.ceil((cost - points) / rate * 1000)}
end
if cost ~= 0 then
  points = math.min(size, points - cost)
  redis.call('HSET', KEYS[1], 'points', tostring(points), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return {1, tostring(points), 0}`;

export class RedisCostBuckets implements CostBudget {
  private readonly local: CostBuckets;
  private warned = false;

  constructor(
    private readonly redis: Redis,
    readonly options: CostBucketOptions,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.local = new CostBuckets(options, clock);
  }

  private key(caller: string): string {
    return `cost:${createHash('sha256').update(caller).digest('hex').slice(0, 32)}`;
  }

  private async script(caller: string, cost: number): Promise<[ok: boolean, points: number, retryAfterMs: number]> {
    const ttlMs = Math.ceil((this.options.size / this.options.restorePerSecond) * 1000) + 60_000;
    const answer = (await this.redis.eval(
      COST,
      1,
      this.key(caller),
      this.options.size,
      this.options.restorePerSecond,
      cost,
      ttlMs,
    )) as [number, string, number];
    this.warned = false;
    return [Number(answer[0]) === 1, Number(answer[1]), Number(answer[2])];
  }

  private fallBack(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(
      { err: { message: (error as Error).message } },
      "Redis unreachable: each replica keeps callers' cost budgets in its own memory until it is back",
    );
  }

  async available(caller: string): Promise<number> {
    try {
      return (await this.script(caller, 0))[1];
    } catch (error) {
      this.fallBack(error);
      return this.local.now(caller);
    }
  }

  async take(caller: string, cost: number): Promise<Taken> {
    try {
      const [ok, points, retryAfterMs] = await this.script(caller, cost);
      return ok ? { ok, left: points } : { ok, retryAfterMs, left: points };
    } catch (error) {
      this.fallBack(error);
      return this.local.takeNow(caller, cost);
    }
  }

  async refund(caller: string, points: number): Promise<number> {
    try {
      // one round trip: the refund (if any) and what is available after it
      return (await this.script(caller, -Math.max(0, points)))[1];
    } catch (error) {
      this.fallBack(error);
      this.local.refundNow(caller, points);
      return this.local.now(caller);
    }
  }
}
