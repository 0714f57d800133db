/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The Amazon region a seller account is registered in. */
export type AmazonRegion =
  /** Europe: IE, ES, UK, FR, BE, NL, DE, IT, SE, ZA, PL, EG, TR, SA, AE, IN. */
  | 'EU'
  /** Far East: SG, AU, JP. */
  | 'FE'
  /** North America: CA, US, MX, BR. */
  | 'NA';

export type CancelFbaOutboundOrderInput = {
  sellerFulfillmentOrderId: string | number;
  sellerId: string;
};

export type CodSettingsInput = {
  codCharge?: MoneyInput | null | undefined;
  codChargeTax?: MoneyInput | null | undefined;
  isCodRequired: boolean;
  shippingCharge?: MoneyInput | null | undefined;
  shippingChargeTax?: MoneyInput | null | undefined;
};

export type CreateFbaFulfillmentReturnInput = {
  items: Array<FbaReturnItemInput>;
  sellerFulfillmentOrderId: string | number;
  sellerId: string;
};

/** A new multi-channel fulfillment order (createFulfillmentOrder). */
export type CreateFbaOutboundOrderInput = {
  /** The sales channel the order comes from, at most 40 characters. Sent to Amazon for sellers on Fulfillment Outbound 2026-07-04; 2020-07-01 has no such field. */
  channel?: string | null | undefined;
  codSettings?: CodSettingsInput | null | undefined;
  deliveryPreferences?: DeliveryPreferencesInput | null | undefined;
  deliveryWindow?: DeliveryWindowInput | null | undefined;
  destinationAddress: FbaAddressInput;
  displayableOrderComment: string;
  displayableOrderDate: string;
  /** The order id shown to the buyer; ISO-8859-1, at most 40 characters. */
  displayableOrderId: string;
  featureConstraints?: Array<FeatureConstraintInput> | null | undefined;
  fulfillmentAction?: FulfillmentAction | null | undefined;
  fulfillmentPolicy?: FulfillmentPolicy | null | undefined;
  /** A key you choose; a retry with the same key and input returns the first result. */
  idempotencyKey?: string | null | undefined;
  items: Array<FbaOrderItemInput>;
  marketplaceId?: string | null | undefined;
  notificationEmails?: Array<string> | null | undefined;
  paymentInformation?: Array<PaymentInformationInput> | null | undefined;
  /** Your id for the order, unique per seller; at most 40 characters. */
  sellerFulfillmentOrderId: string | number;
  sellerId: string;
  shipFromCountryCode?: string | null | undefined;
  shippingSpeedCategory: ShippingSpeedCategory;
};

/** An Amazon multi-channel order to create through the ERP. */
export type CreateMcfOrderInput = {
  address: McfAddressInput;
  blankBox?: boolean | null | undefined;
  blockAmzl?: boolean | null | undefined;
  deliveryOperation?: McfDeliveryOperation | null | undefined;
  deliveryService?: McfDeliveryService | null | undefined;
  /** A key you choose; a retry with the same key and input returns the first result. */
  idempotencyKey?: string | null | undefined;
  items: Array<McfOrderItemInput>;
  /** Your order id: the ERP returns none, so this identifies the order. */
  orderId: string | number;
  packingSlip: McfPackingSlipInput;
  recipient: McfRecipientInput;
  remark?: string | null | undefined;
  /** The store's country, ISO 3166-1 alpha-2: one of US, CA, MX, BR, GB, DE, FR, IT, ES, NL, SE, PL, BE, IE, TR, AE, SA, EG, IN, ZA, JP, AU, SG. */
  storeCountryCode: string;
  /** The ERP store name, e.g. `8speed-US`. */
  storeName: string;
};

export type DeliveryOfferAddressInput = {
  addressLine1?: string | null | undefined;
  addressLine2?: string | null | undefined;
  addressLine3?: string | null | undefined;
  city?: string | null | undefined;
  countryCode: string;
  districtOrCounty?: string | null | undefined;
  postalCode: string;
  stateOrRegion?: string | null | undefined;
};

/** What to ask delivery offers for (deliveryOffers): a product, where it ships from and to. */
export type DeliveryOffersInput = {
  destinationAddress?: DeliveryOfferAddressInput | null | undefined;
  destinationIpAddress?: string | null | undefined;
  originCountryCode: string;
  /** Units (Eaches). */
  quantity?: string | null | undefined;
  sellerSku: string;
};

export type DeliveryPreferencesInput = {
  deliveryInstructions?: string | null | undefined;
  dropOffLocation?: DropOffLocationInput | null | undefined;
};

export type DeliveryWindowInput = {
  endDate: string;
  startDate: string;
};

export type DropOffLocationInput = {
  attributes?: Array<StringMapEntryInput> | null | undefined;
  type: DropOffLocationType;
};

