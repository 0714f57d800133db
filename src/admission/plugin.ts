import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import type { CostExtension } from '../errors';
import { operationScope } from '../platform/operation-scope';
import type { Admission } from './admission';

/**
 * The gate priced the operation and took its cost from the caller's bucket before Apollo saw it
 * (src/admission/admission.ts); this gives back what the operation did not use and adds
 * `extensions.cost` in Shopify's shape to every answer. The actual cost is the upstream requests
 * the operation really sent.
 */
export function costPlugin(admission: Admission): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const requested = contextValue.cost ?? 0;
          // the upstream calls this operation caused (not retries, not the gateway's own token
          // fetches), and never above what it was priced at: the price is the caller's promise
          const actual = Math.min(requested, operationScope.getStore()?.upstreamCalls ?? 0);
          const throttleStatus = await admission.settle(contextValue.caller, requested - actual);
          if (response.body.kind !== 'single') return;
          const cost: CostExtension = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}
