import { HttpAnswer, invalid, iso, notFound } from './answers';
import type { OrderBook, SandboxOrder } from './orders';
import * as catalog from './catalog';
import type { DeliveryOffersBody, OrderBody, Query } from './types';

/**
 * The double's Fulfillment Outbound 2026-07-04 face over the same order book as 2020-07-01: an
 * order created through either version is one order, as at Amazon. Shapes follow the official
 * model (reference/fulfillmentOutbound_2026-07-04.json): answers are the objects themselves, order
 * and package statuses are 2026's words, packages carry their tracking and proof of delivery.
 */
const DAY = 86_400_000;
const PAGE_SIZE = 5;
/** 2020-07-01's order status → 2026-07-04's */
const STATUS_2026: Record<string, string> = {
  New: 'PROCESSING',
  Received: 'PROCESSING',
  Planning: 'PROCESSING',
  Processing: 'PROCESSING',
  Complete: 'COMPLETE',
  CompletePartialled: 'COMPLETE_PARTIAL',
  Cancelled: 'CANCELLED',
  Unfulfillable: 'UNFULFILLABLE',
  Invalid: 'INVALID',
};
/** 2026's sandbox status update → the book's status */
const FORCED_FROM_2026: Record<string, string> = {
  PROCESSING: 'Processing',
  COMPLETE: 'Complete',
  COMPLETE_PARTIAL: 'CompletePartialled',
  CANCELLED: 'Cancelled',
  UNFULFILLABLE: 'Unfulfillable',
  INVALID: 'Invalid',
};
const TIER_TO_SPEED: Record<string, string> = {
  STANDARD: 'Standard',
  EXPEDITED: 'Expedited',
  PRIORITY: 'Priority',
  SCHEDULED: 'ScheduledDelivery',
};
const SPEED_TO_TIER = Object.fromEntries(Object.entries(TIER_TO_SPEED).map(([k, v]) => [v, k]));
const PACKAGE_STATUSES = [
  'PROCESSING',
  'IN_TRANSIT',
  'DELAYED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'UNDELIVERABLE',
  'EXPIRED',
];
const POLICIES = ['FILL_OR_KILL', 'FILL_ALL', 'FILL_ALL_AVAILABLE'];

interface Extra2026 {
  channel?: string;
  /** a package status set through updatePackage, by packageId */
  packages: Map<string, { status: string; deliveryTime?: string }>;
}

/** A line item as a client may send it: anything may be missing or of the wrong type. */
interface LineIn {
  lineItemId?: unknown;
  product?: {
    productIdentifier?: { amazonSku?: unknown };
    perUnitDeclaredValue?: { currencyCode?: unknown; amount?: unknown };
  };
  amount?: { value?: unknown };
}

interface CreateBody {
  orderId?: unknown;
  channel?: unknown;
  fulfillmentConfiguration?: { serviceLevel?: { serviceTiers?: unknown }; action?: unknown; policy?: unknown };
  origin?: { countryCode?: unknown };
  destination?: { deliveryAddress?: Record<string, unknown>; deliveryNotes?: unknown };
  lineItems?: unknown;
}

export class OrderBook2026 {
  private readonly extra = new WeakMap<SandboxOrder, Extra2026>();

  constructor(
    private readonly book: OrderBook,
    private readonly now: () => number,
    /** answer createOrder with 202 {orderId, status} instead of 200 {order} */
    private readonly acceptAsync: () => boolean,
  ) {}

  private extraOf(o: SandboxOrder): Extra2026 {
    let e = this.extra.get(o);
    if (!e) this.extra.set(o, (e = { packages: new Map() }));
    return e;
  }

  private order(sellerId: string, orderId: string): SandboxOrder {
    const o = this.book.orders.get(`${sellerId} ${orderId}`);
    if (!o) throw notFound(`Order ${orderId} was not found.`);
    return o;
  }

