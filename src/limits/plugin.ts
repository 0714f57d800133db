import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { CostLimitExceededError, ThrottledError, type CostExtension } from '../errors';
import { operationScope } from '../operation-scope';
import type { CostBuckets } from './cost-buckets';
import { operationCost } from './cost';

/**
 * Prices every operation before it runs: over MAX_OPERATION_COST → COST_LIMIT_EXCEEDED; more than
 * the caller's bucket holds → THROTTLED with `retryAfterMs`. Either way no upstream call is made.
 * Every response carries `extensions.cost` in Shopify's shape; the actual cost is the upstream
 * requests the operation really sent, and the difference goes back into the bucket.
 */
export function costPlugin(options: { maxOperationCost: number; buckets: CostBuckets }): ApolloServerPlugin<Context> {
  const { maxOperationCost, buckets } = options;
  const status = (caller: string): CostExtension['throttleStatus'] => ({
    maximumAvailable: buckets.options.size,
    currentlyAvailable: Math.floor(buckets.available(caller)),
    restoreRate: buckets.options.restorePerSecond,
  });
  return {
    async requestDidStart() {
      let requested = 0;
      let charged = false;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          requested = operationCost(schema, document, operation, request.variables ?? {});
          contextValue.cost = requested;
          const cost = (): CostExtension => ({
            requestedQueryCost: requested,
            actualQueryCost: 0,
            throttleStatus: status(contextValue.caller),
          });
          if (requested > maxOperationCost) throw new CostLimitExceededError(requested, maxOperationCost, cost());
          const taken = buckets.take(contextValue.caller, requested);
          if (!taken.ok) throw new ThrottledError(taken.retryAfterMs, cost());
          charged = true;
        },
        async willSendResponse({ response, contextValue }) {
          const actual = operationScope.getStore()?.upstreamCalls ?? 0;
          if (charged) buckets.refund(contextValue.caller, requested - actual);
          if (response.body.kind !== 'single') return;
          const cost: CostExtension = {
            requestedQueryCost: requested,
            actualQueryCost: charged ? actual : 0,
            throttleStatus: status(contextValue.caller),
          };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}
