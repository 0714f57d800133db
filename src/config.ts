import { readFileSync } from 'node:fs';
import type { AuthConfig } from './auth/verifier';
import { TrustedDocuments } from './admission/trusted-documents';
import { parseSellers, type SellerAuthorization } from './upstreams/sp-api/sellers';

/**
 * The process interface (docs/api.md): every setting comes from the environment; each secret
 * may come from a file named by `<NAME>_FILE` instead, so it never has to sit in the environment.
 */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  logLevel: string;
  /** SHUTDOWN_DELAY_MS: after a signal, how long the server still takes requests while /readyz says 503 */
  shutdownDelayMs: number;
  /** STARTUP_CONNECT_TIMEOUT_MS: how long start-up keeps trying an unreachable DATABASE_URL or REDIS_URL */
  startupConnectTimeoutMs: number;
  /** GRAPHQL_INTROSPECTION; off in production unless turned on, on elsewhere (Sandbox and codegen need it) */
  introspection: boolean;
  /** GRAPHQL_IDE: GraphiQL on a browser's GET /graphql; follows GRAPHQL_INTROSPECTION unless set (it needs the schema) */
  ide: boolean;
  /** browser origins allowed on /graphql (CORS_ORIGINS, or the development defaults); `*` is any but `null` */
  corsOrigins: string[] | '*';
  auth: AuthConfig;
  /** SHUTDOWN_TIMEOUT_MS: how long in-flight operations may finish after SIGTERM/SIGINT */
  shutdownTimeoutMs: number;
  /**
   * METRICS_TOKEN: a bearer token that /metrics and /readyz's details require. In production,
   * without it, /metrics is not served on the public port (404) and /readyz says only ready or not.
   */
  metricsToken?: string;
  /** TRUSTED_DOCUMENTS: a manifest of the documents frontends were built with, runnable by id */
  trustedDocuments?: TrustedDocuments;
  /** TRUSTED_DOCUMENTS_ONLY=true: nothing but those documents runs (default false) */
  trustedDocumentsOnly: boolean;
  limits: LimitsConfig;
  /** REDIS_URL: replicas share pacing, permits and events through it; absent: one process, all in memory */
  redis?: { url: string; keyPrefix: string };
  /** settings that still work but are going away, for a warning at start-up */
  deprecated: string[];
  lingxing: LingxingConfig;
  spApi: SpApiConfig;
  store: StoreConfig;
  subscriptions: SubscriptionsConfig;
}

/** Push (docs/api.md). */
export interface SubscriptionsConfig {
  /** SPAPI_NOTIFICATION_SECRET(_FILE): the shared secret of POST /notifications/sp-api; unset: the endpoint is off (a generated one links the embedded sandbox) */
  notificationSecret?: string;
  /** FBA_RECONCILE_INTERVAL_MS: how often a subscribed open FBA order is read without a notification */
  fbaReconcileMs: number;
  /** TASK_WATCHED_POLL_MS: how often a subscribed unfinished task is polled (the fast end of the backoff) */
  taskWatchedPollMs: number;
  /** MAX_SUBSCRIPTIONS_PER_CONNECTION */
  maxPerConnection: number;
  /** MAX_SUBSCRIPTIONS_PER_CALLER: open at once across all of a caller's sockets and router callbacks */
  maxPerCaller: number;
  /** SUBSCRIPTION_CALLBACK_URLS: URL prefixes Apollo Router's callbacks may go to (the gateway posts there); loopback by default outside production, none in production */
  callbackUrlPrefixes: string[];
}

/** What one operation and one caller may use (docs/api.md). */
export interface LimitsConfig {
  maxQueryTokens: number;
  maxAliases: number;
  maxDepth: number;
  maxEntities: number;
  maxRepeatedFields: number;
  maxOperationCost: number;
  costBucketSize: number;
  costRestorePerSecond: number;
  operationTimeoutMs: number;
}

export interface StoreConfig {
  /** PostgreSQL when set; else embedded SQLite under `dataDir` */
  databaseUrl?: string;
  dataDir: string;
  /** buyers' personal data is kept this long (PERSONAL_DATA_RETENTION_DAYS, default 30) */
  retentionDays: number;
  /** how often the refresher polls unfinished tasks and purges expired personal data; 0 turns it off */
  refreshIntervalMs: number;
  /** how long an idempotency claim protects a request in progress */
  idempotencyLeaseMs: number;
}

export type SpApiConfig =
  | {
      mode: 'live';
      clientId: string;
      clientSecret: string;
      lwaUrl: string;
      endpoint?: string;
      sellers: SellerAuthorization[];
      timeoutMs: number;
    }
  | { mode: 'sandbox'; timeoutMs: number };

