import { Field, Float, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type';

@ObjectType()
export class ReturnReasonCode {
  @Field(() => String, { nullable: true }) returnReasonCode?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) translatedDescription?: string | null;
}

@ObjectType({ description: 'A fulfillment feature (e.g. BLANK_BOX) and whether the seller may use it.' })
export class FulfillmentFeature {
  @Field(() => String, { nullable: true }) featureName?: string | null;
  @Field(() => String, { nullable: true }) featureDescription?: string | null;
  @Field(() => Boolean, { nullable: true }) sellerEligible?: boolean | null;
}

@ObjectType()
export class FeatureSku {
  @Field(() => String, { nullable: true }) sellerSku?: string | null;
  @Field(() => String, { nullable: true }) fnSku?: string | null;
  @Field(() => String, { nullable: true }) asin?: string | null;
  @Field(() => Float, { nullable: true }) skuCount?: number | null;
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
  @Field(() => String, { nullable: true }) marketplaceId?: string | null;
  @Field(() => String, { nullable: true }) featureName?: string | null;
  @Field(() => Boolean, { nullable: true }) isEligible?: boolean | null;
  @Field(() => [String]) ineligibleReasons!: string[];
  @Field(() => String, { nullable: true }) sellerSku?: string | null;
  @Field(() => String, { nullable: true }) fnSku?: string | null;
  @Field(() => String, { nullable: true }) asin?: string | null;
  @Field(() => Float, { nullable: true }) skuCount?: number | null;
}
