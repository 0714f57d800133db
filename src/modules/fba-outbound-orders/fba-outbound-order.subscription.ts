import { Args, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { assertArgument } from '../../graphql/validation';
import { SELLER_ID } from '../fulfillment-tasks/submit-fulfillment.input';
import { FbaOutboundOrderArgs } from './fba-outbound-order.args';
import { FbaOutboundOrder } from './fba-outbound-order.type';
import type { AsRoot } from '../../graphql/root';

interface SubscribeData<A> {
  args: A;
  context: Context;
}

/** Push instead of poll (docs/api.md, "Push: subscriptions"): the order now, then as it is after each change. */
@Resolver()
export class FbaOutboundOrderSubscription {
  @Subscription(() => FbaOutboundOrder, {
    description:
      'An FBA outbound order: as it is now, then as it is after each change Amazon announces (FULFILLMENT_ORDER_STATUS notifications) or a slow reconciliation read finds; completes once the order is final. Each event is the order read fresh.',
    subscribe: ({ args, context }: SubscribeData<FbaOutboundOrderArgs>) => {
      assertArgument(args.sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
      context.spApi.outbound.sellers.requireKnown(args.sellerId);
      return context.events.fbaOrders.follow(args.sellerId, args.sellerFulfillmentOrderId, {
        caller: context.caller,
        charge: context.charge,
        holdSubscription: context.holdSubscription,
        signal: context.signal,
      });
    },
  })
  fbaOutboundOrderUpdated(
    @Root() order: AsRoot<FbaOutboundOrder>,
    @Args(() => FbaOutboundOrderArgs) _args: FbaOutboundOrderArgs,
  ): FbaOutboundOrder {
    return order;
  }
}
