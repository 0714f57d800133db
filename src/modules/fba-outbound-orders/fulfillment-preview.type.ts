import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DeliveryWindow, FeatureConstraint, Money, Weight } from './common.type';
import { FulfillmentFeeName, ShippingSpeedCategory } from './fba-outbound-order.enums';

@ObjectType()
export class FulfillmentFee {
  @Field(() => FulfillmentFeeName.values, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) nameRaw?: string | null;
  @Field(() => Money, { nullable: true }) amount?: Money | null;
}

@ObjectType()
export class ScheduledDeliveryInfo {
  @Field(() => String, { nullable: true }) deliveryTimeZone?: string | null;
  @Field(() => [DeliveryWindow]) deliveryWindows!: DeliveryWindow[];
}

@ObjectType()
export class FulfillmentPreviewItem {
  @Field(() => String, { nullable: true }) sellerSku?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) sellerFulfillmentOrderItemId?: string | null;
  @Field(() => Weight, { nullable: true }) estimatedShippingWeight?: Weight | null;
  @Field(() => String, { nullable: true, description: 'Package or Dimensional.' })
  shippingWeightCalculationMethod?: string | null;
}

@ObjectType()
export class FulfillmentPreviewShipment {
  @Field(() => DateTimeResolver, { nullable: true }) earliestShipDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) latestShipDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) earliestArrivalDate?: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) latestArrivalDate?: string | null;
  @Field(() => [String]) shippingNotes!: string[];
  @Field(() => [FulfillmentPreviewItem]) fulfillmentPreviewItems!: FulfillmentPreviewItem[];
}

@ObjectType()
export class UnfulfillablePreviewItem {
  @Field(() => String, { nullable: true }) sellerSku?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) sellerFulfillmentOrderItemId?: string | null;
  @Field(() => [String]) itemUnfulfillableReasons!: string[];
}

@ObjectType({ description: 'What fulfilling an order at one shipping speed would look like.' })
export class FulfillmentPreview {
  @Field(() => ShippingSpeedCategory.values, { nullable: true }) shippingSpeedCategory?: string | null;
  @Field(() => String, { nullable: true }) shippingSpeedCategoryRaw?: string | null;
  @Field(() => ScheduledDeliveryInfo, { nullable: true }) scheduledDeliveryInfo?: ScheduledDeliveryInfo | null;
  @Field(() => Boolean, { nullable: true }) isFulfillable?: boolean | null;
  @Field(() => Boolean, { nullable: true }) isCODCapable?: boolean | null;
  @Field(() => Weight, { nullable: true }) estimatedShippingWeight?: Weight | null;
  @Field(() => [FulfillmentFee]) estimatedFees!: FulfillmentFee[];
  @Field(() => [FulfillmentPreviewShipment]) fulfillmentPreviewShipments!: FulfillmentPreviewShipment[];
  @Field(() => [UnfulfillablePreviewItem]) unfulfillablePreviewItems!: UnfulfillablePreviewItem[];
  @Field(() => [String]) orderUnfulfillableReasons!: string[];
  @Field(() => String, { nullable: true }) marketplaceId?: string | null;
  @Field(() => [FeatureConstraint]) featureConstraints!: FeatureConstraint[];
}
