import { SANDBOX_SKUS, SANDBOX_SPAPI_SELLERS } from './fixtures';
import { invalid, iso } from './answers';
import type { AddressBody, ItemBody, OrderBody, Query } from './types';

/** Per-stage durations of a Ship order, ms. */
export interface Lifecycle {
  receivedMs?: number;
  planningMs?: number;
  processingMs?: number;
}

export interface SandboxOrder {
  sellerId: string;
  request: OrderBody;
  receivedAt: number;
  /** when the order was released for shipping; null while on Hold */
  releasedAt: number | null;
  cancelledAt: number | null;
  forced: { status: string; at: number } | null;
  packageNumber: number;
  returnItems: Array<Record<string, unknown>>;
  returnAuthorizations: Array<Record<string, unknown>>;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LIST_PAGE_SIZE = 5;
const DAY = 86_400_000;
const SHIPPED = ['Complete', 'CompletePartialled'];
const FORCEABLE = [
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
/** The sandbox's demo buyer address (seeded orders, benchmarks). */
export const DEMO_ADDRESS: AddressBody = {
  name: 'Jane Doe',
  addressLine1: '123 Any Street',
  city: 'Seattle',
  stateOrRegion: 'WA',
  postalCode: '98109',
  countryCode: 'US',
};

/**
 * The double's order state and lifecycle: Ship orders move Received → Planning → Processing →
 * Complete over time; Hold orders wait in Received and may be updated; cancelling works only
 * before Processing; a forced status (the sandbox-only status update) overrides the clock.
 */
export class OrderBook {
  readonly orders = new Map<string, SandboxOrder>();
  /** package number → order key */
  private readonly packages = new Map<number, string>();
  private nextPackage = 1001;

  constructor(
    private readonly now: () => number,
    private readonly lifecycle: Lifecycle,
  ) {}

  get(sellerId: string, id: string): SandboxOrder {
    const o = this.orders.get(`${sellerId} ${id}`);
    // the historic sandbox answers an unknown order with a 400, not a 404 (docs/upstreams/sp-api.md)
    if (!o) throw invalid(`Requested order '${id}' not found`);
    return o;
  }

  /** The order whose package this is, if any. */
  byPackage(packageNumber: number): SandboxOrder | undefined {
    const key = this.packages.get(packageNumber);
    return key ? this.orders.get(key) : undefined;
  }

  isShipped(o: SandboxOrder): boolean {
    return SHIPPED.includes(this.status(o).status);
  }

  create(sellerId: string, body: Partial<OrderBody>): void {
    const id = body.sellerFulfillmentOrderId;
    if (typeof id !== 'string' || !id)
      throw invalid('The request must contain the parameter SellerFulfillmentOrderId.');
    if (!body.destinationAddress?.countryCode)
      throw invalid('The request must contain the parameter DestinationAddress.CountryCode.');
    if (!Array.isArray(body.items) || body.items.length === 0)
      throw invalid('The request must contain the parameter Items.');
    if (this.orders.has(`${sellerId} ${id}`))
      throw invalid(`A create request already exists for MerchantFulfillmentOrderId : ${id}`);
    for (const item of body.items) skuOrThrow(item.sellerSku);
    const now = this.now();
    this.insert(sellerId, body as OrderBody, now, body.fulfillmentAction === 'Hold' ? null : now, null);
  }

  update(sellerId: string, id: string, body: Partial<OrderBody>): void {
    const o = this.get(sellerId, id);
    const status = this.status(o).status;
    if (o.releasedAt !== null || !['Received', 'Planning'].includes(status)) {
      throw invalid(
        `OrderNotUpdatable: Fulfillment order ${id} is already in working or completed shipments and cannot be updated.`,
      );
    }
    for (const item of body.items ?? []) if (item.sellerSku) skuOrThrow(item.sellerSku);
    const { items, ...fields } = body;
    o.request = { ...o.request, ...fields };
    if (Array.isArray(items)) {
      const byId = new Map(o.request.items.map((i) => [i.sellerFulfillmentOrderItemId, i]));
      for (const item of items)
        byId.set(item.sellerFulfillmentOrderItemId, { ...byId.get(item.sellerFulfillmentOrderItemId), ...item });
      o.request.items = [...byId.values()];
    }
    if (o.request.fulfillmentAction === 'Ship') o.releasedAt = this.now();
  }

  cancel(sellerId: string, id: string): void {
    const o = this.get(sellerId, id);
    const { status } = this.status(o);
    if (status === 'Cancelled')
      throw invalid(`Cancel request for fulfillment order ${id} was rejected. Reason: DuplicateCancelRequest`);
    if (!['New', 'Received', 'Planning'].includes(status))
      throw invalid(`Fulfillment order ${id} cannot be cancelled because its status is ${status}.`);
    // a cancel outranks the clock and any status set before it (seeded and force-set orders too)
    o.cancelledAt = this.now();
    o.forced = { status: 'Cancelled', at: o.cancelledAt };
  }

  forceStatus(sellerId: string, id: string, body: { fulfillmentOrderStatus?: unknown }): void {
    const o = this.get(sellerId, id);
    const status = body.fulfillmentOrderStatus;
    if (typeof status !== 'string' || !FORCEABLE.includes(status))
      throw invalid(`Value ${String(status)} for parameter fulfillmentOrderStatus is invalid.`);
    o.forced = { status, at: this.now() };
  }

  /** The order's status now, and since when. */
  status(o: SandboxOrder): { status: string; since: number } {
    if (o.forced) return { status: o.forced.status, since: o.forced.at };
    if (o.cancelledAt !== null) return { status: 'Cancelled', since: o.cancelledAt };
    if (o.releasedAt === null) return { status: 'Received', since: o.receivedAt };
    const stages: Array<[string, number]> = [
      ['Received', this.lifecycle.receivedMs ?? 2000],
      ['Planning', this.lifecycle.planningMs ?? 3000],
      ['Processing', this.lifecycle.processingMs ?? 5000],
    ];
    let since = o.releasedAt;
    for (const [status, ms] of stages) {
      if (this.now() < since + ms) return { status, since };
      since += ms;
    }
    return { status: 'Complete', since };
  }

  /** getFulfillmentOrder's payload. */
  view(o: SandboxOrder) {
    // the order's status now, from its lifecycle on the clock (or a status forced on it)
    const r = o.request;
    const { status, since } = this.status(o);
    const shipped = SHIPPED.includes(status);
    // its lines as sent, with what Amazon adds (FNSKU, cancelled and unfulfillable quantities, dates)
    const items = r.items.map((i) => ({
      sellerSku: i.sellerSku,
      sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
      quantity: i.quantity,
      ...(i.giftMessage ? { giftMessage: i.giftMessage } : {}),
      ...(i.displayableComment ? { displayableComment: i.displayableComment } : {}),
      fulfillmentNetworkSku: SANDBOX_SKUS[i.sellerSku]?.fnSku,
      cancelledQuantity: status === 'Cancelled' ? i.quantity : 0,
      unfulfillableQuantity: status === 'Unfulfillable' ? i.quantity : 0,
      estimatedShipDate: iso(o.receivedAt + DAY),
      estimatedArrivalDate: iso(o.receivedAt + 4 * DAY),
      ...(i.perUnitDeclaredValue ? { perUnitDeclaredValue: i.perUnitDeclaredValue } : {}),
      ...(i.perUnitPrice ? { perUnitPrice: i.perUnitPrice } : {}),
      ...(i.perUnitTax ? { perUnitTax: i.perUnitTax } : {}),
    }));
    // one shipment once processing starts: pending, then shipped with one UPS package
    const shipments =
      status === 'Processing' || shipped
        ? [
            {
              amazonShipmentId: shipmentIdOf(o),
              fulfillmentCenterId: 'PHX7',
              fulfillmentShipmentStatus: shipped ? 'SHIPPED' : 'PENDING',
              ...(shipped ? { shippingDate: iso(since), estimatedArrivalDate: iso(since + 3 * DAY) } : {}),
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
                        trackingNumber: trackingNumberOf(o.packageNumber),
                        estimatedArrivalDate: iso(since + 3 * DAY),
                      },
                    ],
                  }
                : {}),
            },
          ]
        : [];
    // getFulfillmentOrder's payload
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

  /** listAllFulfillmentOrders, pages of five, with Amazon's empty second page that still has a nextToken. */
  list(sellerId: string, query: Query) {
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
    const since = query.queryStartDate ? Date.parse(query.queryStartDate) : this.now() - 30 * DAY;
    const all = [...this.orders.values()]
      .filter((o) => o.sellerId === sellerId && this.status(o).since >= since)
      .sort(
        (a, b) =>
          a.receivedAt - b.receivedAt ||
          a.request.sellerFulfillmentOrderId.localeCompare(b.request.sellerFulfillmentOrderId),
      );
    const token = (s: string) => Buffer.from(s).toString('base64url');
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
      fulfillmentOrders: page.map((o) => this.view(o).fulfillmentOrder),
    };
  }

  /** Adds orders directly (tests and benchmarks), as if created `daysAgo` and already complete. */
  addCompleted(sellerId: string, ids: string[], daysAgo = 1): void {
    const at = this.now() - daysAgo * DAY;
    for (const id of ids) {
      const request = demoRequest(id, at, 'Ship', 'Thank you!', DEMO_ADDRESS, [
        { sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'item-1', quantity: 1 },
      ]);
      this.insert(sellerId, request, at, at, { status: 'Complete', at: at + 3_600_000 });
    }
  }

  /** The demo seller's orders (listed in docs/sandboxes.md). */
  seed(): void {
    const seller = SANDBOX_SPAPI_SELLERS[0].sellerId;
    const now = this.now();
    const order = (id: string, daysAgo: number, action: 'Ship' | 'Hold', forced: string | null, items: ItemBody[]) => {
      const at = now - daysAgo * DAY;
      const address = { ...DEMO_ADDRESS, phone: '206-555-0100' };
      const request = demoRequest(id, at, action, 'Thank you for your order!', address, items);
      this.insert(
        seller,
        request,
        at,
        action === 'Hold' ? null : at,
        forced ? { status: forced, at: at + 3_600_000 } : null,
      );
    };
    const line = (n: number, sku: string, quantity: number): ItemBody => ({
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

  private insert(
    sellerId: string,
    request: OrderBody,
    receivedAt: number,
    releasedAt: number | null,
    forced: SandboxOrder['forced'],
  ): void {
    const id = request.sellerFulfillmentOrderId;
    const packageNumber = this.nextPackage++;
    this.packages.set(packageNumber, `${sellerId} ${id}`);
    this.orders.set(`${sellerId} ${id}`, {
      sellerId,
      request,
      receivedAt,
      releasedAt,
      cancelledAt: null,
      forced,
      packageNumber,
      returnItems: [],
      returnAuthorizations: [],
    });
  }
}

export function skuOrThrow(sku: string): (typeof SANDBOX_SKUS)[string] {
  const known = SANDBOX_SKUS[sku];
  if (!known) throw invalid(`Value ${sku} for parameter SellerSKU is invalid.`);
  return known;
}

export const shipmentIdOf = (o: SandboxOrder) => `D${o.packageNumber}kXPQr`;
export const trackingNumberOf = (packageNumber: number) => `1Z999AA1${String(packageNumber).padStart(10, '0')}`;

function demoRequest(
  id: string,
  at: number,
  action: 'Ship' | 'Hold',
  comment: string,
  destinationAddress: AddressBody,
  items: ItemBody[],
): OrderBody {
  return {
    marketplaceId: 'ATVPDKIKX0DER',
    sellerFulfillmentOrderId: id,
    displayableOrderId: id,
    displayableOrderDate: iso(at),
    displayableOrderComment: comment,
    shippingSpeedCategory: 'Standard',
    fulfillmentAction: action,
    fulfillmentPolicy: 'FillOrKill',
    destinationAddress,
    items,
  };
}
