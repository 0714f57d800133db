import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { Access, type Principal } from './auth/principal';
import type { TokenVerifier } from './auth/verifier';
import type { GraphQLFormattedError } from 'graphql';
import { createContext, type Context, type Services } from './context';
import {
  ClientClosedError,
  isClientSafe,
  OperationTimeoutError,
  QueryTooLargeError,
  UnauthenticatedError,
} from './errors';
import type { Logger } from './logger';
import { redactInputValues } from './redact';
import type { Metrics } from './metrics';
import { buildAppSchema } from './build-schema';
import { checkDocument, type DocumentLimits } from './limits/document-limits';
import type { CostBuckets } from './limits/cost-buckets';
import { costPlugin } from './limits/plugin';
import { BoundedLabels } from './limits/labels';
import { operationScope } from './operation-scope';
import { ReadinessMonitor, type ReadinessCheck } from './readiness';

export type { ReadinessCheck } from './readiness';

/** What one operation may use (shared/API.md, "Cost and limits"). */
export interface OperationLimits {
  document: DocumentLimits;
  maxOperationCost: number;
  costBuckets: CostBuckets;
  /** OPERATION_TIMEOUT_MS: when an operation's queued upstream calls are dropped */
  operationTimeoutMs: number;
  /** request bodies over this many bytes are refused (default 1 MB) */
  maxBodyBytes?: number;
}

export interface GraphServerOptions {
  services: Services;
  metrics: Metrics;
  logger: Logger;
  production: boolean;
  introspection: boolean;
  /** browser origins allowed to call /graphql; `*` for any origin but `null` */
  corsOrigins: string[] | '*';
  /** how long in-flight operations may take to finish when the server stops (default 10 s) */
  shutdownTimeoutMs?: number;
  /** who is calling: a verified bearer token, or everyone when authentication is off */
  verifier: TokenVerifier;
  limits: OperationLimits;
  readiness?: ReadinessCheck[];
}

/** Apollo's own codes for a malformed request; their messages are safe to pass on. */
const REQUEST_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

const isRequestError = (code: unknown): boolean => typeof code === 'string' && REQUEST_ERROR_CODES.has(code);

/**
 * What a client sees of an error: ours and Apollo's request errors as they are (never with a
 * stack trace), anything else as a bare INTERNAL_SERVER_ERROR. The original is logged server-side.
 */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientSafe(unwrapResolverError(error))) return formatted;
  // graphql-js quotes the offending input value in these messages: keep the path, never the value
  if (isRequestError(formatted.extensions?.code))
    return { ...formatted, message: redactInputValues(formatted.message) };
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function observabilityPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  const names = new BoundedLabels();
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = (error.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
            // a client's mistake (parse, validation, bad variables) is news, not a fault: info, no stack, no values
            if (isRequestError(code)) {
              contextValue.logger.info({ operationName, code }, redactInputValues(error.message));
              continue;
            }
            const safe = isClientSafe(original);
            contextValue.logger[safe ? 'warn' : 'error'](
              { operationName, path: error.path, code, err: safe ? undefined : original },
              safe ? error.message : 'unexpected error while resolving',
            );
          }
        },
        async willSendResponse({ operation, operationName, errors, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.graphqlDuration.observe(
            { operation_name: names.label(operationName), operation_type: operation?.operation ?? 'unknown', outcome },
            seconds,
          );
          // the access log: one line per operation
          contextValue.logger.info(
            {
              operationName: operationName?.slice(0, 100) ?? null,
              operationType: operation?.operation ?? null,
              ms: Math.round(seconds * 1000),
              cost: contextValue.cost ?? 0,
              upstreamCalls: operationScope.getStore()?.upstreamCalls ?? 0,
              upstreamRequestIds: operationScope.getStore()?.upstreamRequestIds,
              outcome,
              errorCodes: errors?.length
                ? [...new Set(errors.map((e) => (e.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR'))]
                : undefined,
            },
            'operation',
          );
        },
      };
    },
  };
}

/**
 * Authentication before any resolver runs: a request that carries an operation needs a valid
 * bearer token, else HTTP 401 with one UNAUTHENTICATED error. A plain GET (Apollo Sandbox's landing
 * page, which then sends the token the user pastes into its headers) needs none.
 */
function authenticate(verifier: TokenVerifier, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const landingPage = req.method === 'GET' && !new URL(req.url, 'http://x').searchParams.has('query');
    if (landingPage && verifier.enabled) {
      res.locals.principal = { sub: '', sellers: new Set(), stores: new Set(), scopes: new Set() } satisfies Principal;
      return next();
    }
    verifier.authenticate(req.headers.authorization).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof UnauthenticatedError)) return next(error);
        logger.info({ code: error.code, reason: error.message }, 'request refused: not authenticated');
        res
          .status(401)
          .set('www-authenticate', 'Bearer')
          .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      },
    );
  };
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)$/;

