import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import type { ShipmentConfirmationRecord, TaskResultRecord } from '../datasources/lingxing/fulfillment';
import { BadUserInputError, UpstreamRejectedError } from '../errors';
import { FulfillmentTaskArgs, FulfillmentTasksArgs } from '../schema/fulfillment-task.args';
import { FulfillmentTask } from '../schema/fulfillment-task.type';
import { SELLER_ID, SubmitFulfillmentInput } from '../schema/submit-fulfillment.input';
import { SubmitFulfillmentPayload } from '../schema/submit-fulfillment.payload';
import { UserErrorCode } from '../schema/user-error.type';
import { assertArgument, validateInput } from '../validation';

const TASK_ID = /^[1-9][0-9]{0,19}$/;
/** fulfillmentTasks takes at most this many ids: ten getFulfillmentResult calls. */
export const MAX_TASK_IDS_PER_QUERY = 100;

/** A task as the ERP reports it, joined with the shipments this gateway submitted, when known. */
export function toFulfillmentTask(sellerId: string, result: TaskResultRecord, shipments: ShipmentConfirmationRecord[] = []): FulfillmentTask {
  const byMessageId = new Map(shipments.map((s) => [s.messageId, s]));
  return {
    ...result,
    sellerId,
    shipments,
    results: result.results.map((r) => ({ ...r, shipment: byMessageId.get(r.messageId) ?? null })),
  };
}

@Resolver(() => FulfillmentTask)
export class FulfillmentTaskResolver {
  @Query(() => FulfillmentTask, { nullable: true, description: 'One shipment-confirmation task; null when the ERP does not know it for this seller.' })
  async fulfillmentTask(@Args(() => FulfillmentTaskArgs) { sellerId, taskId }: FulfillmentTaskArgs, @Ctx() ctx: Context): Promise<FulfillmentTask | null> {
    assertArgument(sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
    assertArgument(taskId, TASK_ID, ['taskId'], 'a positive integer of at most 20 digits');
    const result = await ctx.loaders.taskById(sellerId).load(taskId);
    return result && toFulfillmentTask(sellerId, result);
  }

  @Query(() => [FulfillmentTask], { nullable: 'items', description: `Several tasks: one entry per id, in order, null where not found. At most ${MAX_TASK_IDS_PER_QUERY} ids.` })
  async fulfillmentTasks(@Args(() => FulfillmentTasksArgs) { sellerId, taskIds }: FulfillmentTasksArgs, @Ctx() ctx: Context): Promise<Array<FulfillmentTask | null | Error>> {
    assertArgument(sellerId, SELLER_ID, ['sellerId'], 'an Amazon merchant id');
    if (taskIds.length > MAX_TASK_IDS_PER_QUERY) throw new BadUserInputError(`taskIds must hold at most ${MAX_TASK_IDS_PER_QUERY} ids`, ['taskIds']);
    taskIds.forEach((id, i) => assertArgument(id, TASK_ID, ['taskIds', String(i)], 'a positive integer of at most 20 digits'));
    const results = await ctx.loaders.taskById(sellerId).loadMany(taskIds);
    // a failed batch fails only its own entries: graphql-js reports an Error item at its index
    return results.map((r) => (r instanceof Error || r === null ? r : toFulfillmentTask(sellerId, r)));
  }

  @Mutation(() => SubmitFulfillmentPayload, { description: 'Queue shipment confirmations (标发) at the ERP; follow the task with `fulfillmentTask`.' })
  async submitFulfillment(@Arg('input', () => SubmitFulfillmentInput) input: SubmitFulfillmentInput, @Ctx() ctx: Context): Promise<SubmitFulfillmentPayload> {
    const userErrors = await validateInput(input);
    if (userErrors.length > 0) return { task: null, userErrors };
    try {
      const { taskId, status, failureReason, shipments } = await ctx.lingxing.fulfillment.submit(input);
      const task = toFulfillmentTask(input.sellerId, { taskId, status, failureReason, feedStatusCode: null, shipTime: null, summary: null, results: [] }, shipments);
      return { task, userErrors: [] };
    } catch (error) {
      if (!(error instanceof UpstreamRejectedError)) throw error;
      return { task: null, userErrors: [{ field: error.inputPath ?? null, message: error.message, code: UserErrorCode.UPSTREAM_REJECTED }] };
    }
  }
}
