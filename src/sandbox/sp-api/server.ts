import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxServer, readBody, sleep } from '../http';
import {
  SANDBOX_FEATURES,
  SANDBOX_RETURN_REASONS,
  SANDBOX_SKUS,
  SANDBOX_SPAPI_APP,
  SANDBOX_SPAPI_SELLERS,
} from './fixtures';

/**
 * A stateful double of Login with Amazon and SP-API Fulfillment Outbound 2020-07-01 over real
 * HTTP (SPAPI.md; shared/reference/fulfillmentOutbound_2020-07-01.json). Orders move
 * Received → Planning → Processing → Complete over time; Hold orders wait in Received and may be
 * updated; cancelling works only before Processing; shipped orders get packages, tracking events
 * (one with EVENT_212, a code newer than the model, as production sends) and accept returns.
 * Token buckets per (seller, operation) answer Amazon's own 429 body.
 */
export interface SpApiSandboxOptions {
  port?: number;
  host?: string;
  now?: () => number;
  latencyMs?: number;
  /** per-stage durations of a Ship order, ms (default 2000 / 3000 / 5000) */
  receivedMs?: number;
  planningMs?: number;
  processingMs?: number;
  /** LWA access token lifetime, seconds (default 3600) */
  tokenTtlSeconds?: number;
  /** `false` turns the usage-plan buckets off */
  throttle?: boolean;
  /** a seller with a bigger usage plan: rates are multiplied, enforced and announced in x-amzn-RateLimit-Limit */
  usagePlanMultiplier?: number;
  /** seed the demo seller's orders (default true) */
  seed?: boolean;
}

export interface SpApiExchange {
  operation: string;
  sellerId?: string;
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
}

export interface SpApiFault {
  status: number;
  /** answer an HTML body, as some SP-API 400s and gateway errors do */
  html?: boolean;
  delayMs?: number;
  /** carry the request out, then answer with the fault (a lost answer) */
  afterProcessing?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a double handles loosely shaped JSON
type Json = Record<string, any>;

interface SandboxOrder {
  sellerId: string;
  request: Json;
  receivedAt: number;
  /** when the order was released for shipping; null while on Hold */
  releasedAt: number | null;
  cancelledAt: number | null;
  forced: { status: string; at: number } | null;
  packageNumber: number;
  returnItems: Json[];
  returnAuthorizations: Json[];
}

/** Usage plans from the model: operation → [rate, burst]. */
const PLANS: Record<string, [number, number]> = {
  getFulfillmentPreview: [2, 30],
  deliveryOffers: [5, 30],
  listAllFulfillmentOrders: [2, 30],
  createFulfillmentOrder: [2, 30],
  getPackageTrackingDetails: [2, 30],
  listReturnReasonCodes: [2, 30],
  createFulfillmentReturn: [2, 30],
  getFulfillmentOrder: [2, 30],
  updateFulfillmentOrder: [2, 30],
  cancelFulfillmentOrder: [2, 30],
  submitFulfillmentOrderStatusUpdate: [5, 15],
  getFeatures: [2, 30],
  getFeatureInventory: [2, 30],
  getFeatureSKU: [2, 30],
};

const BASE = '/fba/outbound/2020-07-01';
const ROUTES: Array<[string, RegExp, string]> = [
  ['POST', /^\/fulfillmentOrders\/preview$/, 'getFulfillmentPreview'],
  ['POST', /^\/deliveryOffers$/, 'deliveryOffers'],
  ['GET', /^\/fulfillmentOrders$/, 'listAllFulfillmentOrders'],
  ['POST', /^\/fulfillmentOrders$/, 'createFulfillmentOrder'],
  ['GET', /^\/tracking$/, 'getPackageTrackingDetails'],
  ['GET', /^\/returnReasonCodes$/, 'listReturnReasonCodes'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)\/return$/, 'createFulfillmentReturn'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)\/cancel$/, 'cancelFulfillmentOrder'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)\/status$/, 'submitFulfillmentOrderStatusUpdate'],
  ['GET', /^\/fulfillmentOrders\/([^/]+)$/, 'getFulfillmentOrder'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)$/, 'updateFulfillmentOrder'],
  ['GET', /^\/features$/, 'getFeatures'],
  ['GET', /^\/features\/inventory\/([^/]+)$/, 'getFeatureInventory'],
  ['GET', /^\/features\/inventory\/([^/]+)\/([^/]+)$/, 'getFeatureSKU'],
];

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LIST_PAGE_SIZE = 5;

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
const invalid = (message: string, details?: string) =>
  new HttpAnswer(400, { errors: [{ code: 'InvalidInput', message, ...(details ? { details } : {}) }] });
const notFound = (message: string) => new HttpAnswer(404, { errors: [{ code: 'NotFound', message }] });