/** The JSON answer for a request refused before GraphQL runs. */
function refuse(
  res: Parameters<RequestHandler>[1],
  status: number,
  message: string,
  extensions: Record<string, unknown>,
) {
  res.status(status).json({ errors: [{ message, extensions }] });
}

/**
 * Size limits before Apollo parses and validates (graphql-js's overlapping-fields validation is
 * quadratic): tokens while parsing, then aliases, depth and `_entities` representations. A
 * document that passed is remembered, so repeated operations are checked once.
 */
function documentGate(limits: DocumentLimits, logger: Logger): RequestHandler {
  const passed = new Set<string>();
  return (req, res, next) => {
    const body: unknown = req.body;
    const fromBody = req.method === 'POST' && body !== null && typeof body === 'object';
    const source = (fromBody ? body : req.query) as { query?: unknown; variables?: unknown };
    if (typeof source.query !== 'string') return next();
    let variables = source.variables as Record<string, unknown> | undefined;
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables) as Record<string, unknown>;
      } catch {
        return next(); // Apollo answers malformed variables itself
      }
    }
    const mentionsEntities = source.query.includes('_entities');
    if (!mentionsEntities && passed.has(source.query)) return next();
    try {
      checkDocument(source.query, variables, limits);
    } catch (error) {
      if (!(error instanceof QueryTooLargeError)) return next(); // a syntax error: Apollo reports it
      logger.info({ code: error.code, limit: error.extensions.limit }, error.message);
      return refuse(res, 400, error.message, error.extensions);
    }
    if (!mentionsEntities) {
      if (passed.size >= 1_000) passed.clear();
      passed.add(source.query);
    }
    next();
  };
}

/**
 * The operation's scope: a signal that fires at its deadline or when its client goes away, and
 * the count of upstream requests it sent. Everything the operation does runs inside it.
 */
function operationScopeMiddleware(timeoutMs: number): RequestHandler {
  return (_req, res, next) => {
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(new OperationTimeoutError(timeoutMs)), timeoutMs);
    deadline.unref();
    res.on('close', () => {
      clearTimeout(deadline);
      if (!res.writableFinished) controller.abort(new ClientClosedError());
    });
    operationScope.run({ signal: controller.signal, upstreamCalls: 0 }, next);
  };
}

/** Malformed or over-large HTTP bodies get a JSON GraphQL error, never Express's HTML page. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error.type === 'entity.too.large')
      return refuse(res, 413, 'The request body is too large.', { code: 'QUERY_TOO_LARGE' });
    if (error.type === 'entity.parse.failed' || error.status === 400)
      return refuse(res, 400, 'The request body is not valid JSON.', { code: 'BAD_REQUEST' });
    logger.error({ err: error }, 'unexpected error in the HTTP layer');
    refuse(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
  };
}

/** Reflects an allowed browser origin, never `null`; loopback entries allow any port. */
export function corsOrigin(allowed: string[] | '*') {
  return (origin: string | undefined, callback: (error: Error | null, allow?: boolean | string) => void) => {
    if (!origin || origin === 'null') return callback(null, false);
    const ok =
      allowed === '*' ||
      allowed.some(
        (a) =>
          origin === a ||
          (LOOPBACK_ORIGIN.test(a) && origin.startsWith(`${a}:`) && /^\d+$/.test(origin.slice(a.length + 1))),
      );
    callback(null, ok ? origin : false);
  };
}

