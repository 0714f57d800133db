import { DateTimeResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DeliveryOffersInput, FulfillmentPreviewInput } from './fulfillment-preview.inputs';

@ArgsType()
export class SellerArgs {
  @Field(() => String, { description: 'The Amazon merchant id; it selects the SP-API authorization.' })
  sellerId!: string;
}

@ArgsType()
export class FbaOutboundOrderArgs extends SellerArgs {
  @Field(() => ID) sellerFulfillmentOrderId!: string;
}

@ArgsType()
export class PageArgs extends SellerArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100; default 20.' }) first?: number;
  @Field(() => String, { nullable: true, description: 'An opaque cursor from a previous page.' }) after?: string;
}

@ArgsType()
export class FbaOutboundOrdersArgs extends PageArgs {
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: "Orders whose status changed at or after this time (default: Amazon's, 36 hours ago).",
  })
  updatedSince?: Date;
}

@ArgsType()
export class FulfillmentPreviewArgs extends SellerArgs {
  @Field(() => FulfillmentPreviewInput) input!: FulfillmentPreviewInput;
}

@ArgsType()
export class DeliveryOffersArgs extends SellerArgs {
  @Field(() => DeliveryOffersInput) input!: DeliveryOffersInput;
}

@ArgsType()
export class PackageTrackingArgs extends SellerArgs {
  @Field(() => Int, { description: "A `packageNumber` from an order's shipments." }) packageNumber!: number;
}

@ArgsType()
export class ReturnReasonCodesArgs extends SellerArgs {
  @Field(() => String) sellerSku!: string;
  @Field(() => String, { nullable: true }) marketplaceId?: string;
  @Field(() => ID, { nullable: true }) sellerFulfillmentOrderId?: string;
  @Field(() => String, { nullable: true, description: 'e.g. `en_US`; optional, as in the model.' })
  language?: string;
}

@ArgsType()
export class FulfillmentFeaturesArgs extends SellerArgs {
  @Field(() => String) marketplaceId!: string;
}

@ArgsType()
export class FeatureInventoryArgs extends PageArgs {
  @Field(() => String) marketplaceId!: string;
  @Field(() => String) featureName!: string;
  @Field(() => DateTimeResolver, { nullable: true }) updatedSince?: Date;
}

@ArgsType()
export class FeatureSkuArgs extends SellerArgs {
  @Field(() => String) marketplaceId!: string;
  @Field(() => String) featureName!: string;
  @Field(() => String) sellerSku!: string;
}
