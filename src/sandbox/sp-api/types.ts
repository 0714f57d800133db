/**
 * What the double reads of request bodies. Parsed JSON is untrusted: every field is optional and
 * each operation checks what it needs before use, the way Amazon answers InvalidInput.
 */
export interface AddressBody {
  name?: string;
  addressLine1?: string;
  city?: string;
  stateOrRegion?: string;
  postalCode?: string;
  countryCode?: string;
  phone?: string;
}

export interface ItemBody {
  sellerSku: string;
  sellerFulfillmentOrderItemId: string;
  quantity: number;
  giftMessage?: string;
  displayableComment?: string;
  perUnitDeclaredValue?: unknown;
  perUnitPrice?: unknown;
  perUnitTax?: unknown;
}

/** A createFulfillmentOrder body as stored (and merged by updates). */
export interface OrderBody {
  marketplaceId?: string;
  sellerFulfillmentOrderId: string;
  displayableOrderId?: string;
  displayableOrderDate?: string;
  displayableOrderComment?: string;
  shippingSpeedCategory?: string;
  deliveryWindow?: unknown;
  destinationAddress: AddressBody;
  fulfillmentAction?: string;
  fulfillmentPolicy?: string;
  codSettings?: unknown;
  notificationEmails?: unknown;
  featureConstraints?: unknown;
  paymentInformation?: unknown;
  items: ItemBody[];
}

export interface PreviewBody {
  marketplaceId?: string;
  address?: AddressBody;
  items?: ItemBody[];
  shippingSpeedCategories?: string[];
  featureConstraints?: unknown;
}

export interface DeliveryOffersBody {
  product?: { productIdentifier?: { merchantSku?: string } };
  terms?: { origin?: { countryCode?: string }; destination?: unknown };
}

export interface ReturnBody {
  items?: Array<{
    sellerReturnItemId: string;
    sellerFulfillmentOrderItemId: string;
    amazonShipmentId: string;
    returnReasonCode: string;
    returnComment?: string;
  }>;
}

export type Query = Record<string, string>;
