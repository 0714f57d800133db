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
  /** whose cost bucket pays (`sub:…` or `ip:…`): pacing queues serve callers in turn */
  caller?: string;
  /** upstream requests sent for this operation so far (its actual cost) */
  upstreamCalls: number;
  /** set while the calls being made are retries of one already counted (read-backs after a write) */
  uncounted?: boolean;
  /** the upstreams' request ids of its calls (SP-API's x-amzn-RequestId), for the access log */
  upstreamRequestIds?: string[];
}

export const operationScope = new AsyncLocalStorage<OperationScope>();

/** The signal of the operation this code runs for, if any. */
export function currentSignal(): AbortSignal | undefined {
  return operationScope.getStore()?.signal;
}

/** The caller of the operation this code runs for, if any (pacing queues serve callers in turn). */
export function currentCaller(): string | undefined {
  return operationScope.getStore()?.caller;
}

/**
 * Keeps an upstream request id for the operation's access-log line (at most 20); false when no
 * operation is running (the caller then logs it on its own line).
 */
export function noteUpstreamRequestId(id: string | undefined): boolean {
  const scope = operationScope.getStore();
  if (!scope) return false;
  if (id) {
    scope.upstreamRequestIds ??= [];
    if (scope.upstreamRequestIds.length < 20) scope.upstreamRequestIds.push(id);
  }
  return true;
}

/** Counts one upstream request against the operation this code runs for. */
export function countUpstreamCall(): void {
  const scope = operationScope.getStore();
  if (scope && !scope.uncounted) scope.upstreamCalls++;
}

/**
 * Runs `fn` as a retry of a call the operation already paid for (another read of an order Amazon
 * has not shown yet after a write): its requests are sent and paced as usual but not counted again.
 */
export function uncounted<T>(fn: () => Promise<T>): Promise<T> {
  const scope = operationScope.getStore();
  if (!scope) return fn();
  // the same scope (signal, caller, request ids) for everything but the count
  const view = Object.create(scope) as OperationScope;
  view.uncounted = true;
  return operationScope.run(view, fn);
}
