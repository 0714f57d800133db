/**
 * The shapes of Fulfillment Outbound 2026-07-04 this gateway sends and reads, as the official
 * model names them (reference/fulfillmentOutbound_2026-07-04.json). Amazon may omit what the model
 * calls required: readers treat every field as possibly absent.
 */
export interface Money {
  currencyCode: string;
  amount: string;
}
export interface Amount {
  unit?: string;
  value: string;
}
export interface ProductIdentifier {
  amazonSku: string;
}
export interface Address {
  name: string;
  addressLine1: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  districtOrCounty?: string;
  stateOrRegion?: string;
  postalCode: string;
  countryCode: string;
  phone?: string;
  email?: string;
}
export interface TimeInterval {
  startTime: string;
  endTime: string;
}
export interface ServiceLevel {
  serviceTiers?: string[];
  deliveryInterval?: TimeInterval;
}
export interface OrderFulfillmentConfiguration {
  serviceLevel?: ServiceLevel;
  action?: string;
  policy?: string;
}
export interface OrderLineItem {
  lineItemId: string;
  product: { productIdentifier: ProductIdentifier; perUnitDeclaredValue?: Money };
  amount: Amount;
  cancelledAmount?: Amount;
  unfulfillableAmount?: Amount;
}
export interface CreateOrderRequest {
  orderId: string;
  channel?: string;
  fulfillmentConfiguration?: OrderFulfillmentConfiguration;
  origin?: { countryCode: string };
  destination: { deliveryAddress: Address; deliveryNotes?: string };
  lineItems: Array<Omit<OrderLineItem, 'cancelledAmount' | 'unfulfillableAmount'>>;
}
export interface Tracking {
  carrier?: { trackingNumber?: string; carrierCode: string; trackingUrl?: string };
  amazon?: { trackingNumber?: string; trackingUrl?: string };
  proofOfDelivery?: { deliveryPhotoUrl?: string; receivedBy?: string };
}
export interface Package {
  packageId: string;
  deliveryTime?: string;
  status?: string;
  tracking?: Tracking;
  shipmentItemIds?: string[];
}
export interface ShipmentItem {
  productIdentifier: ProductIdentifier;
  lineItemId: string;
  amount: Amount;
  packageId?: string;
  shipmentItemId?: string;
}
export interface Shipment {
  amazonShipmentId: string;
  amazonFacility: { facilityId: string };
  status: string;
  shipTime?: string;
  deliveryTime?: string;
  shippingNotes?: string[];
  items: ShipmentItem[];
  packages?: Package[];
}
export interface FulfillmentOrder {
  orderId: string;
  channel?: string;
  receiveTime: string;
  status?: string;
  statusUpdateTime?: string;
  fulfillmentConfiguration?: OrderFulfillmentConfiguration;
  origin?: { countryCode: string };
  destination?: { deliveryAddress: Address; deliveryNotes?: string };
  lineItems: OrderLineItem[];
  shipments?: Shipment[];
}
export interface GetOrderResponse {
  order: FulfillmentOrder;
}
export interface ListOrdersResponse {
  orders: FulfillmentOrder[];
  pagination?: { nextToken?: string };
}
export interface CreateOrderAcceptedResponse {
  orderId: string;
  status: string;
}

export interface GetOrderPreviewRequest {
  fulfillmentConfiguration?: { serviceLevel?: { serviceTiers?: string[] } };
  origin?: { countryCode: string };
  destination: { deliveryAddress: Address };
  lineItems: Array<{ product: { productIdentifier: ProductIdentifier; perUnitDeclaredValue?: Money }; amount: Amount }>;
}
export interface PreviewDeliveryOffer {
  estimatedPrice?: { rollupPrices?: Array<{ type: string; value: Money }>; totalPrice?: Money };
  fulfillmentConfiguration?: {
    serviceLevel?: { serviceTier?: string; deliveryInterval?: TimeInterval; shipInterval?: TimeInterval };
  };
}
export interface Constraint {
  message: string;
  type: string;
  code: string;
  details?: Array<{ type: string; value: string }>;
}
export interface GetOrderPreviewResponse {
  plannedShipments: Array<{
    estimatedShippingWeight?: { unit: string; value: string };
    items: Array<{ productIdentifier: ProductIdentifier; amount: Amount }>;
    offers?: PreviewDeliveryOffer[];
  }>;
  constraints?: Constraint[];
}
export interface GetOffersRequest {
  fulfillmentConfiguration?: { serviceLevel?: { serviceTiers?: string[] } };
  origin: { countryCode: string };
  destination?: { deliveryAddress?: Partial<Address>; ipAddress?: string };
  items: Array<{ productIdentifier: ProductIdentifier }>;
}
export interface GetOffersResponse {
  offerResults?: Array<{
    item?: { productIdentifier?: ProductIdentifier };
    offers?: Array<{
      expiryTime?: string;
      fulfillmentConfiguration?: { serviceLevel?: { serviceTier?: string; deliveryInterval?: TimeInterval } };
    }>;
    constraints?: Constraint[];
  }>;
}