/** ERP_STORES_REFRESH_MS: how long the ERP's store list is used before it is fetched again */
type ErpCommon = { timeoutMs: number; replicas: number; storesRefreshMs: number };
export type LingxingConfig =
  ({ mode: 'live'; baseUrl: string; appId: string; appSecret: string } & ErpCommon) | ({ mode: 'sandbox' } & ErpCommon);

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function secret(env: Env, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigError(
        `${name}_FILE names a file that cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'} ${file}`,
      );
    }
  }
  const value = env[name];
  return value === '' ? undefined : value;
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer (got "${raw}")`);
  return n;
}

/** `true` or `false` in any letter case; anything else is a mistake, not a silent `false`. */
function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

/** pino's levels, least to most verbose, and `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function logLevel(env: Env): string {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  return raw;
}

/** Browser origins allowed outside production when CORS_ORIGINS is unset: Apollo Sandbox and local frontends. */
export const DEVELOPMENT_CORS_ORIGINS = [
  'https://studio.apollographql.com',
  'https://sandbox.embed.apollographql.com',
  'http://localhost',
  'http://127.0.0.1',
];

function positive(env: Env, name: string, fallback: number): number {
  const n = int(env, name, fallback);
  if (n === 0) throw new ConfigError(`${name} must be at least 1`);
  return n;
}

/** NODE_ENV values this server knows; any other is a mistake (e.g. `prod`), not a silent development mode. */
const NODE_ENVS = new Set(['production', 'development', 'test']);

export function loadConfig(env: Env = process.env): Config {
  // 1. the mode, and the upstreams (live or sandbox), which decide what production refuses
  const nodeEnv = (env.NODE_ENV ?? '').trim().toLowerCase();
  if (nodeEnv && !NODE_ENVS.has(nodeEnv))
    throw new ConfigError(`NODE_ENV must be production, development or test (got "${env.NODE_ENV}")`);
  const production = nodeEnv === 'production';
  const lingxing = loadLingxing(env);
  const spApi = loadSpApi(env);
  const sandboxes = [lingxing.mode === 'sandbox' && 'ERP', spApi.mode === 'sandbox' && 'SP-API'].filter(Boolean);
  const allowSandbox = bool(env, 'ALLOW_SANDBOX', false);
  if (production && sandboxes.length && !allowSandbox) {
    throw new ConfigError(
      `NODE_ENV=production with no ${sandboxes.join(' or ')} credentials would serve the embedded sandbox: configure the credentials, or set ALLOW_SANDBOX=true to run on the sandbox on purpose`,
    );
  }
  // 2. who may call, the stores, the secrets
  const auth = loadAuth(env, { production, allSandbox: sandboxes.length === 2 });
  const redisUrl = secret(env, 'REDIS_URL'); // it may carry a password
  const databaseUrl = secret(env, 'DATABASE_URL');
  if (redisUrl && !databaseUrl)
    throw new ConfigError('REDIS_URL (several replicas) needs DATABASE_URL: replicas share one PostgreSQL store');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  const notificationSecret = secret(env, 'SPAPI_NOTIFICATION_SECRET');
  if (notificationSecret !== undefined && Buffer.byteLength(notificationSecret) < 32)
    throw new ConfigError(
      'SPAPI_NOTIFICATION_SECRET must be at least 32 bytes: anyone who guesses it can post notifications',
    );
  const deprecated: string[] = [];
  if (env.LINGXING_REPLICAS)
    deprecated.push(
      redisUrl
        ? 'LINGXING_REPLICAS is ignored: with REDIS_URL the replicas share the ERP capacity through Redis; remove it'
        : 'LINGXING_REPLICAS is deprecated and goes away in the next release: run replicas with REDIS_URL instead',
    );
  // 3. everything else, each variable parsed where it is named (the IDE follows introspection unless set)
  const introspection = bool(env, 'GRAPHQL_INTROSPECTION', !production);
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    production,
    logLevel: logLevel(env),
    introspection,
    ide: bool(env, 'GRAPHQL_IDE', introspection),
    corsOrigins: corsOrigins(env, production),
    auth,
    redis: redisUrl ? { url: redisUrl, keyPrefix: env.REDIS_KEY_PREFIX || 'fulfillment-graph:' } : undefined,
    deprecated,
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    shutdownDelayMs: int(env, 'SHUTDOWN_DELAY_MS', 0),
    startupConnectTimeoutMs: int(env, 'STARTUP_CONNECT_TIMEOUT_MS', 30_000),
    metricsToken: metricsToken(env),
    ...trustedDocuments(env),
    limits: loadLimits(env),
    lingxing,
    spApi,
    store: {
      databaseUrl, // it may carry a password
      dataDir: env.DATA_DIR || './data',
      retentionDays: int(env, 'PERSONAL_DATA_RETENTION_DAYS', 30),
      refreshIntervalMs: int(env, 'TASK_REFRESH_INTERVAL_MS', 5_000),
      idempotencyLeaseMs: int(env, 'IDEMPOTENCY_LEASE_MS', 120_000),
    },
    subscriptions: loadSubscriptions(env, production, notificationSecret),
  };
}

