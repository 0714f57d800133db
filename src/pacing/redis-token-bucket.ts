import type Redis from 'ioredis';
import { UpstreamUnavailableError } from '../errors';
import { abortableSleep } from '../platform/abortable';
import { FULL_BUCKET_GRACE_MS, once } from './token-bucket';
import type { Grant, RateBucket } from './types';

/**
 * Reserves the next token of a bucket kept in Redis, on Redis's own clock (TIME), so every replica
 * sees one bucket: refill at `rate` per second (stretched by `margin`) up to `burst`; a take that
 * finds none left reserves a future one and answers how long to wait for it. First come, first
 * served across replicas, in the order the reservations reached Redis.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'rate', 'open', 'credited')
local rate = tonumber(b[3]) or tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local msPer = (1000 / rate) * (1 + tonumber(ARGV[3]))
local tokens = tonumber(b[1])
local at = tonumber(b[2])
if tokens == nil then tokens = burst; at = now end
local before = tokens
tokens = math.min(burst, tokens + math.max(0, now - at) / msPer)
-- what the refill credited since the open burst began: all its first answer may take back
local open = tonumber(b[4]) or 0
local credited = tonumber(b[5]) or 0
if open > 0 and tokens > before then credited = credited + (tokens - before) end
local delta = tonumber(ARGV[5])
-- a take from a full bucket: Amazon starts refilling when that request arrives, so ours starts
-- counting a grace period later (the first request's connection set-up)
local grace = 0
local opened = 0
if delta < 0 and tokens >= burst then
  grace = math.min(tonumber(ARGV[7]), msPer)
  opened = now + grace
  open = opened
  credited = 0
end
tokens = tokens + delta
-- the refill counts from 'anchor': a reservation made before it (within a burst's grace) waits for it too
local anchor = math.max(now + grace, at)
local wait = 0
if delta < 0 and tokens < 0 then wait = math.ceil(-tokens * msPer + math.max(0, anchor - now)) end
if ARGV[6] == 'drain' and tokens > 0 then tokens = 0 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(anchor), 'rate', tostring(rate),
  'open', tostring(open), 'credited', tostring(credited))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {wait, opened, tonumber(redis.call('HGET', KEYS[1], 'shift')) or 0}`;

/**
 * The first request of the burst that opened at ARGV[1] (its provisional refill start) was
 * answered later than that: the refill moves to now and what was credited since is taken back,
 * but never more than the refill really credited since the burst opened (a full bucket credits
 * nothing), never more than the burst, and only for the latest burst. Reservations made meanwhile
 * are told, through 'shift', to wait the time the debit is worth.
 */
const ANSWERED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local late = now - tonumber(ARGV[1])
if late <= 0 then return 0 end
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'rate', 'shift', 'open', 'credited')
local tokens = tonumber(b[1])
if tokens == nil or tonumber(b[5]) ~= tonumber(ARGV[1]) then return 0 end
local burst = tonumber(ARGV[4])
local msPer = (1000 / (tonumber(b[3]) or tonumber(ARGV[2]))) * (1 + tonumber(ARGV[3]))
local at = tonumber(b[2])
local before = tokens
tokens = math.min(burst, tokens + math.max(0, now - at) / msPer)
local credited = (tonumber(b[6]) or 0) + math.max(0, tokens - before)
local debit = math.min(credited, late / msPer, burst)
tokens = tokens - debit
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(at, now)), 'open', '0', 'credited', '0',
  'shift', tostring((tonumber(b[4]) or 0) + math.ceil(debit * msPer)))
return debit`;

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

  private async script(delta: number, mode = ''): Promise<[wait: number, opened: number, shift: number]> {
    try {
      // an idle bucket is full again after burst / rate seconds: it may expire then
      const ttlMs = Math.ceil((this.burst / this.rate) * 1000 * (1 + this.margin)) + 60_000;
      const answer = (await this.redis.eval(
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
      )) as [number, number, number | string];
      return [Number(answer[0]), Number(answer[1]), Number(answer[2])];
    } catch {
      throw new UpstreamUnavailableError('The coordination store (Redis) is unreachable; nothing was sent.', {
        upstream: 'redis',
        operation: 'takeToken',
      });
    }
  }

  /**
   * Resolves once the reserved token is due; an operation that ends first gives it back. A
   * reservation that waited checks, when it wakes, whether a burst's late first answer moved the
   * refill later meanwhile (`shift`), and waits that much more.
   */
  async take(signal?: AbortSignal): Promise<Grant> {
    if (signal?.aborted) throw signal.reason;
    const [wait, opened, shiftAtReserve] = await this.script(-1);
    let waited = wait;
    if (wait > 0) {
      try {
        await abortableSleep(wait, signal);
        for (let seen = shiftAtReserve; ;) {
          const shift = Number((await this.redis.hget(this.key, 'shift')) ?? 0);
          if (!(shift > seen)) break;
          await abortableSleep(shift - seen, signal);
          waited += shift - seen;
          seen = shift;
        }
      } catch (reason) {
        await this.script(1).catch(() => undefined); // never sent: the token goes back
        throw reason;
      }
    }
    return {
      waitedMs: waited,
      settled: opened > 0 ? once(() => void this.answeredAfter(opened)) : () => undefined,
    };
  }

  /** The burst this take opened got its first answer now (see ANSWERED); failures are only a lost refinement. */
  private async answeredAfter(provisional: number): Promise<void> {
    await this.redis
      .eval(ANSWERED, 1, this.key, provisional, this.rate, this.margin, this.burst)
      .catch(() => undefined);
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
