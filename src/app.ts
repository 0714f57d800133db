import type { Dispatcher } from 'undici';
import type { Config } from './config';
import { LingxingClient, type LingxingClientOptions } from './datasources/lingxing/client';
import { LingxingFulfillment } from './datasources/lingxing/fulfillment';
import type { Clock } from './datasources/shared/clock';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { LingxingSandbox, type LingxingSandboxOptions } from './sandbox/lingxing/server';
import { SANDBOX_ERP_APP } from './sandbox/lingxing/fixtures';
import { GraphServer } from './server';

export interface AppOverrides {
  logger?: Logger;
  dispatcher?: Dispatcher;
  clock?: Clock;
  /** options for the embedded ERP sandbox when no ERP credentials are configured */
  lingxingSandbox?: LingxingSandboxOptions;
  /** client tuning (backoff policies, timeouts) for tests and benchmarks */
  lingxingClient?: Partial<Pick<LingxingClientOptions, 'throttleBackoff' | 'transientBackoff' | 'random' | 'refreshSkewMs'>>;
}

export interface RunningApp {
  /** the /graphql URL */
  url: string;
  server: GraphServer;
  lingxing: LingxingClient;
  metrics: Metrics;
  /** the embedded upstream doubles, present when they are in use */
  sandboxes: { lingxing?: LingxingSandbox };
  close(): Promise<void>;
}

/** Builds every long-lived service from the config, starts the embedded sandboxes it needs, and listens. */
export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const metrics = new Metrics({ defaultMetrics: true });
  const sandboxes: RunningApp['sandboxes'] = {};

  let erp: { baseUrl: string; appId: string; appSecret: string };
  if (config.lingxing.mode === 'live') {
    erp = config.lingxing;
  } else {
    sandboxes.lingxing = await new LingxingSandbox(overrides.lingxingSandbox).start();
    erp = { baseUrl: sandboxes.lingxing.url, ...SANDBOX_ERP_APP };
    logger.info({ upstream: 'lingxing', baseUrl: erp.baseUrl }, 'no ERP credentials configured: using the embedded ERP sandbox');
  }
  const lingxing = new LingxingClient({ ...erp, logger, metrics, dispatcher: overrides.dispatcher, clock: overrides.clock, timeoutMs: config.lingxing.timeoutMs, ...overrides.lingxingClient });

  const server = await GraphServer.create({
    services: { lingxing: { fulfillment: new LingxingFulfillment(lingxing) }, logger },
    metrics,
    logger,
    production: config.production,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    readiness: [{ name: 'lingxing', check: async () => void (await lingxing.tokens.get()) }],
  });
  let url: string;
  try {
    url = await server.listen(config.port, config.host);
  } catch (error) {
    await sandboxes.lingxing?.close();
    throw error;
  }
  logger.info({ url, mode: { lingxing: config.lingxing.mode } }, 'fulfillment graph listening');

  return {
    url,
    server,
    lingxing,
    metrics,
    sandboxes,
    async close() {
      await server.close();
      await sandboxes.lingxing?.close();
    },
  };
}