  /** POST /orders */
  create(sellerId: string, raw: unknown): HttpAnswer {
    // the model's required fields and limits, refused as Amazon refuses them
    const body = (raw ?? {}) as CreateBody;
    if (typeof body.orderId !== 'string' || !body.orderId || body.orderId.length > 40)
      throw invalid('orderId is required and must be at most 40 characters.');
    if (body.channel !== undefined && (typeof body.channel !== 'string' || body.channel.length > 40))
      throw invalid('channel must be at most 40 characters.');
    const address = body.destination?.deliveryAddress;
    if (!address || typeof address.countryCode !== 'string' || typeof address.postalCode !== 'string')
      throw invalid('destination.deliveryAddress with countryCode and postalCode is required.');
    if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) throw invalid('lineItems is required.');
    const config = body.fulfillmentConfiguration ?? {};
    const tiers = Array.isArray(config.serviceLevel?.serviceTiers)
      ? (config.serviceLevel.serviceTiers as string[])
      : [];
    const policy = config.policy;
    if (policy !== undefined && (typeof policy !== 'string' || !POLICIES.includes(policy)))
      throw invalid('The value for fulfillmentConfiguration.policy is invalid.');
    // 2026's lines, turned into the one order book's lines (an order is one order whichever version wrote it)
    const items = (body.lineItems as LineIn[]).map((l, i) => {
      const sku = l?.product?.productIdentifier?.amazonSku;
      const value = l?.amount?.value;
      if (typeof sku !== 'string' || typeof l?.lineItemId !== 'string')
        throw invalid(`lineItems[${i}] needs lineItemId and product.productIdentifier.amazonSku.`);
      if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1)
        throw invalid(`lineItems[${i}].amount.value must be a positive whole number of EACHES.`);
      const declared = l.product?.perUnitDeclaredValue;
      return {
        sellerSku: sku,
        sellerFulfillmentOrderItemId: l.lineItemId,
        quantity: Number(value),
        ...(declared && typeof declared.currencyCode === 'string' && typeof declared.amount === 'string'
          ? { perUnitDeclaredValue: { currencyCode: declared.currencyCode, value: declared.amount } }
          : {}),
      };
    });
    const request: Partial<OrderBody> = {
      sellerFulfillmentOrderId: body.orderId,
      displayableOrderId: body.orderId,
      displayableOrderDate: iso(this.now()),
      displayableOrderComment: '',
      shippingSpeedCategory: TIER_TO_SPEED[tiers[0] ?? 'STANDARD'] ?? 'Standard',
      destinationAddress: address,
      fulfillmentAction: config.action === 'HOLD' ? 'Hold' : 'Ship',
      fulfillmentPolicy: policy ? policy2020(policy) : undefined,
      items,
    };
    this.book.create(sellerId, request);
    const o = this.order(sellerId, body.orderId);
    if (typeof body.channel === 'string') this.extraOf(o).channel = body.channel;
    return this.acceptAsync()
      ? new HttpAnswer(202, { orderId: body.orderId, status: 'PROCESSING' })
      : new HttpAnswer(200, { order: this.view(o) });
  }

  /** GET /orders/{orderId} */
  get(sellerId: string, orderId: string, query: Query): HttpAnswer {
    return new HttpAnswer(200, { order: this.view(this.order(sellerId, orderId), query.shipments !== 'EXCLUDE') });
  }

  /** GET /orders: orders updated after `updatedAfter` (default: 30 days), five a page. */
  list(sellerId: string, query: Query): HttpAnswer {
    const since = query.updatedAfter ? Date.parse(query.updatedAfter) : this.now() - 30 * DAY;
    if (Number.isNaN(since)) throw invalid(`Invalid updatedAfter: ${query.updatedAfter}`);
    let offset = 0;
    if (query.pageToken) {
      const m = /^o(\d+)$/.exec(Buffer.from(query.pageToken, 'base64url').toString());
      if (!m) throw invalid('Invalid pageToken.');
      offset = Number(m[1]);
    }
    const all = [...this.book.orders.values()]
      .filter((o) => o.sellerId === sellerId && this.book.status(o).since >= since)
      .sort(
        (a, b) =>
          a.receivedAt - b.receivedAt ||
          a.request.sellerFulfillmentOrderId.localeCompare(b.request.sellerFulfillmentOrderId),
      );
    const page = all.slice(offset, offset + PAGE_SIZE);
    const next =
      offset + PAGE_SIZE < all.length ? Buffer.from(`o${offset + PAGE_SIZE}`).toString('base64url') : undefined;
    return new HttpAnswer(200, {
      orders: page.map((o) => this.view(o, query.shipments !== 'EXCLUDE')),
      ...(next ? { pagination: { nextToken: next } } : {}),
    });
  }

  /** PUT /orders/{orderId}: only the action (release a HOLD). */
  update(sellerId: string, orderId: string, raw: unknown): HttpAnswer {
    const action = (raw as { fulfillmentConfiguration?: { action?: unknown } })?.fulfillmentConfiguration?.action;
    if (action !== 'SHIP') throw invalid('fulfillmentConfiguration.action must be SHIP to release an order on hold.');
    this.order(sellerId, orderId);
    this.book.update(sellerId, orderId, { fulfillmentAction: 'Ship' });
    return new HttpAnswer(202, {});
  }

  /** PUT /orders/{orderId}/cancel */
  cancel(sellerId: string, orderId: string): HttpAnswer {
    this.order(sellerId, orderId);
    this.book.cancel(sellerId, orderId);
    return new HttpAnswer(202, {});
  }

  /** PUT /orders/{orderId}/status (sandbox only) */
  forceStatus(sellerId: string, orderId: string, raw: unknown): HttpAnswer {
    const status = (raw as { status?: unknown })?.status;
    const forced = typeof status === 'string' ? FORCED_FROM_2026[status] : undefined;
    if (!forced) throw invalid(`Value ${String(status)} for status is invalid.`);
    this.order(sellerId, orderId);
    this.book.forceStatus(sellerId, orderId, { fulfillmentOrderStatus: forced });
    return new HttpAnswer(204, undefined);
  }

  /** PUT /orders/{orderId}/packages/{packageId} (sandbox only) */
  updatePackage(sellerId: string, orderId: string, packageId: string, raw: unknown): HttpAnswer {
    const body = (raw ?? {}) as { status?: unknown; deliveryTime?: unknown };
    if (typeof body.status !== 'string' || !PACKAGE_STATUSES.includes(body.status))
      throw invalid(`Value ${String(body.status)} for status is invalid.`);
    const o = this.order(sellerId, orderId);
    if (!this.book.isShipped(o) || String(o.packageNumber) !== packageId)
      throw notFound(`Package ${packageId} was not found for order ${orderId}.`);
    this.extraOf(o).packages.set(packageId, {
      status: body.status,
      ...(typeof body.deliveryTime === 'string' ? { deliveryTime: body.deliveryTime } : {}),
    });
    return new HttpAnswer(204, undefined);
  }

  /** POST /previews: the 2020 catalogue's previews as one planned shipment with an offer per service tier. */
  preview(raw: unknown): HttpAnswer {
    const body = (raw ?? {}) as {
      destination?: { deliveryAddress?: Record<string, unknown> };
      lineItems?: unknown;
      fulfillmentConfiguration?: { serviceLevel?: { serviceTiers?: unknown } };
    };
    // the request in 2026's shape, checked; then 2020-07-01's preview over the same catalogue, reshaped
    const address = body.destination?.deliveryAddress;
    if (!address?.countryCode) throw invalid('destination.deliveryAddress.countryCode is required.');
    if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) throw invalid('lineItems is required.');
    const items = (body.lineItems as LineIn[]).map((l, i) => {
      const sku = l?.product?.productIdentifier?.amazonSku;
      const value = l?.amount?.value;
      if (typeof sku !== 'string' || typeof value !== 'string' || !/^\d+$/.test(value))
        throw invalid(`lineItems[${i}] needs product.productIdentifier.amazonSku and a whole amount.value.`);
      return { sellerSku: sku, sellerFulfillmentOrderItemId: sku, quantity: Number(value) };
    });
    for (const i of items) if (!catalog.knownSku(i.sellerSku)) throw invalid(`Invalid SKU ${i.sellerSku}.`);
    const tiers = Array.isArray(body.fulfillmentConfiguration?.serviceLevel?.serviceTiers)
      ? (body.fulfillmentConfiguration.serviceLevel.serviceTiers as string[])
      : ['STANDARD', 'EXPEDITED', 'PRIORITY'];
    const previews = catalog.preview(
      {
        address: address,
        items,
        shippingSpeedCategories: tiers.map((t) => TIER_TO_SPEED[t] ?? 'Standard'),
      },
      this.now(),
    );
    const first = previews[0];
    const shipment = first.fulfillmentPreviewShipments[0];
    const plannedShipments = shipment
      ? [
          {
            estimatedShippingWeight: first.estimatedShippingWeight,
            items: shipment.fulfillmentPreviewItems.map((i) => ({
              productIdentifier: { amazonSku: i.sellerSku },
              amount: { unit: 'EACHES', value: String(i.quantity) },
            })),
            offers: previews.map((p, n) => {
              const s = p.fulfillmentPreviewShipments[0];
              const total = p.estimatedFees.reduce((sum, f) => sum + Number(f.amount.value), 0);
              return {
                estimatedPrice: {
                  rollupPrices: p.estimatedFees.map((f) => ({
                    type: f.name,
                    value: { currencyCode: f.amount.currencyCode, amount: f.amount.value },
                  })),
                  totalPrice: { currencyCode: p.estimatedFees[0].amount.currencyCode, amount: total.toFixed(2) },
                },
                fulfillmentConfiguration: {
                  serviceLevel: {
                    serviceTier: tiers[n],
                    deliveryInterval: { startTime: s.earliestArrivalDate, endTime: s.latestArrivalDate },
                    shipInterval: { startTime: s.earliestShipDate, endTime: s.latestShipDate },
                  },
                },
              };
            }),
          },
        ]
      : [];
    const constraints = first.unfulfillablePreviewItems.map((i) => ({
      code: 'INVENTORY_UNAVAILABLE',
      type: 'ITEM',
      message: `Not enough inventory of ${i.sellerSku}.`,
      details: [{ type: 'SKU', value: i.sellerSku }],
    }));
    return new HttpAnswer(200, { plannedShipments, ...(constraints.length ? { constraints } : {}) });
  }

  /** POST /offers: the 2020 catalogue's delivery offers, per item. */
  offers(raw: unknown): HttpAnswer {
    const body = (raw ?? {}) as { origin?: { countryCode?: unknown }; destination?: unknown; items?: unknown };
    if (typeof body.origin?.countryCode !== 'string') throw invalid('origin.countryCode is required.');
    if (!Array.isArray(body.items) || body.items.length === 0) throw invalid('items is required.');
    const offerResults = (body.items as Array<{ productIdentifier?: { amazonSku?: unknown } }>).map((item) => {
      const sku = item?.productIdentifier?.amazonSku;
      if (typeof sku !== 'string') throw invalid('items[].productIdentifier.amazonSku is required.');
      const offers = catalog.deliveryOffers(
        {
          product: { productIdentifier: { merchantSku: sku } },
          terms: { origin: { countryCode: body.origin!.countryCode }, destination: body.destination ?? {} },
        } as DeliveryOffersBody,
        this.now(),
      );
      return {
        item: { productIdentifier: { amazonSku: sku } },
        offers: offers.map((o) => ({
          expiryTime: o.expiresAt,
          fulfillmentConfiguration: {
            serviceLevel: {
              serviceTier: 'STANDARD',
              deliveryInterval: { startTime: o.dateRange.earliest, endTime: o.dateRange.latest },
            },
          },
        })),
        ...(offers.length
          ? {}
          : { constraints: [{ code: 'INVENTORY_UNAVAILABLE', type: 'ITEM', message: `No offers for ${sku}.` }] }),
      };
    });
    return new HttpAnswer(200, { offerResults });
  }

  /** One order in 2026's shape. A shipped package moves IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED by the clock. */
  view(o: SandboxOrder, withShipments = true) {
    // the one order book's view of the order, reshaped as 2026-07-04 answers it
    const whole = this.book.view(o);
    const f = whole.fulfillmentOrder;
    const extra = this.extraOf(o);
    const { status, since } = this.book.status(o);
    const address = { ...(f.destinationAddress as unknown as Record<string, unknown>) };
    return {
      orderId: f.sellerFulfillmentOrderId,
      ...(extra.channel ? { channel: extra.channel } : {}),
      receiveTime: f.receivedDate,
      status: STATUS_2026[status] ?? status.toUpperCase(),
      statusUpdateTime: f.statusUpdatedDate,
      fulfillmentConfiguration: {
        serviceLevel: { serviceTiers: [SPEED_TO_TIER[f.shippingSpeedCategory ?? 'Standard'] ?? 'STANDARD'] },
        action: f.fulfillmentAction === 'Hold' ? 'HOLD' : 'SHIP',
        policy: policy2026(f.fulfillmentPolicy),
      },
      origin: { countryCode: 'US' },
      destination: { deliveryAddress: address },
      lineItems: whole.fulfillmentOrderItems.map((i) => ({
        lineItemId: i.sellerFulfillmentOrderItemId,
        product: {
          productIdentifier: { amazonSku: i.sellerSku },
          ...declaredValue(i as { perUnitDeclaredValue?: { currencyCode?: string; value?: string } }),
        },
        amount: { unit: 'EACHES', value: String(i.quantity) },
        ...(i.cancelledQuantity ? { cancelledAmount: { unit: 'EACHES', value: String(i.cancelledQuantity) } } : {}),
        ...(i.unfulfillableQuantity
          ? { unfulfillableAmount: { unit: 'EACHES', value: String(i.unfulfillableQuantity) } }
          : {}),
      })),
      ...(withShipments
        ? {
            shipments: whole.fulfillmentShipments.map((s) => ({
              amazonShipmentId: s.amazonShipmentId,
              amazonFacility: { facilityId: s.fulfillmentCenterId },
              status: s.fulfillmentShipmentStatus,
              ...(s.shippingDate ? { shipTime: s.shippingDate } : {}),
              items: s.fulfillmentShipmentItem.map((i, n) => ({
                productIdentifier: { amazonSku: i.sellerSku },
                lineItemId: i.sellerFulfillmentOrderItemId,
                amount: { unit: 'EACHES', value: String(i.quantity) },
                shipmentItemId: `${s.amazonShipmentId}-${n + 1}`,
                ...(i.packageNumber !== undefined ? { packageId: String(i.packageNumber) } : {}),
              })),
              ...(s.fulfillmentShipmentPackage
                ? {
                    packages: s.fulfillmentShipmentPackage.map((p) =>
                      this.package(String(p.packageNumber), p.carrierCode, p.trackingNumber, since, extra),
                    ),
                  }
                : {}),
            })),
          }
        : {}),
    };
  }

  private package(packageId: string, carrierCode: string, trackingNumber: string, shippedAt: number, extra: Extra2026) {
    const forced = extra.packages.get(packageId);
    const age = this.now() - shippedAt;
    const status = forced?.status ?? (age < DAY ? 'IN_TRANSIT' : age < 2 * DAY ? 'OUT_FOR_DELIVERY' : 'DELIVERED');
    const deliveryTime = forced?.deliveryTime ?? iso(shippedAt + 3 * DAY);
    return {
      packageId,
      status,
      deliveryTime,
      tracking: {
        carrier: {
          carrierCode,
          trackingNumber,
          trackingUrl: `https://www.ups.com/track?tracknum=${trackingNumber}`,
        },
        ...(status === 'DELIVERED'
          ? {
              proofOfDelivery: {
                deliveryPhotoUrl: `https://sandbox.fulfillment-graph.invalid/pod/${packageId}.jpg`,
                receivedBy: 'Front desk',
              },
            }
          : {}),
      },
    };
  }
}

const policy2020 = (p: string) =>
  ({ FILL_OR_KILL: 'FillOrKill', FILL_ALL: 'FillAll', FILL_ALL_AVAILABLE: 'FillAllAvailable' })[p];
const policy2026 = (p: string | undefined) =>
  ({ FillOrKill: 'FILL_OR_KILL', FillAll: 'FILL_ALL', FillAllAvailable: 'FILL_ALL_AVAILABLE' })[p ?? 'FillOrKill'] ??
  'FILL_OR_KILL';

function declaredValue(i: { perUnitDeclaredValue?: { currencyCode?: string; value?: string } }) {
  const v = i.perUnitDeclaredValue;
  return v ? { perUnitDeclaredValue: { currencyCode: v.currencyCode, amount: v.value } } : {};
}
