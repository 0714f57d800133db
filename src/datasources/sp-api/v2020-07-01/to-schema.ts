import type { FeatureConstraint, FbaAddress } from '../../../schema/fba/common.type';
import type { DeliveryOffer } from '../../../schema/fba/delivery-offer.type';
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
} from '../../../schema/fba/enums';
import type {
  FbaInvalidReturnItem,
  FbaOutboundOrder,
  FbaOutboundOrderDetails,
  FbaReturnAuthorization,
  FbaReturnItem,
} from '../../../schema/fba/fba-outbound-order.type';
import type { FeatureSku, FeatureSkuEligibility } from '../../../schema/fba/features.type';
import type { FulfillmentPreview } from '../../../schema/fba/fulfillment-preview.type';
import type { PackageTracking } from '../../../schema/fba/package-tracking.type';
import type * as M from './model';

/**
 * Fulfillment Outbound 2020-07-01 shapes → this schema's. Field names already match (camelCase
 * on both sides); what changes is enums, which tolerate values the model lacks (`UNKNOWN` plus the
 * raw string), and optional lists, which become empty lists.
 */
const address = (a: M.Address): FbaAddress => ({ ...a });
const features = (f: M.FeatureSettings[] | undefined): FeatureConstraint[] =>
  (f ?? []).map((c) => ({
    featureName: c.featureName,
    featureFulfillmentPolicy: FeatureFulfillmentPolicy.fromAmazon(c.featureFulfillmentPolicy),
    featureFulfillmentPolicyRaw: c.featureFulfillmentPolicy,
  }));

export function toFbaOutboundOrder(
  sellerId: string,
  o: M.FulfillmentOrder,
  details?: FbaOutboundOrderDetails,
): FbaOutboundOrder {
  return {
    sellerId,
    sellerFulfillmentOrderId: o.sellerFulfillmentOrderId,
    marketplaceId: o.marketplaceId,
    displayableOrderId: o.displayableOrderId,
    displayableOrderDate: o.displayableOrderDate,
    displayableOrderComment: o.displayableOrderComment,
    shippingSpeedCategory: ShippingSpeedCategory.fromAmazon(o.shippingSpeedCategory),
    shippingSpeedCategoryRaw: o.shippingSpeedCategory,
    deliveryWindow: o.deliveryWindow,
    destinationAddress: address(o.destinationAddress),
    fulfillmentAction: FulfillmentAction.fromAmazon(o.fulfillmentAction),
    fulfillmentActionRaw: o.fulfillmentAction,
    fulfillmentPolicy: FulfillmentPolicy.fromAmazon(o.fulfillmentPolicy),
    fulfillmentPolicyRaw: o.fulfillmentPolicy,
    codSettings: o.codSettings,
    receivedDate: o.receivedDate,
    status: FbaOutboundOrderStatus.fromAmazon(o.fulfillmentOrderStatus),
    statusRaw: o.fulfillmentOrderStatus,
    statusUpdatedDate: o.statusUpdatedDate,
    notificationEmails: o.notificationEmails ?? [],
    featureConstraints: features(o.featureConstraints),
    details,
  };
}

export function toFbaOutboundOrderWhole(sellerId: string, r: M.GetFulfillmentOrderResult): FbaOutboundOrder {
  return toFbaOutboundOrder(sellerId, r.fulfillmentOrder, {
    items: r.fulfillmentOrderItems.map((i) => ({ ...i })),
    shipments: (r.fulfillmentShipments ?? []).map((s) => ({
      // the order's key rides along (not in the schema) for the shipment's global id
      sellerId,
      sellerFulfillmentOrderId: r.fulfillmentOrder.sellerFulfillmentOrderId,
      amazonShipmentId: s.amazonShipmentId,
      fulfillmentCenterId: s.fulfillmentCenterId,
      fulfillmentShipmentStatus: FbaShipmentStatus.fromAmazon(s.fulfillmentShipmentStatus),
      fulfillmentShipmentStatusRaw: s.fulfillmentShipmentStatus,
      shippingDate: s.shippingDate,
      estimatedArrivalDate: s.estimatedArrivalDate,
      shippingNotes: s.shippingNotes ?? [],
      items: s.fulfillmentShipmentItem.map((i) => ({ ...i, manufacturerLotCodes: i.manufacturerLotCodes ?? [] })),
      packages: (s.fulfillmentShipmentPackage ?? []).map((p) => ({
        ...p,
        deliveryInformation: p.deliveryInformation
          ? {
              deliveryDocumentList: p.deliveryInformation.deliveryDocumentList ?? [],
              dropOffLocation: p.deliveryInformation.dropOffLocation
                ? {
                    type: DropOffLocationType.fromAmazon(p.deliveryInformation.dropOffLocation.type),
                    typeRaw: p.deliveryInformation.dropOffLocation.type,
                    attributes: Object.entries(p.deliveryInformation.dropOffLocation.attributes ?? {}).map(
                      ([key, value]) => ({ key, value: String(value) }),
                    ),
                  }
                : null,
            }
          : null,
      })),
    })),
    returnItems: r.returnItems.map(toReturnItem),
    returnAuthorizations: r.returnAuthorizations.map(toReturnAuthorization),
    paymentInformation: r.paymentInformation ?? [],
  });
}