export class GraphServer {
  readonly httpServer: Server;
  private readonly apollo: ApolloServer<Context>;
  private readonly app = express();
  private started = false;
  private readonly readiness: ReadinessMonitor;

  private constructor(
    private readonly options: GraphServerOptions,
    schema: Awaited<ReturnType<typeof buildAppSchema>>,
  ) {
    this.httpServer = createServer(this.app);
    this.readiness = new ReadinessMonitor(options.readiness ?? [], options.logger);
    this.apollo = new ApolloServer<Context>({
      schema,
      // Apollo's own messages (e.g. federation inline tracing) as structured logs, not console lines
      logger: options.logger.child({ component: 'apollo' }),
      introspection: options.introspection,
      includeStacktraceInErrorResponses: false,
      // the gate refuses over-long documents first; this keeps Apollo's own parse bounded too
      parseOptions: { maxTokens: options.limits.document.maxTokens },
      // the process owns SIGINT/SIGTERM (src/index.ts): one shutdown path, never a second stop()
      stopOnTerminationSignals: false,
      formatError: formatClientError,
      plugins: [
        ApolloServerPluginDrainHttpServer({
          httpServer: this.httpServer,
          stopGracePeriodMillis: options.shutdownTimeoutMs ?? 10_000,
        }),
        options.production
          ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
          : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
        // cache hints are not used here (nothing is cached by HTTP): no per-field cache-control work
        ApolloServerPluginCacheControlDisabled(),
        observabilityPlugin(options.metrics),
        costPlugin({ maxOperationCost: options.limits.maxOperationCost, buckets: options.limits.costBuckets }),
      ],
    });
  }

  static async create(options: GraphServerOptions): Promise<GraphServer> {
    return new GraphServer(options, await buildAppSchema());
  }

  /** Starts Apollo and listens; resolves with the /graphql URL. */
  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await this.apollo.start();
    const { services, metrics, logger } = this.options;
    const app = this.app;
    app.disable('x-powered-by');
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', (_req, res) => {
      // from the last background round: answers at once whatever the upstreams do
      const { ready: checksPass, checks } = this.readiness.current;
      const ready = this.started && checksPass;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
    });
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    const { limits, verifier } = this.options;
    app.use(
      '/graphql',
      cors({ origin: corsOrigin(this.options.corsOrigins), maxAge: 600 }),
      express.json({ limit: limits.maxBodyBytes ?? 1_048_576 }),
      authenticate(verifier, logger),
      documentGate(limits.document, logger),
      operationScopeMiddleware(limits.operationTimeoutMs),
      expressMiddleware(this.apollo, {
        context: async ({ req, res }) => {
          const requestId =
            (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) ||
            randomUUID();
          const principal = (res.locals as { principal: Principal }).principal;
          // the cost bucket: per token subject, or per client address when nobody authenticates
          const caller = verifier.enabled ? `sub:${principal.sub}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
          return createContext(services, new Access(principal), logger.child({ requestId, caller }), caller);
        },
      }),
    );
    app.use(jsonErrors(logger));
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, resolve);
    });
    this.started = true;
    this.readiness.start();
    return this.url;
  }

  get url(): string {
    const a = this.httpServer.address() as AddressInfo;
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${a.port}/graphql`;
  }

  /** Stops taking requests, lets in-flight ones finish, then closes. */
  async close(): Promise<void> {
    this.started = false;
    await this.readiness.stop();
    await this.apollo.stop();
  }
}
