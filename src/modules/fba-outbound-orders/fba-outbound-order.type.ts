import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type';
import { Node } from '../../graphql/node';
import {
  CodSettings,
  DeliveryWindow,
  DropOffLocation,
  FbaAddress,
  FeatureConstraint,
  Money,
  PaymentInformation,
} from './common.type';
import {
  FbaOutboundOrderStatus,
  FbaPackageStatus,
  FbaReturnItemStatus,
  FbaShipmentStatus,
  FulfillmentAction,
  FulfillmentPolicy,
  InvalidReturnItemReason,
  ReturnItemDisposition,
  ShippingSpeedCategory,
} from './fba-outbound-order.enums';

@ObjectType()
export class FbaOutboundOrderItem {
  @Field(() => String, { nullable: true }) sellerSku?: string | null;
  @Field(() => String, { nullable: true }) sellerFulfillmentOrderItemId?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) giftMessage?: string | null;
  @Field(() => String, { nullable: true }) displayableComment?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentNetworkSku?: string | null;
  @Field(() => String, { nullable: true }) orderItemDisposition?: string | null;
  @Field(() => Int, { nullable: true }) cancelledQuantity?: number | null;
  @Field(() => Int, { nullable: true }) unfulfillableQuantity?: number | null;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedShipDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string | null;
  @Field(() => Money, { nullable: true }) perUnitPrice?: Money | null;
  @Field(() => Money, { nullable: true }) perUnitTax?: Money | null;
  @Field(() => Money, { nullable: true }) perUnitDeclaredValue?: Money | null;
}

@ObjectType()
export class LockerDetails {
  @Field(() => String, { nullable: true }) lockerNumber?: string | null;
  @Field(() => String, { nullable: true }) lockerAccessCode?: string | null;
}

@ObjectType()
export class DeliveryDocument {
  @Field(() => String, { nullable: true }) documentType?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

@ObjectType()
export class DeliveryInformation {
  @Field(() => [DeliveryDocument]) deliveryDocumentList!: DeliveryDocument[];
  @Field(() => DropOffLocation, { nullable: true }) dropOffLocation?: DropOffLocation | null;
}

@ObjectType({ description: 'Who took the package, and the photo of it delivered (2026-07-04).' })
export class ProofOfDelivery {
  @Field(() => String, { nullable: true }) deliveryPhotoUrl?: string | null;
  @Field(() => String, { nullable: true }) receivedBy?: string | null;
}

@ObjectType({ description: 'A package of a shipment; `packageNumber` is what `packageTracking` takes.' })
export class FbaShipmentPackage {
  @Field(() => String, {
    nullable: true,
    description:
      "The package's id as Amazon gives it (2026-07-04 names packages by string); the number as a string for 2020-07-01.",
  })
  packageId?: string | null;
  @Field(() => FbaPackageStatus.values, { nullable: true, description: 'Read through 2026-07-04 only.' }) status?:
    string | null;
  @Field(() => String, { nullable: true }) statusRaw?: string | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was (or is to be) delivered (2026-07-04).' })
  deliveryTime?: string | null;
  @Field(() => String, { nullable: true, description: "The carrier's (or Amazon's) tracking page (2026-07-04)." })
  trackingUrl?: string | null;
  @Field(() => ProofOfDelivery, { nullable: true }) proofOfDelivery?: ProofOfDelivery | null;
  @Field(() => Int, { nullable: true }) packageNumber?: number | null;
  @Field(() => String, { nullable: true }) carrierCode?: string | null;
  @Field(() => String, { nullable: true }) trackingNumber?: string | null;
  @Field(() => String, { nullable: true }) amazonFulfillmentTrackingNumber?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string | null;
  @Field(() => LockerDetails, { nullable: true }) lockerDetails?: LockerDetails | null;
  @Field(() => DeliveryInformation, { nullable: true }) deliveryInformation?: DeliveryInformation | null;
}

@ObjectType()
export class FbaShipmentItem {
  @Field(() => String, { nullable: true }) sellerSku?: string | null;
  @Field(() => String, { nullable: true }) sellerFulfillmentOrderItemId?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => Int, { nullable: true }) packageNumber?: number | null;
  @Field(() => String, { nullable: true }) serialNumber?: string | null;
  @Field(() => [String]) manufacturerLotCodes!: string[];
}

