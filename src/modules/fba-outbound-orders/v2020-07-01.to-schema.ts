import type { FeatureConstraint, FbaAddress } from './common.type';
import type { DeliveryOffer } from './delivery-offer.type';
import {
  AdditionalLocationInfo,
  DropOffLocationType,
  FbaOutboundOrderStatus,
  FbaReturnItemStatus,
  FbaShipmentStatus,
  FeatureFulfillmentPolicy,
  FulfillmentAction,
  FulfillmentFeeName,
  FulfillmentPolicy,
  InvalidReturnItemReason,
  PackageTrackingStatus,
  ReturnItemDisposition,
  ShippingSpeedCategory,
  TrackingEventCode,
} from './fba-outbound-order.enums';
import type {
  FbaInvalidReturnItem,
  FbaOutboundOrder,
  FbaOutboundOrderDetails,
  FbaReturnAuthorization,
  FbaReturnItem,
} from './fba-outbound-order.type';
import type { FeatureSku, FeatureSkuEligibility } from './features.type';
import type { FulfillmentPreview } from './fulfillment-preview.type';
import type { PackageTracking } from './package-tracking.type';
import type * as M from '../../upstreams/sp-api/v2020-07-01/model';
import { objects } from '../../platform/objects';

/**
 * Fulfillment Outbound 2020-07-01 answers → this schema. Field names already match (camelCase on
 * both sides). What Amazon really sends is trusted over what its model promises (docs/upstreams/sp-api.md,
 * "Errors and what real traffic shows"): any field may be missing (the schema's fields
 * are nullable), an empty object is null, a list that is missing is empty, one malformed element
 * drops only itself, and enums tolerate values the model lacks (`UNKNOWN` plus the raw string).
 */
type Loose<T> = { [K in keyof T]?: T[K] | null };

/** The elements of `value` that are objects (anything else in a list is dropped, not fatal). */
const list = <T>(value: readonly T[] | null | undefined): Array<Loose<T>> =>
  objects(value as unknown as Array<Loose<T>> | undefined);

