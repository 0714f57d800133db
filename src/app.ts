import type { Dispatcher } from 'undici';
import type { Config } from './config';
import { LingxingClient, type LingxingClientOptions } from './upstreams/lingxing/client';
import { LingxingFulfillment } from './upstreams/lingxing/fulfillment';
import type { Clock } from './platform/clock';
import { createLogger, type Logger } from './platform/logger';
import { Metrics } from './platform/metrics';
import { LingxingSandbox, type LingxingSandboxOptions } from './sandbox/lingxing/server';
import { SANDBOX_ERP_APP } from './sandbox/lingxing/fixtures';
import { GraphServer } from './http/server';
import { TokenVerifier } from './auth/verifier';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { DistributedPermits } from './pacing/redis-permits';
import { connectRedis, redisReady } from './platform/redis';
import { RedisTokenBucket } from './pacing/redis-token-bucket';
import { CostBuckets, RedisCostBuckets } from './admission/cost-buckets';
import { FinishedTasks } from './store/finished-tasks';
import { Idempotency } from './store/idempotency';
import { Refresher } from './modules/fulfillment-tasks/fulfillment-task.refresher';
import { DurableRefresher, jobsSchema } from './modules/fulfillment-tasks/fulfillment-task.jobs';
import { FbaOrders } from './modules/fba-outbound-orders/fba-outbound-order.service';
import { McfOrders } from './modules/mcf-orders/mcf-order.service';
import { LingxingMcfOrders } from './upstreams/lingxing/mcf-orders';
import { ShipmentConfirmations } from './modules/fulfillment-tasks/fulfillment-task.service';
import { openStore, type Repository } from './store';
import { SpApiClient, type SpApiClientOptions } from './upstreams/sp-api/client';
import { LwaTokens } from './upstreams/sp-api/lwa';
import { SellerRegistry, type SellerAuthorization } from './upstreams/sp-api/sellers';
import { FulfillmentOutboundV20200701 } from './upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import { FulfillmentOutboundV20260704 } from './upstreams/sp-api/v2026-07-04/fulfillment-outbound';
import { FulfillmentOutbound } from './modules/fba-outbound-orders/fba-outbound-order.datasource';
import { systemClock } from './platform/clock';
import { SpApiSandbox, type SpApiSandboxOptions } from './sandbox/sp-api/server';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from './sandbox/sp-api/fixtures';
import { memoryBus, redisBus, type EventBus } from './events/bus';
import { TaskEvents } from './modules/fulfillment-tasks/fulfillment-task.events';
import { FbaOrderEvents } from './modules/fba-outbound-orders/fba-outbound-order.events';
import {
  NOTIFICATION_SECRET_HEADER,
  SpApiNotificationIngest,
} from './modules/fba-outbound-orders/fba-outbound-order.notifications';
import { randomBytes } from 'node:crypto';

/** A short stable digest of an app id, for coordination keys (ids stay out of Redis in the clear). */
const appKey = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);

export interface AppOverrides {
  logger?: Logger;
  dispatcher?: Dispatcher;
  clock?: Clock;
  /** options for the embedded ERP sandbox when no ERP credentials are configured */
  lingxingSandbox?: LingxingSandboxOptions;
  /** options for the embedded SP-API sandbox when no SP-API credentials are configured */
  spApiSandbox?: SpApiSandboxOptions;
  /** SP-API client tuning for tests and benchmarks */
  spApiClient?: Partial<Pick<SpApiClientOptions, 'retryBackoff' | 'random' | 'pacingMargin'>>;
  /** client tuning (backoff policies, timeouts) for tests and benchmarks */
  lingxingClient?: Partial<
    Pick<LingxingClientOptions, 'throttleBackoff' | 'transientBackoff' | 'random' | 'refreshSkewMs'>
  >;
}

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
  close(): Promise<void>;
}

