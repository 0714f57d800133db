import type { CodedError } from '../errors';
import type { Access } from '../auth/principal';
import type { LingxingFulfillment } from '../upstreams/lingxing/fulfillment';
import type { FulfillmentOutboundV20200701 } from '../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import type { FulfillmentOutboundV20260704 } from '../upstreams/sp-api/v2026-07-04/fulfillment-outbound';
import type { FulfillmentOutbound } from '../modules/fba-outbound-orders/fba-outbound-order.datasource';
import { createLoaders, type Loaders } from './loaders';
import type { Logger } from '../platform/logger';
import type { FbaOrderEvents } from '../modules/fba-outbound-orders/fba-outbound-order.events';
import type { TaskEvents } from '../modules/fulfillment-tasks/fulfillment-task.events';
import type { FbaOrders } from '../modules/fba-outbound-orders/fba-outbound-order.service';
import type { McfOrders } from '../modules/mcf-orders/mcf-order.service';
import type { ShipmentConfirmations } from '../modules/fulfillment-tasks/fulfillment-task.service';
import type { Repository } from '../store';
import type { FinishedTasks } from '../store/finished-tasks';
import type { SellerRegistry } from '../upstreams/sp-api/sellers';
import type { StoreDirectory } from '../upstreams/lingxing/store-directory';

/** Long-lived services, built once at start-up. */
export interface Services {
  lingxing: { fulfillment: LingxingFulfillment };
  spApi: {
    outbound: FulfillmentOutboundV20200701;
    /** Fulfillment Outbound 2026-07-04, for sellers configured for it */
    v2026: FulfillmentOutboundV20260704;
    /** whole orders through each seller's version */
    orders: FulfillmentOutbound;
  };
  store: Repository;
  /** write use-cases that combine an upstream, the store and idempotency */
  services: { shipmentConfirmations: ShipmentConfirmations; fbaOrders: FbaOrders; mcfOrders: McfOrders };
  /** whom callers may act for: the configured SP-API sellers and the ERP's stores (cached) */
  directory: { sellers: SellerRegistry; stores: StoreDirectory };
  /** change events behind the subscriptions */
  events: { tasks: TaskEvents; fbaOrders: FbaOrderEvents };
  /** tasks seen finished and kept in the registry (reads of them cost nothing upstream) */
  finishedTasks?: FinishedTasks;
  logger: Logger;
}

/** What every resolver receives: the services, who is calling and what it may touch, and this request's loaders. */
export interface Context extends Services {
  access: Access;
  loaders: Loaders;
  /** whose cost bucket pays: the token's subject, or the client address when authentication is off */
  caller: string;
  /** the operation's requested cost, once priced */
  cost?: number;
  /** the request's id (the caller's `x-request-id`, or a fresh one), on every log line it causes */
  requestId?: string;
  /**
   * Takes more points from the caller's bucket, for upstream reads a subscription causes after it
   * was admitted; returns the refusal (THROTTLED) when the bucket cannot pay.
   */
  charge: (points: number) => Promise<CodedError | undefined>;
  /** holds one of the caller's subscription slots (MAX_SUBSCRIPTIONS_PER_CALLER) until released; throws when none is free */
  holdSubscription: () => () => void;
  /** fires when the transport the operation came on goes away (a WebSocket's close) */
  signal?: AbortSignal;
}

/** What the gate decided for this operation. */
export interface Admitted {
  /** the requested cost, already taken from the caller's bucket */
  cost: number;
  charge: (points: number) => Promise<CodedError | undefined>;
  holdSubscription: () => () => void;
  signal?: AbortSignal;
}

/** The request's child logger, built on first use and shared by the context and Apollo's copy of it. */
interface RequestLogger {
  make: () => Logger;
  logger?: Logger;
}
const REQUEST_LOGGER = Symbol('requestLogger');

/**
 * `logger` lives on the prototype: Apollo copies the context's own properties into a fresh object
 * of the same prototype before it executes (an own getter would run, and build the child logger,
 * at every copy). The copy shares the same `RequestLogger` holder, so the logger is still built
 * once, and only when something logs.
 */
const LAZY_LOGGER = Object.defineProperty({}, 'logger', {
  get(this: { [REQUEST_LOGGER]: RequestLogger }) {
    const holder = this[REQUEST_LOGGER];
    return (holder.logger ??= holder.make());
  },
});

/**
 * One context per operation. `requestLogger` is called only when something logs for the request
 * (most operations log only their access line, which the server writes itself), so the common path
 * builds no child logger.
 */
export function createContext(
  services: Services,
  access: Access,
  requestLogger: () => Logger = () => services.logger,
  caller = access.principal.sub,
  requestId?: string,
  admitted?: Admitted,
): Context {
  // typed without `logger`, so a service added to `Services` and not listed here fails to compile
  const own: Omit<Context, 'logger'> & { [REQUEST_LOGGER]: RequestLogger } = {
    // every service but `logger`, which the prototype gives (an own one would shadow it)
    lingxing: services.lingxing,
    spApi: services.spApi,
    store: services.store,
    services: services.services,
    directory: services.directory,
    events: services.events,
    finishedTasks: services.finishedTasks,
    [REQUEST_LOGGER]: { make: requestLogger },
    access,
    caller,
    requestId,
    cost: admitted?.cost ?? 0,
    charge: admitted?.charge ?? (() => Promise.resolve(undefined)),
    holdSubscription: admitted?.holdSubscription ?? (() => () => undefined),
    signal: admitted?.signal,
    loaders: createLoaders({
      fulfillment: services.lingxing.fulfillment,
      outbound: services.spApi.outbound,
      orders: services.spApi.orders,
      store: services.store,
      access,
      finishedTasks: services.finishedTasks,
      onTasksRead: services.events.tasks.noticed,
    }),
  };
  return Object.assign(Object.create(LAZY_LOGGER) as Context, own);
}
