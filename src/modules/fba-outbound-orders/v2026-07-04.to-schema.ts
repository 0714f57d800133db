import type { FbaAddress, Money } from './common.type';
import {
  FulfillmentFeeName,
  FbaOutboundOrderStatus,
  FbaPackageStatus,
  FbaShipmentStatus,
  FulfillmentAction,
  FulfillmentPolicy,
  ShippingSpeedCategory,
} from './fba-outbound-order.enums';
import type { FbaOutboundOrder } from './fba-outbound-order.type';
import type { DeliveryOffer } from './delivery-offer.type';
import type { FulfillmentPreview } from './fulfillment-preview.type';
import type * as M from '../../upstreams/sp-api/v2026-07-04/model';

/**
 * 2026-07-04 → the one GraphQL contract (docs/api.md, "Fulfillment Outbound versions"). Amazon may omit
 * anything: every field is read as possibly absent, and a value the enums do not know arrives as
 * UNKNOWN with the raw string beside it.
 */
type Loose<T> = { [K in keyof T]?: T[K] | null };

const list = <T>(value: T[] | null | undefined): T[] =>
  Array.isArray(value) ? value.filter((x) => x && typeof x === 'object') : [];

/** 2026's order statuses where their words differ from 2020-07-01's. */
const ORDER_STATUS_ALIASES: Record<string, string> = { COMPLETE_PARTIAL: 'CompletePartialled' };
/** 2026's service tiers → 2020-07-01's shipping speed categories. */
const SERVICE_TIERS: Record<string, string> = {
  STANDARD: 'Standard',
  EXPEDITED: 'Expedited',
  PRIORITY: 'Priority',
  SCHEDULED: 'ScheduledDelivery',
};

/** A decimal string of whole units as the GraphQL Int it was in 2020-07-01; null when it is not whole. */
function units(amount: Loose<M.Amount> | null | undefined): number | null {
  const value = amount?.value;
  return typeof value === 'string' && /^\d{1,9}(\.0+)?$/.test(value) ? Number.parseInt(value, 10) : null;
}

function money(m: Loose<M.Money> | null | undefined): Money | null {
  return m && typeof m === 'object' ? { currencyCode: m.currencyCode ?? null, value: m.amount ?? null } : null;
}

function address(a: Loose<M.Address> | null | undefined): FbaAddress | null {
  if (!a || typeof a !== 'object') return null;
  const { name, addressLine1, addressLine2, addressLine3, city, districtOrCounty, stateOrRegion, postalCode } = a;
  return {
    name,
    addressLine1,
    addressLine2,
    addressLine3,
    city,
    districtOrCounty,
    stateOrRegion,
    postalCode,
    countryCode: a.countryCode,
    phone: a.phone,
  };
}

export function orderStatusFrom2026(raw: string | null | undefined): string | null {
  return raw == null ? null : FbaOutboundOrderStatus.fromAmazon(ORDER_STATUS_ALIASES[raw] ?? raw);
}