/** An object with at least one value, else null: Amazon sends `{}` for "nothing". */
function some<T extends object>(value: T | null | undefined): T | null {
  if (!value || typeof value !== 'object') return null;
  return Object.values(value).some((v) => v !== undefined && v !== null) ? value : null;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

const address = (a: Loose<M.Address> | null | undefined): FbaAddress | null => some(a) && { ...a };

const features = (f: M.FeatureSettings[] | null | undefined): FeatureConstraint[] =>
  list(f).map((c) => ({
    featureName: c.featureName,
    featureFulfillmentPolicy: FeatureFulfillmentPolicy.fromAmazon(c.featureFulfillmentPolicy),
    featureFulfillmentPolicyRaw: c.featureFulfillmentPolicy,
  }));

export function toFbaOutboundOrder(
  sellerId: string,
  order: M.FulfillmentOrder,
  details?: FbaOutboundOrderDetails,
): FbaOutboundOrder {
  const o = order as Loose<M.FulfillmentOrder>;
  return {
    sellerId,
    sellerFulfillmentOrderId: o.sellerFulfillmentOrderId ?? '',
    marketplaceId: o.marketplaceId,
    displayableOrderId: o.displayableOrderId,
    displayableOrderDate: o.displayableOrderDate,
    displayableOrderComment: o.displayableOrderComment,
    shippingSpeedCategory: ShippingSpeedCategory.fromAmazon(o.shippingSpeedCategory),
    shippingSpeedCategoryRaw: o.shippingSpeedCategory,
    deliveryWindow: some(o.deliveryWindow),
    destinationAddress: address(o.destinationAddress),
    fulfillmentAction: FulfillmentAction.fromAmazon(o.fulfillmentAction),
    fulfillmentActionRaw: o.fulfillmentAction,
    fulfillmentPolicy: FulfillmentPolicy.fromAmazon(o.fulfillmentPolicy),
    fulfillmentPolicyRaw: o.fulfillmentPolicy,
    codSettings: some(o.codSettings),
    receivedDate: o.receivedDate,
    status: FbaOutboundOrderStatus.fromAmazon(o.fulfillmentOrderStatus),
    statusRaw: o.fulfillmentOrderStatus,
    statusUpdatedDate: o.statusUpdatedDate,
    notificationEmails: strings(o.notificationEmails),
    featureConstraints: features(o.featureConstraints),
    details,
  };
}

export function toFbaOutboundOrderWhole(sellerId: string, result: M.GetFulfillmentOrderResult): FbaOutboundOrder {
  const r = result as Loose<M.GetFulfillmentOrderResult>;
  const order = (r.fulfillmentOrder ?? {}) as M.FulfillmentOrder;
  return toFbaOutboundOrder(sellerId, order, {
    items: list(r.fulfillmentOrderItems).map((i) => ({ ...i })),
    shipments: list(r.fulfillmentShipments)
      .filter((s) => typeof s.amazonShipmentId === 'string')
      .map((s) => ({
        // the order's key rides along (not in the schema) for the shipment's global id
        sellerId,
        sellerFulfillmentOrderId: order.sellerFulfillmentOrderId,
        amazonShipmentId: s.amazonShipmentId!,
        fulfillmentCenterId: s.fulfillmentCenterId,
        fulfillmentShipmentStatus: FbaShipmentStatus.fromAmazon(s.fulfillmentShipmentStatus),
        fulfillmentShipmentStatusRaw: s.fulfillmentShipmentStatus,
        shippingDate: s.shippingDate,
        estimatedArrivalDate: s.estimatedArrivalDate,
        shippingNotes: strings(s.shippingNotes),
        items: list(s.fulfillmentShipmentItem).map((i) => ({
          ...i,
          manufacturerLotCodes: strings(i.manufacturerLotCodes),
        })),
        packages: list(s.fulfillmentShipmentPackage).map((p) => {
          const info = some(p.deliveryInformation);
          const drop = some(info?.dropOffLocation);
          return {
            ...p,
            packageId: typeof p.packageNumber === 'number' ? String(p.packageNumber) : null,
            lockerDetails: some(p.lockerDetails),
            deliveryInformation: info && {
              deliveryDocumentList: list(info.deliveryDocumentList),
              dropOffLocation: drop && {
                type: DropOffLocationType.fromAmazon(drop.type),
                typeRaw: drop.type,
                attributes: Object.entries(drop.attributes ?? {}).map(([key, value]) => ({
                  key,
                  value: String(value),
                })),
              },
            },
          };
        }),
      })),
    returnItems: list(r.returnItems).map(toReturnItem),
    returnAuthorizations: list(r.returnAuthorizations).map(toReturnAuthorization),
    paymentInformation: list(r.paymentInformation),
  });
}

export function toReturnItem(r: Loose<M.ReturnItem>): FbaReturnItem {
  return {
    ...r,
    status: FbaReturnItemStatus.fromAmazon(r.status),
    statusRaw: r.status,
    returnReceivedCondition: ReturnItemDisposition.fromAmazon(r.returnReceivedCondition),
    returnReceivedConditionRaw: r.returnReceivedCondition,
  };
}

export function toReturnAuthorization(a: Loose<M.ReturnAuthorization>): FbaReturnAuthorization {
  return { ...a, returnToAddress: address(a.returnToAddress) };
}

export function toInvalidReturnItem(i: Loose<M.InvalidReturnItem>): FbaInvalidReturnItem {
  return {
    sellerReturnItemId: i.sellerReturnItemId,
    sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
    invalidItemReasonCode: InvalidReturnItemReason.fromAmazon(i.invalidItemReason?.invalidItemReasonCode),
    invalidItemReasonCodeRaw: i.invalidItemReason?.invalidItemReasonCode,
    description: i.invalidItemReason?.description,
  };
}

export function toFulfillmentPreview(preview: M.FulfillmentPreview): FulfillmentPreview {
  const p = preview as Loose<M.FulfillmentPreview>;
  return {
    ...p,
    shippingSpeedCategory: ShippingSpeedCategory.fromAmazon(p.shippingSpeedCategory),
    shippingSpeedCategoryRaw: p.shippingSpeedCategory,
    estimatedShippingWeight: some(p.estimatedShippingWeight),
    scheduledDeliveryInfo: some(p.scheduledDeliveryInfo),
    estimatedFees: list(p.estimatedFees).map((f) => ({
      name: FulfillmentFeeName.fromAmazon(f.name),
      nameRaw: f.name,
      amount: some(f.amount),
    })),
    fulfillmentPreviewShipments: list(p.fulfillmentPreviewShipments).map((s) => ({
      ...s,
      shippingNotes: strings(s.shippingNotes),
      fulfillmentPreviewItems: list(s.fulfillmentPreviewItems),
    })),
    unfulfillablePreviewItems: list(p.unfulfillablePreviewItems).map((i) => ({
      ...i,
      itemUnfulfillableReasons: strings(i.itemUnfulfillableReasons),
    })),
    orderUnfulfillableReasons: strings(p.orderUnfulfillableReasons),
    featureConstraints: features(p.featureConstraints),
  };
}

export const toDeliveryOffer = (o: Loose<M.DeliveryOffer>): DeliveryOffer => ({
  ...o,
  dateRange: some(o.dateRange),
  policy: some(o.policy),
});

export function toPackageTracking(tracking: M.PackageTrackingDetails): PackageTracking {
  const t = tracking as Loose<M.PackageTrackingDetails>;
  return {
    ...t,
    shipToAddress: some(t.shipToAddress),
    deliveryWindow: some(t.deliveryWindow),
    currentStatus: PackageTrackingStatus.fromAmazon(t.currentStatus),
    currentStatusRaw: t.currentStatus,
    additionalLocationInfo: AdditionalLocationInfo.fromAmazon(t.additionalLocationInfo),
    additionalLocationInfoRaw: t.additionalLocationInfo,
    trackingEvents: list(t.trackingEvents).map((e) => ({
      ...e,
      eventAddress: some(e.eventAddress),
      eventCode: TrackingEventCode.fromAmazon(e.eventCode),
      eventCodeRaw: e.eventCode,
    })),
  };
}

/** A SKU as Amazon sends it: flat, or nested under `skuInfo` (as its own example of getFeatureSKU does). */
type MaybeNested<T> = Loose<T> & { skuInfo?: Loose<M.FeatureSku> | null };
const skuFields = (s: MaybeNested<M.FeatureSku>) => ({
  sellerSku: s.skuInfo?.sellerSku ?? s.sellerSku,
  fnSku: s.skuInfo?.fnSku ?? s.fnSku,
  asin: s.skuInfo?.asin ?? s.asin,
  skuCount: s.skuInfo?.skuCount ?? s.skuCount,
});

export const toFeatureSku = (s: MaybeNested<M.FeatureSku>): FeatureSku => ({
  ...skuFields(s),
  overlappingSkus: strings(s.skuInfo?.overlappingSkus ?? s.overlappingSkus),
});

export const toFeatureSkuEligibility = (result: M.GetFeatureSkuResult): FeatureSkuEligibility => {
  const r = result as MaybeNested<M.GetFeatureSkuResult>;
  return {
    marketplaceId: r.marketplaceId,
    featureName: r.featureName,
    isEligible: r.isEligible,
    ineligibleReasons: strings(r.ineligibleReasons),
    ...skuFields(r),
  };
};
