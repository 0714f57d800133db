import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toFulfillmentTask } from './fulfillment-task.mapping';
import { BadUserInputError } from '../../errors';
import { FulfillmentTaskArgs, FulfillmentTasksArgs } from './fulfillment-task.args';
import { FulfillmentTaskConnection, RecentFulfillmentTasksArgs } from './fulfillment-task-connection.type';
import type { FulfillmentTaskStatus } from './fulfillment-task-status.enum';
import { FulfillmentTask } from './fulfillment-task.type';
import { MessageResult } from './message-result.type';
import { TASK_ID } from '../../graphql/keys';
import { globalId } from '../../graphql/node';
import { ShipmentConfirmation } from './shipment-confirmation.type';
import { SELLER_ID, SubmitFulfillmentInput } from './submit-fulfillment.input';
import { SubmitFulfillmentPayload } from './submit-fulfillment.payload';
import { assertArgument, validateInput } from '../../graphql/validation';
import { keysetConnection } from '../../graphql/keyset-paging';
import type { AsRoot } from '../../graphql/root';

/** fulfillmentTasks takes at most this many ids: ten getFulfillmentResult calls. */
export const MAX_TASK_IDS_PER_QUERY = 100;

@Resolver(() => FulfillmentTask)
export class FulfillmentTaskResolver {
  @Query(() => FulfillmentTask, {
    nullable: true,
    description: 'One shipment-confirmation task; null when the ERP does not know it for this seller.',
  })
  async fulfillmentTask(
    @Args(() => FulfillmentTaskArgs) { sellerId, taskId }: FulfillmentTaskArgs,
    @Ctx() ctx: Context,
  ): Promise<FulfillmentTask | null> {
    assertArgument(sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
    assertArgument(taskId, TASK_ID, ['taskId'], 'a positive integer of at most 20 digits');
    const result = await ctx.loaders.taskById(sellerId).load(taskId);
    return result && toFulfillmentTask(sellerId, result);
  }

  @Query(() => [FulfillmentTask], {
    nullable: 'items',
    description: `Several tasks: one entry per id, in order, null where not found. At most ${MAX_TASK_IDS_PER_QUERY} ids.`,
  })
  async fulfillmentTasks(
    @Args(() => FulfillmentTasksArgs) { sellerId, taskIds }: FulfillmentTasksArgs,
    @Ctx() ctx: Context,
  ): Promise<Array<FulfillmentTask | null | Error>> {
    assertArgument(sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
    if (taskIds.length > MAX_TASK_IDS_PER_QUERY)
      throw new BadUserInputError(`taskIds must hold at most ${MAX_TASK_IDS_PER_QUERY} ids`, ['taskIds']);
    taskIds.forEach((id, i) =>
      assertArgument(id, TASK_ID, ['taskIds', String(i)], 'a positive integer of at most 20 digits'),
    );
    const results = await ctx.loaders.taskById(sellerId).loadMany(taskIds);
    // a failed batch fails only its own entries: graphql-js reports an Error item at its index
    return results.map((r) => (r instanceof Error || r === null ? r : toFulfillmentTask(sellerId, r)));
  }

  @Query(() => FulfillmentTaskConnection, {
    description: 'Tasks this gateway submitted for the seller, newest first; the ERP itself cannot list them.',
  })
  async recentFulfillmentTasks(
    @Args(() => RecentFulfillmentTasksArgs) { sellerId, status, first, after }: RecentFulfillmentTasksArgs,
    @Ctx() ctx: Context,
  ): Promise<FulfillmentTaskConnection> {
    assertArgument(sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
    return keysetConnection(
      { first, after },
      (limit, position) => ctx.store.recentTasks(sellerId, { status, limit, after: position }),
      (stored) => ({ createdAt: stored.createdAt, id: stored.taskId }),
      async (page) => {
        // live state for the page, batched ten ids per ERP call; the registry answers when the ERP does not
        const live = await ctx.loaders.taskById(sellerId).loadMany(page.map((t) => t.taskId));
        return page.map((stored, i) => {
          const r = live[i];
          return r && !(r instanceof Error)
            ? toFulfillmentTask(sellerId, r, stored.shipments)
            : toFulfillmentTask(
                sellerId,
                {
                  taskId: stored.taskId,
                  status: stored.status as FulfillmentTaskStatus,
                  failureReason: stored.failureReason,
                  feedStatusCode: stored.feedStatusCode,
                  shipTime: null,
                  summary: null,
                  results: [],
                },
                stored.shipments,
              );
        });
      },
    );
  }

  @Mutation(() => SubmitFulfillmentPayload, {
    description:
      'Queue shipment confirmations (标发) at the ERP; follow the task with `fulfillmentTask`. With an idempotencyKey, a retry returns the first result.',
  })
  async submitFulfillment(
    @Arg('input', () => SubmitFulfillmentInput) input: SubmitFulfillmentInput,
    @Ctx() ctx: Context,
  ): Promise<SubmitFulfillmentPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length > 0) return { task: null, userErrors };
    return ctx.services.shipmentConfirmations.submit(input);
  }

  @FieldResolver(() => [ShipmentConfirmation], {
    description: "What was submitted, from this gateway's registry; empty for tasks submitted elsewhere.",
  })
  async shipments(@Root() task: AsRoot<FulfillmentTask>, @Ctx() ctx: Context): Promise<ShipmentConfirmation[]> {
    if (task.shipments?.length) return task.shipments;
    const stored = (await ctx.loaders.storedTaskById(task.sellerId).load(task.taskId))?.shipments ?? [];
    return stored.map((s) => ({ ...s, sellerId: task.sellerId, taskId: task.taskId }));
  }

  @FieldResolver(() => ID)
  id(@Root() task: AsRoot<FulfillmentTask>): string {
    return globalId('FulfillmentTask', task.sellerId, task.taskId);
  }
}

/** MessageResult as built by toFulfillmentTask: the task it belongs to rides along. */
type MessageResultRoot = MessageResult & { sellerId?: string; taskId?: string };

@Resolver(() => MessageResult)
export class MessageResultResolver {
  @FieldResolver(() => ShipmentConfirmation, {
    nullable: true,
    description: "The submitted order this result is about, from this gateway's registry.",
  })
  async shipment(@Root() result: MessageResultRoot, @Ctx() ctx: Context): Promise<ShipmentConfirmation | null> {
    if (result.shipment) return result.shipment;
    if (!result.sellerId || !result.taskId) return null;
    const stored = await ctx.loaders.storedTaskById(result.sellerId).load(result.taskId);
    const shipment = stored?.shipments.find((s) => s.messageId === result.messageId);
    return shipment ? ({ ...shipment, sellerId: result.sellerId, taskId: result.taskId } as ShipmentRoot) : null;
  }

  @FieldResolver(() => ID)
  id(@Root() result: MessageResultRoot): string {
    return globalId('MessageResult', result.sellerId ?? '', result.taskId ?? '', result.messageId);
  }
}

/** ShipmentConfirmation as the mappers build it: the task it belongs to rides along. */
type ShipmentRoot = ShipmentConfirmation & { sellerId?: string; taskId?: string };

@Resolver(() => ShipmentConfirmation)
export class ShipmentConfirmationResolver {
  @FieldResolver(() => ID)
  id(@Root() shipment: ShipmentRoot): string {
    return globalId('ShipmentConfirmation', shipment.sellerId ?? '', shipment.taskId ?? '', shipment.messageId);
  }
}
