import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PaymentInformation } from './common.type';
import { FbaOutboundOrderArgs, FbaOutboundOrdersArgs } from './fba-outbound-order.args';
import {
  FbaOutboundOrder,
  FbaOutboundOrderConnection,
  FbaOutboundOrderItem,
  FbaReturnAuthorization,
  FbaReturnItem,
  FbaShipment,
  type FbaOutboundOrderDetails,
} from './fba-outbound-order.type';
import {
  CancelFbaOutboundOrderInput,
  CreateFbaOutboundOrderInput,
  SandboxSetFbaOutboundOrderStatusInput,
  UpdateFbaOutboundOrderInput,
} from './fba-outbound-order.inputs';
import { FbaOutboundOrderPayload } from './fba-outbound-order.payloads';
import { globalId } from '../../graphql/node';
import { validateInput } from '../../graphql/validation';
import { connectionOverTokens } from '../../graphql/token-paging';
import { RequireSpApiSeller } from './sp-api-seller.middleware';
import type { AsRoot } from '../../graphql/root';

@Resolver(() => FbaOutboundOrder)
export class FbaOutboundOrderResolver {
  @UseMiddleware(RequireSpApiSeller)
  @Query(() => FbaOutboundOrder, {
    nullable: true,
    description: 'One FBA outbound order; null when Amazon does not know it for this seller.',
  })
  fbaOutboundOrder(
    @Args(() => FbaOutboundOrderArgs) { sellerId, sellerFulfillmentOrderId }: FbaOutboundOrderArgs,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrder | null> {
    return ctx.loaders.fbaOrderById(sellerId).load(sellerFulfillmentOrderId);
  }

  @UseMiddleware(RequireSpApiSeller)
  @Query(() => FbaOutboundOrderConnection, {
    description:
      "Orders whose status changed since `updatedSince`, newest pages last; pages through Amazon's nextToken for you.",
  })
  fbaOutboundOrders(
    @Args(() => FbaOutboundOrdersArgs) { sellerId, updatedSince, first, after }: FbaOutboundOrdersArgs,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderConnection> {
    return connectionOverTokens(
      (nextToken) => ctx.spApi.orders.listOrders(sellerId, { updatedSince: updatedSince?.toISOString(), nextToken }),
      { first, after },
    );
  }

  @Mutation(() => FbaOutboundOrderPayload, {
    description: 'Create a multi-channel fulfillment order. Safe to retry: a repeat of the same order returns it.',
  })
  async createFbaOutboundOrder(
    @Arg('input', () => CreateFbaOutboundOrderInput) input: CreateFbaOutboundOrderInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length) return { order: null, userErrors };
    return this.primed(ctx, await ctx.services.fbaOrders.create(input));
  }

  @Mutation(() => FbaOutboundOrderPayload, {
    description: 'Change an order that is still on Hold; set fulfillmentAction SHIP to release it.',
  })
  async updateFbaOutboundOrder(
    @Arg('input', () => UpdateFbaOutboundOrderInput) input: UpdateFbaOutboundOrderInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length) return { order: null, userErrors };
    return this.primed(ctx, await ctx.services.fbaOrders.update(input));
  }

  @Mutation(() => FbaOutboundOrderPayload, { description: 'Cancel an order before Amazon starts processing it.' })
  async cancelFbaOutboundOrder(
    @Arg('input', () => CancelFbaOutboundOrderInput) input: CancelFbaOutboundOrderInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length) return { order: null, userErrors };
    return this.primed(ctx, await ctx.services.fbaOrders.cancel(input));
  }

  @Mutation(() => FbaOutboundOrderPayload, {
    description: 'Sandbox sellers only: move an order to a status, to try the states a real order goes through.',
  })
  async sandboxSetFbaOutboundOrderStatus(
    @Arg('input', () => SandboxSetFbaOutboundOrderStatusInput) input: SandboxSetFbaOutboundOrderStatusInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length) return { order: null, userErrors };
    return this.primed(ctx, await ctx.services.fbaOrders.setSandboxStatus(input));
  }

  @FieldResolver(() => [FbaOutboundOrderItem])
  async items(@Root() order: AsRoot<FbaOutboundOrder>, @Ctx() ctx: Context): Promise<FbaOutboundOrderItem[]> {
    return (await this.details(order, ctx)).items;
  }

  @FieldResolver(() => [FbaShipment], { description: 'Shipments with their packages.' })
  async shipments(@Root() order: AsRoot<FbaOutboundOrder>, @Ctx() ctx: Context): Promise<FbaShipment[]> {
    return (await this.details(order, ctx)).shipments;
  }

  @FieldResolver(() => [FbaReturnItem])
  async returnItems(@Root() order: AsRoot<FbaOutboundOrder>, @Ctx() ctx: Context): Promise<FbaReturnItem[]> {
    return (await this.details(order, ctx)).returnItems;
  }

  @FieldResolver(() => [FbaReturnAuthorization])
  async returnAuthorizations(
    @Root() order: AsRoot<FbaOutboundOrder>,
    @Ctx() ctx: Context,
  ): Promise<FbaReturnAuthorization[]> {
    return (await this.details(order, ctx)).returnAuthorizations;
  }

  @FieldResolver(() => [PaymentInformation])
  async paymentInformation(
    @Root() order: AsRoot<FbaOutboundOrder>,
    @Ctx() ctx: Context,
  ): Promise<PaymentInformation[]> {
    return (await this.details(order, ctx)).paymentInformation;
  }

  @FieldResolver(() => ID)
  id(@Root() order: AsRoot<FbaOutboundOrder>): string {
    return globalId('FbaOutboundOrder', order.sellerId, order.sellerFulfillmentOrderId);
  }

  /** Orders from a list lack items, shipments and returns: load them whole, once per id. */
  private async details(order: FbaOutboundOrder, ctx: Context): Promise<FbaOutboundOrderDetails> {
    if (order.details) return order.details;
    const whole = await ctx.loaders.fbaOrderById(order.sellerId).load(order.sellerFulfillmentOrderId);
    return (
      whole?.details ?? { items: [], shipments: [], returnItems: [], returnAuthorizations: [], paymentInformation: [] }
    );
  }

  /**
   * A whole order a mutation answers is this request's copy of it: later fields read it, not Amazon
   * again. (An order known only by the state a change was accepted into is not whole: its fields
   * read Amazon.)
   */
  private primed(ctx: Context, payload: FbaOutboundOrderPayload): FbaOutboundOrderPayload {
    const order = payload.order;
    if (order?.details)
      ctx.loaders
        .fbaOrderById(order.sellerId)
        .clear(order.sellerFulfillmentOrderId)
        .prime(order.sellerFulfillmentOrderId, order);
    return payload;
  }
}

/** FbaShipment as the mapper builds it: the order's key rides along. */
type FbaShipmentRoot = FbaShipment & { sellerId?: string; sellerFulfillmentOrderId?: string };

@Resolver(() => FbaShipment)
export class FbaShipmentResolver {
  @FieldResolver(() => ID)
  id(@Root() shipment: FbaShipmentRoot): string {
    return globalId(
      'FbaShipment',
      shipment.sellerId ?? '',
      shipment.sellerFulfillmentOrderId ?? '',
      shipment.amazonShipmentId,
    );
  }
}
