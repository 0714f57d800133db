import type { CodedError } from '../errors';
import { operationScope, type OperationScope } from '../platform/operation-scope';
import type { EventBus } from './bus';

/** Who a subscription is for: whose bucket pays for its reads, and whose subscription slots it holds. */
export interface Subscriber {
  caller: string;
  /** takes points for a read the subscription causes after it was admitted; the refusal ends it */
  charge: (points: number) => Promise<CodedError | undefined>;
  /** holds one of the caller's subscription slots until the feed ends; throws when none is free */
  holdSubscription: () => () => void;
  /** fires when the subscriber's transport goes away (a WebSocket closed), even before its first state */
  signal?: AbortSignal;
}

export interface FeedOptions<E, T> {
  bus: EventBus;
  topic: string;
  subscriber: Subscriber;
  /** the current state, read once the feed listens (so nothing published meanwhile is missed); throws to refuse */
  initial(): Promise<T>;
  /** turns one published event into what the subscriber receives, or null to skip it */
  onEvent(event: E): Promise<T | null> | T | null;
  /** a final state: delivered, then the feed completes */
  isFinal(value: T): boolean;
  /** two values with the same key are the same state; the second is not delivered */
  key(value: T): string;
  /**
   * Runs while the subscription lasts (interest marks, reconciliation timers): `deliver` queues a
   * state, `lastKey` is the key of the last state delivered. Returns its cleanup.
   */
  whileOpen?(deliver: (value: Promise<T | null>) => void, lastKey: () => string | undefined): () => void;
}

/**
 * One subscriber's stream of states: the current state first, then each change, in order, each
 * once; it completes after a final state and cleans up when the client goes away. It listens
 * before it reads the current state, and a failed first read rejects here, so the subscriber gets
 * a GraphQL error instead of an empty stream.
 *
 * The feed is an operation of its own: its reads run in a scope whose signal fires when the feed
 * ends (final state, client gone, first read failed), so a read still waiting for pacing is
 * dropped, and its caller's turn in the pacing queues is the subscriber's. It holds one of the
 * caller's subscription slots while it lives.
 */
export async function openFeed<E, T>(options: FeedOptions<E, T>): Promise<AsyncIterableIterator<T>> {
  const release = options.subscriber.holdSubscription();
  const controller = new AbortController();
  const scope: OperationScope = { signal: controller.signal, upstreamCalls: 0, caller: options.subscriber.caller };
  const inScope = <R>(fn: () => R): R => operationScope.run(scope, fn);
  // the client may leave while the first state is still being read: that read is dropped too
  const gone = options.subscriber.signal;
  const leave = () => controller.abort(gone?.reason);
  gone?.addEventListener('abort', leave, { once: true });
  controller.signal.addEventListener('abort', () => gone?.removeEventListener('abort', leave), { once: true });
  if (gone?.aborted) leave();
  try {
    return await inScope(() =>
      feed(options, inScope, () => {
        release();
        controller.abort(new Error('The subscription ended.'));
      }),
    );
  } catch (error) {
    release();
    controller.abort(error);
    throw error;
  }
}

async function feed<E, T>(
  options: FeedOptions<E, T>,
  inScope: <R>(fn: () => R) => R,
  ended: () => void,
): Promise<AsyncIterableIterator<T>> {
  // states in arrival order, each a promise (an event becomes a state through a read)
  const pending: Array<Promise<T | null>> = [];
  let wake: (() => void) | undefined;
  const enqueue = (value: Promise<T | null>) => {
    value.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
    pending.push(value);
    wake?.();
  };
  // a bus delivers in the publisher's context: the event's read runs in this feed's own scope
  const unsubscribe = await options.bus.subscribe(options.topic, (event) =>
    inScope(() => enqueue(Promise.resolve().then(() => options.onEvent(event as E)))),
  );
  // the first state is read once the feed listens, so no change published meanwhile is missed
  try {
    enqueue(Promise.resolve(await options.initial()));
  } catch (error) {
    unsubscribe();
    throw error;
  }
  // what runs while the subscription lasts (interest marks, reconciliation timers), and the one way to end it
  let last: string | undefined;
  let cleanup: (() => void) | undefined = options.whileOpen?.(enqueue, () => last);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    cleanup?.();
    cleanup = undefined;
    ended();
    wake?.();
  };
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      // the states in order: a skipped read (null) or a repeat of the last state is not delivered,
      // a final state is delivered and ends the feed, a failed read ends it with its error
      while (!done) {
        const next = pending.shift();
        if (!next) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        let value: T | null;
        try {
          value = await next;
        } catch (error) {
          finish();
          throw error;
        }
        if (value === null || done) continue;
        const key = options.key(value);
        if (key === last) continue;
        last = key;
        if (options.isFinal(value)) finish();
        return { value, done: false };
      }
      return { value: undefined, done: true };
    },
    // the client went away (or the server is closing): stop listening and stop the timers
    return(): Promise<IteratorResult<T>> {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
