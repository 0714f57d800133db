import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PaymentInformation } from './common.type';
import { FbaOutboundOrderArgs, FbaOutboundOrdersArgs } from './fba-outbound-order.args';
import { FbaOutboundOrderStatus } from './fba-outbound-order.enums';
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
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';
import { globalId } from '../../graphql/node';
import { validateInput } from '../../graphql/validation';
import { spApiUserErrors } from './sp-api-user-errors';
import { connectionOverTokens } from '../../graphql/token-paging';

@Resolver(() => FbaOutboundOrder)
export class FbaOutboundOrderResolver {
  @Query(() => FbaOutboundOrder, {
    nullable: true,
    description: 'One FBA outbound order; null when Amazon does not know it for this seller.',
  })
  fbaOutboundOrder(
    @Args(() => FbaOutboundOrderArgs) { sellerId, sellerFulfillmentOrderId }: FbaOutboundOrderArgs,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrder | null> {
    ctx.spApi.outbound.sellers.get(sellerId);
    return ctx.loaders.fbaOrderById(sellerId).load(sellerFulfillmentOrderId);
  }

  @Query(() => FbaOutboundOrderConnection, {
    description:
      "Orders whose status changed since `updatedSince`, newest pages last; pages through Amazon's nextToken for you.",
  })
  fbaOutboundOrders(
    @Args(() => FbaOutboundOrdersArgs) { sellerId, updatedSince, first, after }: FbaOutboundOrdersArgs,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderConnection> {
    ctx.spApi.outbound.sellers.get(sellerId);
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
    const payload = await ctx.services.fbaOrders.create(input);
    if (payload.order) this.prime(ctx, input.sellerId, payload.order);
    return payload;
  }

  @Mutation(() => FbaOutboundOrderPayload, {
    description: 'Change an order that is still on Hold; set fulfillmentAction SHIP to release it.',
  })
  async updateFbaOutboundOrder(
    @Arg('input', () => UpdateFbaOutboundOrderInput) input: UpdateFbaOutboundOrderInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    return this.changeOrder(ctx, input, () => ctx.spApi.orders.updateOrder(input));
  }

  @Mutation(() => FbaOutboundOrderPayload, { description: 'Cancel an order before Amazon starts processing it.' })
  async cancelFbaOutboundOrder(
    @Arg('input', () => CancelFbaOutboundOrderInput) input: CancelFbaOutboundOrderInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    return this.changeOrder(
      ctx,
      input,
      () => ctx.spApi.orders.cancelOrder(input.sellerId, input.sellerFulfillmentOrderId),
      FbaOutboundOrderStatus.values.CANCELLED,
    );
  }

  @Mutation(() => FbaOutboundOrderPayload, {
    description: 'Sandbox sellers only: move an order to a status, to try the states a real order goes through.',
  })
  async sandboxSetFbaOutboundOrderStatus(
    @Arg('input', () => SandboxSetFbaOutboundOrderStatusInput) input: SandboxSetFbaOutboundOrderStatusInput,
    @Ctx() ctx: Context,
  ): Promise<FbaOutboundOrderPayload> {
    return this.changeOrder(ctx, input, async () => {
      if (!ctx.spApi.outbound.sellers.get(input.sellerId).sandbox) {
        return [
          {
            field: ['sellerId'],
            code: UserErrorCode.SANDBOX_ONLY,
            message: `seller ${input.sellerId} is not on a sandbox endpoint`,
          },
        ];
      }
      await ctx.spApi.orders.setSandboxStatus(input.sellerId, input.sellerFulfillmentOrderId, input.status);
      return [];
    });
  }

  @FieldResolver(() => [FbaOutboundOrderItem])
  async items(@Root() order: FbaOutboundOrder, @Ctx() ctx: Context): Promise<FbaOutboundOrderItem[]> {
    return (await this.details(order, ctx)).items;
  }

  @FieldResolver(() => [FbaShipment], { description: 'Shipments with their packages.' })
  async shipments(@Root() order: FbaOutboundOrder, @Ctx() ctx: Context): Promise<FbaShipment[]> {
    return (await this.details(order, ctx)).shipments;
  }

  @FieldResolver(() => [FbaReturnItem])
  async returnItems(@Root() order: FbaOutboundOrder, @Ctx() ctx: Context): Promise<FbaReturnItem[]> {
    return (await this.details(order, ctx)).returnItems;
  }

  @FieldResolver(() => [FbaReturnAuthorization])
  async returnAuthorizations(@Root() order: FbaOutboundOrder, @Ctx() ctx: Context): Promise<FbaReturnAuthorization[]> {
    return (await this.details(order, ctx)).returnAuthorizations;
  }

  @FieldResolver(() => [PaymentInformation])
  async paymentInformation(@Root() order: FbaOutboundOrder, @Ctx() ctx: Context): Promise<PaymentInformation[]> {
    return (await this.details(order, ctx)).paymentInformation;
  }

  /**
   * Validates, carries out one change at Amazon, and answers with the order as it is now; refusals
   * are userErrors. Once Amazon accepted the change (2xx) it is a success whatever the read back
   * does: the order as Amazon returns it, or, when its read lags or fails, the state the change
   * was accepted into (`acceptedStatus`) and nothing else.
   */
  private async changeOrder(
    ctx: Context,
    input: { sellerId: string; sellerFulfillmentOrderId: string },
    change: () => Promise<UserError[] | void>,
    acceptedStatus: string | null = null,
  ): Promise<FbaOutboundOrderPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length) return { order: null, userErrors };
    try {
      const refused = await change();
      if (refused?.length) return { order: null, userErrors: refused };
    } catch (error) {
      return { order: null, userErrors: spApiUserErrors(error) };
    }
    const { sellerId, sellerFulfillmentOrderId } = input;
    const order = await this.readAfterWrite(ctx, sellerId, sellerFulfillmentOrderId);
    return {
      order: order ?? {
        sellerId,
        sellerFulfillmentOrderId,
        status: acceptedStatus,
        statusRaw: null,
        notificationEmails: [],
        featureConstraints: [],
      },
      userErrors: [],
    };
  }

  /** The order right after a write, read again until Amazon returns it (or null); primes this request's loader. */
  private async readAfterWrite(ctx: Context, sellerId: string, id: string): Promise<FbaOutboundOrder | null> {
    const order = await ctx.spApi.orders.readBack(sellerId, id);
    return order && this.prime(ctx, sellerId, order);
  }

  @FieldResolver(() => ID)
  id(@Root() order: FbaOutboundOrder): string {
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

  private prime(ctx: Context, sellerId: string, order: FbaOutboundOrder): FbaOutboundOrder {
    ctx.loaders
      .fbaOrderById(sellerId)
      .clear(order.sellerFulfillmentOrderId)
      .prime(order.sellerFulfillmentOrderId, order);
    return order;
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
