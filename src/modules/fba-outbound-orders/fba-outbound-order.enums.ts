import { amazonEnum } from './amazon-enum';

/** Amazon enums of Fulfillment Outbound 2020-07-01, from the official model's definitions. */
export const FbaOutboundOrderStatus = amazonEnum(
  'FbaOutboundOrderStatus',
  [
    'New',
    'Received',
    'Planning',
    'Processing',
    'Cancelled',
    'Complete',
    'CompletePartialled',
    'Unfulfillable',
    'Invalid',
  ],
  "Where a fulfillment order is (the model's FulfillmentOrderStatus).",
);
export const ShippingSpeedCategory = amazonEnum(
  'ShippingSpeedCategory',
  ['Standard', 'Expedited', 'Priority', 'ScheduledDelivery'],
  'How fast Amazon ships.',
);
export const FulfillmentAction = amazonEnum(
  'FulfillmentAction',
  ['Ship', 'Hold'],
  'Ship at once, or hold the order until it is updated to Ship.',
);
export const FulfillmentPolicy = amazonEnum(
  'FulfillmentPolicy',
  ['FillOrKill', 'FillAll', 'FillAllAvailable'],
  'What to do when some items cannot be fulfilled.',
);
export const FbaShipmentStatus = amazonEnum(
  'FbaShipmentStatus',
  ['PENDING', 'SHIPPED', 'CANCELLED_BY_FULFILLER', 'CANCELLED_BY_SELLER'],
  'The state of one shipment of an order.',
);
export const FbaPackageStatus = amazonEnum(
  'FbaPackageStatus',
  ['PROCESSING', 'IN_TRANSIT', 'DELAYED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'UNDELIVERABLE', 'EXPIRED'],
  "Where a package is (Fulfillment Outbound 2026-07-04's package status; null for orders read through 2020-07-01).",
);
export const PackageTrackingStatus = amazonEnum(
  'PackageTrackingStatus',
  [
    'IN_TRANSIT',
    'DELIVERED',
    'RETURNING',
    'RETURNED',
    'UNDELIVERABLE',
    'DELAYED',
    'AVAILABLE_FOR_PICKUP',
    'CUSTOMER_ACTION',
    'OUT_FOR_DELIVERY',
    'DELIVERY_ATTEMPTED',
    'PICKUP_SUCCESSFUL',
    'PICKUP_CANCELLED',
    'PICKUP_ATTEMPTED',
    'PICKUP_SCHEDULED',
    'RETURN_REQUEST_ACCEPTED',
    'REFUND_ISSUED',
    'RETURN_RECEIVED_IN_FC',
  ],
  "The current status of a package (the model's CurrentStatus).",
);
export const TrackingEventCode = amazonEnum(
  'TrackingEventCode',
  [
    'EVENT_101',
    'EVENT_102',
    'EVENT_201',
    'EVENT_202',
    'EVENT_203',
    'EVENT_204',
    'EVENT_205',
    'EVENT_206',
    'EVENT_301',
    'EVENT_302',
    'EVENT_304',
    'EVENT_306',
    'EVENT_307',
    'EVENT_308',
    'EVENT_309',
    'EVENT_401',
    'EVENT_402',
    'EVENT_403',
    'EVENT_404',
    'EVENT_405',
    'EVENT_406',
    'EVENT_407',
    'EVENT_408',
    'EVENT_409',
    'EVENT_411',
    'EVENT_412',
    'EVENT_413',
    'EVENT_414',
    'EVENT_415',
    'EVENT_416',
    'EVENT_417',
    'EVENT_418',
    'EVENT_419',
    'EVENT_801',
    'EVENT_804',
  ],
  "A carrier tracking event code (the model's EventCode).",
);
export const AdditionalLocationInfo = amazonEnum(
  'AdditionalLocationInfo',
  [
    'AS_INSTRUCTED',
    'CARPORT',
    'CUSTOMER_PICKUP',
    'DECK',
    'DOOR_PERSON',
    'FRONT_DESK',
    'FRONT_DOOR',
    'GARAGE',
    'GUARD',
    'MAIL_ROOM',
    'MAIL_SLOT',
    'MAILBOX',
    'MC_BOY',
    'MC_GIRL',
    'MC_MAN',
    'MC_WOMAN',
    'NEIGHBOR',
    'OFFICE',
    'OUTBUILDING',
    'PATIO',
    'PORCH',
    'REAR_DOOR',
    'RECEPTIONIST',
    'RECEIVER',
    'SECURE_LOCATION',
    'SIDE_DOOR',
  ],
  'Where a package was left.',
);
export const FbaReturnItemStatus = amazonEnum(
  'FbaReturnItemStatus',
  ['New', 'Processed'],
  'The state of a returned item.',
);
export const ReturnItemDisposition = amazonEnum(
  'ReturnItemDisposition',
  ['Sellable', 'Defective', 'CustomerDamaged', 'CarrierDamaged', 'FulfillerDamaged'],
  'The condition a returned item arrived in.',
);
export const InvalidReturnItemReason = amazonEnum(
  'InvalidReturnItemReason',
  ['InvalidValues', 'DuplicateRequest', 'NoCompletedShipItems', 'NoReturnableQuantity'],
  'Why Amazon will not take an item back.',
);
export const FeatureFulfillmentPolicy = amazonEnum(
  'FeatureFulfillmentPolicy',
  ['Required', 'NotRequired'],
  'Whether a fulfillment feature must apply.',
);
export const DropOffLocationType = amazonEnum(
  'DropOffLocationType',
  [
    'FRONT_DOOR',
    'DELIVERY_BOX',
    'GAS_METER_BOX',
    'BICYCLE_BASKET',
    'GARAGE',
    'RECEPTIONIST',
    'FALLBACK_NEIGHBOR_DELIVERY',
    'DO_NOT_LEAVE_UNATTENDED',
  ],
  'Where a package may be left.',
);
export const FulfillmentFeeName = amazonEnum(
  'FulfillmentFeeName',
  ['FBAPerUnitFulfillmentFee', 'FBAPerOrderFulfillmentFee', 'FBATransportationFee', 'FBAFulfillmentCODFee'],
  'A kind of fulfillment fee.',
);