/** The ERP: live with LINGXING_APP_ID and LINGXING_APP_SECRET, else the embedded sandbox. */
function loadLingxing(env: Env): LingxingConfig {
  const appId = env.LINGXING_APP_ID || undefined;
  const appSecret = secret(env, 'LINGXING_APP_SECRET');
  const timeoutMs = int(env, 'LINGXING_TIMEOUT_MS', 15_000);
  const replicas = Math.max(1, int(env, 'LINGXING_REPLICAS', 1));
  const storesRefreshMs = int(env, 'ERP_STORES_REFRESH_MS', 300_000);
  if (Boolean(appId) !== Boolean(appSecret)) {
    throw new ConfigError('Set both LINGXING_APP_ID and LINGXING_APP_SECRET (or neither, for the embedded sandbox)');
  }
  // the appId is the AES-128 key of every signature (docs/upstreams/lingxing.md): 16 bytes, or every call fails
  if (appId && Buffer.byteLength(appId, 'utf8') !== 16) {
    throw new ConfigError(
      `LINGXING_APP_ID must be 16 bytes (it keys the AES-128 signature); got ${Buffer.byteLength(appId, 'utf8')}`,
    );
  }
  return appId && appSecret
    ? {
        mode: 'live',
        appId,
        appSecret,
        timeoutMs,
        replicas,
        storesRefreshMs,
        baseUrl: (env.LINGXING_BASE_URL || 'https://openapi.lingxing.com').replace(/\/+$/, ''),
      }
    : { mode: 'sandbox', timeoutMs, replicas, storesRefreshMs };
}

function loadLimits(env: Env): Config['limits'] {
  return {
    maxQueryTokens: positive(env, 'MAX_QUERY_TOKENS', 5_000),
    maxAliases: int(env, 'MAX_ALIASES', 100),
    maxDepth: positive(env, 'MAX_DEPTH', 12),
    maxEntities: int(env, 'MAX_ENTITIES', 200),
    maxRepeatedFields: positive(env, 'MAX_REPEATED_FIELDS', 20),
    maxOperationCost: int(env, 'MAX_OPERATION_COST', 100),
    costBucketSize: positive(env, 'COST_BUCKET_SIZE', 1_000),
    costRestorePerSecond: positive(env, 'COST_RESTORE_PER_SECOND', 100),
    operationTimeoutMs: positive(env, 'OPERATION_TIMEOUT_MS', 30_000),
  };
}

function loadSubscriptions(
  env: Env,
  production: boolean,
  notificationSecret: string | undefined,
): Config['subscriptions'] {
  return {
    notificationSecret,
    fbaReconcileMs: positive(env, 'FBA_RECONCILE_INTERVAL_MS', 300_000),
    taskWatchedPollMs: positive(env, 'TASK_WATCHED_POLL_MS', 5_000),
    maxPerConnection: positive(env, 'MAX_SUBSCRIPTIONS_PER_CONNECTION', 100),
    maxPerCaller: positive(env, 'MAX_SUBSCRIPTIONS_PER_CALLER', 100),
    callbackUrlPrefixes: env.SUBSCRIPTION_CALLBACK_URLS
      ? env.SUBSCRIPTION_CALLBACK_URLS.split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : production
        ? []
        : ['http://127.0.0.1:*', 'http://localhost:*'],
  };
}

function trustedDocuments(env: Env): Pick<Config, 'trustedDocuments' | 'trustedDocumentsOnly'> {
  const path = env.TRUSTED_DOCUMENTS || undefined;
  const only = env.TRUSTED_DOCUMENTS_ONLY?.trim().toLowerCase();
  if (only && only !== 'true' && only !== 'false')
    throw new ConfigError(`TRUSTED_DOCUMENTS_ONLY must be true or false (got "${env.TRUSTED_DOCUMENTS_ONLY}")`);
  if (only === 'true' && !path)
    throw new ConfigError('TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS (a manifest file)');
  if (!path) return { trustedDocumentsOnly: false };
  try {
    return { trustedDocuments: TrustedDocuments.fromFile(path), trustedDocumentsOnly: only === 'true' };
  } catch (error) {
    throw new ConfigError(`TRUSTED_DOCUMENTS: ${(error as Error).message}`);
  }
}

