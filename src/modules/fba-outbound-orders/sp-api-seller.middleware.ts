import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../../graphql/context';

/**
 * Every Fulfillment Outbound field that names a `sellerId` argument first asks whether this
 * gateway holds an SP-API authorization for that seller: an unknown one is refused with
 * UNKNOWN_SELLER (field `sellerId`) before the resolver, its validation or any upstream call runs.
 * One place for the check, on each of the module's queries (not on every field of their answers).
 */
export const RequireSpApiSeller: MiddlewareFn<Context> = ({ args, context }, next) => {
  const sellerId = (args as { sellerId?: unknown }).sellerId;
  if (typeof sellerId === 'string') context.spApi.outbound.sellers.requireKnown(sellerId);
  return next();
};
