import Redis from 'ioredis';
import type { Logger } from './logger';

/**
 * The Redis client replicas coordinate through (docs/operations.md). Commands fail
 * at once while Redis is unreachable (no offline queue, one try): the callers turn that into an
 * UPSTREAM_UNAVAILABLE fault rather than wait, and never fall back to sending unpaced.
 */
export function connectRedis(url: string, keyPrefix: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(2_000, 100 * 2 ** attempt),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down)
      logger.error(
        { err: { message: error.message } },
        'Redis unreachable: coordinated upstream calls fail until it is back',
      );
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info('Redis reachable again');
    down = false;
  });
  return redis;
}

/** Resolves once the client is connected (start-up), or rejects after `timeoutMs`. */
export async function redisReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
