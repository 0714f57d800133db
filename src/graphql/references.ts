import type { Context } from './context';
import { toFulfillmentTask } from '../modules/fulfillment-tasks/fulfillment-task.mapping';
import { mcfOrderKey } from '../store/repository';

/**
 * Federation reference resolvers: how the supergraph turns a key into an entity. They go through
 * the same per-request loaders as the queries, so 25 FulfillmentTask references in one operation
 * cost three getFulfillmentResult calls.
 */
export const REFERENCE_RESOLVERS = {
  FulfillmentTask: {
    async __resolveReference(ref: { sellerId: string; taskId: string }, ctx: Context) {
      const r = await ctx.loaders.taskById(ref.sellerId).load(ref.taskId);
      return r && toFulfillmentTask(ref.sellerId, r);
    },
  },
  FbaOutboundOrder: {
    __resolveReference(ref: { sellerId: string; sellerFulfillmentOrderId: string }, ctx: Context) {
      return ctx.loaders.fbaOrderById(ref.sellerId).load(ref.sellerFulfillmentOrderId);
    },
  },
  McfOrder: {
    __resolveReference(ref: { storeName: string; orderId: string }, ctx: Context) {
      return ctx.loaders.mcfOrderById.load(mcfOrderKey(ref.storeName, ref.orderId));
    },
  },
};
