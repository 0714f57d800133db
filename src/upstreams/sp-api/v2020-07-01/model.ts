/**
 * Shapes of Fulfillment Outbound 2020-07-01 as the official model defines them
 * (reference/fulfillmentOutbound_2020-07-01.json). Enum-typed response fields are `string`:
 * Amazon adds values before the model does (docs/upstreams/sp-api.md).
 */
export type Timestamp = string;
export type Decimal = string;

export interface Money {
  currencyCode: string;
  value: Decimal;
}
export interface Weight {
  unit: string;
  value: string;
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
}
export interface DeliveryWindow {
  startDate: Timestamp;
  endDate: Timestamp;
}
export interface DateRange {
  earliest: Timestamp;
  latest: Timestamp;
}
export interface CODSettings {
  isCodRequired: boolean;
  codCharge?: Money;
  codChargeTax?: Money;
  shippingCharge?: Money;
  shippingChargeTax?: Money;
}
export interface FeatureSettings {
  featureName?: string;
  featureFulfillmentPolicy?: string;
}
export interface DropOffLocation {
  type: string;
  attributes?: Record<string, string>;
}
export interface DeliveryPreferences {
  deliveryInstructions?: string;
  dropOffLocation?: DropOffLocation;
}
export interface PaymentInformation {
  paymentTransactionId: string;
  paymentMode: string;
  paymentDate: Timestamp;
}

export interface FulfillmentOrder {
  sellerFulfillmentOrderId: string;
  marketplaceId: string;
  displayableOrderId: string;
  displayableOrderDate: Timestamp;
  displayableOrderComment: string;
  shippingSpeedCategory: string;
  deliveryWindow?: DeliveryWindow;
  destinationAddress: Address;
  fulfillmentAction?: string;
  fulfillmentPolicy?: string;
  codSettings?: CODSettings;
  receivedDate: Timestamp;
  fulfillmentOrderStatus: string;
  statusUpdatedDate: Timestamp;
  notificationEmails?: string[];
  featureConstraints?: FeatureSettings[];
}
export interface FulfillmentOrderItem {
  sellerSku: string;
  sellerFulfillmentOrderItemId: string;
  quantity: number;
  giftMessage?: string;
  displayableComment?: string;
  fulfillmentNetworkSku?: string;
  orderItemDisposition?: string;
  cancelledQuantity: number;
  unfulfillableQuantity: number;
  estimatedShipDate?: Timestamp;
  estimatedArrivalDate?: Timestamp;
  perUnitPrice?: Money;
  perUnitTax?: Money;
  perUnitDeclaredValue?: Money;
}
export interface LockerDetails {
  lockerNumber?: string;
  lockerAccessCode?: string;
}
export interface DeliveryInformation {
  deliveryDocumentList?: Array<{ documentType: string; url?: string }>;
  dropOffLocation?: DropOffLocation;
}
export interface FulfillmentShipmentPackage {
  packageNumber: number;
  carrierCode: string;
  trackingNumber?: string;
  amazonFulfillmentTrackingNumber?: string;
  estimatedArrivalDate?: Timestamp;
  lockerDetails?: LockerDetails;
  deliveryInformation?: DeliveryInformation;
}
export interface FulfillmentShipmentItem {
  sellerSku: string;
  sellerFulfillmentOrderItemId: string;
  quantity: number;
  packageNumber?: number;
  serialNumber?: string;
  manufacturerLotCodes?: string[];
}
export interface FulfillmentShipment {
  amazonShipmentId: string;
  fulfillmentCenterId: string;
  fulfillmentShipmentStatus: string;
  shippingDate?: Timestamp;
  estimatedArrivalDate?: Timestamp;
  shippingNotes?: string[];
  fulfillmentShipmentItem: FulfillmentShipmentItem[];
  fulfillmentShipmentPackage?: FulfillmentShipmentPackage[];
}
export interface ReturnItem {
  sellerReturnItemId: string;
  sellerFulfillmentOrderItemId: string;
  amazonShipmentId: string;
  sellerReturnReasonCode: string;
  returnComment?: string;
  amazonReturnReasonCode?: string;
  status: string;
  statusChangedDate: Timestamp;
  returnAuthorizationId?: string;
  returnReceivedCondition?: string;
  fulfillmentCenterId?: string;
}
export interface ReturnAuthorization {
  returnAuthorizationId: string;
  fulfillmentCenterId: string;
  returnToAddress: Address;
  amazonRmaId: string;
  rmaPageURL: string;
}
export interface InvalidReturnItem {
  sellerReturnItemId: string;
  sellerFulfillmentOrderItemId: string;
  invalidItemReason: { invalidItemReasonCode: string; description: string };
}