export class SpApiSandbox extends SandboxServer {
  readonly exchanges: SpApiExchange[] = [];
  readonly orders = new Map<string, SandboxOrder>();
  /** LWA token requests, for tests */
  lwaRequests = 0;
  private readonly tokens = new Map<string, { sellerId: string; expiresAt: number }>();
  private readonly refreshTokens = new Map(SANDBOX_SPAPI_SELLERS.map((s) => [s.refreshToken, s.sellerId]));
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly faults = new Map<string, SpApiFault[]>();
  private readonly packages = new Map<number, string>();
  private nextPackage = 1001;
  private readonly now: () => number;

  constructor(private readonly options: SpApiSandboxOptions = {}) {
    super(options);
    this.now = options.now ?? Date.now;
    if (options.seed ?? true) this.seed();
  }

  /** The LWA token endpoint of this double. */
  get lwaUrl(): string {
    return `${this.url}/auth/o2/token`;
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
    this.lwaRequests = 0;
  }

  /** Adds orders directly (tests and benchmarks), as if created `daysAgo` and already complete. */
  addCompletedOrders(sellerId: string, ids: string[], daysAgo = 1): void {
    const at = this.now() - daysAgo * 86_400_000;
    for (const id of ids) {
      this.orders.set(`${sellerId} ${id}`, {
        sellerId,
        receivedAt: at,
        releasedAt: at,
        cancelledAt: null,
        forced: { status: 'Complete', at: at + 3_600_000 },
        packageNumber: this.allocatePackage(sellerId, id),
        returnItems: [],
        returnAuthorizations: [],
        request: {
          marketplaceId: 'ATVPDKIKX0DER',
          sellerFulfillmentOrderId: id,
          displayableOrderId: id,
          displayableOrderDate: iso(at),
          displayableOrderComment: 'Thank you!',
          shippingSpeedCategory: 'Standard',
          fulfillmentAction: 'Ship',
          fulfillmentPolicy: 'FillOrKill',
          destinationAddress: {
            name: 'Jane Doe',
            addressLine1: '123 Any Street',
            city: 'Seattle',
            stateOrRegion: 'WA',
            postalCode: '98109',
            countryCode: 'US',
          },
          items: [{ sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'item-1', quantity: 1 }],
        },
      });
    }
  }

  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const raw = await readBody(req);
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    if (req.method === 'POST' && url.pathname === '/auth/o2/token') return this.lwa(raw, res);

    const requestId = randomUUID();
    const route = url.pathname.startsWith(BASE)
      ? ROUTES.find(([m, re]) => m === req.method && re.test(url.pathname.slice(BASE.length)))
      : undefined;
    if (!route) return send(res, 404, { errors: [{ code: 'NotFound', message: 'Resource not found' }] }, requestId);
    const [, pattern, operation] = route;
    const params = pattern.exec(url.pathname.slice(BASE.length))!.slice(1).map(decodeURIComponent);
    const query = Object.fromEntries(url.searchParams);
    let requestBody: unknown;
    if (raw.length) {
      try {
        requestBody = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(
          res,
          400,
          { errors: [{ code: 'InvalidInput', message: 'The request body is not valid JSON.' }] },
          requestId,
        );
      }
    }
    const record = (status: number, body: unknown, sellerId?: string) =>
      this.exchanges.push({
        operation,
        sellerId,
        method: req.method!,
        path: url.pathname,
        query,
        requestBody,
        status,
        responseBody: body,
      });

    // auth: the access token names the seller
    const token = req.headers['x-amz-access-token'];
    const known = typeof token === 'string' ? this.tokens.get(token) : undefined;
    if (!known || known.expiresAt <= this.now()) {
      const body = {
        errors: [
          {
            code: 'Unauthorized',
            message: 'Access to requested resource is denied.',
            details: known
              ? 'The access token you provided has expired.'
              : 'The access token you provided is revoked, malformed or invalid.',
          },
        ],
      };
      record(403, body);
      return send(res, 403, body, requestId);
    }
    const sellerId = known.sellerId;
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
      answer = this.dispatch(operation, sellerId, params, query, (requestBody ?? {}) as Json);
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