/** Where a package may be left. */
export type DropOffLocationType =
  | 'BICYCLE_BASKET'
  | 'DELIVERY_BOX'
  | 'DO_NOT_LEAVE_UNATTENDED'
  | 'FALLBACK_NEIGHBOR_DELIVERY'
  | 'FRONT_DOOR'
  | 'GARAGE'
  | 'GAS_METER_BOX'
  | 'RECEPTIONIST'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

export type FbaAddressInput = {
  addressLine1: string;
  addressLine2?: string | null | undefined;
  addressLine3?: string | null | undefined;
  /** Required except in Japan. */
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  districtOrCounty?: string | null | undefined;
  name: string;
  phone?: string | null | undefined;
  postalCode: string;
  stateOrRegion?: string | null | undefined;
};

export type FbaOrderItemInput = {
  displayableComment?: string | null | undefined;
  fulfillmentNetworkSku?: string | null | undefined;
  giftMessage?: string | null | undefined;
  perUnitDeclaredValue?: MoneyInput | null | undefined;
  perUnitPrice?: MoneyInput | null | undefined;
  perUnitTax?: MoneyInput | null | undefined;
  quantity: number;
  /** Your id for the line, unique within the order. */
  sellerFulfillmentOrderItemId: string;
  sellerSku: string;
};

export type FbaOrderItemUpdateInput = {
  displayableComment?: string | null | undefined;
  fulfillmentNetworkSku?: string | null | undefined;
  giftMessage?: string | null | undefined;
  orderItemDisposition?: string | null | undefined;
  perUnitDeclaredValue?: MoneyInput | null | undefined;
  perUnitPrice?: MoneyInput | null | undefined;
  perUnitTax?: MoneyInput | null | undefined;
  quantity: number;
  sellerFulfillmentOrderItemId: string;
  sellerSku?: string | null | undefined;
};

/** Where a fulfillment order is (the model's FulfillmentOrderStatus). */
export type FbaOutboundOrderStatus =
  | 'CANCELLED'
  | 'COMPLETE'
  | 'COMPLETE_PARTIALLED'
  | 'INVALID'
  | 'NEW'
  | 'PLANNING'
  | 'PROCESSING'
  | 'RECEIVED'
  | 'UNFULFILLABLE'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

export type FbaReturnItemInput = {
  amazonShipmentId: string;
  returnComment?: string | null | undefined;
  /** One of `returnReasonCodes`. */
  returnReasonCode: string;
  sellerFulfillmentOrderItemId: string;
  /** Your id for this return line, unique per seller. */
  sellerReturnItemId: string;
};

/** The state of a returned item. */
export type FbaReturnItemStatus =
  | 'NEW'
  | 'PROCESSED'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

/** The state of one shipment of an order. */
export type FbaShipmentStatus =
  | 'CANCELLED_BY_FULFILLER'
  | 'CANCELLED_BY_SELLER'
  | 'PENDING'
  | 'SHIPPED'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

export type FeatureConstraintInput = {
  featureFulfillmentPolicy: FeatureFulfillmentPolicy;
  featureName: string;
};

/** Whether a fulfillment feature must apply. */
export type FeatureFulfillmentPolicy =
  | 'NOT_REQUIRED'
  | 'REQUIRED'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

/** Ship at once, or hold the order until it is updated to Ship. */
export type FulfillmentAction =
  | 'HOLD'
  | 'SHIP'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

/** A kind of fulfillment fee. */
export type FulfillmentFeeName =
  | 'FBAFULFILLMENT_CODFEE'
  | 'FBAPER_ORDER_FULFILLMENT_FEE'
  | 'FBAPER_UNIT_FULFILLMENT_FEE'
  | 'FBATRANSPORTATION_FEE'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

/** What to do when some items cannot be fulfilled. */
export type FulfillmentPolicy =
  | 'FILL_ALL'
  | 'FILL_ALL_AVAILABLE'
  | 'FILL_OR_KILL'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

/** What to preview (getFulfillmentPreview). */
export type FulfillmentPreviewInput = {
  address: FbaAddressInput;
  featureConstraints?: Array<FeatureConstraintInput> | null | undefined;
  includeCODFulfillmentPreview?: boolean | null | undefined;
  includeDeliveryWindows?: boolean | null | undefined;
  items: Array<FulfillmentPreviewItemInput>;
  marketplaceId?: string | null | undefined;
  shippingSpeedCategories?: Array<ShippingSpeedCategory> | null | undefined;
};

export type FulfillmentPreviewItemInput = {
  perUnitDeclaredValue?: MoneyInput | null | undefined;
  quantity: number;
  sellerFulfillmentOrderItemId: string;
  sellerSku: string;
};

/** Where a shipment-confirmation (标发) task is. DONE means the feed finished, not that every order succeeded: see `results`. */
export type FulfillmentTaskStatus =
  /** The ERP cancelled the task. */
  | 'CANCELLED'
  /** The feed finished; per-order outcomes are in `results`. */
  | 'DONE'
  /** The feed failed as a whole; see `failureReason`. */
  | 'FATAL'
  /** The ERP is submitting the feed to Amazon or waiting for its result. */
  | 'IN_PROCESS'
  /** Queued at the ERP, not yet sent to Amazon. */
  | 'PENDING'
  /** A status this gateway does not know yet; the raw value is in `feedStatusCode`. */
  | 'UNKNOWN';