/** Builds every long-lived service from the config, starts the embedded sandboxes it needs, and listens. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const metrics = new Metrics({ defaultMetrics: true });
  const sandboxes: RunningApp['sandboxes'] = {};
  const clock = overrides.clock ?? systemClock;

  for (const warning of config.deprecated) logger.warn(warning);
  let erp: { baseUrl: string; appId: string; appSecret: string };
  const store = await openStore({ databaseUrl: config.store.databaseUrl, dataDir: config.store.dataDir });
  logger.info({ store: store.db.dialect }, 'store ready');
  // several replicas: permits and buckets shared through Redis; one process: all in memory
  let redis: Redis | undefined;
  if (config.redis) {
    redis = connectRedis(config.redis.url, config.redis.keyPrefix, logger);
    try {
      await redisReady(redis);
    } catch (error) {
      redis.disconnect();
      await store.db.close();
      throw error;
    }
    logger.info({ keyPrefix: config.redis.keyPrefix }, 'Redis ready: pacing and ERP capacity shared across replicas');
  }
  if (config.lingxing.mode === 'live') {
    erp = config.lingxing;
  } else {
    // after a restart on the same store, the sandbox's new tasks never reuse an id the registry holds
    const highest = await store.highestTaskId();
    sandboxes.lingxing = await new LingxingSandbox({
      firstTaskId: highest ? BigInt(highest) + 1n : undefined,
      ...overrides.lingxingSandbox,
    }).start();
    erp = { baseUrl: sandboxes.lingxing.url, ...SANDBOX_ERP_APP };
    logger.info(
      { upstream: 'lingxing', baseUrl: erp.baseUrl },
      'no ERP credentials configured: using the embedded ERP sandbox',
    );
  }
  const lingxing = new LingxingClient({
    ...erp,
    logger,
    metrics,
    dispatcher: overrides.dispatcher,
    clock,
    timeoutMs: config.lingxing.timeoutMs,
    replicas: redis ? 1 : config.lingxing.replicas,
    permitPool: redis
      ? (operation, capacity) =>
          new DistributedPermits(redis, `erp:permits:${appKey(erp.appId)}:${operation}`, capacity, logger)
      : undefined,
    // one token per appId for every replica on this store (LINGXING.md: a new token supersedes the old)
    sharedTokens: store.sharedTokens(clock),
    ...overrides.lingxingClient,
  });

  let amazon: {
    clientId: string;
    clientSecret: string;
    lwaUrl: string;
    endpoint?: string;
    sellers: SellerAuthorization[];
  };
  if (config.spApi.mode === 'live') {
    amazon = config.spApi;
  } else {
    sandboxes.spApi = await new SpApiSandbox(overrides.spApiSandbox).start();
    amazon = {
      ...SANDBOX_SPAPI_APP,
      lwaUrl: sandboxes.spApi.lwaUrl,
      endpoint: sandboxes.spApi.url,
      sellers: SANDBOX_SPAPI_SELLERS,
    };
    logger.info(
      { upstream: 'sp-api', endpoint: amazon.endpoint },
      'no SP-API credentials configured: using the embedded SP-API sandbox',
    );
  }
  const lwa = new LwaTokens({
    url: amazon.lwaUrl,
    clientId: amazon.clientId,
    clientSecret: amazon.clientSecret,
    clock,
    logger,
    dispatcher: overrides.dispatcher,
    // one Login with Amazon token per seller for every replica on this store, as for the ERP token
    shared: store.sharedTokens(clock),
  });
  const spApi = new SpApiClient({
    lwa,
    logger,
    metrics,
    endpoint: amazon.endpoint,
    dispatcher: overrides.dispatcher,
    clock,
    timeoutMs: config.spApi.timeoutMs,
    sharedBucket: redis
      ? (key, rate, burst, margin) =>
          new RedisTokenBucket(redis, `spapi:bucket:${appKey(amazon.clientId)}:${key}`, rate, burst, margin)
      : undefined,
    ...overrides.spApiClient,
  });
  const sellerRegistry = new SellerRegistry(amazon.sellers);
  const outbound = new FulfillmentOutboundV20200701(spApi, sellerRegistry);
  const v2026 = new FulfillmentOutboundV20260704(spApi, sellerRegistry);
  const orders = new FulfillmentOutbound(outbound, v2026);

  const fulfillment = new LingxingFulfillment(lingxing);
  // subscriptions' events: across replicas through Redis, else in this process
  const bus = redis ? redisBus(redis, config.redis!.keyPrefix, logger) : memoryBus();
  const finishedTasks = new FinishedTasks();
  const taskEvents = new TaskEvents({
    finishedTasks,
    repo: store,
    bus,
    clock,
    logger,
    watchedPollMs: config.subscriptions.taskWatchedPollMs,
  });
  const fbaOrderEvents = new FbaOrderEvents({
    orders,
    repo: store,
    bus,
    clock,
    logger,
    reconcileMs: config.subscriptions.fbaReconcileMs,
  });
  // the embedded SP-API sandbox pushes its notifications here, with a secret of its own unless one is set
  const notificationSecret =
    config.subscriptions.notificationSecret ?? (sandboxes.spApi ? randomBytes(32).toString('base64url') : undefined);
  if (!notificationSecret)
    logger.info('POST /notifications/sp-api is off: set SPAPI_NOTIFICATION_SECRET to take Amazon notifications');
  const idempotency = new Idempotency(store, clock, { leaseMs: config.store.idempotencyLeaseMs });
  const refresher = new Refresher({
    repo: store,
    fulfillment,
    clock,
    logger,
    retentionDays: config.store.retentionDays,
    intervalMs: config.store.refreshIntervalMs,
    events: taskEvents,
  });
  // on PostgreSQL the background work is durable jobs, one replica per job; on SQLite, this process's timer
  const background =
    store.db.dialect === 'postgres' && config.store.databaseUrl
      ? new DurableRefresher({
          connectionString: config.store.databaseUrl,
          schema: jobsSchema(config.store.databaseUrl),
          refresher,
          repo: store,
          clock,
          logger,
          intervalMs: config.store.refreshIntervalMs,
        })
      : refresher;

  const verifier = new TokenVerifier(config.auth);
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
  const costBudget = { size: config.limits.costBucketSize, restorePerSecond: config.limits.costRestorePerSecond };
  const server = await GraphServer.create({
    services: {
      lingxing: { fulfillment },
      spApi: { outbound, v2026, orders },
      store,
      services: {
        shipmentConfirmations: new ShipmentConfirmations({ fulfillment, repo: store, idempotency, clock }),
        fbaOrders: new FbaOrders({ orders, idempotency }),
        mcfOrders: new McfOrders({ mcf: new LingxingMcfOrders(lingxing), repo: store, idempotency, clock }),
      },
      events: { tasks: taskEvents, fbaOrders: fbaOrderEvents },
      finishedTasks,
      logger,
    },
    notifications: notificationSecret
      ? new SpApiNotificationIngest({ secret: notificationSecret, events: fbaOrderEvents, logger })
      : undefined,
    maxSubscriptionsPerConnection: config.subscriptions.maxPerConnection,
    maxSubscriptionsPerCaller: config.subscriptions.maxPerCaller,
    callbackUrlPrefixes: config.subscriptions.callbackUrlPrefixes,
    metrics,
    logger,
    production: config.production,
    metricsToken: config.metricsToken,
    trustedDocuments: config.trustedDocuments,
    trustedDocumentsOnly: config.trustedDocumentsOnly,
    introspection: config.introspection,
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
    verifier,
    readiness: [
      { name: 'store', check: async () => void (await store.db.query('SELECT 1')) },
      { name: 'lingxing', check: async () => void (await lingxing.tokens.get()) },
      // one LWA exchange proves the app credentials; a single seller's revoked grant does not make the service unready
      {
        name: 'sp-api',
        check: async () => void (amazon.sellers[0] && (await lwa.get(amazon.sellers[0].refreshToken))),
      },
      ...(redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : []),
    ],
  });
  let url: string;
  try {
    url = await server.listen(config.port, config.host);
    await background.start();
    if (sandboxes.spApi && notificationSecret)
      sandboxes.spApi.notifyTo({
        url: new URL('/notifications/sp-api', url).toString(),
        secret: notificationSecret,
        header: NOTIFICATION_SECRET_HEADER,
      });
  } catch (error) {
    await server.close().catch(() => undefined);
    await bus.close();
    await store.db.close();
    redis?.disconnect();
    await sandboxes.lingxing?.close();
    await sandboxes.spApi?.close();
    throw error;
  }
  logger.info(
    { url, mode: { lingxing: config.lingxing.mode, spApi: config.spApi.mode } },
    'fulfillment graph listening',
  );

  return {
    url,
    server,
    lingxing,
    metrics,
    lwa,
    store,
    refresher,
    bus,
    sandboxes,
    async close() {
      await sandboxes.spApi?.notifier.stop();
      await server.close();
      await background.stop();
      await bus.close();
      await store.db.close();
      await redis?.quit().catch(() => redis?.disconnect());
      await sandboxes.lingxing?.close();
      await sandboxes.spApi?.close();
    },
  };
}
