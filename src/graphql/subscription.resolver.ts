import { Args, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from './context';
import { FbaOutboundOrderArgs } from '../modules/fba-outbound-orders/fba-outbound-order.args';
import { FbaOutboundOrder } from '../modules/fba-outbound-orders/fba-outbound-order.type';
import { FulfillmentTaskArgs } from '../modules/fulfillment-tasks/fulfillment-task.args';
import { FulfillmentTask } from '../modules/fulfillment-tasks/fulfillment-task.type';
import { SELLER_ID } from '../modules/fulfillment-tasks/submit-fulfillment.input';
import { assertArgument } from './validation';
import { TASK_ID } from './keys';

interface SubscribeData<A> {
  args: A;
  context: Context;
}

/**
 * Push instead of poll (shared/API.md, "Push: subscriptions"). Both streams start with the current
 * state and complete after a final one; the entry guard checks scope and seller first, as for
 * queries. Served over graphql-ws on /graphql and over Apollo Router's HTTP callback protocol.
 */
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => FulfillmentTask, {
    description:
      'A task this gateway submitted: its state now, then every status change up to the final one (with results and summary), then the stream completes. Fed by the refresher: no upstream call per subscriber.',
    subscribe: ({ args, context }: SubscribeData<FulfillmentTaskArgs>) => {
      assertArgument(args.sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
      assertArgument(args.taskId, TASK_ID, ['taskId'], 'a positive integer of at most 20 digits');
      context.access.requireSeller(args.sellerId);
      return context.events.tasks.follow(args.sellerId, args.taskId, context);
    },
  })
  fulfillmentTaskUpdated(
    @Root() task: FulfillmentTask,
    // declared for the schema; the subscribe function above reads them
    @Args(() => FulfillmentTaskArgs) _args: FulfillmentTaskArgs,
  ): FulfillmentTask {
    return task;
  }

  @Subscription(() => FbaOutboundOrder, {
    description:
      'An FBA outbound order: as it is now, then as it is after each change Amazon announces (FULFILLMENT_ORDER_STATUS notifications) or a slow reconciliation read finds; completes once the order is final. Each event is the order read fresh.',
    subscribe: ({ args, context }: SubscribeData<FbaOutboundOrderArgs>) => {
      assertArgument(args.sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
      context.access.requireSeller(args.sellerId);
      context.spApi.outbound.sellers.get(args.sellerId);
      return context.events.fbaOrders.follow(args.sellerId, args.sellerFulfillmentOrderId, context);
    },
  })
  fbaOutboundOrderUpdated(
    @Root() order: FbaOutboundOrder,
    @Args(() => FbaOutboundOrderArgs) _args: FbaOutboundOrderArgs,
  ): FbaOutboundOrder {
    return order;
  }
}
