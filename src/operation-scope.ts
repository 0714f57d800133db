import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The GraphQL operation an upstream call is made for. Each operation's signal fires at its
 * deadline (OPERATION_TIMEOUT_MS) or when its client disconnects; the datasources read it where
 * they wait (semaphores, token buckets, retry backoff) so a call still waiting is dropped, never
 * sent. It travels with the async context of the request (set once in the HTTP layer), so loaders,
 * services and datasources need no extra parameter. Work outside a request (the refresher) has none.
 */
export interface OperationScope {
  signal: AbortSignal;
  /** upstream requests sent for this operation so far (its actual cost) */
  upstreamCalls: number;
}

export const operationScope = new AsyncLocalStorage<OperationScope>();

/** The signal of the operation this code runs for, if any. */
export function currentSignal(): AbortSignal | undefined {
  return operationScope.getStore()?.signal;
}

/** Counts one upstream request against the operation this code runs for. */
export function countUpstreamCall(): void {
  const scope = operationScope.getStore();
  if (scope) scope.upstreamCalls++;
}