function metricsToken(env: Env): string | undefined {
  const token = secret(env, 'METRICS_TOKEN');
  if (token !== undefined && Buffer.byteLength(token, 'utf8') < 16)
    throw new ConfigError('METRICS_TOKEN must be at least 16 bytes');
  return token;
}

function corsOrigins(env: Env, production: boolean): string[] | '*' {
  const raw = env.CORS_ORIGINS?.trim();
  if (raw === '*') return '*';
  if (raw)
    return raw
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter((o) => o && o !== 'null');
  return production ? [] : DEVELOPMENT_CORS_ORIGINS;
}

function loadAuth(env: Env, context: { production: boolean; allSandbox: boolean }): AuthConfig {
  const explicit = env.AUTH_MODE?.trim();
  if (explicit && explicit !== 'jwt' && explicit !== 'off')
    throw new ConfigError(`AUTH_MODE must be jwt or off (got "${explicit}")`);
  if (explicit === 'off') {
    return { mode: 'off', reason: context.allSandbox ? 'AUTH_MODE=off' : 'AUTH_MODE=off with a live upstream' };
  }
  if (!explicit && context.allSandbox) {
    if (context.production)
      throw new ConfigError(
        'NODE_ENV=production would run with authentication off: configure AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET, or set AUTH_MODE=off on purpose',
      );
    return { mode: 'off', reason: 'both upstreams are the embedded sandboxes' };
  }
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  const publicKeyPem = secret(env, 'AUTH_JWT_PUBLIC_KEY');
  const jwtSecret = secret(env, 'AUTH_JWT_SECRET');
  const keys = [jwksUrl, publicKeyPem, jwtSecret].filter(Boolean).length;
  const reason = explicit ? 'AUTH_MODE=jwt' : 'an upstream is live';
  if (keys === 0)
    throw new ConfigError(
      `Authentication is on (${reason}) but no key is configured: set AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY(_FILE) or AUTH_JWT_SECRET(_FILE)`,
    );
  if (keys > 1) throw new ConfigError('Set only one of AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY and AUTH_JWT_SECRET');
  if (jwtSecret && Buffer.byteLength(jwtSecret, 'utf8') < 32)
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 bytes');
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError('AUTH_JWKS_URL must be an http(s) URL');
  if (publicKeyPem && !publicKeyPem.includes('-----BEGIN PUBLIC KEY-----'))
    throw new ConfigError('AUTH_JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)');
  return {
    mode: 'jwt',
    reason,
    jwksUrl,
    publicKeyPem,
    secret: jwtSecret,
    issuer: env.AUTH_ISSUER || undefined,
    audience: env.AUTH_AUDIENCE || undefined,
    maxLifetimeSeconds: positive(env, 'AUTH_MAX_TOKEN_LIFETIME_S', 366 * 24 * 3600),
  };
}

function loadSpApi(env: Env): SpApiConfig {
  const clientId = env.SPAPI_CLIENT_ID || undefined;
  const clientSecret = secret(env, 'SPAPI_CLIENT_SECRET');
  const timeoutMs = int(env, 'SPAPI_TIMEOUT_MS', 15_000);
  if (Boolean(clientId) !== Boolean(clientSecret)) {
    throw new ConfigError('Set both SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET (or neither, for the embedded sandbox)');
  }
  if ((env.SPAPI_SELLERS || env.SPAPI_SELLERS_FILE) && !clientId) {
    throw new ConfigError(
      'SPAPI_SELLERS is set without the app credentials: set SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET too',
    );
  }
  if (!clientId || !clientSecret) return { mode: 'sandbox', timeoutMs };
  // SPAPI_SELLERS holds refresh tokens: like any secret it may come from a file (SPAPI_SELLERS_FILE)
  const sellersJson = secret(env, 'SPAPI_SELLERS');
  if (!sellersJson)
    throw new ConfigError('SPAPI_SELLERS (or SPAPI_SELLERS_FILE) must list at least one seller authorization');
  let sellers: SellerAuthorization[];
  try {
    sellers = parseSellers(sellersJson);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    mode: 'live',
    clientId,
    clientSecret,
    lwaUrl: env.SPAPI_LWA_URL || 'https://api.amazon.com/auth/o2/token',
    endpoint: env.SPAPI_ENDPOINT ? env.SPAPI_ENDPOINT.replace(/\/+$/, '') : undefined,
    sellers,
    timeoutMs,
  };
}
