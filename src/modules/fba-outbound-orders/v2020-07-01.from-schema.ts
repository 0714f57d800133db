import type {
  CreateFbaOutboundOrderInput,
  FbaAddressInput,
  FbaOrderItemInput,
  FeatureConstraintInput,
  MoneyInput,
  UpdateFbaOutboundOrderInput,
} from './fba-outbound-order.inputs';
import type { DeliveryOffersInput, FulfillmentPreviewInput } from './fulfillment-preview.inputs';
import {
  DropOffLocationType,
  FeatureFulfillmentPolicy,
  FulfillmentAction,
  FulfillmentPolicy,
  ShippingSpeedCategory,
} from './fba-outbound-order.enums';
import type * as M from '../../upstreams/sp-api/v2020-07-01/model';

/**
 * This schema's inputs → Fulfillment Outbound 2020-07-01 requests: enums back to Amazon's values,
 * dates to extended ISO-8601 (`2023-05-23T00:00:00.000Z`, never the basic form), and absent
 * optional fields left out rather than sent as null.
 */
const ts = (d: Date) => d.toISOString();
const money = (m: MoneyInput | undefined | null): M.Money | undefined =>
  m ? { currencyCode: m.currencyCode, value: m.value } : undefined;
const address = (a: FbaAddressInput): M.Address => strip({ ...a });
const features = (f: FeatureConstraintInput[] | undefined | null) =>
  f?.map((c) => ({
    featureName: c.featureName,
    featureFulfillmentPolicy: FeatureFulfillmentPolicy.toAmazon(c.featureFulfillmentPolicy),
  }));

/** The fields create and update items share. */
function orderItem(
  item: Omit<FbaOrderItemInput, 'sellerSku'> & { sellerSku?: string | null },
): M.UpdateFulfillmentOrderItem {
  return strip({
    sellerSku: item.sellerSku ?? undefined,
    sellerFulfillmentOrderItemId: item.sellerFulfillmentOrderItemId,
    quantity: item.quantity,
    giftMessage: item.giftMessage,
    displayableComment: item.displayableComment,
    fulfillmentNetworkSku: item.fulfillmentNetworkSku,
    perUnitDeclaredValue: money(item.perUnitDeclaredValue),
    perUnitPrice: money(item.perUnitPrice),
    perUnitTax: money(item.perUnitTax),
  });
}

/** Drops undefined and null members so the request carries only what was given. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function toCreateRequest(i: CreateFbaOutboundOrderInput): M.CreateFulfillmentOrderRequest {
  return strip({
    marketplaceId: i.marketplaceId,
    sellerFulfillmentOrderId: i.sellerFulfillmentOrderId,
    displayableOrderId: i.displayableOrderId,
    displayableOrderDate: ts(i.displayableOrderDate),
    displayableOrderComment: i.displayableOrderComment,
    shippingSpeedCategory: ShippingSpeedCategory.toAmazon(i.shippingSpeedCategory),
    deliveryWindow: i.deliveryWindow
      ? { startDate: ts(i.deliveryWindow.startDate), endDate: ts(i.deliveryWindow.endDate) }
      : undefined,
    destinationAddress: address(i.destinationAddress),
    deliveryPreferences: i.deliveryPreferences
      ? strip({
          deliveryInstructions: i.deliveryPreferences.deliveryInstructions,
          dropOffLocation: i.deliveryPreferences.dropOffLocation
            ? strip({
                type: DropOffLocationType.toAmazon(i.deliveryPreferences.dropOffLocation.type),
                attributes:
                  i.deliveryPreferences.dropOffLocation.attributes &&
                  Object.fromEntries(i.deliveryPreferences.dropOffLocation.attributes.map((a) => [a.key, a.value])),
              })
            : undefined,
        })
      : undefined,
    fulfillmentAction: FulfillmentAction.toAmazon(i.fulfillmentAction),
    fulfillmentPolicy: FulfillmentPolicy.toAmazon(i.fulfillmentPolicy),
    codSettings: i.codSettings
      ? strip({
          isCodRequired: i.codSettings.isCodRequired,
          codCharge: money(i.codSettings.codCharge),
          codChargeTax: money(i.codSettings.codChargeTax),
          shippingCharge: money(i.codSettings.shippingCharge),
          shippingChargeTax: money(i.codSettings.shippingChargeTax),
        })
      : undefined,
    shipFromCountryCode: i.shipFromCountryCode,
    notificationEmails: i.notificationEmails,
    featureConstraints: features(i.featureConstraints),
    items: i.items.map((item) => orderItem(item) as M.CreateFulfillmentOrderItem),
    paymentInformation: i.paymentInformation?.map((p) => ({
      paymentTransactionId: p.paymentTransactionId,
      paymentMode: p.paymentMode,
      paymentDate: ts(p.paymentDate),
    })),
  });
}

export function toUpdateRequest(i: UpdateFbaOutboundOrderInput): M.UpdateFulfillmentOrderRequest {
  return strip({
    marketplaceId: i.marketplaceId,
    displayableOrderId: i.displayableOrderId,
    displayableOrderDate: i.displayableOrderDate ? ts(i.displayableOrderDate) : undefined,
    displayableOrderComment: i.displayableOrderComment,
    shippingSpeedCategory: ShippingSpeedCategory.toAmazon(i.shippingSpeedCategory),
    destinationAddress: i.destinationAddress ? address(i.destinationAddress) : undefined,
    fulfillmentAction: FulfillmentAction.toAmazon(i.fulfillmentAction),
    fulfillmentPolicy: FulfillmentPolicy.toAmazon(i.fulfillmentPolicy),
    shipFromCountryCode: i.shipFromCountryCode,
    notificationEmails: i.notificationEmails,
    featureConstraints: features(i.featureConstraints),
    items: i.items?.map((item) => ({
      ...orderItem(item),
      ...(item.orderItemDisposition ? { orderItemDisposition: item.orderItemDisposition } : {}),
    })),
  });
}

export function toPreviewRequest(i: FulfillmentPreviewInput): M.GetFulfillmentPreviewRequest {
  return strip({
    marketplaceId: i.marketplaceId,
    address: address(i.address),
    items: i.items.map((item) =>
      strip({
        sellerSku: item.sellerSku,
        quantity: item.quantity,
        perUnitDeclaredValue: money(item.perUnitDeclaredValue),
        sellerFulfillmentOrderItemId: item.sellerFulfillmentOrderItemId,
      }),
    ),
    shippingSpeedCategories: i.shippingSpeedCategories?.map((s) => ShippingSpeedCategory.toAmazon(s)),
    includeCODFulfillmentPreview: i.includeCODFulfillmentPreview ?? undefined,
    includeDeliveryWindows: i.includeDeliveryWindows ?? undefined,
    featureConstraints: features(i.featureConstraints),
  });
}

export function toDeliveryOffersRequest(i: DeliveryOffersInput): M.GetDeliveryOffersRequest {
  return {
    product: strip({
      productIdentifier: { merchantSku: i.sellerSku },
      amount: i.quantity ? { unitOfMeasure: 'Eaches' as const, value: i.quantity } : undefined,
    }),
    terms: {
      origin: { countryCode: i.originCountryCode },
      destination: strip({
        deliveryAddress: i.destinationAddress ? strip({ ...i.destinationAddress }) : undefined,
        ipAddress: i.destinationIpAddress,
      }),
    },
  };
}
