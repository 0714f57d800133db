import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { toFulfillmentTask } from '../modules/fulfillment-tasks/fulfillment-task.mapping';
import { BadUserInputError } from '../errors';
import { Node, parseGlobalId } from './node';
import { mcfOrderKey } from '../store/repository';

type Found = object | null | undefined;

/** Finds any Node again by its global id, through the same loaders as the typed queries. */
const FINDERS: Record<string, (ctx: Context, parts: string[]) => Promise<Found>> = {
  FulfillmentTask: async (ctx, [sellerId, taskId]) => {
    const r = await ctx.loaders.taskById(sellerId).load(taskId);
    return r && toFulfillmentTask(sellerId, r);
  },
  MessageResult: async (ctx, [sellerId, taskId, messageId]) => {
    const r = await ctx.loaders.taskById(sellerId).load(taskId);
    return r && toFulfillmentTask(sellerId, r).results.find((m) => m.messageId === messageId);
  },
  ShipmentConfirmation: async (ctx, [sellerId, taskId, messageId]) => {
    const stored = await ctx.loaders.storedTaskById(sellerId).load(taskId);
    const s = stored?.shipments.find((x) => x.messageId === messageId);
    return s && { ...s, sellerId, taskId };
  },
  FbaOutboundOrder: (ctx, [sellerId, id]) => ctx.loaders.fbaOrderById(sellerId).load(id),
  FbaShipment: async (ctx, [sellerId, orderId, shipmentId]) => {
    const order = await ctx.loaders.fbaOrderById(sellerId).load(orderId);
    return order?.details?.shipments.find((s) => s.amazonShipmentId === shipmentId);
  },
  McfOrder: (ctx, [storeName, orderId]) => ctx.loaders.mcfOrderById.load(mcfOrderKey(storeName, orderId)),
};

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object with a global id; null when it no longer exists.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    const find = parsed && FINDERS[parsed[0]];
    if (!parsed || !find) throw new BadUserInputError('id is not a global id this API issued', ['id']);
    const found = await find(ctx, parsed.slice(1));
    return found ? ({ ...found, __typename: parsed[0] } as unknown as Node) : null;
  }
}
