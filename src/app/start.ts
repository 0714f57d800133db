import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { CostBuckets, RedisCostBuckets } from '../admission/cost-buckets';
import { TokenVerifier } from '../auth/verifier';
import type { Config } from '../config';
import { memoryBus, redisBus, type EventBus } from '../events/bus';
import type { Services } from '../graphql/context';
import { GraphServer, type GraphServerOptions } from '../http/server';
import { FbaOrderEvents } from '../modules/fba-outbound-orders/fba-outbound-order.events';
import { FulfillmentOutbound } from '../modules/fba-outbound-orders/fba-outbound-order.datasource';
import {
  NOTIFICATION_SECRET_HEADER,
  SpApiNotificationIngest,
} from '../modules/fba-outbound-orders/fba-outbound-order.notifications';
import { FbaOrders } from '../modules/fba-outbound-orders/fba-outbound-order.service';
import { TaskEvents } from '../modules/fulfillment-tasks/fulfillment-task.events';
import type * as JobsModule from '../modules/fulfillment-tasks/fulfillment-task.jobs';
import { Refresher } from '../modules/fulfillment-tasks/fulfillment-task.refresher';
import { ShipmentConfirmations } from '../modules/fulfillment-tasks/fulfillment-task.service';
import { McfOrders } from '../modules/mcf-orders/mcf-order.service';
import { systemClock } from '../platform/clock';
import { createLogger, type Logger } from '../platform/logger';
import { Metrics } from '../platform/metrics';
import type * as RedisModule from '../platform/redis';
import type { LingxingSandbox } from '../sandbox/lingxing/server';
import type { SpApiSandbox } from '../sandbox/sp-api/server';
import { openStore, type Repository } from '../store';
import { FinishedTasks } from '../store/finished-tasks';
import { Idempotency } from '../store/idempotency';
import type { LingxingClient } from '../upstreams/lingxing/client';
import { LingxingFulfillment } from '../upstreams/lingxing/fulfillment';
import { LingxingMcfOrders } from '../upstreams/lingxing/mcf-orders';
import type { LwaTokens } from '../upstreams/sp-api/lwa';
import { SellerRegistry } from '../upstreams/sp-api/sellers';
import { FulfillmentOutboundV20200701 } from '../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import { FulfillmentOutboundV20260704 } from '../upstreams/sp-api/v2026-07-04/fulfillment-outbound';
import { Cleanup } from './cleanup';
import { hostPort, openWithin, UnreachableError } from './reach';
import { connectAmazon, connectErp, type AppOverrides, type UpstreamDeps } from './upstreams';
import { IdeAssets } from '../http/ide';
import { LingxingStores } from '../upstreams/lingxing/stores';
import { StoreDirectory } from '../upstreams/lingxing/store-directory';

export type { AppOverrides } from './upstreams';

/**
 * The composition root, in named steps: configuration → store and Redis → upstreams (live or
 * sandbox) → services and events → background work → server. Each step that opens something
 * registers its closing with one `Cleanup`, so a start that fails half-way and `close()` run the
 * same path, in reverse order.
 */

