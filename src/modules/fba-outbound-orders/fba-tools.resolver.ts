import { Arg, Args, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { objects } from '../../platform/objects';
import {
  toFbaOutboundOrderWhole,
  toFeatureSku,
  toFeatureSkuEligibility,
  toInvalidReturnItem,
  toPackageTracking,
  toReturnAuthorization,
  toReturnItem,
} from './v2020-07-01.to-schema';
import {
  DeliveryOffersArgs,
  FeatureInventoryArgs,
  FeatureSkuArgs,
  FulfillmentFeaturesArgs,
  FulfillmentPreviewArgs,
  PackageTrackingArgs,
  ReturnReasonCodesArgs,
} from './fba-outbound-order.args';
import { DeliveryOffer } from './delivery-offer.type';
import { FeatureSkuConnection, FeatureSkuEligibility, FulfillmentFeature, ReturnReasonCode } from './features.type';
import { FulfillmentPreview } from './fulfillment-preview.type';
import { CreateFbaFulfillmentReturnInput } from './fba-return.inputs';
import { PackageTracking } from './package-tracking.type';
import { CreateFbaFulfillmentReturnPayload } from './fba-outbound-order.payloads';
import { UserErrorCode } from '../../graphql/user-error.type';
import { assertValidInput, validateInput } from '../../graphql/validation';
import { BadUserInputError } from '../../errors';
import { spApiUserErrors } from './sp-api-user-errors';
import { connectionOverTokens } from '../../graphql/token-paging';
import { RequireSpApiSeller } from './sp-api-seller.middleware';

@Resolver(() => FulfillmentPreview)
export class FulfillmentPreviewResolver {
  @UseMiddleware(RequireSpApiSeller)
  @Query(() => [FulfillmentPreview], {
    description: 'What fulfilling these items to this address would look like, per shipping speed.',
  })
  async fulfillmentPreview(
    @Args(() => FulfillmentPreviewArgs) { sellerId, input }: FulfillmentPreviewArgs,
    @Ctx() ctx: Context,
  ): Promise<FulfillmentPreview[]> {
    await assertValidInput(input, 'input');
    return ctx.spApi.orders.preview(sellerId, input);
  }
}

@Resolver(() => DeliveryOffer)
export class DeliveryOfferResolver {
  @UseMiddleware(RequireSpApiSeller)
  @Query(() => [DeliveryOffer], { description: 'Delivery promises for a product shipped to a destination.' })
  async deliveryOffers(
    @Args(() => DeliveryOffersArgs) { sellerId, input }: DeliveryOffersArgs,
    @Ctx() ctx: Context,
  ): Promise<DeliveryOffer[]> {
    await assertValidInput(input, 'input');
    return ctx.spApi.orders.deliveryOffers(sellerId, input);
  }
}

@Resolver(() => PackageTracking)
export class PackageTrackingResolver {
  @UseMiddleware(RequireSpApiSeller)
  @Query(() => PackageTracking, {
    nullable: true,
    description: 'Carrier tracking for a package of a shipped order; null when Amazon does not know the package.',
  })
  async packageTracking(
    @Args(() => PackageTrackingArgs) { sellerId, packageNumber }: PackageTrackingArgs,
    @Ctx() ctx: Context,
  ): Promise<PackageTracking | null> {
    // Amazon's own examples use package 0: any non-negative number
    if (!Number.isInteger(packageNumber) || packageNumber < 0)
      throw new BadUserInputError('packageNumber must be a non-negative integer', ['packageNumber']);
    const details = await ctx.spApi.outbound.packageTracking(sellerId, packageNumber);
    return details && toPackageTracking(details);
  }
}

@Resolver(() => ReturnReasonCode)
export class FbaReturnResolver {
  @UseMiddleware(RequireSpApiSeller)
  @Query(() => [ReturnReasonCode], { description: 'The reasons a buyer may give for returning this SKU.' })
  async returnReasonCodes(
    @Args(() => ReturnReasonCodesArgs) args: ReturnReasonCodesArgs,
    @Ctx() ctx: Context,
  ): Promise<ReturnReasonCode[]> {
    if (!args.sellerSku.trim() || args.sellerSku.length > 50)
      throw new BadUserInputError('sellerSku must be 1 to 50 characters', ['sellerSku']);
    if (args.language != null && !/^[a-z]{2}_[A-Z]{2}$/.test(args.language))
      throw new BadUserInputError('language must be a locale such as en_US', ['language']);
    return ctx.spApi.outbound.returnReasonCodes(args.sellerId, {
      sellerSku: args.sellerSku,
      marketplaceId: args.marketplaceId,
      sellerFulfillmentOrderId: args.sellerFulfillmentOrderId,
      language: args.language,
    });
  }

  @Mutation(() => CreateFbaFulfillmentReturnPayload, {
    description:
      'Authorize returns of shipped items. Items Amazon refuses come back in invalidReturnItems and as userErrors.',
  })
  async createFbaFulfillmentReturn(
    @Arg('input', () => CreateFbaFulfillmentReturnInput) input: CreateFbaFulfillmentReturnInput,
    @Ctx() ctx: Context,
  ): Promise<CreateFbaFulfillmentReturnPayload> {
    const empty = { order: null, returnItems: [], invalidReturnItems: [], returnAuthorizations: [] };
    const userErrors = await validateInput(input);
    if (userErrors.length) return { ...empty, userErrors };
    let result;
    try {
      result = await ctx.spApi.outbound.createReturn(input.sellerId, input.sellerFulfillmentOrderId, input.items);
    } catch (error) {
      return { ...empty, userErrors: spApiUserErrors(error) };
    }
    // Amazon accepted the return: its RMA comes from this answer. The order is read again; when
    // that read lags or fails the order is null, never a refusal.
    const invalid = (result.invalidReturnItems ?? []).map(toInvalidReturnItem);
    const whole = await ctx.spApi.outbound.readBack(input.sellerId, input.sellerFulfillmentOrderId);
    const order = whole && toFbaOutboundOrderWhole(input.sellerId, whole);
    if (order)
      ctx.loaders
        .fbaOrderById(input.sellerId)
        .clear(input.sellerFulfillmentOrderId)
        .prime(input.sellerFulfillmentOrderId, order);
    return {
      order,
      returnItems: (result.returnItems ?? []).map(toReturnItem),
      invalidReturnItems: invalid,
      returnAuthorizations: (result.returnAuthorizations ?? []).map(toReturnAuthorization),
      userErrors: invalid.map((item) => {
        const index = input.items.findIndex((i) => i.sellerReturnItemId === item.sellerReturnItemId);
        return {
          field: index >= 0 ? ['items', String(index)] : ['items'],
          code: UserErrorCode.NOT_RETURNABLE,
          message: `${item.sellerReturnItemId}: ${item.description} (${item.invalidItemReasonCodeRaw})`,
        };
      }),
    };
  }
}

@Resolver(() => FulfillmentFeature)
export class FulfillmentFeatureResolver {
  @UseMiddleware(RequireSpApiSeller)
  @Query(() => [FulfillmentFeature], {
    description: 'Fulfillment features of a marketplace and whether the seller may use them.',
  })
  async fulfillmentFeatures(
    @Args(() => FulfillmentFeaturesArgs) { sellerId, marketplaceId }: FulfillmentFeaturesArgs,
    @Ctx() ctx: Context,
  ): Promise<FulfillmentFeature[]> {
    return ctx.spApi.outbound.features(sellerId, marketplaceId);
  }

  @UseMiddleware(RequireSpApiSeller)
  @Query(() => FeatureSkuConnection, {
    description: "SKUs eligible for a feature; pages through Amazon's nextToken for you.",
  })
  async featureInventory(
    @Args(() => FeatureInventoryArgs) args: FeatureInventoryArgs,
    @Ctx() ctx: Context,
  ): Promise<FeatureSkuConnection> {
    const connection = await connectionOverTokens(async (nextToken) => {
      const page = await ctx.spApi.outbound.featureInventory(args.sellerId, {
        marketplaceId: args.marketplaceId,
        featureName: args.featureName,
        nextToken,
        queryStartDate: nextToken ? undefined : args.updatedSince?.toISOString(),
      });
      return { items: objects(page.featureSkus).map(toFeatureSku), nextToken: page.nextToken };
    }, args);
    return { marketplaceId: args.marketplaceId, featureName: args.featureName, ...connection };
  }

  @UseMiddleware(RequireSpApiSeller)
  @Query(() => FeatureSkuEligibility, { description: 'Whether one SKU is eligible for a feature, and why not.' })
  async featureSku(
    @Args(() => FeatureSkuArgs) args: FeatureSkuArgs,
    @Ctx() ctx: Context,
  ): Promise<FeatureSkuEligibility> {
    return toFeatureSkuEligibility(await ctx.spApi.outbound.featureSku(args.sellerId, args));
  }
}
