import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { globalId } from '../../graphql/node';
import type { Context } from '../../graphql/context';
import { McfOrderArgs, McfOrdersArgs } from './mcf-order.args';
import { CreateMcfOrderInput } from './mcf-order.inputs';
import { CreateMcfOrderPayload, McfOrder, McfOrderConnection } from './mcf-order.type';
import { toMcfOrder } from './mcf-order.service';
import { validateInput } from '../../graphql/validation';
import { keysetConnection } from '../../graphql/keyset-paging';
import { mcfOrderKey } from '../../store/repository';
import type { AsRoot } from '../../graphql/root';

@Resolver(() => McfOrder)
export class McfOrderResolver {
  @Mutation(() => CreateMcfOrderPayload, {
    description:
      'Create an Amazon multi-channel order through the ERP. With an idempotencyKey, a retry returns the first result.',
  })
  async createMcfOrder(
    @Arg('input', () => CreateMcfOrderInput) input: CreateMcfOrderInput,
    @Ctx() ctx: Context,
  ): Promise<CreateMcfOrderPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length) return { order: null, userErrors };
    return ctx.services.mcfOrders.create(input);
  }

  @FieldResolver(() => ID)
  id(@Root() order: AsRoot<McfOrder>): string {
    return globalId('McfOrder', order.storeName, order.orderId);
  }

  @Query(() => McfOrder, { nullable: true, description: 'An MCF order this gateway created; null if it did not.' })
  mcfOrder(
    @Args(() => McfOrderArgs) { storeName, orderId }: McfOrderArgs,
    @Ctx() ctx: Context,
  ): Promise<McfOrder | null> {
    return ctx.loaders.mcfOrderById.load(mcfOrderKey(storeName, orderId));
  }

  @Query(() => McfOrderConnection, { description: 'MCF orders this gateway created, newest first.' })
  mcfOrders(
    @Args(() => McfOrdersArgs) { storeName, first, after }: McfOrdersArgs,
    @Ctx() ctx: Context,
  ): Promise<McfOrderConnection> {
    return keysetConnection(
      { first, after },
      (limit, position) =>
        ctx.store.recentMcfOrders({
          storeName,
          // without a storeName: only the caller's own stores
          storeNames: ctx.access.stores === '*' ? undefined : [...ctx.access.stores],
          limit,
          after: position,
        }),
      (o) => ({ createdAt: o.createdAt, id: `${o.storeName}/${o.orderId}` }),
      (page) => page.map(toMcfOrder),
    );
  }
}
