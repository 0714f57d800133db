import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import type * as RedisSubscriptionsModule from 'graphql-redis-subscriptions';
import type { Logger } from '../platform/logger';

/**
 * Where change events travel (docs/operations.md): Redis pub/sub when replicas
 * share Redis, so a subscriber on one replica hears what another learnt; this process's memory
 * otherwise. Topics are namespaced by the key prefix, so deployments sharing one Redis stay apart.
 */
export interface EventBus {
  publish(topic: string, payload: object): Promise<void>;
  /** calls `onMessage` for every event on `topic` until the returned function is called */
  subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<() => void>;
  close(): Promise<void>;
}

class EngineBus implements EventBus {
  constructor(
    private readonly engine: PubSubEngine,
    private readonly prefix: string,
    private readonly closeEngine: () => Promise<void>,
  ) {}

  publish(topic: string, payload: object): Promise<void> {
    return this.engine.publish(this.prefix + topic, payload);
  }

  async subscribe(topic: string, onMessage: (payload: unknown) => void): Promise<() => void> {
    const id = await this.engine.subscribe(this.prefix + topic, onMessage, {});
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.engine.unsubscribe(id);
    };
  }

  close(): Promise<void> {
    return this.closeEngine();
  }
}

export function memoryBus(): EventBus {
  // one listener per subscriber of a topic: many subscribers of one order are expected, not a leak
  const eventEmitter = new EventEmitter();
  eventEmitter.setMaxListeners(0);
  return new EngineBus(new PubSub({ eventEmitter }), '', () => Promise.resolve());
}

/**
 * Two connections of their own (a subscribed Redis connection can do nothing else); unlike the
 * coordination client they queue while reconnecting and resubscribe by themselves, so a Redis
 * restart costs the events sent while it was down, not the subscriptions.
 */
export function redisBus(redis: Redis, keyPrefix: string, logger: Logger): EventBus {
  const options = { keyPrefix: '', enableOfflineQueue: true, maxRetriesPerRequest: null };
  const publisher = redis.duplicate(options);
  const subscriber = redis.duplicate(options);
  for (const client of [publisher, subscriber])
    client.on('error', (error: Error) =>
      logger.debug({ err: { message: error.message } }, 'event bus: Redis connection error'),
    );
  // loaded only by a process with REDIS_URL
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RedisPubSub } = require('graphql-redis-subscriptions') as typeof RedisSubscriptionsModule;
  const engine = new RedisPubSub({ publisher, subscriber });
  return new EngineBus(engine, `${keyPrefix}events:`, async () => {
    await engine.close().catch(() => undefined);
  });
}