/** Why Amazon will not take an item back. */
export type InvalidReturnItemReason =
  | 'DUPLICATE_REQUEST'
  | 'INVALID_VALUES'
  | 'NO_COMPLETED_SHIP_ITEMS'
  | 'NO_RETURNABLE_QUANTITY'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

export type McfAddressInput = {
  addressLine1: string;
  addressLine2?: string | null | undefined;
  /** Required except in Japan. */
  city?: string | null | undefined;
  countryCode: string;
  postalCode: string;
  /** State or province, e.g. `AL-Alabama`. */
  stateOrRegion: string;
};

/** Ship at once (立即配送) or hold the order (保留订单). */
export type McfDeliveryOperation =
  | 'HOLD'
  | 'SHIP_NOW';

/** Standard (标准配送), expedited (加急配送) or priority (优先配送) delivery. */
export type McfDeliveryService =
  | 'EXPEDITED'
  | 'PRIORITY'
  | 'STANDARD';

export type McfOrderItemInput = {
  declaredCurrency?: string | null | undefined;
  declaredValue?: string | null | undefined;
  msku: string;
  quantity: number;
};

export type McfPackingSlipInput = {
  /** A date (2022-12-09) or a local date-time (2025-04-09T14:30:45). */
  orderDate: string;
  orderId: string;
  remark?: string | null | undefined;
};

export type McfRecipientInput = {
  email: string;
  name: string;
  phone?: string | null | undefined;
};

export type MoneyInput = {
  currencyCode: string;
  /** Not negative; at most 13 digits before the point and 4 after. */
  value: string;
};

/** The current status of a package (the model's CurrentStatus). */
export type PackageTrackingStatus =
  | 'AVAILABLE_FOR_PICKUP'
  | 'CUSTOMER_ACTION'
  | 'DELAYED'
  | 'DELIVERED'
  | 'DELIVERY_ATTEMPTED'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'PICKUP_ATTEMPTED'
  | 'PICKUP_CANCELLED'
  | 'PICKUP_SCHEDULED'
  | 'PICKUP_SUCCESSFUL'
  | 'REFUND_ISSUED'
  | 'RETURNED'
  | 'RETURNING'
  | 'RETURN_RECEIVED_IN_FC'
  | 'RETURN_REQUEST_ACCEPTED'
  | 'UNDELIVERABLE'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

export type PaymentInformationInput = {
  paymentDate: string;
  paymentMode: string;
  paymentTransactionId: string;
};

export type SandboxSetFbaOutboundOrderStatusInput = {
  sellerFulfillmentOrderId: string | number;
  sellerId: string;
  status: FbaOutboundOrderStatus;
};

/** One order to confirm as shipped. */
export type ShipmentConfirmationInput = {
  amazonOrderId: string;
  /** Required: the ERP rejects an empty carrier code. */
  carrierCode: string;
  carrierName: string;
  items: Array<ShipmentConfirmationItemInput>;
  /** The 标发记录id (a positive integer of at most 19 digits, as a string). Generated when omitted. */
  messageId?: string | number | null | undefined;
  shippingService?: string | null | undefined;
  trackingNumber: string;
};

/** One order line to confirm as shipped. */
export type ShipmentConfirmationItemInput = {
  /** Amazon's order item id. */
  orderItemId: string;
  quantity: number;
};

/** How fast Amazon ships. */
export type ShippingSpeedCategory =
  | 'EXPEDITED'
  | 'PRIORITY'
  | 'SCHEDULED_DELIVERY'
  | 'STANDARD'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

export type StringMapEntryInput = {
  key: string;
  value: string;
};

/** Orders to confirm as shipped in one asynchronous ERP task. */
export type SubmitFulfillmentInput = {
  /** A key you choose; a retry with the same key and input returns the first result. */
  idempotencyKey?: string | null | undefined;
  marketplaceId: string;
  /** The seller's region at the ERP. Omitted: taken from the ERP's store of this seller in this marketplace (`viewer.stores`). */
  region?: AmazonRegion | null | undefined;
  /** The Amazon merchant id, e.g. `A1MQMW3JWPNCBX`. */
  sellerId: string;
  shipments: Array<ShipmentConfirmationInput>;
};