  private lwa(raw: Buffer, res: ServerResponse): void {
    this.lwaRequests++;
    const form = new URLSearchParams(raw.toString('utf8'));
    if (
      form.get('client_id') !== SANDBOX_SPAPI_APP.clientId ||
      form.get('client_secret') !== SANDBOX_SPAPI_APP.clientSecret
    ) {
      return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const sellerId = this.refreshTokens.get(form.get('refresh_token') ?? '');
    if (form.get('grant_type') !== 'refresh_token' || !sellerId) {
      return send(res, 400, {
        error: 'invalid_grant',
        error_description: 'The request has an invalid grant parameter : refresh_token',
      });
    }
    const ttl = this.options.tokenTtlSeconds ?? 3600;
    const accessToken = `Atza|${randomBytes(24).toString('base64url')}`;
    this.tokens.set(accessToken, { sellerId, expiresAt: this.now() + ttl * 1000 });
    send(res, 200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      refresh_token: form.get('refresh_token'),
    });
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

  // ---- operations -----------------------------------------------------------------------------

  private dispatch(
    operation: string,
    sellerId: string,
    params: string[],
    query: Record<string, string>,
    body: Json,
  ): HttpAnswer {
    switch (operation) {
      case 'getFulfillmentPreview':
        return new HttpAnswer(200, { payload: { fulfillmentPreviews: this.preview(body) } });
      case 'deliveryOffers':
        return new HttpAnswer(200, { payload: { deliveryOffers: this.deliveryOffers(body) } });
      case 'listAllFulfillmentOrders':
        return new HttpAnswer(200, { payload: this.list(sellerId, query) });
      case 'createFulfillmentOrder':
        this.create(sellerId, body);
        return new HttpAnswer(200, {});
      case 'getFulfillmentOrder':
        return new HttpAnswer(200, { payload: this.orderView(this.order(sellerId, params[0])) });
      case 'updateFulfillmentOrder':
        this.update(sellerId, params[0], body);
        return new HttpAnswer(200, {});
      case 'cancelFulfillmentOrder':
        this.cancel(sellerId, params[0]);
        return new HttpAnswer(200, {});
      case 'submitFulfillmentOrderStatusUpdate':
        this.forceStatus(sellerId, params[0], body);
        return new HttpAnswer(200, {});
      case 'getPackageTrackingDetails':
        return new HttpAnswer(200, { payload: this.tracking(sellerId, query) });
      case 'listReturnReasonCodes':
        return new HttpAnswer(200, { payload: this.reasonCodes(sellerId, query) });
      case 'createFulfillmentReturn':
        return new HttpAnswer(200, { payload: this.createReturn(sellerId, params[0], body) });
      case 'getFeatures':
        if (!query.marketplaceId) throw invalid('The request must contain the parameter marketplaceId.');
        return new HttpAnswer(200, { payload: { features: SANDBOX_FEATURES } });
      case 'getFeatureInventory':
        return new HttpAnswer(200, { payload: this.featureInventory(params[0], query) });
      case 'getFeatureSKU':
        return new HttpAnswer(200, { payload: this.featureSku(params[0], params[1], query) });
      default:
        throw notFound('Resource not found');
    }
  }

  private order(sellerId: string, id: string): SandboxOrder {
    const o = this.orders.get(`${sellerId} ${id}`);
    // the historic sandbox answers an unknown order with a 400, not a 404 (SPAPI.md)
    if (!o) throw invalid(`Requested order '${id}' not found`);
    return o;
  }

  private skuOrThrow(sku: string): (typeof SANDBOX_SKUS)[string] {
    const known = SANDBOX_SKUS[sku];
    if (!known) throw invalid(`Value ${sku} for parameter SellerSKU is invalid.`);
    return known;
  }

  private create(sellerId: string, body: Json): void {
    const id = body.sellerFulfillmentOrderId;
    if (typeof id !== 'string' || !id)
      throw invalid('The request must contain the parameter SellerFulfillmentOrderId.');
    if (!body.destinationAddress?.countryCode)
      throw invalid('The request must contain the parameter DestinationAddress.CountryCode.');
    if (!Array.isArray(body.items) || body.items.length === 0)
      throw invalid('The request must contain the parameter Items.');
    if (this.orders.has(`${sellerId} ${id}`))
      throw invalid(`A create request already exists for MerchantFulfillmentOrderId : ${id}`);
    for (const item of body.items) this.skuOrThrow(item.sellerSku);
    const now = this.now();
    this.orders.set(`${sellerId} ${id}`, {
      sellerId,
      request: body,
      receivedAt: now,
      releasedAt: body.fulfillmentAction === 'Hold' ? null : now,
      cancelledAt: null,
      forced: null,
      packageNumber: this.allocatePackage(sellerId, id),
      returnItems: [],
      returnAuthorizations: [],
    });
  }

  private update(sellerId: string, id: string, body: Json): void {
    const o = this.order(sellerId, id);
    const status = this.status(o).status;
    if (o.releasedAt !== null || !['Received', 'Planning'].includes(status)) {
      throw invalid(
        `OrderNotUpdatable: Fulfillment order ${id} is already in working or completed shipments and cannot be updated.`,
      );
    }
    for (const item of body.items ?? []) if (item.sellerSku) this.skuOrThrow(item.sellerSku);
    const { items, ...fields } = body;
    o.request = { ...o.request, ...fields };
    if (Array.isArray(items)) {
      const byId = new Map((o.request.items as Json[]).map((i) => [i.sellerFulfillmentOrderItemId, i]));
      for (const item of items)
        byId.set(item.sellerFulfillmentOrderItemId, { ...byId.get(item.sellerFulfillmentOrderItemId), ...item });
      o.request.items = [...byId.values()];
    }
    if (o.request.fulfillmentAction === 'Ship') o.releasedAt = this.now();
  }

  private cancel(sellerId: string, id: string): void {
    const o = this.order(sellerId, id);
    const { status } = this.status(o);
    if (status === 'Cancelled')
      throw invalid(`Cancel request for fulfillment order ${id} was rejected. Reason: DuplicateCancelRequest`);
    if (!['New', 'Received', 'Planning'].includes(status))
      throw invalid(`Fulfillment order ${id} cannot be cancelled because its status is ${status}.`);
    o.cancelledAt = this.now();
  }

  private forceStatus(sellerId: string, id: string, body: Json): void {
    const o = this.order(sellerId, id);
    const allowed = [
      'New',
      'Received',
      'Planning',
      'Processing',
      'Cancelled',
      'Complete',
      'CompletePartialled',
      'Unfulfillable',
      'Invalid',
    ];
    if (!allowed.includes(body.fulfillmentOrderStatus))
      throw invalid(`Value ${String(body.fulfillmentOrderStatus)} for parameter fulfillmentOrderStatus is invalid.`);
    o.forced = { status: body.fulfillmentOrderStatus, at: this.now() };
  }

  /** The order's status now, and since when. */
  status(o: SandboxOrder): { status: string; since: number } {
    if (o.forced) return { status: o.forced.status, since: o.forced.at };
    if (o.cancelledAt !== null) return { status: 'Cancelled', since: o.cancelledAt };
    if (o.releasedAt === null) return { status: 'Received', since: o.receivedAt };
    const stages: Array<[string, number]> = [
      ['Received', this.options.receivedMs ?? 2000],
      ['Planning', this.options.planningMs ?? 3000],
      ['Processing', this.options.processingMs ?? 5000],
    ];
    let since = o.releasedAt;
    for (const [status, ms] of stages) {
      if (this.now() < since + ms) return { status, since };
      since += ms;
    }
    return { status: 'Complete', since };
  }

  private orderView(o: SandboxOrder): Json {
    const r = o.request;
    const { status, since } = this.status(o);
    const shipped = status === 'Complete' || status === 'CompletePartialled';
    const items = (r.items as Json[]).map((i) => ({
      sellerSku: i.sellerSku,
      sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
      quantity: i.quantity,
      ...(i.giftMessage ? { giftMessage: i.giftMessage } : {}),
      ...(i.displayableComment ? { displayableComment: i.displayableComment } : {}),
      fulfillmentNetworkSku: SANDBOX_SKUS[i.sellerSku]?.fnSku,
      cancelledQuantity: status === 'Cancelled' ? i.quantity : 0,
      unfulfillableQuantity: status === 'Unfulfillable' ? i.quantity : 0,
      estimatedShipDate: iso(o.receivedAt + 86_400_000),
      estimatedArrivalDate: iso(o.receivedAt + 4 * 86_400_000),
      ...(i.perUnitDeclaredValue ? { perUnitDeclaredValue: i.perUnitDeclaredValue } : {}),
      ...(i.perUnitPrice ? { perUnitPrice: i.perUnitPrice } : {}),
      ...(i.perUnitTax ? { perUnitTax: i.perUnitTax } : {}),
    }));
    const shipments =
      status === 'Processing' || shipped
        ? [
            {
              amazonShipmentId: `D${o.packageNumber}kXPQr`,
              fulfillmentCenterId: 'PHX7',
              fulfillmentShipmentStatus: shipped ? 'SHIPPED' : 'PENDING',
              ...(shipped ? { shippingDate: iso(since), estimatedArrivalDate: iso(since + 3 * 86_400_000) } : {}),
              fulfillmentShipmentItem: items.map((i) => ({
                sellerSku: i.sellerSku,
                sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
                quantity: i.quantity,
                ...(shipped ? { packageNumber: o.packageNumber } : {}),
              })),
              ...(shipped
                ? {
                    fulfillmentShipmentPackage: [
                      {
                        packageNumber: o.packageNumber,
                        carrierCode: 'UPS',
                        trackingNumber: `1Z999AA1${String(o.packageNumber).padStart(10, '0')}`,
                        estimatedArrivalDate: iso(since + 3 * 86_400_000),
                      },
                    ],
                  }
                : {}),
            },
          ]
        : [];
    return {
      fulfillmentOrder: {
        sellerFulfillmentOrderId: r.sellerFulfillmentOrderId,
        marketplaceId: r.marketplaceId ?? 'ATVPDKIKX0DER',
        displayableOrderId: r.displayableOrderId,
        displayableOrderDate: r.displayableOrderDate,
        displayableOrderComment: r.displayableOrderComment,
        shippingSpeedCategory: r.shippingSpeedCategory,
        ...(r.deliveryWindow ? { deliveryWindow: r.deliveryWindow } : {}),
        destinationAddress: r.destinationAddress,
        fulfillmentAction: r.fulfillmentAction ?? 'Ship',
        fulfillmentPolicy: r.fulfillmentPolicy ?? 'FillOrKill',
        ...(r.codSettings ? { codSettings: r.codSettings } : {}),
        receivedDate: iso(o.receivedAt),
        fulfillmentOrderStatus: status,
        statusUpdatedDate: iso(since),
        ...(r.notificationEmails ? { notificationEmails: r.notificationEmails } : {}),
        ...(r.featureConstraints ? { featureConstraints: r.featureConstraints } : {}),
      },
      fulfillmentOrderItems: items,
      fulfillmentShipments: shipments,
      returnItems: o.returnItems,
      returnAuthorizations: o.returnAuthorizations,
      ...(r.paymentInformation ? { paymentInformation: r.paymentInformation } : {}),
    };
  }

  private list(sellerId: string, query: Record<string, string>): Json {
    let offset = 0;
    let emptyPageDone = false;
    if (query.nextToken) {
      const m = /^p(\d+)(e?)$/.exec(Buffer.from(query.nextToken, 'base64url').toString());
      if (!m) throw invalid('Invalid nextToken.');
      offset = Number(m[1]);
      emptyPageDone = m[2] === 'e';
    } else if (query.queryStartDate && !ISO_8601.test(query.queryStartDate)) {
      throw invalid(`Invalid queryStartDate: ${query.queryStartDate}; timestamp must follow ISO8601`);
    }
    const since = query.queryStartDate ? Date.parse(query.queryStartDate) : this.now() - 3 * 86_400_000 * 10;
    const all = [...this.orders.values()]
      .filter((o) => o.sellerId === sellerId && this.status(o).since >= since)
      .sort(
        (a, b) =>
          a.receivedAt - b.receivedAt ||
          String(a.request.sellerFulfillmentOrderId).localeCompare(b.request.sellerFulfillmentOrderId),
      );
    const token = (s: string) => Buffer.from(s).toString('base64url');
    // Reproduce the upstream quirk: after the first page comes an empty page that still has a nextToken.
    if (offset === LIST_PAGE_SIZE && !emptyPageDone && all.length > LIST_PAGE_SIZE) {
      return { nextToken: token(`p${offset}e`), fulfillmentOrders: [] };
    }
    const page = all.slice(offset, offset + LIST_PAGE_SIZE);
    const next =
      offset + LIST_PAGE_SIZE < all.length
        ? token(`p${offset + LIST_PAGE_SIZE}${emptyPageDone ? 'e' : ''}`)
        : undefined;
    return {
      ...(next ? { nextToken: next } : {}),
      fulfillmentOrders: page.map((o) => this.orderView(o).fulfillmentOrder),
    };
  }

  private preview(body: Json): Json[] {
    if (!body.address?.countryCode) throw invalid('The request must contain the parameter Address.CountryCode.');
    if (!Array.isArray(body.items) || body.items.length === 0)
      throw invalid('The request must contain the parameter Items.');
    const speeds: string[] = body.shippingSpeedCategories?.length
      ? body.shippingSpeedCategories
      : ['Standard', 'Expedited', 'Priority'];
    const currency = CURRENCY_BY_COUNTRY[body.address.countryCode] ?? 'USD';
    const now = this.now();
    return speeds.map((speed, s) => {
      const unfulfillable = (body.items as Json[]).filter((i) => (SANDBOX_SKUS[i.sellerSku]?.stock ?? 0) < i.quantity);
      const fulfillable = (body.items as Json[]).filter((i) => !unfulfillable.includes(i));
      const weight = fulfillable.reduce((sum, i) => sum + Number(SANDBOX_SKUS[i.sellerSku].weightLb) * i.quantity, 0);
      const days = [5, 3, 1, 2][s % 4];
      return {
        shippingSpeedCategory: speed,
        ...(speed === 'ScheduledDelivery'
          ? {
              scheduledDeliveryInfo: {
                deliveryTimeZone: 'Asia/Tokyo',
                deliveryWindows: [{ startDate: iso(now + 86_400_000), endDate: iso(now + 90_000_000) }],
              },
            }
          : {}),
        isFulfillable: unfulfillable.length === 0,
        isCODCapable: body.address.countryCode === 'JP',
        estimatedShippingWeight: { unit: 'POUNDS', value: weight.toFixed(2) },
        estimatedFees: [
          {
            name: 'FBAPerUnitFulfillmentFee',
            amount: { currencyCode: currency, value: (3.22 * fulfillable.length).toFixed(2) },
          },
          { name: 'FBATransportationFee', amount: { currencyCode: currency, value: (0.5 * (s + 1)).toFixed(2) } },
        ],
        fulfillmentPreviewShipments: fulfillable.length
          ? [
              {
                earliestShipDate: iso(now + 86_400_000),
                latestShipDate: iso(now + 2 * 86_400_000),
                earliestArrivalDate: iso(now + days * 86_400_000),
                latestArrivalDate: iso(now + (days + 2) * 86_400_000),
                shippingNotes: [],
                fulfillmentPreviewItems: fulfillable.map((i) => ({
                  sellerSku: i.sellerSku,
                  quantity: i.quantity,
                  sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
                  estimatedShippingWeight: {
                    unit: 'POUNDS',
                    value: (Number(SANDBOX_SKUS[i.sellerSku].weightLb) * i.quantity).toFixed(2),
                  },
                  shippingWeightCalculationMethod: 'Package',
                })),
              },
            ]
          : [],
        unfulfillablePreviewItems: unfulfillable.map((i) => ({
          sellerSku: i.sellerSku,
          quantity: i.quantity,
          sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
          itemUnfulfillableReasons: [SANDBOX_SKUS[i.sellerSku] ? 'InventoryUnavailable' : 'InvalidSKU'],
        })),
        orderUnfulfillableReasons: [],
        marketplaceId: body.marketplaceId ?? 'ATVPDKIKX0DER',
        ...(body.featureConstraints ? { featureConstraints: body.featureConstraints } : {}),
      };
    });
  }

  private deliveryOffers(body: Json): Json[] {
    const sku = body.product?.productIdentifier?.merchantSku;
    if (!sku) throw invalid('The request must contain the parameter product.productIdentifier.merchantSku.');
    const known = this.skuOrThrow(sku);
    if (!body.terms?.origin?.countryCode || !body.terms?.destination)
      throw invalid('The request must contain the parameters terms.origin and terms.destination.');
    if (known.stock === 0) return [];
    const now = this.now();
    return [
      {
        expiresAt: iso(now + 3_600_000),
        dateRange: { earliest: iso(now + 2 * 86_400_000), latest: iso(now + 4 * 86_400_000) },
        policy: { message: { text: 'Get it in 2 to 4 days', locale: 'en_US' } },
      },
      {
        expiresAt: iso(now + 3_600_000),
        dateRange: { earliest: iso(now + 86_400_000), latest: iso(now + 86_400_000) },
        policy: { message: { text: 'Get it tomorrow', locale: 'en_US' } },
      },
    ];
  }

  private allocatePackage(sellerId: string, orderId: string): number {
    const n = this.nextPackage++;
    this.packages.set(n, `${sellerId} ${orderId}`);
    return n;
  }

  private tracking(sellerId: string, query: Record<string, string>): Json {
    const packageNumber = Number(query.packageNumber);
    if (!query.packageNumber || !Number.isInteger(packageNumber))
      throw invalid('The request must contain the parameter packageNumber.');
    const key = this.packages.get(packageNumber);
    const o = key ? this.orders.get(key) : undefined;
    if (!o || o.sellerId !== sellerId || !['Complete', 'CompletePartialled'].includes(this.status(o).status))
      throw notFound(`The requested package ${packageNumber} was not found.`);
    const shippedAt = this.status(o).since;
    const address = {
      city: o.request.destinationAddress.city ?? '',
      state: o.request.destinationAddress.stateOrRegion ?? '',
      country: o.request.destinationAddress.countryCode,
    };
    const origin = { city: 'Phoenix', state: 'AZ', country: 'US' };
    const delivered = this.now() >= shippedAt + 2 * (this.options.processingMs ?? 5000);
    const events = [
      {
        eventDate: iso(shippedAt),
        eventAddress: origin,
        eventCode: 'EVENT_101',
        eventDescription: 'Carrier picked up the package.',
      },
      // EVENT_212 is not in the model's EventCode enum; production sends such codes (SPAPI.md).
      {
        eventDate: iso(shippedAt + 1000),
        eventAddress: origin,
        eventCode: 'EVENT_212',
        eventDescription: 'Package arrived at a carrier facility.',
      },
      ...(delivered
        ? [
            {
              eventDate: iso(shippedAt + 2000),
              eventAddress: address,
              eventCode: 'EVENT_301',
              eventDescription: 'Delivered.',
            },
          ]
        : []),
    ];
    return {
      packageNumber,
      trackingNumber: `1Z999AA1${String(packageNumber).padStart(10, '0')}`,
      customerTrackingLink: `https://www.amazon.com/progress-tracker/package?pkg=${packageNumber}`,
      carrierCode: 'UPS',
      carrierPhoneNumber: '1-800-742-5877',
      carrierURL: 'https://www.ups.com',
      shipDate: iso(shippedAt),
      estimatedArrivalDate: iso(shippedAt + 3 * 86_400_000),
      shipToAddress: address,
      currentStatus: delivered ? 'DELIVERED' : 'IN_TRANSIT',
      currentStatusDescription: delivered ? 'Delivered' : 'In transit',
      ...(delivered ? { signedForBy: 'FRONT DESK', additionalLocationInfo: 'FRONT_DESK' } : {}),
      trackingEvents: events,
    };
  }

  private reasonCodes(sellerId: string, query: Record<string, string>): Json {
    if (!query.sellerSku) throw invalid('The request must contain the parameter sellerSku.');
    this.skuOrThrow(query.sellerSku);
    if (query.sellerFulfillmentOrderId) this.order(sellerId, query.sellerFulfillmentOrderId);
    return { reasonCodeDetails: SANDBOX_RETURN_REASONS };
  }

  private createReturn(sellerId: string, id: string, body: Json): Json {
    const o = this.order(sellerId, id);
    if (!Array.isArray(body.items) || body.items.length === 0)
      throw invalid('The request must contain the parameter items.');
    const shipped = ['Complete', 'CompletePartialled'].includes(this.status(o).status);
    const shipmentId = `D${o.packageNumber}kXPQr`;
    const returnItems: Json[] = [];
    const invalidReturnItems: Json[] = [];
    for (const item of body.items as Json[]) {
      const line = (o.request.items as Json[]).find(
        (i) => i.sellerFulfillmentOrderItemId === item.sellerFulfillmentOrderItemId,
      );
      const reject = (code: string, description: string) =>
        invalidReturnItems.push({
          sellerReturnItemId: item.sellerReturnItemId,
          sellerFulfillmentOrderItemId: item.sellerFulfillmentOrderItemId,
          invalidItemReason: { invalidItemReasonCode: code, description },
        });
      if (o.returnItems.some((r) => r.sellerReturnItemId === item.sellerReturnItemId))
        reject('DuplicateRequest', 'A return for this sellerReturnItemId already exists.');
      else if (!line || item.amazonShipmentId !== shipmentId)
        reject('InvalidValues', 'The item or shipment does not belong to this order.');
      else if (!shipped) reject('NoCompletedShipItems', 'The item has not shipped yet.');
      else if (
        o.returnItems.filter((r) => r.sellerFulfillmentOrderItemId === line.sellerFulfillmentOrderItemId).length >=
        line.quantity
      )
        reject('NoReturnableQuantity', 'All units of this item are already being returned.');
      else {
        returnItems.push({
          sellerReturnItemId: item.sellerReturnItemId,
          sellerFulfillmentOrderItemId: item.sellerFulfillmentOrderItemId,
          amazonShipmentId: shipmentId,
          sellerReturnReasonCode: item.returnReasonCode,
          ...(item.returnComment ? { returnComment: item.returnComment } : {}),
          status: 'New',
          statusChangedDate: iso(this.now()),
          returnAuthorizationId: `RA-${o.packageNumber}`,
          fulfillmentCenterId: 'PHX7',
        });
      }
    }
    o.returnItems.push(...returnItems);
    const authorizations =
      returnItems.length && !o.returnAuthorizations.length
        ? [
            {
              returnAuthorizationId: `RA-${o.packageNumber}`,
              fulfillmentCenterId: 'PHX7',
              returnToAddress: {
                name: 'Amazon PHX7',
                addressLine1: '800 N 75th Ave',
                city: 'Phoenix',
                stateOrRegion: 'AZ',
                postalCode: '85043',
                countryCode: 'US',
              },
              amazonRmaId: `Dbq${o.packageNumber}RMA`,
              rmaPageURL: `https://www.amazon.com/rma/${o.packageNumber}`,
            },
          ]
        : [];
    o.returnAuthorizations.push(...authorizations);
    return { returnItems, invalidReturnItems, returnAuthorizations: returnItems.length ? o.returnAuthorizations : [] };
  }

  private featureInventory(featureName: string, query: Record<string, string>): Json {
    if (!query.marketplaceId) throw invalid('The request must contain the parameter marketplaceId.');
    if (!SANDBOX_FEATURES.some((f) => f.featureName === featureName))
      throw invalid(`Feature ${featureName} does not exist.`);
    const skus = Object.entries(SANDBOX_SKUS).filter(([, s]) => s.stock > 0);
    const offset = query.nextToken ? Number(Buffer.from(query.nextToken, 'base64url').toString()) : 0;
    const page = skus.slice(offset, offset + 2);
    const next = offset + 2 < skus.length ? Buffer.from(String(offset + 2)).toString('base64url') : undefined;
    return {
      marketplaceId: query.marketplaceId,
      featureName,
      ...(next ? { nextToken: next } : {}),
      featureSkus: page.map(([sku, s]) => ({
        sellerSku: sku,
        fnSku: s.fnSku,
        asin: s.asin,
        skuCount: s.stock,
        overlappingSkus: [],
      })),
    };
  }

  private featureSku(featureName: string, sellerSku: string, query: Record<string, string>): Json {
    if (!query.marketplaceId) throw invalid('The request must contain the parameter marketplaceId.');
    const known = SANDBOX_SKUS[sellerSku];
    const feature = SANDBOX_FEATURES.find((f) => f.featureName === featureName);
    if (!feature) throw invalid(`Feature ${featureName} does not exist.`);
    const eligible = Boolean(known && known.stock > 0 && feature.sellerEligible);
    return {
      marketplaceId: query.marketplaceId,
      featureName,
      isEligible: eligible,
      ...(eligible ? {} : { ineligibleReasons: [known ? 'SKU_NOT_ELIGIBLE' : 'INVALID_SKU'] }),
      sellerSku,
      ...(known ? { fnSku: known.fnSku, asin: known.asin, skuCount: known.stock } : {}),
    };
  }

  private seed(): void {
    const seller = SANDBOX_SPAPI_SELLERS[0].sellerId;
    const day = 86_400_000;
    const now = this.now();
    const order = (id: string, daysAgo: number, action: 'Ship' | 'Hold', forced: string | null, items: Json[]) => {
      const at = now - daysAgo * day;
      this.orders.set(`${seller} ${id}`, {
        sellerId: seller,
        receivedAt: at,
        releasedAt: action === 'Hold' ? null : at,
        cancelledAt: null,
        forced: forced ? { status: forced, at: at + 3_600_000 } : null,
        packageNumber: this.allocatePackage(seller, id),
        returnItems: [],
        returnAuthorizations: [],
        request: {
          marketplaceId: 'ATVPDKIKX0DER',
          sellerFulfillmentOrderId: id,
          displayableOrderId: id,
          displayableOrderDate: iso(at),
          displayableOrderComment: 'Thank you for your order!',
          shippingSpeedCategory: 'Standard',
          fulfillmentAction: action,
          fulfillmentPolicy: 'FillOrKill',
          destinationAddress: {
            name: 'Jane Doe',
            addressLine1: '123 Any Street',
            city: 'Seattle',
            stateOrRegion: 'WA',
            postalCode: '98109',
            countryCode: 'US',
            phone: '206-555-0100',
          },
          items,
        },
      });
    };
    const line = (n: number, sku: string, quantity: number) => ({
      sellerSku: sku,
      sellerFulfillmentOrderItemId: `item-${n}`,
      quantity,
    });
    order('FBATestOrder-1', 9, 'Ship', 'Complete', [line(1, 'DEMO-SKU-1', 1)]);
    order('DEMO-COMPLETE-1', 6, 'Ship', 'Complete', [line(1, 'DEMO-SKU-1', 2), line(2, 'DEMO-SKU-2', 1)]);
    order('DEMO-PROCESSING-1', 2, 'Ship', 'Processing', [line(1, 'DEMO-SKU-3', 1)]);
    order('DEMO-HOLD-1', 1, 'Hold', null, [line(1, 'DEMO-SKU-2', 3)]);
    order('DEMO-CANCELLED-1', 3, 'Ship', 'Cancelled', [line(1, 'DEMO-SKU-1', 1)]);
    order('DEMO-PLANNING-1', 1, 'Ship', 'Planning', [line(1, 'DEMO-SKU-1', 1)]);
  }
}

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  BR: 'BRL',
  GB: 'GBP',
  UK: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  IT: 'EUR',
  ES: 'EUR',
  NL: 'EUR',
  BE: 'EUR',
  IE: 'EUR',
  JP: 'JPY',
  AU: 'AUD',
  SG: 'SGD',
  IN: 'INR',
  SE: 'SEK',
  PL: 'PLN',
  TR: 'TRY',
  AE: 'AED',
  SA: 'SAR',
  EG: 'EGP',
  ZA: 'ZAR',
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function send(res: ServerResponse, status: number, body: unknown, requestId?: string, rateLimit?: number): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(requestId ? { 'x-amzn-RequestId': requestId } : {}),
    ...(rateLimit ? { 'x-amzn-RateLimit-Limit': rateLimit.toFixed(1) } : {}),
  });
  res.end(text);
}

function sendFault(res: ServerResponse, fault: SpApiFault, requestId: string): void {
  if (fault.html) {
    res.writeHead(fault.status, { 'content-type': 'text/html', 'x-amzn-RequestId': requestId });
    res.end('<html><head><title>Error</title></head><body>Service Unavailable</body></html>');
    return;
  }
  const code = fault.status === 429 ? 'QuotaExceeded' : fault.status >= 500 ? 'InternalFailure' : 'InvalidInput';
  send(
    res,
    fault.status,
    {
      errors: [
        {
          code,
          message:
            code === 'QuotaExceeded'
              ? 'You exceeded your quota for the requested resource.'
              : 'We encountered an internal error. Please try again.',
        },
      ],
    },
    requestId,
  );
}