/** One 2026 order, whole (items and shipments), as the FbaOutboundOrder every seller sees. */
export function toFbaOutboundOrderFrom2026(sellerId: string, order: M.FulfillmentOrder): FbaOutboundOrder {
  const o = order as Loose<M.FulfillmentOrder>;
  const config = (o.fulfillmentConfiguration ?? {}) as Loose<M.OrderFulfillmentConfiguration>;
  const tier = config.serviceLevel?.serviceTiers?.[0];
  const interval = config.serviceLevel?.deliveryInterval;
  const orderId = o.orderId ?? '';
  return {
    sellerId,
    // the order: 2026 names it orderId and has no marketplace, displayable fields or COD
    sellerFulfillmentOrderId: orderId,
    marketplaceId: null,
    originCountryCode: o.origin?.countryCode ?? null,
    channel: o.channel ?? null,
    displayableOrderId: null,
    displayableOrderDate: null,
    displayableOrderComment: null,
    // speed, window and action come grouped under fulfillmentConfiguration
    shippingSpeedCategory: tier ? ShippingSpeedCategory.fromAmazon(SERVICE_TIERS[tier] ?? tier) : null,
    shippingSpeedCategoryRaw: tier ?? null,
    deliveryWindow: interval ? { startDate: interval.startTime, endDate: interval.endTime } : null,
    destinationAddress: address(o.destination?.deliveryAddress),
    fulfillmentAction: FulfillmentAction.fromAmazon(config.action),
    fulfillmentActionRaw: config.action,
    fulfillmentPolicy: FulfillmentPolicy.fromAmazon(config.policy),
    fulfillmentPolicyRaw: config.policy,
    codSettings: null,
    // state: 2026's documented status words, the raw one kept
    receivedDate: o.receiveTime,
    status: orderStatusFrom2026(o.status),
    statusRaw: o.status,
    statusUpdatedDate: o.statusUpdateTime,
    notificationEmails: [],
    featureConstraints: [],
    details: {
      // lines: amounts in EACHES as decimal strings, whole ones read as quantities
      items: list(o.lineItems).map((i) => ({
        sellerSku: i.product?.productIdentifier?.amazonSku ?? null,
        sellerFulfillmentOrderItemId: i.lineItemId ?? null,
        quantity: units(i.amount),
        cancelledQuantity: units(i.cancelledAmount) ?? 0,
        unfulfillableQuantity: units(i.unfulfillableAmount) ?? 0,
        perUnitDeclaredValue: money(i.product?.perUnitDeclaredValue),
      })),
      // shipments and their packages, tracking and proof of delivery embedded
      shipments: list(o.shipments)
        .filter((s) => typeof s.amazonShipmentId === 'string')
        .map((s) => ({
          sellerId,
          sellerFulfillmentOrderId: orderId,
          amazonShipmentId: s.amazonShipmentId,
          fulfillmentCenterId: s.amazonFacility?.facilityId ?? null,
          fulfillmentShipmentStatus: FbaShipmentStatus.fromAmazon(s.status),
          fulfillmentShipmentStatusRaw: s.status ?? null,
          shippingDate: s.shipTime ?? null,
          estimatedArrivalDate: s.deliveryTime ?? null,
          shippingNotes: (s.shippingNotes ?? []).filter((n) => typeof n === 'string'),
          items: list(s.items).map((i) => ({
            sellerSku: i.productIdentifier?.amazonSku ?? null,
            sellerFulfillmentOrderItemId: i.lineItemId ?? null,
            quantity: units(i.amount),
            packageNumber: i.packageId && /^\d{1,9}$/.test(i.packageId) ? Number(i.packageId) : null,
            manufacturerLotCodes: [],
          })),
          packages: list(s.packages).map((p) => {
            const tracking = (p.tracking ?? {}) as Loose<M.Tracking>;
            return {
              packageId: p.packageId ?? null,
              packageNumber: p.packageId && /^\d{1,9}$/.test(p.packageId) ? Number(p.packageId) : null,
              carrierCode: tracking.carrier?.carrierCode ?? null,
              trackingNumber: tracking.carrier?.trackingNumber ?? null,
              amazonFulfillmentTrackingNumber: tracking.amazon?.trackingNumber ?? null,
              trackingUrl: tracking.carrier?.trackingUrl ?? tracking.amazon?.trackingUrl ?? null,
              estimatedArrivalDate: p.deliveryTime ?? null,
              deliveryTime: p.deliveryTime ?? null,
              status: FbaPackageStatus.fromAmazon(p.status),
              statusRaw: p.status ?? null,
              proofOfDelivery: tracking.proofOfDelivery
                ? {
                    deliveryPhotoUrl: tracking.proofOfDelivery.deliveryPhotoUrl ?? null,
                    receivedBy: tracking.proofOfDelivery.receivedBy ?? null,
                  }
                : null,
            };
          }),
        })),
      // 2026 has no returns and no payment information
      returnItems: [],
      returnAuthorizations: [],
      paymentInformation: [],
    },
  };
}

/**
 * 2026's preview (planned shipments, each with an offer per service tier) as 2020-07-01's: one
 * preview per service tier, its fees the offer's rollup prices, its shipments the planned ones.
 * 2026 names items by SKU only, so each preview item takes the line id the request gave that SKU.
 */
