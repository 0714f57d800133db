import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../node';
import {
  CodSettings,
  DeliveryWindow,
  DropOffLocation,
  FbaAddress,
  FeatureConstraint,
  Money,
  PageInfo,
  PaymentInformation,
} from './common.type';
import {
  FbaOutboundOrderStatus,
  FbaReturnItemStatus,
  FbaShipmentStatus,
  FulfillmentAction,
  FulfillmentPolicy,
  InvalidReturnItemReason,
  ReturnItemDisposition,
  ShippingSpeedCategory,
} from './enums';

@ObjectType()
export class FbaOutboundOrderItem {
  @Field(() => String) sellerSku!: string;
  @Field(() => String) sellerFulfillmentOrderItemId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String, { nullable: true }) giftMessage?: string;
  @Field(() => String, { nullable: true }) displayableComment?: string;
  @Field(() => String, { nullable: true }) fulfillmentNetworkSku?: string;
  @Field(() => String, { nullable: true }) orderItemDisposition?: string;
  @Field(() => Int) cancelledQuantity!: number;
  @Field(() => Int) unfulfillableQuantity!: number;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedShipDate?: string;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string;
  @Field(() => Money, { nullable: true }) perUnitPrice?: Money;
  @Field(() => Money, { nullable: true }) perUnitTax?: Money;
  @Field(() => Money, { nullable: true }) perUnitDeclaredValue?: Money;
}

@ObjectType()
export class LockerDetails {
  @Field(() => String, { nullable: true }) lockerNumber?: string;
  @Field(() => String, { nullable: true }) lockerAccessCode?: string;
}

@ObjectType()
export class DeliveryDocument {
  @Field(() => String) documentType!: string;
  @Field(() => String, { nullable: true }) url?: string;
}

@ObjectType()
export class DeliveryInformation {
  @Field(() => [DeliveryDocument]) deliveryDocumentList!: DeliveryDocument[];
  @Field(() => DropOffLocation, { nullable: true }) dropOffLocation?: DropOffLocation | null;
}

@ObjectType({ description: 'A package of a shipment; `packageNumber` is what `packageTracking` takes.' })
export class FbaShipmentPackage {
  @Field(() => Int) packageNumber!: number;
  @Field(() => String) carrierCode!: string;
  @Field(() => String, { nullable: true }) trackingNumber?: string;
  @Field(() => String, { nullable: true }) amazonFulfillmentTrackingNumber?: string;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string;
  @Field(() => LockerDetails, { nullable: true }) lockerDetails?: LockerDetails;
  @Field(() => DeliveryInformation, { nullable: true }) deliveryInformation?: DeliveryInformation | null;
}

@ObjectType()
export class FbaShipmentItem {
  @Field(() => String) sellerSku!: string;
  @Field(() => String) sellerFulfillmentOrderItemId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { nullable: true }) packageNumber?: number;
  @Field(() => String, { nullable: true }) serialNumber?: string;
  @Field(() => [String]) manufacturerLotCodes!: string[];
}

@ObjectType({ description: 'A shipment Amazon made, or plans to make, for the order.', implements: Node })
export class FbaShipment {
  @Field(() => String) amazonShipmentId!: string;
  @Field(() => String) fulfillmentCenterId!: string;
  @Field(() => FbaShipmentStatus.values) fulfillmentShipmentStatus!: string;
  @Field(() => String) fulfillmentShipmentStatusRaw!: string;
  @Field(() => DateTimeResolver, { nullable: true }) shippingDate?: string;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string;
  @Field(() => [String]) shippingNotes!: string[];
  @Field(() => [FbaShipmentItem]) items!: FbaShipmentItem[];
  @Field(() => [FbaShipmentPackage]) packages!: FbaShipmentPackage[];
}

