import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { DeliveryWindow, FeatureConstraint, Money, Weight } from './common.type';
import { FulfillmentFeeName, ShippingSpeedCategory } from './enums';

@ObjectType()
export class FulfillmentFee {
  @Field(() => FulfillmentFeeName.values) name!: string;
  @Field(() => String) nameRaw!: string;
  @Field(() => Money) amount!: Money;
}

@ObjectType()
export class ScheduledDeliveryInfo {
  @Field(() => String) deliveryTimeZone!: string;
  @Field(() => [DeliveryWindow]) deliveryWindows!: DeliveryWindow[];
}

@ObjectType()
export class FulfillmentPreviewItem {
  @Field(() => String) sellerSku!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String) sellerFulfillmentOrderItemId!: string;
  @Field(() => Weight, { nullable: true }) estimatedShippingWeight?: Weight;
  @Field(() => String, { nullable: true, description: 'Package or Dimensional.' })
  shippingWeightCalculationMethod?: string;
}

@ObjectType()
export class FulfillmentPreviewShipment {
  @Field(() => DateTimeResolver, { nullable: true }) earliestShipDate?: string;
  @Field(() => DateTimeResolver, { nullable: true }) latestShipDate?: string;
  @Field(() => DateTimeResolver, { nullable: true }) earliestArrivalDate?: string;
  @Field(() => DateTimeResolver, { nullable: true }) latestArrivalDate?: string;
  @Field(() => [String]) shippingNotes!: string[];
  @Field(() => [FulfillmentPreviewItem]) fulfillmentPreviewItems!: FulfillmentPreviewItem[];
}

@ObjectType()
export class UnfulfillablePreviewItem {
  @Field(() => String) sellerSku!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String) sellerFulfillmentOrderItemId!: string;
  @Field(() => [String]) itemUnfulfillableReasons!: string[];
}

@ObjectType({ description: 'What fulfilling an order at one shipping speed would look like.' })
export class FulfillmentPreview {
  @Field(() => ShippingSpeedCategory.values) shippingSpeedCategory!: string;
  @Field(() => String) shippingSpeedCategoryRaw!: string;
  @Field(() => ScheduledDeliveryInfo, { nullable: true }) scheduledDeliveryInfo?: ScheduledDeliveryInfo;
  @Field(() => Boolean) isFulfillable!: boolean;
  @Field(() => Boolean) isCODCapable!: boolean;
  @Field(() => Weight, { nullable: true }) estimatedShippingWeight?: Weight;
  @Field(() => [FulfillmentFee]) estimatedFees!: FulfillmentFee[];
  @Field(() => [FulfillmentPreviewShipment]) fulfillmentPreviewShipments!: FulfillmentPreviewShipment[];
  @Field(() => [UnfulfillablePreviewItem]) unfulfillablePreviewItems!: UnfulfillablePreviewItem[];
  @Field(() => [String]) orderUnfulfillableReasons!: string[];
  @Field(() => String) marketplaceId!: string;
  @Field(() => [FeatureConstraint]) featureConstraints!: FeatureConstraint[];
}
