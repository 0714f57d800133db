import type Redis from 'ioredis';
import { UpstreamUnavailableError } from '../errors';
import { abortableSleep } from '../datasources/shared/abortable';
import { FULL_BUCKET_GRACE_MS } from '../datasources/shared/token-bucket';

/** What the SP-API client needs of a usage-plan bucket, local or shared. */
export interface RateBucket {
  readonly ratePerSecond: number;
  take(signal?: AbortSignal): Promise<number>;
  adoptRate(rate: number): void;
  drain(): void;
}

/**
 * Reserves the next token of a bucket kept in Redis, on Redis's own clock (TIME), so every replica
 * sees one bucket: refill at `rate` per second (stretched by `margin`) up to `burst`; a take that
 * finds none left reserves a future one and answers how long to wait for it. First come, first
 * served across replicas, in the order the reservations reached Redis.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'rate')
local rate = tonumber(b[3]) or tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local msPer = (1000 / rate) * (1 + tonumber(ARGV[3]))
local tokens = tonumber(b[1])
local at = tonumber(b[2])
if tokens == nil then tokens = burst; at = now end
tokens = math.min(burst, tokens + math.max(0, now - at) / msPer)
local delta = tonumber(ARGV[5])
-- a take from a full bucket: Amazon starts refilling when that request arrives, so ours starts
-- counting a grace period later (the first request's connection set-up)
local grace = 0
if delta < 0 and tokens >= burst then grace = math.min(tonumber(ARGV[7]), msPer) end
tokens = tokens + delta
local wait = 0
if delta < 0 and tokens < 0 then wait = math.ceil(-tokens * msPer) end
if ARGV[6] == 'drain' and tokens > 0 then tokens = 0 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now + grace, at)), 'rate', tostring(rate))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return wait`;

const ADOPT = `
local current = redis.call('HGET', KEYS[1], 'rate')
if current ~= ARGV[1] then redis.call('HSET', KEYS[1], 'rate', ARGV[1]) end
return 1`;

export class RedisTokenBucket implements RateBucket {
  private rate: number;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    rate: number,
    readonly burst: number,
    private readonly margin = 0,
  ) {
    this.rate = rate;
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  private async script(delta: number, mode = ''): Promise<number> {
    try {
      // an idle bucket is full again after burst / rate seconds: it may expire then
      const ttlMs = Math.ceil((this.burst / this.rate) * 1000 * (1 + this.margin)) + 60_000;
      return Number(
        await this.redis.eval(
          RESERVE,
          1,
          this.key,
          this.rate,
          this.burst,
          this.margin,
          ttlMs,
          delta,
          mode,
          FULL_BUCKET_GRACE_MS,
        ),
      );
    } catch {
      throw new UpstreamUnavailableError('The coordination store (Redis) is unreachable; nothing was sent.', {
        upstream: 'redis',
        operation: 'takeToken',
      });
    }
  }

  /** Resolves with the ms waited once the reserved token is due; an operation that ends first gives it back. */
  async take(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) throw signal.reason;
    const wait = await this.script(-1);
    if (wait > 0) {
      try {
        await abortableSleep(wait, signal);
      } catch (reason) {
        await this.script(1).catch(() => undefined); // never sent: the token goes back
        throw reason;
      }
    }
    return wait;
  }

  adoptRate(rate: number): void {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.rate) return;
    this.rate = rate;
    this.redis.eval(ADOPT, 1, this.key, String(rate)).catch(() => undefined);
  }

  drain(): void {
    this.script(0, 'drain').catch(() => undefined);
  }
}