export interface GetFulfillmentOrderResult {
  fulfillmentOrder: FulfillmentOrder;
  fulfillmentOrderItems: FulfillmentOrderItem[];
  fulfillmentShipments?: FulfillmentShipment[];
  returnItems: ReturnItem[];
  returnAuthorizations: ReturnAuthorization[];
  paymentInformation?: PaymentInformation[];
}
export interface ListAllFulfillmentOrdersResult {
  nextToken?: string;
  fulfillmentOrders?: FulfillmentOrder[];
}

export interface CreateFulfillmentOrderItem {
  sellerSku: string;
  sellerFulfillmentOrderItemId: string;
  quantity: number;
  giftMessage?: string;
  displayableComment?: string;
  fulfillmentNetworkSku?: string;
  perUnitDeclaredValue?: Money;
  perUnitPrice?: Money;
  perUnitTax?: Money;
}
export interface CreateFulfillmentOrderRequest {
  marketplaceId?: string;
  sellerFulfillmentOrderId: string;
  displayableOrderId: string;
  displayableOrderDate: Timestamp;
  displayableOrderComment: string;
  shippingSpeedCategory: string;
  deliveryWindow?: DeliveryWindow;
  destinationAddress: Address;
  deliveryPreferences?: DeliveryPreferences;
  fulfillmentAction?: string;
  fulfillmentPolicy?: string;
  codSettings?: CODSettings;
  shipFromCountryCode?: string;
  notificationEmails?: string[];
  featureConstraints?: FeatureSettings[];
  items: CreateFulfillmentOrderItem[];
  paymentInformation?: PaymentInformation[];
}
export interface UpdateFulfillmentOrderItem {
  sellerSku?: string;
  sellerFulfillmentOrderItemId: string;
  quantity: number;
  giftMessage?: string;
  displayableComment?: string;
  fulfillmentNetworkSku?: string;
  orderItemDisposition?: string;
  perUnitDeclaredValue?: Money;
  perUnitPrice?: Money;
  perUnitTax?: Money;
}
export interface UpdateFulfillmentOrderRequest {
  marketplaceId?: string;
  displayableOrderId?: string;
  displayableOrderDate?: Timestamp;
  displayableOrderComment?: string;
  shippingSpeedCategory?: string;
  destinationAddress?: Address;
  fulfillmentAction?: string;
  fulfillmentPolicy?: string;
  shipFromCountryCode?: string;
  notificationEmails?: string[];
  featureConstraints?: FeatureSettings[];
  items?: UpdateFulfillmentOrderItem[];
}

