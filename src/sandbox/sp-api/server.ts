import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxServer, keepRecord, readBody, sleep } from '../http';
import { HttpAnswer, notFound, ok, send, sendFault, type SpApiFault } from './answers';
import * as catalog from './catalog';
import { SandboxLwa } from './lwa';
import { OrderBook, type Lifecycle, type SandboxOrder } from './orders';
import { SandboxNotifier, type NotifyTarget } from './notifier';
import { OrderBook2026 } from './orders-2026';
import { PLANS, route } from './routes';
import { Shipping } from './shipping';
import type { DeliveryOffersBody, OrderBody, PreviewBody, Query, ReturnBody } from './types';

export type { SpApiFault } from './answers';

/**
 * A stateful double of Login with Amazon and SP-API Fulfillment Outbound 2020-07-01 over real
 * HTTP (docs/upstreams/sp-api.md; reference/fulfillmentOutbound_2020-07-01.json). This file is the HTTP
 * front: routing, access tokens, usage-plan buckets answering Amazon's own 429 body, injected
 * faults and the exchange log. The order lifecycle is `orders.ts`, tracking and returns
 * `shipping.ts`, catalogue answers `catalog.ts`, the token endpoint `lwa.ts`.
 */
export interface SpApiSandboxOptions extends Lifecycle {
  port?: number;
  host?: string;
  now?: () => number;
  latencyMs?: number;
  /** LWA access token lifetime, seconds (default 3600) */
  tokenTtlSeconds?: number;
  /** `false` turns the usage-plan buckets off */
  throttle?: boolean;
  /** a seller with a bigger usage plan: rates are multiplied, enforced and announced in x-amzn-RateLimit-Limit */
  usagePlanMultiplier?: number;
  /** seed the demo seller's orders (default true) */
  seed?: boolean;
  /** 2026-07-04's createOrder answers 202 {orderId, status} (accepted for later) instead of 200 {order} */
  asyncCreates?: boolean;
}

export interface SpApiExchange {
  operation: string;
  sellerId?: string;
  method: string;
  path: string;
  query: Query;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export class SpApiSandbox extends SandboxServer {
  readonly exchanges: SpApiExchange[] = [];
  private readonly book: OrderBook;
  private readonly shipping: Shipping;
  private readonly lwa: SandboxLwa;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly faults = new Map<string, SpApiFault[]>();
  private readonly now: () => number;
  /** FULFILLMENT_ORDER_STATUS notifications, once `notifyTo` names a target */
  readonly notifier: SandboxNotifier;
  private readonly book2026: OrderBook2026;

  constructor(private options: SpApiSandboxOptions = {}) {
    super(options);
    this.now = options.now ?? Date.now;
    this.book = new OrderBook(this.now, options);
    this.shipping = new Shipping(this.book, this.now, 2 * (options.processingMs ?? 5000));
    this.lwa = new SandboxLwa(this.now, options.tokenTtlSeconds ?? 3600);
    if (options.seed ?? true) this.book.seed();
    this.notifier = new SandboxNotifier(this.book, this.now);
    this.book2026 = new OrderBook2026(this.book, this.now, () => this.options.asyncCreates === true);
  }

  /** Posts a notification to `target` for every later status change of an order (the gateway's ingest). */
  notifyTo(target: NotifyTarget): void {
    this.notifier.start(target);
  }

  override async close(): Promise<void> {
    await this.notifier.stop();
    await super.close();
  }

  /** The LWA token endpoint of this double. */
  get lwaUrl(): string {
    return `${this.url}/auth/o2/token`;
  }

  /** Orders by `${sellerId} ${sellerFulfillmentOrderId}`, for tests. */
  get orders(): ReadonlyMap<string, SandboxOrder> {
    return this.book.orders;
  }

  /** LWA token requests, for tests */
  get lwaRequests(): number {
    return this.lwa.requests;
  }

  protected internalError(res: ServerResponse): void {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        errors: [{ code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' }],
      }),
    );
  }

  injectFaults(operation: string, ...faults: SpApiFault[]): void {
    this.faults.set(operation, [...(this.faults.get(operation) ?? []), ...faults]);
  }

  calls(operation?: string): SpApiExchange[] {
    return operation ? this.exchanges.filter((e) => e.operation === operation) : this.exchanges;
  }

  resetStats(): void {
    this.exchanges.length = 0;
    this.lwa.requests = 0;
  }

  /** Adds orders directly (tests and benchmarks), as if created `daysAgo` and already complete. */
  addCompletedOrders(sellerId: string, ids: string[], daysAgo = 1): void {
    this.book.addCompleted(sellerId, ids, daysAgo);
  }

  /** 2026-07-04's createOrder answers 202 (accepted for later) from now on, or 200 again. */
  answerCreatesLater(on: boolean): void {
    this.options.asyncCreates = on;
  }

