import type Redis from 'ioredis';
import { Semaphore as RedisSemaphore, TimeoutError } from 'redis-semaphore';
import { UpstreamThrottledError, UpstreamUnavailableError } from '../errors';
import type { Logger } from '../platform/logger';
import { Semaphore } from './semaphore';
import type { PermitPool } from './types';

export interface DistributedPermitOptions {
  /** a crashed replica's permits come back after this long (default 10 s); held ones are refreshed */
  leaseMs?: number;
  /** how often a replica asks again while every permit is taken (default 10 ms) */
  retryMs?: number;
  /** give up waiting after this long: UPSTREAM_THROTTLED (default 60 s) */
  waitMs?: number;
}

/**
 * The in-flight capacity of one (appId, path), shared by every replica through Redis
 * (`redis-semaphore`: a lease per permit, refreshed while held, so a crashed replica's permits
 * expire by themselves within `leaseMs`). In front of it, each replica keeps its fair queue
 * (round robin across sellers), so at most `capacity` of its requests ask Redis at a time, in turn.
 */
export class DistributedPermits implements PermitPool {
  private readonly local: Semaphore;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    readonly capacity: number,
    private readonly logger: Logger,
    private readonly options: DistributedPermitOptions = {},
  ) {
    this.local = new Semaphore(capacity);
  }

  async acquire(options: { tenant?: string; signal?: AbortSignal } = {}): Promise<() => void> {
    const releaseLocal = await this.local.acquire(options);
    const lease = new RedisSemaphore(this.redis, this.key, this.capacity, {
      lockTimeout: this.options.leaseMs ?? 10_000,
      refreshInterval: Math.floor((this.options.leaseMs ?? 10_000) / 3),
      retryInterval: this.options.retryMs ?? 10,
      acquireTimeout: this.options.waitMs ?? 60_000,
      onLockLost: (error) =>
        this.logger.warn({ key: this.key, err: { message: error.message } }, 'ERP permit lease lost'),
    });
    try {
      await lease.acquire(options.signal);
    } catch (error) {
      releaseLocal();
      if (options.signal?.aborted) throw options.signal.reason;
      const details = { upstream: 'redis', operation: 'acquirePermit' };
      if (error instanceof TimeoutError)
        throw new UpstreamThrottledError('The ERP capacity stayed busy across replicas; try again shortly.', details);
      throw new UpstreamUnavailableError('The coordination store (Redis) is unreachable; nothing was sent.', details);
    }
    return () => {
      releaseLocal();
      lease
        .release()
        .catch((error: Error) =>
          this.logger.warn(
            { key: this.key, err: { message: error.message } },
            'ERP permit release failed; its lease expires',
          ),
        );
    };
  }
}