@ObjectType()
export class FbaReturnItem {
  @Field(() => String) sellerReturnItemId!: string;
  @Field(() => String) sellerFulfillmentOrderItemId!: string;
  @Field(() => String) amazonShipmentId!: string;
  @Field(() => String) sellerReturnReasonCode!: string;
  @Field(() => String, { nullable: true }) returnComment?: string;
  @Field(() => String, { nullable: true }) amazonReturnReasonCode?: string;
  @Field(() => FbaReturnItemStatus.values) status!: string;
  @Field(() => String) statusRaw!: string;
  @Field(() => DateTimeResolver) statusChangedDate!: string;
  @Field(() => String, { nullable: true }) returnAuthorizationId?: string;
  @Field(() => ReturnItemDisposition.values, { nullable: true }) returnReceivedCondition?: string | null;
  @Field(() => String, { nullable: true }) returnReceivedConditionRaw?: string;
  @Field(() => String, { nullable: true }) fulfillmentCenterId?: string;
}

@ObjectType()
export class FbaReturnAuthorization {
  @Field(() => String) returnAuthorizationId!: string;
  @Field(() => String) fulfillmentCenterId!: string;
  @Field(() => FbaAddress) returnToAddress!: FbaAddress;
  @Field(() => String) amazonRmaId!: string;
  @Field(() => String) rmaPageURL!: string;
}

@ObjectType({ description: 'An item Amazon will not take back, and why.' })
export class FbaInvalidReturnItem {
  @Field(() => String) sellerReturnItemId!: string;
  @Field(() => String) sellerFulfillmentOrderItemId!: string;
  @Field(() => InvalidReturnItemReason.values) invalidItemReasonCode!: string;
  @Field(() => String) invalidItemReasonCodeRaw!: string;
  @Field(() => String) description!: string;
}

/** The parts of an order only getFulfillmentOrder returns (listAllFulfillmentOrders does not). */
export interface FbaOutboundOrderDetails {
  items: FbaOutboundOrderItem[];
  shipments: FbaShipment[];
  returnItems: FbaReturnItem[];
  returnAuthorizations: FbaReturnAuthorization[];
  paymentInformation: PaymentInformation[];
}

@ObjectType({
  description: 'An Amazon multi-channel fulfillment order (SP-API Fulfillment Outbound FulfillmentOrder).',
  implements: Node,
})
@Directive('@key(fields: "sellerId sellerFulfillmentOrderId")')
export class FbaOutboundOrder {
  @Field(() => String) sellerId!: string;
  @Field(() => ID) sellerFulfillmentOrderId!: string;
  @Field(() => String) marketplaceId!: string;
  @Field(() => String) displayableOrderId!: string;
  @Field(() => DateTimeResolver) displayableOrderDate!: string;
  @Field(() => String) displayableOrderComment!: string;
  @Field(() => ShippingSpeedCategory.values) shippingSpeedCategory!: string;
  @Field(() => String) shippingSpeedCategoryRaw!: string;
  @Field(() => DeliveryWindow, { nullable: true }) deliveryWindow?: DeliveryWindow;
  @Field(() => FbaAddress) destinationAddress!: FbaAddress;
  @Field(() => FulfillmentAction.values, { nullable: true }) fulfillmentAction?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentActionRaw?: string;
  @Field(() => FulfillmentPolicy.values, { nullable: true }) fulfillmentPolicy?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentPolicyRaw?: string;
  @Field(() => CodSettings, { nullable: true }) codSettings?: CodSettings;
  @Field(() => DateTimeResolver) receivedDate!: string;
  @Field(() => FbaOutboundOrderStatus.values) status!: string;
  @Field(() => String) statusRaw!: string;
  @Field(() => DateTimeResolver) statusUpdatedDate!: string;
  @Field(() => [String]) notificationEmails!: string[];
  @Field(() => [FeatureConstraint]) featureConstraints!: FeatureConstraint[];
  // items, shipments, returnItems, returnAuthorizations and paymentInformation are field
  // resolvers: they come from `details` when the order was fetched whole, else from the loader.
  details?: FbaOutboundOrderDetails;
}

@ObjectType()
export class FbaOutboundOrderEdge {
  @Field(() => String) cursor!: string;
  @Field(() => FbaOutboundOrder) node!: FbaOutboundOrder;
}

@ObjectType()
export class FbaOutboundOrderConnection {
  @Field(() => [FbaOutboundOrderEdge]) edges!: FbaOutboundOrderEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