/** A carrier tracking event code (the model's EventCode). */
export type TrackingEventCode =
  | 'EVENT_101'
  | 'EVENT_102'
  | 'EVENT_201'
  | 'EVENT_202'
  | 'EVENT_203'
  | 'EVENT_204'
  | 'EVENT_205'
  | 'EVENT_206'
  | 'EVENT_301'
  | 'EVENT_302'
  | 'EVENT_304'
  | 'EVENT_306'
  | 'EVENT_307'
  | 'EVENT_308'
  | 'EVENT_309'
  | 'EVENT_401'
  | 'EVENT_402'
  | 'EVENT_403'
  | 'EVENT_404'
  | 'EVENT_405'
  | 'EVENT_406'
  | 'EVENT_407'
  | 'EVENT_408'
  | 'EVENT_409'
  | 'EVENT_411'
  | 'EVENT_412'
  | 'EVENT_413'
  | 'EVENT_414'
  | 'EVENT_415'
  | 'EVENT_416'
  | 'EVENT_417'
  | 'EVENT_418'
  | 'EVENT_419'
  | 'EVENT_801'
  | 'EVENT_804'
  /** A value Amazon sent that this gateway does not know yet: see the `…Raw` field beside it. Never accepted as input. */
  | 'UNKNOWN';

/** Changes to an order that is still on Hold (updateFulfillmentOrder). Omitted fields stay as they are. */
export type UpdateFbaOutboundOrderInput = {
  destinationAddress?: FbaAddressInput | null | undefined;
  displayableOrderComment?: string | null | undefined;
  displayableOrderDate?: string | null | undefined;
  displayableOrderId?: string | null | undefined;
  featureConstraints?: Array<FeatureConstraintInput> | null | undefined;
  fulfillmentAction?: FulfillmentAction | null | undefined;
  fulfillmentPolicy?: FulfillmentPolicy | null | undefined;
  items?: Array<FbaOrderItemUpdateInput> | null | undefined;
  marketplaceId?: string | null | undefined;
  notificationEmails?: Array<string> | null | undefined;
  sellerFulfillmentOrderId: string | number;
  sellerId: string;
  shipFromCountryCode?: string | null | undefined;
  shippingSpeedCategory?: ShippingSpeedCategory | null | undefined;
};

/** Why an input was refused. Branch on the code; the message is for people. */
export type UserErrorCode =
  /** The order was already cancelled. */
  | 'ALREADY_CANCELLED'
  /** A value must be unique within the input. */
  | 'DUPLICATE'
  /** The idempotencyKey was already used with a different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** A value is malformed or not allowed. */
  | 'INVALID'
  /** The order can no longer be cancelled (it is processing or done). */
  | 'NOT_CANCELLABLE'
  /** The order (or other object) does not exist for this seller. */
  | 'NOT_FOUND'
  /** Amazon will not take this item back (not shipped, already returned, or not part of the order). */
  | 'NOT_RETURNABLE'
  /** The order can no longer be updated (it is no longer on hold). */
  | 'NOT_UPDATABLE'
  /** The order id is already taken by a different order. */
  | 'ORDER_EXISTS'
  /** A number is outside its allowed range. */
  | 'OUT_OF_RANGE'
  /** A required value is missing or blank. */
  | 'REQUIRED'
  /** The operation exists only for sellers on a sandbox endpoint. */
  | 'SANDBOX_ONLY'
  /** The ERP store is not NORMAL (sync stopped, authorization broken or suspended): see `viewer.stores`. */
  | 'STORE_NOT_AVAILABLE'
  /** A value or list is longer than allowed. */
  | 'TOO_LONG'
  /** No SP-API authorization is configured for this sellerId. */
  | 'UNKNOWN_SELLER'
  /** The ERP lists no store of this name (or no store of this seller in this marketplace). */
  | 'UNKNOWN_STORE'
  /** The upstream refused the content of the request. */
  | 'UPSTREAM_REJECTED';

export type OrderFieldsFragment = { sellerId: string, sellerFulfillmentOrderId: string, displayableOrderId: string | null, status: FbaOutboundOrderStatus | null, statusRaw: string | null, shippingSpeedCategory: ShippingSpeedCategory | null, fulfillmentAction: FulfillmentAction | null, destinationAddress: { name: string | null, city: string | null, countryCode: string | null } | null, items: Array<{ sellerSku: string | null, sellerFulfillmentOrderItemId: string | null, quantity: number | null, cancelledQuantity: number | null, perUnitDeclaredValue: { currencyCode: string | null, value: string | null } | null }>, shipments: Array<{ amazonShipmentId: string, fulfillmentShipmentStatus: FbaShipmentStatus | null, items: Array<{ sellerFulfillmentOrderItemId: string | null, quantity: number | null, packageNumber: number | null }>, packages: Array<{ packageNumber: number | null, carrierCode: string | null, trackingNumber: string | null }> }>, returnItems: Array<{ sellerReturnItemId: string | null, status: FbaReturnItemStatus | null, statusRaw: string | null }>, returnAuthorizations: Array<{ returnAuthorizationId: string | null, amazonRmaId: string | null }> };

export type FbaOrderQueryVariables = Exact<{
  sellerId: string;
  id: string | number;
}>;


