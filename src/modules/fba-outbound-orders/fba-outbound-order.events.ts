import { NotFoundError } from '../../errors';
import type { Clock } from '../../platform/clock';
import type { FulfillmentOutbound } from './fba-outbound-order.datasource';
import type { Logger } from '../../platform/logger';
import type { FbaOutboundOrder } from './fba-outbound-order.type';
import type { Repository } from '../../store';
import type { EventBus } from '../../events/bus';
import { openFeed, type Subscriber } from '../../events/feed';
import { currentSignal, operationScope } from '../../platform/operation-scope';

export const fbaOrderTopic = (sellerId: string, sellerFulfillmentOrderId: string) =>
  `fba:${sellerId}:${sellerFulfillmentOrderId}`;

/** An order in one of these states changes no more: its subscription completes. */
const FINAL = new Set(['CANCELLED', 'COMPLETE', 'COMPLETE_PARTIALLED', 'UNFULFILLABLE', 'INVALID']);

/** What travels on the bus: Amazon said this order changed (the order itself is read fresh). */
export interface FbaOrderSignal {
  sellerId: string;
  sellerFulfillmentOrderId: string;
  status: string;
  eventTime: string;
}

/** The fields of a FULFILLMENT_ORDER_STATUS notification the gateway acts on. */
export interface OrderStatusNotification {
  notificationId: string;
  sellerId: string;
  sellerFulfillmentOrderId: string;
  status: string;
  eventTime: string;
}

/**
 * FBA order changes as events: fed by Amazon's FULFILLMENT_ORDER_STATUS notifications
 * (each announced once, whichever replica receives it and however often Amazon redelivers it) and
 * by a slow reconciliation read of each subscribed open order, since notifications can be lost.
 * Each event is the order read fresh; subscribers of one order on one replica share each read.
 */
export class FbaOrderEvents {
  private readonly reads = new Map<string, SharedRead>();

  constructor(
    private readonly deps: {
      orders: FulfillmentOutbound;
      repo: Repository;
      bus: EventBus;
      clock: Clock;
      logger: Logger;
      /** how often a subscribed open order is read even without a notification */
      reconcileMs: number;
    },
  ) {}

  /** Records and announces a notification; 'duplicate' when its id was seen before. */
  async ingest(n: OrderStatusNotification): Promise<'accepted' | 'duplicate'> {
    const fresh = await this.deps.repo.recordNotification(
      n.notificationId,
      n.sellerId,
      n.sellerFulfillmentOrderId,
      new Date(this.deps.clock.now()).toISOString(),
    );
    if (!fresh) return 'duplicate';
    await this.deps.bus.publish(fbaOrderTopic(n.sellerId, n.sellerFulfillmentOrderId), {
      sellerId: n.sellerId,
      sellerFulfillmentOrderId: n.sellerFulfillmentOrderId,
      status: n.status,
      eventTime: n.eventTime,
    } satisfies FbaOrderSignal);
    return 'accepted';
  }

  /**
   * `fbaOutboundOrderUpdated`: the order now, then every change Amazon announces or a
   * reconciliation read sees. The first read was paid for when the subscription was admitted;
   * every later read is charged to the subscriber's bucket (a refusal ends the subscription with
   * THROTTLED), and reads stop when the subscriber leaves.
   */
  follow(
    sellerId: string,
    sellerFulfillmentOrderId: string,
    subscriber: Subscriber,
  ): Promise<AsyncIterableIterator<FbaOutboundOrder>> {
    const later = async () => {
      const refused = await subscriber.charge(1);
      if (refused) throw refused;
      return this.read(sellerId, sellerFulfillmentOrderId).catch((error: Error & { code?: string }) => {
        // a failed read skips one event; the next notification or reconciliation tries again
        if (!currentSignal()?.aborted)
          this.deps.logger.warn(
            { sellerId, code: error.code, reason: error.message },
            'could not read an FBA order for its subscribers',
          );
        return null;
      });
    };
    return openFeed<FbaOrderSignal, FbaOutboundOrder>({
      bus: this.deps.bus,
      topic: fbaOrderTopic(sellerId, sellerFulfillmentOrderId),
      subscriber,
      initial: async () => {
        const order = await this.read(sellerId, sellerFulfillmentOrderId);
        if (!order)
          throw new NotFoundError('Amazon does not know this fulfillment order for this seller.', [
            'sellerFulfillmentOrderId',
          ]);
        return order;
      },
      onEvent: later,
      isFinal: (order) => FINAL.has(order.status ?? ''),
      key: (order) => JSON.stringify(order),
      whileOpen: (deliver) => {
        const timer = setInterval(() => deliver(later()), this.deps.reconcileMs);
        timer.unref();
        return () => clearInterval(timer);
      },
    });
  }

  /**
   * One getFulfillmentOrder for all of this replica's subscribers of the order asking at once. It
   * runs in a scope of its own that ends when every subscriber waiting for it has left, so a read
   * nobody waits for any more is dropped from the pacing queue (or abandoned in flight).
   */
  private read(sellerId: string, id: string): Promise<FbaOutboundOrder | null> {
    const key = `${sellerId}\u0000${id}`;
    let shared = this.reads.get(key);
    if (!shared) {
      const controller = new AbortController();
      const scope = { signal: controller.signal, upstreamCalls: 0, caller: operationScope.getStore()?.caller };
      const entry: SharedRead = {
        controller,
        waiting: 0,
        promise: operationScope
          .run(scope, () => this.deps.orders.getOrder(sellerId, id))
          .finally(() => this.reads.delete(key)),
      };
      entry.promise.catch(() => undefined);
      this.reads.set(key, entry);
      shared = entry;
    }
    const entry = shared;
    const signal = currentSignal();
    if (!signal) return entry.promise;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    entry.waiting++;
    return new Promise<FbaOutboundOrder | null>((resolve, reject) => {
      const leave = () => {
        if (--entry.waiting === 0) entry.controller.abort(signal.reason);
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', leave, { once: true });
      entry.promise.then(
        (order) => {
          signal.removeEventListener('abort', leave);
          entry.waiting--;
          resolve(order);
        },
        (error: Error) => {
          signal.removeEventListener('abort', leave);
          entry.waiting--;
          reject(error);
        },
      );
    });
  }
}

interface SharedRead {
  controller: AbortController;
  /** subscribers waiting for this read; the read is abandoned when the last one leaves */
  waiting: number;
  promise: Promise<FbaOutboundOrder | null>;
}