export function toReturnItem(r: M.ReturnItem): FbaReturnItem {
  return {
    ...r,
    status: FbaReturnItemStatus.fromAmazon(r.status),
    statusRaw: r.status,
    returnReceivedCondition: ReturnItemDisposition.fromAmazon(r.returnReceivedCondition),
    returnReceivedConditionRaw: r.returnReceivedCondition,
  };
}

export function toReturnAuthorization(a: M.ReturnAuthorization): FbaReturnAuthorization {
  return { ...a, returnToAddress: address(a.returnToAddress) };
}

export function toInvalidReturnItem(i: M.InvalidReturnItem): FbaInvalidReturnItem {
  return {
    sellerReturnItemId: i.sellerReturnItemId,
    sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
    invalidItemReasonCode: InvalidReturnItemReason.fromAmazon(i.invalidItemReason.invalidItemReasonCode),
    invalidItemReasonCodeRaw: i.invalidItemReason.invalidItemReasonCode,
    description: i.invalidItemReason.description,
  };
}

export function toFulfillmentPreview(p: M.FulfillmentPreview): FulfillmentPreview {
  return {
    ...p,
    shippingSpeedCategory: ShippingSpeedCategory.fromAmazon(p.shippingSpeedCategory),
    shippingSpeedCategoryRaw: p.shippingSpeedCategory,
    scheduledDeliveryInfo: p.scheduledDeliveryInfo,
    estimatedFees: (p.estimatedFees ?? []).map((f) => ({
      name: FulfillmentFeeName.fromAmazon(f.name),
      nameRaw: f.name,
      amount: f.amount,
    })),
    fulfillmentPreviewShipments: (p.fulfillmentPreviewShipments ?? []).map((s) => ({
      ...s,
      shippingNotes: s.shippingNotes ?? [],
    })),
    unfulfillablePreviewItems: (p.unfulfillablePreviewItems ?? []).map((i) => ({
      ...i,
      itemUnfulfillableReasons: i.itemUnfulfillableReasons ?? [],
    })),
    orderUnfulfillableReasons: p.orderUnfulfillableReasons ?? [],
    featureConstraints: features(p.featureConstraints),
  };
}

export const toDeliveryOffer = (o: M.DeliveryOffer): DeliveryOffer => ({ ...o });

export function toPackageTracking(t: M.PackageTrackingDetails): PackageTracking {
  return {
    ...t,
    currentStatus: PackageTrackingStatus.fromAmazon(t.currentStatus),
    currentStatusRaw: t.currentStatus,
    additionalLocationInfo: AdditionalLocationInfo.fromAmazon(t.additionalLocationInfo),
    additionalLocationInfoRaw: t.additionalLocationInfo,
    trackingEvents: (t.trackingEvents ?? []).map((e) => ({
      ...e,
      eventCode: TrackingEventCode.fromAmazon(e.eventCode),
      eventCodeRaw: e.eventCode,
    })),
  };
}

export const toFeatureSku = (s: M.FeatureSku): FeatureSku => ({ ...s, overlappingSkus: s.overlappingSkus ?? [] });
export const toFeatureSkuEligibility = (r: M.GetFeatureSkuResult): FeatureSkuEligibility => ({
  ...r,
  ineligibleReasons: r.ineligibleReasons ?? [],
});