export type FbaOrderQuery = { fbaOutboundOrder: { sellerId: string, sellerFulfillmentOrderId: string, displayableOrderId: string | null, status: FbaOutboundOrderStatus | null, statusRaw: string | null, shippingSpeedCategory: ShippingSpeedCategory | null, fulfillmentAction: FulfillmentAction | null, destinationAddress: { name: string | null, city: string | null, countryCode: string | null } | null, items: Array<{ sellerSku: string | null, sellerFulfillmentOrderItemId: string | null, quantity: number | null, cancelledQuantity: number | null, perUnitDeclaredValue: { currencyCode: string | null, value: string | null } | null }>, shipments: Array<{ amazonShipmentId: string, fulfillmentShipmentStatus: FbaShipmentStatus | null, items: Array<{ sellerFulfillmentOrderItemId: string | null, quantity: number | null, packageNumber: number | null }>, packages: Array<{ packageNumber: number | null, carrierCode: string | null, trackingNumber: string | null }> }>, returnItems: Array<{ sellerReturnItemId: string | null, status: FbaReturnItemStatus | null, statusRaw: string | null }>, returnAuthorizations: Array<{ returnAuthorizationId: string | null, amazonRmaId: string | null }> } | null };

export type FbaOrdersQueryVariables = Exact<{
  sellerId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  updatedSince?: string | null | undefined;
}>;


