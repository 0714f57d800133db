import type { IncomingMessage } from 'node:http';
import type * as Sdk from '@opentelemetry/sdk-node';
import type * as Http from '@opentelemetry/instrumentation-http';
import type * as Undici from '@opentelemetry/instrumentation-undici';
import type * as Gql from '@opentelemetry/instrumentation-graphql';
import type * as Pg from '@opentelemetry/instrumentation-pg';
import type * as IoRedis from '@opentelemetry/instrumentation-ioredis';
import type * as Pino from '@opentelemetry/instrumentation-pino';

/**
 * OpenTelemetry traces, configured only by the standard OTEL_* variables and off, at no cost, when
 * none asks for them: the SDK is not even loaded. Started by `src/index.ts` before anything else is
 * loaded, so the instrumentations can patch Node's HTTP server, undici, graphql, pg, ioredis and
 * pino. An incoming W3C `traceparent` (Apollo Router, Hive Gateway) is continued; the operation span
 * is `src/http/server.ts`'s, the upstream client spans are `src/upstreams/shared/exchange.ts`'s, and
 * pino puts `trace_id` and `span_id` on every log line written inside them.
 *
 * Never in a span: input values (graphql's `allowValues` stays off), query strings (the ERP's
 * carries its token and signature: the URL attributes are cut to the path), Redis arguments.
 */

let sdk: { shutdown(): Promise<void> } | undefined;

/** Whether the OTEL_* variables ask for traces (an OTLP endpoint, or a traces exporter other than none). */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  const exporter = (env.OTEL_TRACES_EXPORTER ?? '').toLowerCase();
  if (exporter === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || exporter);
}

/** Whether spans are being recorded in this process. */
export function tracingOn(): boolean {
  return sdk !== undefined;
}

/** Starts the SDK when the environment asks for it; returns whether it did. */
export function startTracing(): boolean {
  if (!tracingRequested()) return false;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when traces are asked for */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof Sdk;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof Http;
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof Undici;
  const { GraphQLInstrumentation } = require('@opentelemetry/instrumentation-graphql') as typeof Gql;
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof Pg;
  const { IORedisInstrumentation } = require('@opentelemetry/instrumentation-ioredis') as typeof IoRedis;
  const { PinoInstrumentation } = require('@opentelemetry/instrumentation-pino') as typeof Pino;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const started = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME || 'fulfillment-graph',
    instrumentations: [
      new HttpInstrumentation({
        // health probes are not operations
        ignoreIncomingRequestHook: (req) => /^\/(healthz|readyz|metrics)\b/.test(req.url ?? ''),
        // outgoing calls go through undici (below); Node's own client is not used for upstreams
        disableOutgoingRequestInstrumentation: true,
        // a GET's query string carries the document and its variables: the URL stops at the path
        startIncomingSpanHook: (req: IncomingMessage) => {
          const path = (req.url ?? '/').split('?')[0];
          return {
            'http.target': path,
            'http.url': `http://${req.headers.host ?? 'localhost'}${path}`,
            'url.query': '',
          };
        },
      }),
      new UndiciInstrumentation({
        // the ERP's query string carries its access token and signature: the URL stops at the path
        requestHook: (span, request) => {
          span.setAttribute('url.full', `${request.origin}${request.path.split('?')[0]}`);
          span.setAttribute('url.query', '');
        },
      }),
      // parse, validate and execute spans; not one per resolved field (that doubled the cost of tracing)
      new GraphQLInstrumentation({ allowValues: false, ignoreResolveSpans: true }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      // the command's name only: keys and values name callers, tasks and events
      new IORedisInstrumentation({ dbStatementSerializer: (command) => command }),
      new PinoInstrumentation(),
    ],
  });
  started.start();
  sdk = started;
  return true;
}

/** Sends what is left and stops (the shutdown path calls it last). */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}
