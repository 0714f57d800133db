import 'reflect-metadata';
import { UnreachableError } from './app/reach';
import { stopTracing } from './platform/tracing';
import { startApp } from './app/start';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './platform/logger';

/**
 * The server process (started by `src/index.ts` once the Node version is known to be right): read
 * the config, start, and own the one shutdown path. SIGTERM or SIGINT stops
 * taking requests, lets in-flight operations finish for at most SHUTDOWN_TIMEOUT_MS, closes every
 * resource and exits 0; a second signal exits at once (docs/operations.md).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  let app;
  try {
    app = await startApp(config, { logger });
  } catch (error) {
    // a mistake found while starting (a store that refuses the credentials): the variable is named
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    // a store or Redis that could not be reached within STARTUP_CONNECT_TIMEOUT_MS
    if (error instanceof UnreachableError) {
      process.stderr.write(`cannot start: ${error.message}\n`);
      process.exit(69); // EX_UNAVAILABLE
    }
    throw error;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal, drainMs: config.shutdownTimeoutMs }, 'shutting down: draining in-flight operations');
    // a last resort beyond the drain deadline, for anything that will not close
    const force = setTimeout(
      () => {
        logger.error({ signal }, 'shutdown did not finish in time: exiting');
        process.exit(1);
      },
      config.shutdownDelayMs + config.shutdownTimeoutMs + 5_000,
    );
    force.unref();
    void app
      .drain(config.shutdownDelayMs)
      .then(() => app.close())
      // the spans of the last operations are sent before the process exits
      .then(() => stopTracing())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function run(): void {
  main().catch((error: unknown) => {
    process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