  expireTokens(): void {
    this.lwa.expireAll();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Login with Amazon first: it has no access token and no usage plan
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const raw = await readBody(req);
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    if (req.method === 'POST' && url.pathname === '/auth/o2/token') {
      const [status, body] = this.lwa.exchange(raw, req.headers['content-type']);
      return send(res, status, body);
    }

    // then the operation the path names, its access token, its usage plan (429), its faults
    const requestId = randomUUID();
    const method = req.method ?? 'GET';
    const matched = route(method, url.pathname);
    if (!matched) return send(res, 404, { errors: [{ code: 'NotFound', message: 'Resource not found' }] }, requestId);
    const { operation, params } = matched;
    const query: Query = Object.fromEntries(url.searchParams);
    let requestBody: unknown;
    if (raw.length) {
      try {
        requestBody = JSON.parse(raw.toString('utf8'));
      } catch {
        const body = { errors: [{ code: 'InvalidInput', message: 'The request body is not valid JSON.' }] };
        return send(res, 400, body, requestId);
      }
    }
    const record = (status: number, body: unknown, sellerId?: string) =>
      keepRecord(this.exchanges, {
        operation,
        sellerId,
        method,
        path: url.pathname,
        query,
        requestBody,
        status,
        responseBody: body,
      });

    // auth: the access token names the seller
    const access = this.lwa.verify(req.headers['x-amz-access-token']);
    if ('refused' in access) {
      const body = {
        errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: access.refused }],
      };
      record(403, body);
      return send(res, 403, body, requestId);
    }
    const { sellerId } = access;
    const [planRate, burst] = PLANS[operation];
    const rate = planRate * (this.options.usagePlanMultiplier ?? 1);
    if (this.options.throttle !== false && !this.takeToken(`${sellerId} ${operation}`, rate, burst)) {
      const body = {
        errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }],
      };
      record(429, body, sellerId);
      return send(res, 429, body, requestId); // no rate-limit header on 429, as upstream
    }
    const fault = this.faults.get(operation)?.shift();
    if (fault?.delayMs && !fault.afterProcessing) await sleep(fault.delayMs);
    if (fault && !fault.afterProcessing) {
      record(fault.status, fault.html ? '<html>' : null, sellerId);
      return sendFault(res, fault, requestId);
    }
    let answer: HttpAnswer;
    try {
      answer = this.dispatch(operation, sellerId, params, query, requestBody ?? {});
    } catch (error) {
      if (!(error instanceof HttpAnswer)) throw error;
      answer = error;
    }
    record(answer.status, answer.body, sellerId);
    if (fault) {
      // the work is done; the answer is late or lost
      if (fault.delayMs) await sleep(fault.delayMs);
      return sendFault(res, fault, requestId);
    }
    send(res, answer.status, answer.body, requestId, answer.status < 500 ? rate : undefined);
  }

  private takeToken(key: string, rate: number, burst: number): boolean {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** One operation; `body` is parsed JSON, checked by the operation before use. */
  private dispatch(operation: string, sellerId: string, params: string[], query: Query, body: unknown): HttpAnswer {
    // one case per operation of the model: the order book, the catalogue or shipping answers it
    const now = this.now();
    switch (operation) {
      case 'getFulfillmentPreview':
        return ok({ fulfillmentPreviews: catalog.preview(body as PreviewBody, now) });
      case 'deliveryOffers':
        return ok({ deliveryOffers: catalog.deliveryOffers(body as DeliveryOffersBody, now) });
      case 'listAllFulfillmentOrders':
        return ok(this.book.list(sellerId, query));
      case 'createFulfillmentOrder':
        this.book.create(sellerId, body as Partial<OrderBody>);
        this.notifier.look();
        return ok();
      case 'getFulfillmentOrder':
        return ok(this.book.view(this.book.get(sellerId, params[0])));
      case 'updateFulfillmentOrder':
        this.book.update(sellerId, params[0], body as Partial<OrderBody>);
        this.notifier.look();
        return ok();
      case 'cancelFulfillmentOrder':
        this.book.cancel(sellerId, params[0]);
        this.notifier.look();
        return ok();
      case 'submitFulfillmentOrderStatusUpdate':
        this.book.forceStatus(sellerId, params[0], body as { fulfillmentOrderStatus?: unknown });
        this.notifier.look();
        return ok();
      // 2026-07-04, over the same order book and catalogue
      case 'getOrderPreview':
        return this.book2026.preview(body);
      case 'getOffers':
        return this.book2026.offers(body);
      case 'createOrder': {
        const answer = this.book2026.create(sellerId, body);
        this.notifier.look();
        return answer;
      }
      case 'getOrder':
        return this.book2026.get(sellerId, params[0], query);
      case 'listOrders':
        return this.book2026.list(sellerId, query);
      case 'updateOrder': {
        const answer = this.book2026.update(sellerId, params[0], body);
        this.notifier.look();
        return answer;
      }
      case 'cancelOrder': {
        const answer = this.book2026.cancel(sellerId, params[0]);
        this.notifier.look();
        return answer;
      }
      case 'updateOrderStatus': {
        const answer = this.book2026.forceStatus(sellerId, params[0], body);
        this.notifier.look();
        return answer;
      }
      case 'updatePackage':
        return this.book2026.updatePackage(sellerId, params[0], params[1], body);
      case 'getPackageTrackingDetails':
        return ok(this.shipping.tracking(sellerId, query));
      case 'listReturnReasonCodes':
        return ok(catalog.reasonCodes(query, (id) => this.book.get(sellerId, id)));
      case 'createFulfillmentReturn':
        return ok(this.shipping.createReturn(sellerId, params[0], body as ReturnBody));
      case 'getFeatures':
        return ok(catalog.features(query));
      case 'getFeatureInventory':
        return ok(catalog.featureInventory(params[0], query));
      case 'getFeatureSKU':
        return ok(catalog.featureSku(params[0], params[1], query));
      default:
        throw notFound('Resource not found');
    }
  }
}
