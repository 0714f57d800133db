import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { Dispatcher } from 'undici';
import type { Config } from '../config';
import type * as RedisPermitsModule from '../pacing/redis-permits';
import type * as RedisTokenBucketModule from '../pacing/redis-token-bucket';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import type * as ErpFixturesModule from '../sandbox/lingxing/fixtures';
import type { LingxingSandbox, LingxingSandboxOptions } from '../sandbox/lingxing/server';
import type * as ErpSandboxModule from '../sandbox/lingxing/server';
import type * as SpApiFixturesModule from '../sandbox/sp-api/fixtures';
import type { SpApiSandbox, SpApiSandboxOptions } from '../sandbox/sp-api/server';
import type * as SpApiSandboxModule from '../sandbox/sp-api/server';
import type { Repository } from '../store';
import { LingxingClient, type LingxingClientOptions } from '../upstreams/lingxing/client';
import { SpApiClient, type SpApiClientOptions } from '../upstreams/sp-api/client';
import { LwaTokens } from '../upstreams/sp-api/lwa';
import type { SellerAuthorization } from '../upstreams/sp-api/sellers';
import type { Cleanup } from './cleanup';

/** What tests and benchmarks may change of a started app. */
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

/** What every upstream client is built with. */
export interface UpstreamDeps {
  config: Config;
  overrides: AppOverrides;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  store: Repository;
  /** present with REDIS_URL: pacing and capacity shared by every replica */
  redis?: Redis;
  cleanup: Cleanup;
}

/*
 * What only some configurations use is loaded when one does, not by every process: the embedded
 * sandboxes (no credentials), Redis coordination (REDIS_URL). A module a process loads stays in
 * its heap for good, and the heap's peak under load is a multiple of what stays (bench/README.md).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded only by the configurations that use them */
const erpSandbox = () => ({
  ...(require('../sandbox/lingxing/server') as typeof ErpSandboxModule),
  ...(require('../sandbox/lingxing/fixtures') as typeof ErpFixturesModule),
});
const spApiSandbox = () => ({
  ...(require('../sandbox/sp-api/server') as typeof SpApiSandboxModule),
  ...(require('../sandbox/sp-api/fixtures') as typeof SpApiFixturesModule),
});
const redisPermits = () => require('../pacing/redis-permits') as typeof RedisPermitsModule;
const redisTokenBucket = () => require('../pacing/redis-token-bucket') as typeof RedisTokenBucketModule;
/* eslint-enable @typescript-eslint/no-require-imports */

/** A short stable digest of an app id, for coordination keys (ids stay out of Redis in the clear). */
const appKey = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);

/** The ERP: the configured one, or the embedded sandbox when no credentials are configured. */
export async function connectErp(deps: UpstreamDeps): Promise<{ lingxing: LingxingClient; sandbox?: LingxingSandbox }> {
  const { config, overrides, logger, store, redis } = deps;
  let erp: { baseUrl: string; appId: string; appSecret: string };
  let sandbox: LingxingSandbox | undefined;
  if (config.lingxing.mode === 'live') {
    erp = config.lingxing;
  } else {
    // after a restart on the same store, the sandbox's new tasks never reuse an id the registry holds
    const highest = await store.highestTaskId();
    const { LingxingSandbox, SANDBOX_ERP_APP } = erpSandbox();
    sandbox = await new LingxingSandbox({
      firstTaskId: highest ? BigInt(highest) + 1n : undefined,
      ...overrides.lingxingSandbox,
    }).start();
    deps.cleanup.add('ERP sandbox', () => sandbox!.close());
    erp = { baseUrl: sandbox.url, ...SANDBOX_ERP_APP };
    logger.info(
      { upstream: 'lingxing', baseUrl: erp.baseUrl },
      'no ERP credentials configured: using the embedded ERP sandbox',
    );
  }
  const lingxing = new LingxingClient({
    ...erp,
    logger,
    metrics: deps.metrics,
    dispatcher: overrides.dispatcher,
    clock: deps.clock,
    timeoutMs: config.lingxing.timeoutMs,
    replicas: redis ? 1 : config.lingxing.replicas,
    permitPool: redis
      ? (operation, capacity) =>
          new (redisPermits().DistributedPermits)(
            redis,
            `erp:permits:${appKey(erp.appId)}:${operation}`,
            capacity,
            logger,
          )
      : undefined,
    // one token per appId for every replica on this store (a new token supersedes the old: docs/upstreams/lingxing.md)
    sharedTokens: store.sharedTokens(deps.clock),
    ...overrides.lingxingClient,
  });
  return { lingxing, sandbox };
}

/** Amazon: the configured app and sellers, or the embedded SP-API sandbox with its demo sellers. */
export async function connectAmazon(deps: UpstreamDeps): Promise<{
  spApi: SpApiClient;
  lwa: LwaTokens;
  sellers: SellerAuthorization[];
  sandbox?: SpApiSandbox;
}> {
  const { config, overrides, logger, store, redis, clock } = deps;
  // the app's credentials and sellers: configured, or the embedded sandbox's demo ones
  let amazon: {
    clientId: string;
    clientSecret: string;
    lwaUrl: string;
    endpoint?: string;
    sellers: SellerAuthorization[];
  };
  let sandbox: SpApiSandbox | undefined;
  if (config.spApi.mode === 'live') {
    amazon = config.spApi;
  } else {
    const { SpApiSandbox, SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } = spApiSandbox();
    sandbox = await new SpApiSandbox(overrides.spApiSandbox).start();
    deps.cleanup.add('SP-API sandbox', () => sandbox!.close());
    amazon = { ...SANDBOX_SPAPI_APP, lwaUrl: sandbox.lwaUrl, endpoint: sandbox.url, sellers: SANDBOX_SPAPI_SELLERS };
    logger.info(
      { upstream: 'sp-api', endpoint: amazon.endpoint },
      'no SP-API credentials configured: using the embedded SP-API sandbox',
    );
  }
  // Login with Amazon, then the client that paces, signs and retries every call
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
    metrics: deps.metrics,
    endpoint: amazon.endpoint,
    dispatcher: overrides.dispatcher,
    clock,
    timeoutMs: config.spApi.timeoutMs,
    sharedBucket: redis
      ? (key, rate, burst, margin) =>
          new (redisTokenBucket().RedisTokenBucket)(
            redis,
            `spapi:bucket:${appKey(amazon.clientId)}:${key}`,
            rate,
            burst,
            margin,
          )
      : undefined,
    ...overrides.spApiClient,
  });
  return { spApi, lwa, sellers: amazon.sellers, sandbox };
}
