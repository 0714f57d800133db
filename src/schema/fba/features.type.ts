import { Field, Float, ObjectType } from 'type-graphql';
import { PageInfo } from './common.type';

@ObjectType()
export class ReturnReasonCode {
  @Field(() => String) returnReasonCode!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) translatedDescription?: string;
}

@ObjectType({ description: 'A fulfillment feature (e.g. BLANK_BOX) and whether the seller may use it.' })
export class FulfillmentFeature {
  @Field(() => String) featureName!: string;
  @Field(() => String) featureDescription!: string;
  @Field(() => Boolean, { nullable: true }) sellerEligible?: boolean;
}

@ObjectType()
export class FeatureSku {
  @Field(() => String, { nullable: true }) sellerSku?: string;
  @Field(() => String, { nullable: true }) fnSku?: string;
  @Field(() => String, { nullable: true }) asin?: string;
  @Field(() => Float, { nullable: true }) skuCount?: number;
  @Field(() => [String]) overlappingSkus!: string[];
}

@ObjectType()
export class FeatureSkuEdge {
  @Field(() => String) cursor!: string;
  @Field(() => FeatureSku) node!: FeatureSku;
}

@ObjectType()
export class FeatureSkuConnection {
  @Field(() => String) marketplaceId!: string;
  @Field(() => String) featureName!: string;
  @Field(() => [FeatureSkuEdge]) edges!: FeatureSkuEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'Whether one SKU is eligible for a fulfillment feature.' })
export class FeatureSkuEligibility {
  @Field(() => String) marketplaceId!: string;
  @Field(() => String) featureName!: string;
  @Field(() => Boolean) isEligible!: boolean;
  @Field(() => [String]) ineligibleReasons!: string[];
  @Field(() => String, { nullable: true }) sellerSku?: string;
  @Field(() => String, { nullable: true }) fnSku?: string;
  @Field(() => String, { nullable: true }) asin?: string;
  @Field(() => Float, { nullable: true }) skuCount?: number;
}
