import { readFileSync } from 'node:fs';
import { parseSellers, type SellerAuthorization } from './datasources/sp-api/sellers';

/**
 * The process interface (shared/API.md): every setting comes from the environment; each secret
 * may come from a file named by `<NAME>_FILE` instead, so it never has to sit in the environment.
 */
export interface Config {
  port: number;
  host: string;
  production: boolean;
  logLevel: string;
  /** Apollo turns introspection off in production; Sandbox and codegen need it, so it is explicit */
  introspection: boolean;
  /** CORS_ORIGINS: comma-separated browser origins allowed on /graphql, or `*` */
  corsOrigins?: string[] | '*';
  lingxing: LingxingConfig;
  spApi: SpApiConfig;
  store: StoreConfig;
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

export type LingxingConfig =
  | { mode: 'live'; baseUrl: string; appId: string; appSecret: string; timeoutMs: number; replicas: number }
  | { mode: 'sandbox'; timeoutMs: number; replicas: number };

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function secret(env: Env, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8').trim();
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

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const appId = env.LINGXING_APP_ID || undefined;
  const appSecret = secret(env, 'LINGXING_APP_SECRET');
  const timeoutMs = int(env, 'LINGXING_TIMEOUT_MS', 15_000);
  const replicas = Math.max(1, int(env, 'LINGXING_REPLICAS', 1));
  if (Boolean(appId) !== Boolean(appSecret)) {
    throw new ConfigError('Set both LINGXING_APP_ID and LINGXING_APP_SECRET (or neither, for the embedded sandbox)');
  }
  const lingxing: LingxingConfig =
    appId && appSecret
      ? {
          mode: 'live',
          appId,
          appSecret,
          timeoutMs,
          replicas,
          baseUrl: (env.LINGXING_BASE_URL || 'https://openapi.lingxing.com').replace(/\/+$/, ''),
        }
      : { mode: 'sandbox', timeoutMs, replicas };
  const spApi = loadSpApi(env);
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    production,
    logLevel: env.LOG_LEVEL || 'info',
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : true,
    corsOrigins:
      env.CORS_ORIGINS === '*'
        ? '*'
        : env.CORS_ORIGINS
          ? env.CORS_ORIGINS.split(',')
              .map((o) => o.trim())
              .filter(Boolean)
          : undefined,
    lingxing,
    spApi,
    store: {
      databaseUrl: secret(env, 'DATABASE_URL'), // it may carry a password
      dataDir: env.DATA_DIR || './data',
      retentionDays: int(env, 'PERSONAL_DATA_RETENTION_DAYS', 30),
      refreshIntervalMs: int(env, 'TASK_REFRESH_INTERVAL_MS', 5_000),
      idempotencyLeaseMs: int(env, 'IDEMPOTENCY_LEASE_MS', 120_000),
    },
  };
}

function loadSpApi(env: Env): SpApiConfig {
  const clientId = env.SPAPI_CLIENT_ID || undefined;
  const clientSecret = secret(env, 'SPAPI_CLIENT_SECRET');
  const timeoutMs = int(env, 'SPAPI_TIMEOUT_MS', 15_000);
  if (Boolean(clientId) !== Boolean(clientSecret)) {
    throw new ConfigError('Set both SPAPI_CLIENT_ID and SPAPI_CLIENT_SECRET (or neither, for the embedded sandbox)');
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