@ObjectType({ description: 'A shipment Amazon made, or plans to make, for the order.', implements: Node })
export class FbaShipment {
  // the shipment's identity (its global id is built from it): Amazon always sends it
  @Field(() => String) amazonShipmentId!: string;
  @Field(() => String, { nullable: true }) fulfillmentCenterId?: string | null;
  @Field(() => FbaShipmentStatus.values, { nullable: true }) fulfillmentShipmentStatus?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentShipmentStatusRaw?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) shippingDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) estimatedArrivalDate?: string | null;
  @Field(() => [String]) shippingNotes!: string[];
  @Field(() => [FbaShipmentItem]) items!: FbaShipmentItem[];
  @Field(() => [FbaShipmentPackage]) packages!: FbaShipmentPackage[];
}

@ObjectType()
export class FbaReturnItem {
  @Field(() => String, { nullable: true }) sellerReturnItemId?: string | null;
  @Field(() => String, { nullable: true }) sellerFulfillmentOrderItemId?: string | null;
  @Field(() => String, { nullable: true }) amazonShipmentId?: string | null;
  @Field(() => String, { nullable: true }) sellerReturnReasonCode?: string | null;
  @Field(() => String, { nullable: true }) returnComment?: string | null;
  @Field(() => String, { nullable: true }) amazonReturnReasonCode?: string | null;
  @Field(() => FbaReturnItemStatus.values, { nullable: true }) status?: string | null;
  @Field(() => String, { nullable: true }) statusRaw?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) statusChangedDate?: string | null;
  @Field(() => String, { nullable: true }) returnAuthorizationId?: string | null;
  @Field(() => ReturnItemDisposition.values, { nullable: true }) returnReceivedCondition?: string | null;
  @Field(() => String, { nullable: true }) returnReceivedConditionRaw?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentCenterId?: string | null;
}

@ObjectType()
export class FbaReturnAuthorization {
  @Field(() => String, { nullable: true }) returnAuthorizationId?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentCenterId?: string | null;
  @Field(() => FbaAddress, { nullable: true }) returnToAddress?: FbaAddress | null;
  @Field(() => String, { nullable: true }) amazonRmaId?: string | null;
  @Field(() => String, { nullable: true }) rmaPageURL?: string | null;
}

@ObjectType({ description: 'An item Amazon will not take back, and why.' })
export class FbaInvalidReturnItem {
  @Field(() => String, { nullable: true }) sellerReturnItemId?: string | null;
  @Field(() => String, { nullable: true }) sellerFulfillmentOrderItemId?: string | null;
  @Field(() => InvalidReturnItemReason.values, { nullable: true }) invalidItemReasonCode?: string | null;
  @Field(() => String, { nullable: true }) invalidItemReasonCodeRaw?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
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
  @Field(() => String, { nullable: true }) marketplaceId?: string | null;
  @Field(() => String, { nullable: true }) displayableOrderId?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) displayableOrderDate?: string | null;
  @Field(() => String, { nullable: true }) displayableOrderComment?: string | null;
  @Field(() => ShippingSpeedCategory.values, { nullable: true }) shippingSpeedCategory?: string | null;
  @Field(() => String, { nullable: true }) shippingSpeedCategoryRaw?: string | null;
  @Field(() => DeliveryWindow, { nullable: true }) deliveryWindow?: DeliveryWindow | null;
  @Field(() => FbaAddress, { nullable: true }) destinationAddress?: FbaAddress | null;
  @Field(() => FulfillmentAction.values, { nullable: true }) fulfillmentAction?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentActionRaw?: string | null;
  @Field(() => FulfillmentPolicy.values, { nullable: true }) fulfillmentPolicy?: string | null;
  @Field(() => String, { nullable: true }) fulfillmentPolicyRaw?: string | null;
  @Field(() => CodSettings, { nullable: true }) codSettings?: CodSettings | null;
  @Field(() => DateTimeResolver, { nullable: true }) receivedDate?: string | null;
  @Field(() => FbaOutboundOrderStatus.values, { nullable: true }) status?: string | null;
  @Field(() => String, { nullable: true }) statusRaw?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) statusUpdatedDate?: string | null;
  @Field(() => [String]) notificationEmails!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'The sales channel the order came from (2026-07-04; at most 40 characters).',
  })
  channel?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Where the order ships from, ISO 3166-1 alpha-2 (2026-07-04 names the origin instead of a marketplace).',
  })
  originCountryCode?: string | null;

  @Field(() => [FeatureConstraint]) featureConstraints!: FeatureConstraint[];
  // items, shipments, returnItems, returnAuthorizations and paymentInformation are field
  // resolvers: they come from `details` when the order was fetched whole, else from the loader.
  details?: FbaOutboundOrderDetails | null;
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