export interface GetFulfillmentPreviewRequest {
  marketplaceId?: string;
  address: Address;
  items: Array<{
    sellerSku: string;
    quantity: number;
    perUnitDeclaredValue?: Money;
    sellerFulfillmentOrderItemId: string;
  }>;
  shippingSpeedCategories?: string[];
  includeCODFulfillmentPreview?: boolean;
  includeDeliveryWindows?: boolean;
  featureConstraints?: FeatureSettings[];
}
export interface FulfillmentPreview {
  shippingSpeedCategory: string;
  scheduledDeliveryInfo?: { deliveryTimeZone: string; deliveryWindows: DeliveryWindow[] };
  isFulfillable: boolean;
  isCODCapable: boolean;
  estimatedShippingWeight?: Weight;
  estimatedFees?: Array<{ name: string; amount: Money }>;
  fulfillmentPreviewShipments?: Array<{
    earliestShipDate?: Timestamp;
    latestShipDate?: Timestamp;
    earliestArrivalDate?: Timestamp;
    latestArrivalDate?: Timestamp;
    shippingNotes?: string[];
    fulfillmentPreviewItems: Array<{
      sellerSku: string;
      quantity: number;
      sellerFulfillmentOrderItemId: string;
      estimatedShippingWeight?: Weight;
      shippingWeightCalculationMethod?: string;
    }>;
  }>;
  unfulfillablePreviewItems?: Array<{
    sellerSku: string;
    quantity: number;
    sellerFulfillmentOrderItemId: string;
    itemUnfulfillableReasons?: string[];
  }>;
  orderUnfulfillableReasons?: string[];
  marketplaceId: string;
  featureConstraints?: FeatureSettings[];
}

export interface GetDeliveryOffersRequest {
  product: { productIdentifier: { merchantSku: string }; amount?: { unitOfMeasure: 'Eaches'; value: Decimal } };
  terms: {
    origin: { countryCode: string };
    destination: {
      deliveryAddress?: {
        addressLine1?: string;
        addressLine2?: string;
        addressLine3?: string;
        city?: string;
        districtOrCounty?: string;
        stateOrRegion?: string;
        postalCode: string;
        countryCode: string;
      };
      ipAddress?: string;
    };
  };
}
export interface DeliveryOffer {
  expiresAt?: Timestamp;
  dateRange?: DateRange;
  policy?: { message?: { text?: string; locale?: string } };
}

export interface TrackingAddress {
  city: string;
  state: string;
  country: string;
}
export interface PackageTrackingDetails {
  packageNumber: number;
  trackingNumber?: string;
  customerTrackingLink?: string;
  carrierCode?: string;
  carrierPhoneNumber?: string;
  carrierURL?: string;
  shipDate?: Timestamp;
  estimatedArrivalDate?: Timestamp;
  shipToAddress?: TrackingAddress;
  currentStatus?: string;
  currentStatusDescription?: string;
  deliveryWindow?: DateRange;
  signedForBy?: string;
  additionalLocationInfo?: string;
  trackingEvents?: Array<{
    eventDate: Timestamp;
    eventAddress: TrackingAddress;
    eventCode: string;
    eventDescription: string;
  }>;
}
export interface ReasonCodeDetails {
  returnReasonCode: string;
  description: string;
  translatedDescription?: string;
}
export interface CreateReturnItem {
  sellerReturnItemId: string;
  sellerFulfillmentOrderItemId: string;
  amazonShipmentId: string;
  returnReasonCode: string;
  returnComment?: string;
}
export interface CreateFulfillmentReturnResult {
  returnItems?: ReturnItem[];
  invalidReturnItems?: InvalidReturnItem[];
  returnAuthorizations?: ReturnAuthorization[];
}
export interface Feature {
  featureName: string;
  featureDescription: string;
  sellerEligible?: boolean;
}
export interface FeatureSku {
  sellerSku?: string;
  fnSku?: string;
  asin?: string;
  skuCount?: number;
  overlappingSkus?: string[];
}
export interface GetFeatureInventoryResult {
  marketplaceId: string;
  featureName: string;
  nextToken?: string;
  featureSkus?: FeatureSku[];
}
export interface GetFeatureSkuResult {
  marketplaceId: string;
  featureName: string;
  isEligible: boolean;
  ineligibleReasons?: string[];
  sellerSku?: string;
  fnSku?: string;
  asin?: string;
  skuCount?: number;
}
