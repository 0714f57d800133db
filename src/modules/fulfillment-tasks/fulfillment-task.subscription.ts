import { Args, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { TASK_ID } from '../../graphql/keys';
import { assertArgument } from '../../graphql/validation';
import { FulfillmentTaskArgs } from './fulfillment-task.args';
import { FulfillmentTask } from './fulfillment-task.type';
import { SELLER_ID } from './submit-fulfillment.input';
import type { AsRoot } from '../../graphql/root';

interface SubscribeData<A> {
  args: A;
  context: Context;
}

/**
 * Push instead of poll (docs/api.md, "Push: subscriptions"): the task's state now, then every change up to
 * the final one. The entry guard checks scope and seller first, as for queries. Served over
 * graphql-ws on /graphql and over Apollo Router's HTTP callback protocol.
 */
@Resolver()
export class FulfillmentTaskSubscription {
  @Subscription(() => FulfillmentTask, {
    description:
      'A task this gateway submitted: its state now, then every status change up to the final one (with results and summary), then the stream completes. Fed by the refresher: no upstream call per subscriber.',
    subscribe: ({ args, context }: SubscribeData<FulfillmentTaskArgs>) => {
      const { sellerId, taskId } = args;
      assertArgument(sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
      assertArgument(taskId, TASK_ID, ['taskId'], 'a positive integer of at most 20 digits');
      return context.events.tasks.follow(sellerId, taskId, {
        caller: context.caller,
        charge: context.charge,
        holdSubscription: context.holdSubscription,
        signal: context.signal,
        read: (id) => context.loaders.taskById(sellerId).load(id),
        readAgain: async (id) => (await context.lingxing.fulfillment.results(sellerId, [id])).get(id) ?? null,
      });
    },
  })
  fulfillmentTaskUpdated(
    @Root() task: AsRoot<FulfillmentTask>,
    // declared for the schema; the subscribe function above reads them
    @Args(() => FulfillmentTaskArgs) _args: FulfillmentTaskArgs,
  ): FulfillmentTask {
    return task;
  }
}