export interface RunningApp {
  /** the /graphql URL */
  url: string;
  server: GraphServer;
  lingxing: LingxingClient;
  metrics: Metrics;
  lwa: LwaTokens;
  store: Repository;
  refresher: Refresher;
  /** where change events travel (Redis pub/sub with REDIS_URL, else memory) */
  bus: EventBus;
  /** the embedded upstream doubles, present when they are in use */
  sandboxes: { lingxing?: LingxingSandbox; spApi?: SpApiSandbox };
  /** unready (/readyz 503) from now on, still serving for `ms` */
  drain(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Builds every long-lived service from the config, starts the embedded sandboxes it needs, and listens. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  for (const warning of config.deprecated) logger.warn(warning);
  if (config.ide && !config.introspection)
    logger.warn(
      'GRAPHQL_IDE is on with introspection off: the IDE runs operations but shows no schema (set GRAPHQL_INTROSPECTION=true too)',
    );
  const cleanup = new Cleanup();
  const closeAll = () =>
    cleanup.run((name, error) =>
      logger.warn({ err: { message: (error as Error).message }, step: name }, 'could not close'),
    );
  try {
    // 1. the store and, with REDIS_URL, Redis (pacing, capacity, budgets and events shared by replicas)
    const { databaseUrl, dataDir } = config.store;
    const store = databaseUrl
      ? await openWithin(
          {
            variable: 'DATABASE_URL',
            url: databaseUrl,
            defaultPort: 5432,
            timeoutMs: config.startupConnectTimeoutMs,
            logger,
          },
          () => openStore({ databaseUrl, dataDir }),
        )
      : await openStore({ dataDir });
    cleanup.add('store', () => store.db.close());
    logger.info({ store: store.db.dialect }, 'store ready');
    const redis = await openRedis(config, logger, cleanup);
    // 2. the upstreams, live or sandbox
    const deps: UpstreamDeps = {
      config,
      overrides,
      logger,
      metrics: new Metrics({ defaultMetrics: true }),
      clock: overrides.clock ?? systemClock,
      store,
      redis,
      cleanup,
    };
    const erp = await connectErp(deps);
    const amazon = await connectAmazon(deps);
    // 3. services and events, 4. background work
    const built = buildServices(deps, erp.lingxing, amazon);
    cleanup.add('event bus', () => built.bus.close());
    // 5. the server, then the background work once it listens
    const server = await GraphServer.create(serverOptions(deps, built, erp.lingxing, amazon));
    cleanup.add('background work', () => built.background.stop());
    cleanup.add('server', () => server.close());
    const url = await server.listen(config.port, config.host);
    await built.background.start();
    if (amazon.sandbox && built.notificationSecret) {
      amazon.sandbox.notifyTo({
        url: new URL('/notifications/sp-api', url).toString(),
        secret: built.notificationSecret,
        header: NOTIFICATION_SECRET_HEADER,
      });
      const notifier = amazon.sandbox.notifier;
      cleanup.add('sandbox notifications', () => notifier.stop());
    }
    logger.info(
      { url, ...(config.ide ? { ide: url } : {}), mode: { lingxing: config.lingxing.mode, spApi: config.spApi.mode } },
      'fulfillment graph listening',
    );
    return {
      url,
      server,
      lingxing: erp.lingxing,
      metrics: deps.metrics,
      lwa: amazon.lwa,
      store,
      refresher: built.refresher,
      bus: built.bus,
      sandboxes: { lingxing: erp.sandbox, spApi: amazon.sandbox },
      drain: (ms) => server.drain(ms),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function openRedis(config: Config, logger: Logger, cleanup: Cleanup): Promise<Redis | undefined> {
  if (!config.redis) return undefined;
  // ioredis is loaded only by a process with REDIS_URL
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { connectRedis, redisReady } = require('../platform/redis') as typeof RedisModule;
  const redis = connectRedis(config.redis.url, config.redis.keyPrefix, logger);
  cleanup.add('Redis', () =>
    redis.quit().then(
      () => undefined,
      () => redis.disconnect(),
    ),
  );
  // ioredis keeps reconnecting meanwhile; past the start-up budget the error names REDIS_URL and host:port
  const { url } = config.redis;
  await redisReady(redis, config.startupConnectTimeoutMs).catch(() => {
    throw new UnreachableError(
      `REDIS_URL: ${hostPort(url, 6379)} could not be reached within ${config.startupConnectTimeoutMs} ms (STARTUP_CONNECT_TIMEOUT_MS)`,
    );
  });
  logger.info({ keyPrefix: config.redis.keyPrefix }, 'Redis ready: pacing and ERP capacity shared across replicas');
  return redis;
}

interface Built {
  services: Services;
  bus: EventBus;
  refresher: Refresher;
  /** the refresher as this store runs it: durable jobs on PostgreSQL, a timer on SQLite */
  background: { start(): Promise<void>; stop(): Promise<void> };
  notifications?: SpApiNotificationIngest;
  notificationSecret?: string;
}

/** Everything between the upstream clients and the server: datasources, events, use-cases, background work. */
function buildServices(
  deps: UpstreamDeps,
  lingxing: LingxingClient,
  amazon: Awaited<ReturnType<typeof connectAmazon>>,
): Built {
  const { config, store, clock, logger, redis } = deps;
  // the datasources: each seller's Fulfillment Outbound version, the ERP's operations
  const sellerRegistry = new SellerRegistry(amazon.sellers);
  const outbound = new FulfillmentOutboundV20200701(amazon.spApi, sellerRegistry);
  const v2026 = new FulfillmentOutboundV20260704(amazon.spApi, sellerRegistry);
  const orders = new FulfillmentOutbound(outbound, v2026);
  const fulfillment = new LingxingFulfillment(lingxing);
  // whom callers may act for: the configured sellers, and the ERP's stores (one cached list)
  const directory = {
    sellers: sellerRegistry,
    stores: new StoreDirectory({
      stores: new LingxingStores(lingxing),
      clock,
      logger,
      refreshMs: config.lingxing.storesRefreshMs,
    }),
  };
  // subscriptions' events: across replicas through Redis, else in this process
  const bus = redis ? redisBus(redis, config.redis!.keyPrefix, logger) : memoryBus();
  const finishedTasks = new FinishedTasks();
  const events = {
    tasks: new TaskEvents({
      finishedTasks,
      repo: store,
      bus,
      clock,
      logger,
      watchedPollMs: config.subscriptions.taskWatchedPollMs,
    }),
    fbaOrders: new FbaOrderEvents({
      orders,
      repo: store,
      bus,
      clock,
      logger,
      reconcileMs: config.subscriptions.fbaReconcileMs,
    }),
  };
  // the embedded SP-API sandbox pushes its notifications here, with a secret of its own unless one is set
  const notificationSecret =
    config.subscriptions.notificationSecret ?? (amazon.sandbox ? randomBytes(32).toString('base64url') : undefined);
  if (!notificationSecret)
    logger.info('POST /notifications/sp-api is off: set SPAPI_NOTIFICATION_SECRET to take Amazon notifications');
  // exactly-once writes, and the background work that follows submitted tasks
  const idempotency = new Idempotency(store, clock, { leaseMs: config.store.idempotencyLeaseMs });
  const refresher = new Refresher({
    repo: store,
    fulfillment,
    clock,
    logger,
    retentionDays: config.store.retentionDays,
    intervalMs: config.store.refreshIntervalMs,
    events: events.tasks,
  });
  const background =
    store.db.dialect === 'postgres' && config.store.databaseUrl
      ? durableRefresher({
          connectionString: config.store.databaseUrl,
          refresher,
          repo: store,
          clock,
          logger,
          intervalMs: config.store.refreshIntervalMs,
        })
      : refresher;
  // what every request's context holds
  const services: Services = {
    lingxing: { fulfillment },
    spApi: { outbound, v2026, orders },
    store,
    services: {
      shipmentConfirmations: new ShipmentConfirmations({
        fulfillment,
        stores: directory.stores,
        repo: store,
        idempotency,
        clock,
      }),
      fbaOrders: new FbaOrders({ orders, idempotency }),
      mcfOrders: new McfOrders({
        mcf: new LingxingMcfOrders(lingxing),
        stores: directory.stores,
        repo: store,
        idempotency,
        clock,
      }),
    },
    directory,
    events,
    finishedTasks,
    logger,
  };
  const notifications = notificationSecret
    ? new SpApiNotificationIngest({ secret: notificationSecret, events: events.fbaOrders, logger })
    : undefined;
  return { services, bus, refresher, background, notifications, notificationSecret };
}

/** pg-boss's refresher, loaded only by a process on PostgreSQL. */
function durableRefresher(
  deps: Omit<ConstructorParameters<typeof JobsModule.DurableRefresher>[0], 'schema'>,
): JobsModule.DurableRefresher {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jobs = require('../modules/fulfillment-tasks/fulfillment-task.jobs') as typeof JobsModule;
  return new jobs.DurableRefresher({ ...deps, schema: jobs.jobsSchema(deps.connectionString) });
}

/** The server's options from the configuration: authentication, limits, budgets, readiness. */
function serverOptions(
  deps: UpstreamDeps,
  built: Built,
  lingxing: LingxingClient,
  amazon: Awaited<ReturnType<typeof connectAmazon>>,
): GraphServerOptions {
  const { config, logger, redis, store, clock } = deps;
  const liveUpstream = config.lingxing.mode === 'live' || config.spApi.mode === 'live';
  if (config.auth.mode === 'off' && liveUpstream)
    logger.warn(
      { auth: 'off', reason: config.auth.reason },
      'authentication is OFF with a live upstream: anyone who reaches /graphql may act for every seller',
    );
  else
    logger.info(
      { auth: config.auth.mode, reason: config.auth.reason },
      `authentication ${config.auth.mode === 'off' ? 'off' : 'on (bearer JWT)'}: ${config.auth.reason}`,
    );
  // the limits and the callers' cost budgets (in Redis when replicas share them)
  const costBudget = { size: config.limits.costBucketSize, restorePerSecond: config.limits.costRestorePerSecond };
  const firstSeller = amazon.sellers[0];
  return {
    services: built.services,
    notifications: built.notifications,
    maxSubscriptionsPerConnection: config.subscriptions.maxPerConnection,
    maxSubscriptionsPerCaller: config.subscriptions.maxPerCaller,
    callbackUrlPrefixes: config.subscriptions.callbackUrlPrefixes,
    metrics: deps.metrics,
    logger,
    production: config.production,
    metricsToken: config.metricsToken,
    trustedDocuments: config.trustedDocuments,
    trustedDocumentsOnly: config.trustedDocumentsOnly,
    introspection: config.introspection,
    ide: config.ide ? new IdeAssets(config.auth.mode !== 'off') : undefined,
    corsOrigins: config.corsOrigins,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    limits: {
      document: {
        maxTokens: config.limits.maxQueryTokens,
        maxAliases: config.limits.maxAliases,
        maxDepth: config.limits.maxDepth,
        maxEntities: config.limits.maxEntities,
        maxRepeatedFields: config.limits.maxRepeatedFields,
      },
      maxOperationCost: config.limits.maxOperationCost,
      // one budget per caller: in Redis when replicas share it, else this process's memory
      costBuckets: redis ? new RedisCostBuckets(redis, costBudget, clock, logger) : new CostBuckets(costBudget, clock),
      operationTimeoutMs: config.limits.operationTimeoutMs,
    },
    verifier: new TokenVerifier(config.auth),
    // readiness: this replica's own store and Redis decide it; the upstreams are reported beside
    readiness: [
      { name: 'store', check: async () => void (await store.db.query('SELECT 1')) },
      { name: 'lingxing', kind: 'upstream', check: async () => void (await lingxing.tokens.get()) },
      // one LWA exchange proves the app credentials; a single seller's revoked grant does not make the service unready
      {
        name: 'sp-api',
        kind: 'upstream',
        check: async () => void (firstSeller && (await amazon.lwa.get(firstSeller.refreshToken))),
      },
      ...(redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : []),
    ],
  };
}