export function toFulfillmentPreviewsFrom2026(
  answer: M.GetOrderPreviewResponse,
  lineIdOf: (sku: string) => string | null,
): FulfillmentPreview[] {
  // the service tiers any planned shipment offers: one preview each
  const shipments = list(answer.plannedShipments);
  const constraints = list(answer.constraints);
  const tiers = [
    ...new Set(
      shipments.flatMap((s) => list(s.offers).map((o) => o.fulfillmentConfiguration?.serviceLevel?.serviceTier ?? '')),
    ),
  ].filter(Boolean);
  // SKUs a constraint names are unfulfillable, in every tier
  const unfulfillable = constraints.flatMap((c) =>
    list(c.details)
      .filter((d) => d.type === 'SKU')
      .map((d) => ({
        sellerSku: d.value,
        quantity: null,
        sellerFulfillmentOrderItemId: lineIdOf(d.value),
        itemUnfulfillableReasons: [c.code],
      })),
  );
  return tiers.map((tier) => {
    const offers = shipments.map((s) =>
      list(s.offers).find((o) => o.fulfillmentConfiguration?.serviceLevel?.serviceTier === tier),
    );
    // the tier's fees: its offers' rollup prices, added up per fee type
    const fees = new Map<string, Money>();
    for (const o of offers)
      for (const p of list(o?.estimatedPrice?.rollupPrices)) {
        const m = money(p.value);
        const prior = fees.get(p.type);
        fees.set(
          p.type,
          prior && m
            ? { currencyCode: m.currencyCode, value: (Number(prior.value) + Number(m.value)).toFixed(2) }
            : (m ?? prior!),
        );
      }
    const weight = shipments.reduce((sum, s) => sum + Number(s.estimatedShippingWeight?.value ?? 0), 0);
    return {
      shippingSpeedCategory: ShippingSpeedCategory.fromAmazon(SERVICE_TIERS[tier] ?? tier),
      shippingSpeedCategoryRaw: tier,
      scheduledDeliveryInfo: null,
      isFulfillable: unfulfillable.length === 0 && shipments.length > 0,
      isCODCapable: null,
      estimatedShippingWeight: shipments.length
        ? { unit: shipments[0].estimatedShippingWeight?.unit ?? null, value: weight.toFixed(2) }
        : null,
      estimatedFees: [...fees].map(([type, amount]) => ({
        name: FulfillmentFeeName.fromAmazon(type),
        nameRaw: type,
        amount,
      })),
      fulfillmentPreviewShipments: shipments.map((s, n) => {
        const level = offers[n]?.fulfillmentConfiguration?.serviceLevel;
        return {
          earliestShipDate: level?.shipInterval?.startTime ?? null,
          latestShipDate: level?.shipInterval?.endTime ?? null,
          earliestArrivalDate: level?.deliveryInterval?.startTime ?? null,
          latestArrivalDate: level?.deliveryInterval?.endTime ?? null,
          shippingNotes: [],
          fulfillmentPreviewItems: list(s.items).map((i) => ({
            sellerSku: i.productIdentifier?.amazonSku ?? null,
            quantity: units(i.amount),
            sellerFulfillmentOrderItemId: i.productIdentifier?.amazonSku
              ? lineIdOf(i.productIdentifier.amazonSku)
              : null,
          })),
        };
      }),
      unfulfillablePreviewItems: unfulfillable,
      orderUnfulfillableReasons: constraints
        .filter((c) => !list(c.details).some((d) => d.type === 'SKU'))
        .map((c) => c.code),
      marketplaceId: null,
      featureConstraints: [],
    };
  });
}

/** 2026's offers for the one item asked about, as 2020-07-01's delivery offers. */
export function toDeliveryOffersFrom2026(answer: M.GetOffersResponse): DeliveryOffer[] {
  return list(answer.offerResults).flatMap((r) =>
    list(r.offers).map((o) => {
      const interval = o.fulfillmentConfiguration?.serviceLevel?.deliveryInterval;
      return {
        expiresAt: o.expiryTime ?? null,
        dateRange: interval ? { earliest: interval.startTime, latest: interval.endTime } : null,
        policy: null,
      };
    }),
  );
}
