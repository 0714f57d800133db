import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import type { OrderBook, SandboxOrder } from './orders';

/** Where and how the double posts its notifications (the gateway's ingest endpoint). */
export interface NotifyTarget {
  url: string;
  secret: string;
  /** the header the secret travels in */
  header: string;
}

/** Amazon's FulfillmentOrderStatus words in notifications: upper case, as in its examples. */
const NOTIFIED_STATUS: Record<string, string> = {
  New: 'NEW',
  Received: 'RECEIVED',
  Planning: 'PLANNING',
  Processing: 'PROCESSING',
  Cancelled: 'CANCELLED',
  Complete: 'COMPLETE',
  CompletePartialled: 'COMPLETE_PARTIALLED',
  Unfulfillable: 'UNFULFILLABLE',
  Invalid: 'INVALID',
};

/**
 * The double's FULFILLMENT_ORDER_STATUS notifications, as Amazon would deliver them through SQS and
 * a bridge: whenever an order's status changes (by the clock, a cancel, a release, a forced
 * status), one notification in Amazon's shape is posted to the target. Statuses move with the
 * clock, so the book is looked at every `everyMs`; a write looks at once. A failed post is tried
 * again on the next look, as SQS redelivers.
 */
export class SandboxNotifier {
  private readonly seen = new Map<SandboxOrder, string>();
  private timer?: NodeJS.Timeout;
  private target?: NotifyTarget;
  private running = Promise.resolve();
  /** notifications posted and answered 2xx, for tests */
  delivered = 0;

  constructor(
    private readonly book: OrderBook,
    private readonly now: () => number,
    private readonly everyMs = 250,
  ) {}

  start(target: NotifyTarget): void {
    this.target = target;
    // orders that exist now are where they are: only later changes are news
    for (const o of this.book.orders.values()) this.seen.set(o, this.book.status(o).status);
    this.timer = setInterval(() => this.look(), this.everyMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    this.target = undefined;
    return this.running;
  }

  /** Compares every order's status with the last one notified; posts the changes. */
  look(): void {
    this.running = this.running.then(() => this.post()).catch(() => undefined);
  }

  private async post(): Promise<void> {
    const target = this.target;
    if (!target) return;
    for (const o of this.book.orders.values()) {
      const { status, since } = this.book.status(o);
      if (this.seen.get(o) === status) continue;
      const body = notification(o, NOTIFIED_STATUS[status] ?? status.toUpperCase(), since, this.now());
      try {
        const res = await request(target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [target.header]: target.secret },
          body: JSON.stringify(body),
        });
        await res.body.dump();
        if (res.statusCode < 300) {
          this.seen.set(o, status);
          this.delivered++;
        }
      } catch {
        // the target is down: the next look tries again
      }
    }
  }
}

function notification(o: SandboxOrder, status: string, since: number, now: number) {
  const at = new Date(since).toISOString();
  return {
    NotificationVersion: '1.0',
    NotificationType: 'FULFILLMENT_ORDER_STATUS',
    PayloadVersion: '1.0',
    EventTime: new Date(now).toISOString(),
    Payload: {
      FulfillmentOrderStatusNotification: {
        SellerId: o.sellerId,
        EventType: 'Order',
        StatusUpdatedDateTime: at,
        SellerFulfillmentOrderId: o.request.sellerFulfillmentOrderId,
        FulfillmentOrderStatus: status,
      },
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sp.solution.sandbox-fulfillment-graph',
      SubscriptionId: 'sandbox-fulfillment-order-status',
      PublishTime: new Date(now).toISOString(),
      NotificationId: randomUUID(),
    },
  };
}