export type FbaOrdersQuery = { fbaOutboundOrders: { edges: Array<{ cursor: string, node: { sellerFulfillmentOrderId: string, status: FbaOutboundOrderStatus | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateFbaOrderMutationVariables = Exact<{
  input: CreateFbaOutboundOrderInput;
}>;


export type CreateFbaOrderMutation = { createFbaOutboundOrder: { order: { sellerId: string, sellerFulfillmentOrderId: string, displayableOrderId: string | null, status: FbaOutboundOrderStatus | null, statusRaw: string | null, shippingSpeedCategory: ShippingSpeedCategory | null, fulfillmentAction: FulfillmentAction | null, destinationAddress: { name: string | null, city: string | null, countryCode: string | null } | null, items: Array<{ sellerSku: string | null, sellerFulfillmentOrderItemId: string | null, quantity: number | null, cancelledQuantity: number | null, perUnitDeclaredValue: { currencyCode: string | null, value: string | null } | null }>, shipments: Array<{ amazonShipmentId: string, fulfillmentShipmentStatus: FbaShipmentStatus | null, items: Array<{ sellerFulfillmentOrderItemId: string | null, quantity: number | null, packageNumber: number | null }>, packages: Array<{ packageNumber: number | null, carrierCode: string | null, trackingNumber: string | null }> }>, returnItems: Array<{ sellerReturnItemId: string | null, status: FbaReturnItemStatus | null, statusRaw: string | null }>, returnAuthorizations: Array<{ returnAuthorizationId: string | null, amazonRmaId: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateFbaOrderMutationVariables = Exact<{
  input: UpdateFbaOutboundOrderInput;
}>;


export type UpdateFbaOrderMutation = { updateFbaOutboundOrder: { order: { sellerId: string, sellerFulfillmentOrderId: string, displayableOrderId: string | null, status: FbaOutboundOrderStatus | null, statusRaw: string | null, shippingSpeedCategory: ShippingSpeedCategory | null, fulfillmentAction: FulfillmentAction | null, destinationAddress: { name: string | null, city: string | null, countryCode: string | null } | null, items: Array<{ sellerSku: string | null, sellerFulfillmentOrderItemId: string | null, quantity: number | null, cancelledQuantity: number | null, perUnitDeclaredValue: { currencyCode: string | null, value: string | null } | null }>, shipments: Array<{ amazonShipmentId: string, fulfillmentShipmentStatus: FbaShipmentStatus | null, items: Array<{ sellerFulfillmentOrderItemId: string | null, quantity: number | null, packageNumber: number | null }>, packages: Array<{ packageNumber: number | null, carrierCode: string | null, trackingNumber: string | null }> }>, returnItems: Array<{ sellerReturnItemId: string | null, status: FbaReturnItemStatus | null, statusRaw: string | null }>, returnAuthorizations: Array<{ returnAuthorizationId: string | null, amazonRmaId: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CancelFbaOrderMutationVariables = Exact<{
  input: CancelFbaOutboundOrderInput;
}>;


export type CancelFbaOrderMutation = { cancelFbaOutboundOrder: { order: { sellerFulfillmentOrderId: string, status: FbaOutboundOrderStatus | null, items: Array<{ cancelledQuantity: number | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type SetSandboxStatusMutationVariables = Exact<{
  input: SandboxSetFbaOutboundOrderStatusInput;
}>;


export type SetSandboxStatusMutation = { sandboxSetFbaOutboundOrderStatus: { order: { sellerFulfillmentOrderId: string, status: FbaOutboundOrderStatus | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateFbaReturnMutationVariables = Exact<{
  input: CreateFbaFulfillmentReturnInput;
}>;


export type CreateFbaReturnMutation = { createFbaFulfillmentReturn: { order: { sellerFulfillmentOrderId: string, returnItems: Array<{ sellerReturnItemId: string | null }> } | null, returnItems: Array<{ sellerReturnItemId: string | null, status: FbaReturnItemStatus | null, amazonShipmentId: string | null }>, invalidReturnItems: Array<{ sellerReturnItemId: string | null, invalidItemReasonCode: InvalidReturnItemReason | null, invalidItemReasonCodeRaw: string | null, description: string | null }>, returnAuthorizations: Array<{ returnAuthorizationId: string | null, rmaPageURL: string | null, returnToAddress: { city: string | null } | null }>, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type PreviewQueryVariables = Exact<{
  sellerId: string;
  input: FulfillmentPreviewInput;
}>;


export type PreviewQuery = { fulfillmentPreview: Array<{ shippingSpeedCategory: ShippingSpeedCategory | null, isFulfillable: boolean | null, estimatedShippingWeight: { unit: string | null, value: string | null } | null, estimatedFees: Array<{ name: FulfillmentFeeName | null, amount: { currencyCode: string | null, value: string | null } | null }>, fulfillmentPreviewShipments: Array<{ earliestArrivalDate: string | null, fulfillmentPreviewItems: Array<{ sellerSku: string | null, quantity: number | null }> }>, unfulfillablePreviewItems: Array<{ sellerSku: string | null, itemUnfulfillableReasons: Array<string> }> }> };

export type DeliveryOffersQueryVariables = Exact<{
  sellerId: string;
  input: DeliveryOffersInput;
}>;


export type DeliveryOffersQuery = { deliveryOffers: Array<{ expiresAt: string | null, dateRange: { earliest: string | null, latest: string | null } | null, policy: { message: { text: string | null, locale: string | null } | null } | null }> };

export type TrackingQueryVariables = Exact<{
  sellerId: string;
  packageNumber: number;
}>;


export type TrackingQuery = { packageTracking: { packageNumber: number | null, trackingNumber: string | null, carrierCode: string | null, currentStatus: PackageTrackingStatus | null, currentStatusRaw: string | null, trackingEvents: Array<{ eventCode: TrackingEventCode | null, eventCodeRaw: string | null, eventDescription: string | null, eventAddress: { city: string | null } | null }> } | null };

export type ReturnReasonsQueryVariables = Exact<{
  sellerId: string;
  sellerSku: string;
  language: string;
}>;


export type ReturnReasonsQuery = { returnReasonCodes: Array<{ returnReasonCode: string | null, description: string | null }> };

export type FeaturesQueryVariables = Exact<{
  sellerId: string;
  marketplaceId: string;
}>;


export type FeaturesQuery = { fulfillmentFeatures: Array<{ featureName: string | null, featureDescription: string | null, sellerEligible: boolean | null }> };

export type FeatureInventoryQueryVariables = Exact<{
  sellerId: string;
  marketplaceId: string;
  featureName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FeatureInventoryQuery = { featureInventory: { featureName: string, edges: Array<{ cursor: string, node: { sellerSku: string | null, fnSku: string | null, skuCount: number | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type FeatureSkuQueryVariables = Exact<{
  sellerId: string;
  marketplaceId: string;
  featureName: string;
  sellerSku: string;
}>;


export type FeatureSkuQuery = { featureSku: { isEligible: boolean | null, ineligibleReasons: Array<string>, sellerSku: string | null } };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: UserErrorCode };

export type PageFieldsFragment = { hasNextPage: boolean, endCursor: string | null };

export type SubmitFulfillmentMutationVariables = Exact<{
  input: SubmitFulfillmentInput;
}>;


export type SubmitFulfillmentMutation = { submitFulfillment: { task: { sellerId: string, taskId: string, status: FulfillmentTaskStatus, shipments: Array<{ messageId: string, amazonOrderId: string, trackingNumber: string, items: Array<{ orderItemId: string, quantity: number }> }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type FulfillmentTaskQueryVariables = Exact<{
  sellerId: string;
  taskId: string | number;
}>;


export type FulfillmentTaskQuery = { fulfillmentTask: { taskId: string, status: FulfillmentTaskStatus, failureReason: string | null, feedStatusCode: string | null, shipTime: string | null, summary: { processed: number, successful: number, withError: number, withWarning: number } | null, results: Array<{ messageId: string, resultCode: string, resultMessageCode: string | null, description: string | null, shipment: { messageId: string, amazonOrderId: string } | null }> } | null };

export type FulfillmentTasksQueryVariables = Exact<{
  sellerId: string;
  taskIds: Array<string | number> | string | number;
}>;


export type FulfillmentTasksQuery = { fulfillmentTasks: Array<{ taskId: string, status: FulfillmentTaskStatus, failureReason: string | null } | null> };

export type RecentTasksQueryVariables = Exact<{
  sellerId: string;
  status?: FulfillmentTaskStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecentTasksQuery = { recentFulfillmentTasks: { edges: Array<{ cursor: string, node: { taskId: string, status: FulfillmentTaskStatus, shipments: Array<{ messageId: string, amazonOrderId: string }>, results: Array<{ messageId: string, resultCode: string, shipment: { amazonOrderId: string, trackingNumber: string } | null }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateMcfOrderMutationVariables = Exact<{
  input: CreateMcfOrderInput;
}>;


export type CreateMcfOrderMutation = { createMcfOrder: { order: { storeName: string, storeCountryCode: string, orderId: string, blankBox: boolean | null, blockAmzl: boolean | null, deliveryOperation: McfDeliveryOperation | null, deliveryService: McfDeliveryService | null, submittedAt: string, personalDataPurgedAt: string | null, recipient: { name: string, email: string, phone: string | null } | null, address: { countryCode: string, stateOrRegion: string, city: string | null, addressLine1: string, postalCode: string } | null, packingSlip: { orderId: string, orderDate: string, remark: string | null }, items: Array<{ msku: string, quantity: number, declaredValue: string | null, declaredCurrency: string | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type McfOrderQueryVariables = Exact<{
  storeName: string;
  orderId: string | number;
}>;


export type McfOrderQuery = { mcfOrder: { orderId: string, personalDataPurgedAt: string | null, recipient: { name: string } | null, address: { city: string | null } | null, items: Array<{ msku: string, declaredValue: string | null }> } | null };

export type McfOrdersQueryVariables = Exact<{
  storeName?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type McfOrdersQuery = { mcfOrders: { edges: Array<{ cursor: string, node: { storeName: string, orderId: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FbaOutboundOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"displayableOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeedCategory"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentAction"}},{"kind":"Field","name":{"kind":"Name","value":"destinationAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"perUnitDeclaredValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amazonShipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentShipmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizationId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonRmaId"}}]}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const PageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageFieldsFragment, unknown>;
export const FbaOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FbaOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fbaOutboundOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sellerFulfillmentOrderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FbaOutboundOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"displayableOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeedCategory"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentAction"}},{"kind":"Field","name":{"kind":"Name","value":"destinationAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"perUnitDeclaredValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amazonShipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentShipmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizationId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonRmaId"}}]}}]}}]} as unknown as DocumentNode<FbaOrderQuery, FbaOrderQueryVariables>;
export const FbaOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FbaOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"updatedSince"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fbaOutboundOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"updatedSince"},"value":{"kind":"Variable","name":{"kind":"Name","value":"updatedSince"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<FbaOrdersQuery, FbaOrdersQueryVariables>;
export const CreateFbaOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFbaOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFbaOutboundOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFbaOutboundOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FbaOutboundOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"displayableOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeedCategory"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentAction"}},{"kind":"Field","name":{"kind":"Name","value":"destinationAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"perUnitDeclaredValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amazonShipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentShipmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizationId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonRmaId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateFbaOrderMutation, CreateFbaOrderMutationVariables>;
export const UpdateFbaOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFbaOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFbaOutboundOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFbaOutboundOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FbaOutboundOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"displayableOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}},{"kind":"Field","name":{"kind":"Name","value":"shippingSpeedCategory"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentAction"}},{"kind":"Field","name":{"kind":"Name","value":"destinationAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"perUnitDeclaredValue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amazonShipmentId"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentShipmentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusRaw"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizationId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonRmaId"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UpdateFbaOrderMutation, UpdateFbaOrderMutationVariables>;
export const CancelFbaOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelFbaOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelFbaOutboundOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelFbaOutboundOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelledQuantity"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CancelFbaOrderMutation, CancelFbaOrderMutationVariables>;
export const SetSandboxStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSandboxStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SandboxSetFbaOutboundOrderStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sandboxSetFbaOutboundOrderStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<SetSandboxStatusMutation, SetSandboxStatusMutationVariables>;
export const CreateFbaReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFbaReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFbaFulfillmentReturnInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFbaFulfillmentReturn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFulfillmentOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"returnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amazonShipmentId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"invalidReturnItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerReturnItemId"}},{"kind":"Field","name":{"kind":"Name","value":"invalidItemReasonCode"}},{"kind":"Field","name":{"kind":"Name","value":"invalidItemReasonCodeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnAuthorizationId"}},{"kind":"Field","name":{"kind":"Name","value":"rmaPageURL"}},{"kind":"Field","name":{"kind":"Name","value":"returnToAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateFbaReturnMutation, CreateFbaReturnMutationVariables>;
export const PreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Preview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FulfillmentPreviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfillmentPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shippingSpeedCategory"}},{"kind":"Field","name":{"kind":"Name","value":"isFulfillable"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedShippingWeight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"estimatedFees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentPreviewShipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earliestArrivalDate"}},{"kind":"Field","name":{"kind":"Name","value":"fulfillmentPreviewItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unfulfillablePreviewItems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"itemUnfulfillableReasons"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewQuery, PreviewQueryVariables>;
export const DeliveryOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DeliveryOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeliveryOffersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deliveryOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"dateRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earliest"}},{"kind":"Field","name":{"kind":"Name","value":"latest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"policy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeliveryOffersQuery, DeliveryOffersQueryVariables>;
export const TrackingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tracking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"packageNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageTracking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"packageNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"packageNumber"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"packageNumber"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrierCode"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatus"}},{"kind":"Field","name":{"kind":"Name","value":"currentStatusRaw"}},{"kind":"Field","name":{"kind":"Name","value":"trackingEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventCode"}},{"kind":"Field","name":{"kind":"Name","value":"eventCodeRaw"}},{"kind":"Field","name":{"kind":"Name","value":"eventDescription"}},{"kind":"Field","name":{"kind":"Name","value":"eventAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TrackingQuery, TrackingQueryVariables>;
export const ReturnReasonsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReturnReasons"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerSku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"language"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnReasonCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sellerSku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerSku"}}},{"kind":"Argument","name":{"kind":"Name","value":"language"},"value":{"kind":"Variable","name":{"kind":"Name","value":"language"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnReasonCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<ReturnReasonsQuery, ReturnReasonsQueryVariables>;
export const FeaturesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Features"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"marketplaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfillmentFeatures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"marketplaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"marketplaceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureName"}},{"kind":"Field","name":{"kind":"Name","value":"featureDescription"}},{"kind":"Field","name":{"kind":"Name","value":"sellerEligible"}}]}}]}}]} as unknown as DocumentNode<FeaturesQuery, FeaturesQueryVariables>;
export const FeatureInventoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeatureInventory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"marketplaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"featureName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureInventory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"marketplaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"marketplaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"featureName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"featureName"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureName"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}},{"kind":"Field","name":{"kind":"Name","value":"fnSku"}},{"kind":"Field","name":{"kind":"Name","value":"skuCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<FeatureInventoryQuery, FeatureInventoryQueryVariables>;
export const FeatureSkuDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FeatureSku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"marketplaceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"featureName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerSku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"featureSku"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"marketplaceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"marketplaceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"featureName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"featureName"}}},{"kind":"Argument","name":{"kind":"Name","value":"sellerSku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerSku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isEligible"}},{"kind":"Field","name":{"kind":"Name","value":"ineligibleReasons"}},{"kind":"Field","name":{"kind":"Name","value":"sellerSku"}}]}}]}}]} as unknown as DocumentNode<FeatureSkuQuery, FeatureSkuQueryVariables>;
export const SubmitFulfillmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitFulfillment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitFulfillmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitFulfillment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerId"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderItemId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<SubmitFulfillmentMutation, SubmitFulfillmentMutationVariables>;
export const FulfillmentTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FulfillmentTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfillmentTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"taskId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}},{"kind":"Field","name":{"kind":"Name","value":"feedStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"shipTime"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"successful"}},{"kind":"Field","name":{"kind":"Name","value":"withError"}},{"kind":"Field","name":{"kind":"Name","value":"withWarning"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"resultCode"}},{"kind":"Field","name":{"kind":"Name","value":"resultMessageCode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonOrderId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FulfillmentTaskQuery, FulfillmentTaskQueryVariables>;
export const FulfillmentTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FulfillmentTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fulfillmentTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"taskIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]} as unknown as DocumentNode<FulfillmentTasksQuery, FulfillmentTasksQueryVariables>;
export const RecentTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FulfillmentTaskStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recentFulfillmentTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sellerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sellerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"amazonOrderId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"resultCode"}},{"kind":"Field","name":{"kind":"Name","value":"shipment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amazonOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<RecentTasksQuery, RecentTasksQueryVariables>;
export const CreateMcfOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMcfOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMcfOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMcfOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeName"}},{"kind":"Field","name":{"kind":"Name","value":"storeCountryCode"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"blankBox"}},{"kind":"Field","name":{"kind":"Name","value":"blockAmzl"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryOperation"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryService"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"stateOrRegion"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packingSlip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"orderDate"}},{"kind":"Field","name":{"kind":"Name","value":"remark"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msku"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"declaredValue"}},{"kind":"Field","name":{"kind":"Name","value":"declaredCurrency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"personalDataPurgedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CreateMcfOrderMutation, CreateMcfOrderMutationVariables>;
export const McfOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"McfOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mcfOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"storeName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeName"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msku"}},{"kind":"Field","name":{"kind":"Name","value":"declaredValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"personalDataPurgedAt"}}]}}]}}]} as unknown as DocumentNode<McfOrderQuery, McfOrderQueryVariables>;
export const McfOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"McfOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"storeName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mcfOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"storeName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"storeName"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storeName"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<McfOrdersQuery, McfOrdersQueryVariables>;