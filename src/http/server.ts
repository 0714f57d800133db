import 'reflect-metadata';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginSubscriptionCallback } from '@apollo/server/plugin/subscriptionCallback';
import { Access, type Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verifier';
import { createContext, type Context, type Services } from '../graphql/context';
import { ClientClosedError, OperationEndedError, OperationTimeoutError } from '../errors';
import type { Logger } from '../platform/logger';
import { redactInputValues } from '../platform/redact';
import type { Metrics } from '../platform/metrics';
import { buildAppSchema } from '../graphql/build-schema';
import type { DocumentLimits } from '../admission/document-limits';
import { Admission, Refusal } from '../admission/admission';
import type { TrustedDocuments } from '../admission/trusted-documents';
import type { CostBudget } from '../admission/cost-buckets';
import { costPlugin } from '../admission/plugin';
import { operationScope } from '../platform/operation-scope';
import { ReadinessMonitor, type ReadinessCheck } from '../platform/readiness';
import { trace } from '@opentelemetry/api';
import { tracingOn } from '../platform/tracing';
import { attachWebSocket } from './ws';
import { formatClientError, observabilityPlugin } from './apollo-plugins';
import { answerPreflight, corsHeaders } from './cors';
import { readRequestFields } from './request-fields';
import { BodyTooLargeError, readRequestBody, refuse, sendJson } from './respond';
import { IDE_ASSET_PREFIX, type IdeAssets, wantsPage } from './ide';

import {
  MAX_NOTIFICATION_BYTES,
  NOTIFICATION_SECRET_HEADER,
  type SpApiNotificationIngest,
} from '../modules/fba-outbound-orders/fba-outbound-order.notifications';

export type { ReadinessCheck } from '../platform/readiness';

/** What one operation may use (docs/api.md). */
export interface OperationLimits {
  document: DocumentLimits;
  maxOperationCost: number;
  costBuckets: CostBudget;
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
  /** GraphiQL on a browser's GET /graphql (GRAPHQL_IDE); absent: no IDE is served */
  ide?: IdeAssets;
  /** METRICS_TOKEN: the bearer token /metrics and /readyz's details require (see `operator`) */
  metricsToken?: string;
  /** TRUSTED_DOCUMENTS and TRUSTED_DOCUMENTS_ONLY */
  trustedDocuments?: TrustedDocuments;
  trustedDocumentsOnly?: boolean;
  /** browser origins allowed to call /graphql; `*` for any origin but `null` */
  corsOrigins: string[] | '*';
  /** how long in-flight operations may take to finish when the server stops (default 10 s) */
  shutdownTimeoutMs?: number;
  /** who is calling: a verified bearer token, or everyone when authentication is off */
  verifier: TokenVerifier;
  limits: OperationLimits;
  readiness?: ReadinessCheck[];
  /** POST /notifications/sp-api; absent when no shared secret is configured (the path answers 404) */
  notifications?: SpApiNotificationIngest;
  /** subscriptions one WebSocket may hold at once (default 100) */
  maxSubscriptionsPerConnection?: number;
  /** subscriptions one caller may hold at once across its sockets and router callbacks (default 100) */
  maxSubscriptionsPerCaller?: number;
  /** URL prefixes Apollo Router's subscription callbacks may name; others are refused (the gateway would post there) */
  callbackUrlPrefixes?: string[];
}

/** The operation spans' tracer (a no-op unless OTEL_* turned tracing on). */
const TRACER = trace.getTracer('fulfillment-graph');

/** The reason an answered operation's leftovers are dropped: one shared instance (no stack built per request). */
const OPERATION_ENDED = new OperationEndedError();

/** Nobody: the principal of a plain GET of the IDE, which runs no operation. */
const NOBODY: Principal = { sub: '', sellers: new Set(), stores: new Set(), scopes: new Set() };

export class GraphServer {
  readonly httpServer: Server;
  private readonly apollo: ApolloServer<Context>;
  /** the one admission gate every way in passes (src/admission/admission.ts) */
  readonly admission: Admission;
  private started = false;
  /** set at the first signal: /readyz answers 503 while in-flight operations finish */
  private draining = false;
  private readonly readiness: ReadinessMonitor;
  private webSocket?: { close(): Promise<void> };

  private constructor(
    private readonly options: GraphServerOptions,
    private readonly schema: Awaited<ReturnType<typeof buildAppSchema>>,
  ) {
    this.httpServer = createServer((req, res) => this.handle(req, res));
    this.httpServer.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeouts
    this.admission = new Admission({
      schema,
      verifier: options.verifier,
      document: options.limits.document,
      maxOperationCost: options.limits.maxOperationCost,
      costBuckets: options.limits.costBuckets,
      introspection: options.introspection,
      hideSuggestions: options.production,
      callbackUrlPrefixes: options.callbackUrlPrefixes ?? [],
      maxSubscriptionsPerCaller: options.maxSubscriptionsPerCaller ?? 100,
      trustedDocuments: options.trustedDocuments,
      trustedOnly: options.trustedDocumentsOnly,
      finishedTasks: options.services.finishedTasks,
    });
    const admission = this.admission;
    this.readiness = new ReadinessMonitor(options.readiness ?? [], options.logger);
    this.apollo = new ApolloServer<Context>({
      schema,
      // Apollo's own messages (e.g. federation inline tracing) as structured logs, not console lines
      logger: options.logger.child({ component: 'apollo' }),
      introspection: options.introspection,
      includeStacktraceInErrorResponses: false,
      // the gate refuses over-long documents first; this keeps Apollo's own parse bounded too
      parseOptions: { maxTokens: options.limits.document.maxTokens },
      // Apollo runs only what the gate admitted, and takes the gate's parsed and validated document
      // (its keys are a schema hash, a colon, and the SHA-256 of the text): nothing is parsed or
      // validated twice. Persisted queries are the gate's (per caller), so Apollo's own are off.
      documentStore: {
        get: (key: string) => Promise.resolve(admission.checkedDocument(key.slice(key.lastIndexOf(':') + 1))),
        set: () => Promise.resolve(),
        delete: () => Promise.resolve(),
      },
      persistedQueries: false,
      hideSchemaDetailsFromClientErrors: options.production,
      // the process owns SIGINT/SIGTERM (src/index.ts): one shutdown path, never a second stop()
      stopOnTerminationSignals: false,
      formatError: formatClientError,
      plugins: [
        ApolloServerPluginDrainHttpServer({
          httpServer: this.httpServer,
          stopGracePeriodMillis: options.shutdownTimeoutMs ?? 10_000,
        }),
        // the IDE is this server's own GraphiQL (src/http/ide.ts), never a page that loads from a CDN
        ApolloServerPluginLandingPageDisabled(),
        // cache hints are not used here (nothing is cached by HTTP): no per-field cache-control work
        ApolloServerPluginCacheControlDisabled(),
        observabilityPlugin(options.metrics, options.logger),
        costPlugin(admission),
        // Apollo Router's HTTP callback protocol for subscriptions (the router asks; nothing runs otherwise)
        ApolloServerPluginSubscriptionCallback({
          logger: options.logger.child({ component: 'subscription-callback' }),
        }),
      ],
    });
  }

  static async create(options: GraphServerOptions): Promise<GraphServer> {
    return new GraphServer(options, await buildAppSchema());
  }

  /** Starts Apollo and listens; resolves with the /graphql URL. */
  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await this.apollo.start();
    this.webSocket = attachWebSocket(this.httpServer, {
      schema: this.schema,
      services: this.options.services,
      admission: this.admission,
      logger: this.options.logger,
      maxSubscriptionsPerConnection: this.options.maxSubscriptionsPerConnection ?? 100,
      formatError: formatClientError,
    });
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(port, host, resolve);
    });
    this.started = true;
    this.readiness.start();
    return this.url;
  }

  /**
   * Every HTTP request: health, readiness and metrics, then /graphql through CORS, the body, the
   * bearer token, the document limits and the operation's scope into Apollo. Node's own HTTP
   * server and Apollo's `executeHTTPGraphQLRequest`: no framework routing per request.
   */
  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path === '/graphql') {
      this.handleGraphql(req, res, q < 0 ? '' : url.slice(q)).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'unexpected error in the HTTP layer');
        if (!res.headersSent) refuse(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
        else res.destroy();
      });
      return;
    }
    if (path === '/notifications/sp-api' && this.options.notifications && req.method === 'POST') {
      this.handleNotification(req, res, this.options.notifications).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'unexpected error taking a notification');
        if (!res.headersSent) refuse(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 404, 'Not found', { code: 'NOT_FOUND' });
    if (path.startsWith(IDE_ASSET_PREFIX) && this.options.ide) {
      this.options.ide.serveAsset(req, res, path.slice(IDE_ASSET_PREFIX.length)).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'could not serve an IDE file');
        if (!res.headersSent) refuse(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
      });
      return;
    }
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      // this replica: started, not draining (503 from the first signal), its store and Redis
      // reachable; the upstreams are reported beside, never a reason to be unready. From the last
      // background round: answers at once whatever the upstreams do. What each check found is for
      // operators (outside production, or with the metrics token).
      const { ready: localOk, checks, upstreams } = this.readiness.current;
      const ready = this.started && !this.draining && localOk;
      const status = this.draining ? 'draining' : ready ? 'ready' : 'not ready';
      const details = this.operator(req) === 'yes';
      return sendJson(res, ready ? 200 : 503, { status, ...(details ? { checks, upstreams } : {}) });
    }
    if (path === '/metrics') {
      const operator = this.operator(req);
      if (operator === 'hidden') return refuse(res, 404, 'Not found', { code: 'NOT_FOUND' });
      if (operator === 'no')
        return refuse(
          res,
          401,
          'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.',
          { code: 'UNAUTHENTICATED' },
          { 'www-authenticate': 'Bearer' },
        );
      const { registry } = this.options.metrics;
      void registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      });
      return;
    }
    refuse(res, 404, 'Not found', { code: 'NOT_FOUND' });
  }

  /**
   * Whether a request may read what operators read (/metrics, /readyz's details): with
   * METRICS_TOKEN set, only with that bearer token; without it, anyone outside production, and in
   * production nobody ('hidden': /metrics is not served on the public port).
   */
  private operator(req: IncomingMessage): 'yes' | 'no' | 'hidden' {
    const { metricsToken, production } = this.options;
    if (metricsToken) {
      const sent = /^Bearer +(.+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1] ?? '';
      const a = Buffer.from(sent);
      const b = Buffer.from(metricsToken);
      return a.length === b.length && timingSafeEqual(a, b) ? 'yes' : 'no';
    }
    return production ? 'hidden' : 'yes';
  }

  private async handleGraphql(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const { services, logger, limits } = this.options;
    const admission = this.admission;
    const cors = corsHeaders(req, this.options.corsOrigins);
    if (req.method === 'OPTIONS') return answerPreflight(req, res, cors);

    const params = new URLSearchParams(search);
    // a plain GET: a browser opening the IDE (nothing to run, nobody to authenticate), or a client
    // that sent no operation (Apollo says what is missing)
    if (req.method === 'GET' && !params.has('query') && !params.has('extensions') && !params.has('documentId')) {
      if (!wantsPage(req)) return this.runApollo(req, res, cors, { method: 'GET', search: '', body: undefined });
      if (this.options.ide) return this.options.ide.servePage(req, res);
      return refuse(res, 404, 'No IDE here (GRAPHQL_IDE=true serves GraphiQL): send GraphQL operations by POST.', {
        code: 'NOT_FOUND',
      });
    }
    if (req.method !== 'GET' && req.method !== 'POST')
      return refuse(res, 405, 'Use GET or POST.', { code: 'BAD_REQUEST' }, { ...cors, allow: 'GET, POST' });

    const fields = await readRequestFields(req, res, params, limits.maxBodyBytes ?? 1_048_576, cors);
    if (!fields) return; // refused, and answered

    // the gate: authenticate → resolve the document → limits → validate → cost → the caller's bucket
    const caller = await admission.authenticate(req.headers.authorization, req.socket.remoteAddress);
    if (caller instanceof Refusal) return this.refuseOperation(res, caller, cors);
    const admitted = await admission.admit(caller, fields, req.method === 'GET' ? 'http-get' : 'http-post');
    if (admitted instanceof Refusal) return this.refuseOperation(res, admitted, cors);

    // what Apollo runs: the admitted document (already checked: Apollo takes it from the gate's
    // document store), and a router callback only when it passed the allow-list
    const request = {
      query: admitted.query,
      variables: admitted.variables,
      ...(admitted.operationName ? { operationName: admitted.operationName } : {}),
      ...(admitted.callback ? { extensions: { subscription: admitted.callback } } : {}),
    };
    const forApollo =
      req.method === 'GET'
        ? {
            method: 'GET',
            search: `?${new URLSearchParams({
              query: request.query,
              variables: JSON.stringify(request.variables),
              ...(request.operationName ? { operationName: request.operationName } : {}),
            }).toString()}`,
            body: undefined,
          }
        : { method: 'POST', search: '', body: request };
    const header = req.headers['x-request-id'];
    const requestId = (typeof header === 'string' && header.slice(0, 100)) || randomUUID();
    const context = () =>
      createContext(
        services,
        new Access(admitted.caller.principal),
        () => logger.child({ requestId, caller: admitted.caller.key }),
        admitted.caller.key,
        requestId,
        admission.admitted(admitted),
      );
    if (!tracingOn()) return this.runApollo(req, res, cors, forApollo, context);
    // one span per operation, a child of the incoming request's (and of the router's traceparent)
    const type = admitted.operation.operation;
    const name = (admitted.operationName ?? admitted.operation.name?.value)?.slice(0, 100);
    return TRACER.startActiveSpan(
      name ? `operation ${type} ${name}` : `operation ${type}`,
      {
        attributes: {
          'graphql.operation.type': type,
          ...(name ? { 'graphql.operation.name': name } : {}),
          'graphql.cost.requested': admitted.cost,
        },
      },
      async (span) => {
        try {
          await this.runApollo(req, res, cors, forApollo, context, (calls) =>
            span.setAttribute('graphql.cost.actual', Math.min(calls, admitted.cost)),
          );
        } finally {
          span.end();
        }
      },
    );
  }

  /** A refusal by the gate: its status, `Retry-After` when throttled, and the cost in `extensions` like any answer. */
  private refuseOperation(res: ServerResponse, refusal: Refusal, cors: Record<string, string>): void {
    this.options.logger.info(
      { code: refusal.code },
      `request refused: ${redactInputValues(refusal.errors[0]?.message ?? '')}`,
    );
    const errors = refusal.errors.map((e) => e.toJSON());
    const cost = refusal.errors[0]?.extensions?.cost;
    sendJson(
      res,
      refusal.status,
      { errors, ...(cost ? { extensions: { cost } } : {}) },
      { ...cors, ...refusal.headers },
    );
  }

  /**
   * Runs one request through Apollo within its operation's scope: a signal that fires at the
   * deadline, when the client goes away, and when the answer is complete, so that nothing the
   * operation queued (pacing waits, retries, loader batches) outlives its answer.
   */
  private async runApollo(
    req: IncomingMessage,
    res: ServerResponse,
    cors: Record<string, string>,
    request: { method: string; search: string; body: unknown },
    context?: () => Context,
    /** told the upstream calls the operation made, once it is answered (the operation span's actual cost) */
    onDone?: (upstreamCalls: number) => void,
  ): Promise<void> {
    const { limits } = this.options;
    const controller = new AbortController();
    const deadline = setTimeout(
      () => controller.abort(new OperationTimeoutError(limits.operationTimeoutMs)),
      limits.operationTimeoutMs,
    );
    deadline.unref();
    res.once('close', () => {
      clearTimeout(deadline);
      if (!res.writableFinished) controller.abort(new ClientClosedError());
    });
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let answer;
    const scope = { signal: controller.signal, upstreamCalls: 0 };
    try {
      answer = await operationScope.run(scope, () =>
        this.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { ...request, headers },
          context: async () => {
            const ctx = context?.() ?? createContext(this.options.services, new Access(NOBODY), undefined, '');
            const scope = operationScope.getStore();
            if (scope) scope.caller = ctx.caller;
            return ctx;
          },
        }),
      );
    } finally {
      // the answer is made: whatever is still queued for it is dropped (errors included: a field
      // that failed first must not leave its siblings' calls running)
      clearTimeout(deadline);
      if (!controller.signal.aborted) controller.abort(OPERATION_ENDED);
      onDone?.(scope.upstreamCalls);
    }
    const out: Record<string, string> = { ...cors };
    for (const [k, v] of answer.headers) out[k] = v;
    if (answer.body.kind === 'complete') {
      out['content-length'] = String(Buffer.byteLength(answer.body.string));
      res.writeHead(answer.status ?? 200, out);
      res.end(answer.body.string);
      return;
    }
    res.writeHead(answer.status ?? 200, out);
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** Amazon's notifications through an SQS-to-HTTP bridge: shared secret, schema, once per NotificationId. */
  private async handleNotification(
    req: IncomingMessage,
    res: ServerResponse,
    ingest: SpApiNotificationIngest,
  ): Promise<void> {
    let text: string;
    try {
      text = await readRequestBody(req, MAX_NOTIFICATION_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      refuse(res, 413, 'The notification is too large.', { code: 'BAD_NOTIFICATION' }, { connection: 'close' });
      return void req.resume();
    }
    const answer = await ingest.handle(req.headers[NOTIFICATION_SECRET_HEADER], text);
    sendJson(res, answer.status, answer.body);
  }

  get url(): string {
    const a = this.httpServer.address() as AddressInfo;
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${a.port}/graphql`;
  }

  /**
   * The first step of stopping: /readyz answers 503 (`draining`) from now on, while requests are
   * still taken for `ms` (SHUTDOWN_DELAY_MS), so a load balancer stops sending before the port closes.
   */
  async drain(ms: number): Promise<void> {
    this.draining = true;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  /** Stops taking requests, lets in-flight ones finish, then closes. */
  async close(): Promise<void> {
    this.started = false;
    this.draining = true;
    await this.readiness.stop();
    await this.webSocket?.close();
    await this.apollo.stop();
  }
}
