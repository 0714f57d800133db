import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { request, type Dispatcher, type FormData } from 'undici';
import { UpstreamProtocolError, UpstreamTimeoutError, UpstreamUnavailableError } from '../../errors';
import { requestDeadline } from '../../platform/abortable';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import { countUpstreamCall, currentSignal } from '../../platform/operation-scope';
import { tracingOn } from '../../platform/tracing';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { readCapped, ResponseTooLargeError } from './read-body';

/**
 * One logical upstream call, the same for every upstream: the steps below run in this order for
 * each attempt, and the per-upstream parts are hooks (as apollographql/datasource-rest hands the
 * steps of its `fetch()` to overridable methods). The Lingxing and SP-API clients supply the
 * hooks: how to build and sign a request, how to wait their turn, what an answer means.
 *
 *   abort check → prepare (token, signature) → turn (pacing) → count once toward the caller's cost
 *   → send under a deadline → read at most MAX_UPSTREAM_BODY_BYTES → release the turn → metrics
 *   → classify → return, throw, or retry (at once, or after an abortable backoff within a budget)
 */

/** The label of `upstream_requests_total{outcome}`. */
export type Outcome = 'ok' | 'throttled' | 'rejected' | 'error' | 'timeout' | 'abandoned';

export interface UpstreamRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string | FormData;
}

/** The answer as read, handed to `classify`. */
export interface UpstreamAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the body as text, read to the end (at most MAX_UPSTREAM_BODY_BYTES) */
  text: string;
  /** from sending to the end of the body */
  ms: number;
}

/** What one attempt came to. */
export type Verdict<T> =
  | { outcome: 'ok'; value: T }
  /** try again at once (a renewed token, a fresh signature): the hook bounds how often */
  | { outcome: Outcome; retry: 'now' }
  /** try again after a backoff under the policy; when its budget is spent, `otherwise` is thrown */
  | { outcome: Outcome; retry: BackoffPolicy; otherwise: () => Error }
  | { outcome: Outcome; error: Error };

/** A turn at the upstream's pacing, held while the request is in flight. */
export interface Turn {
  waitedMs: number;
  /** the request reached the upstream (or certainly will not): pacing may count from now */
  arrived?(): void;
  release?(): void;
}

export interface ExchangeSpec<A extends { request: UpstreamRequest }, T> {
  upstream: 'lingxing' | 'sp-api';
  /** the upstream operation: metrics label, log field, error detail */
  operation: string;
  /** how the upstream is named to a client ("Amazon", "The ERP") and in logs ("SP-API", "ERP") */
  names: { client: string; log: string };
  /** a read (may be resent, abandoned when its operation ends) or a write (once sent, completes) */
  retrySafe: boolean;
  timeoutMs: number;
  /** whether the call counts toward the operation's actual cost (the gateway's own token fetches do not) */
  counted: boolean;
  /** retries after a timeout, a connection failure or a 5xx */
  transientBackoff: BackoffPolicy;
  /** the path of a call whose path holds no ids (the ERP's), for its span */
  spanPath?: string;
  /** fields added to this call's log lines (never secrets or buyers' data) */
  logFields?: Record<string, unknown>;
  /** builds one attempt's request afresh: a current token, a fresh timestamp and signature */
  prepare(): Promise<A>;
  /** waits for this call's turn at the upstream's pacing; rejects with the signal's reason if the operation ends first */
  turn(signal: AbortSignal | undefined): Promise<Turn>;
  /** headers arrived (before the body is read) */
  onHeaders?(headers: UpstreamAnswer['headers']): void;
  /** what an answer means: a value, a retry or an error */
  classify(answer: UpstreamAnswer, attempt: A): Verdict<T>;
}

export interface ExchangeDeps {
  logger: Logger;
  metrics?: Metrics;
  dispatcher?: Dispatcher;
  clock: Clock;
  random: () => number;
}

/** The upstream client spans' tracer (a no-op unless OTEL_* turned tracing on). */
const TRACER = trace.getTracer('fulfillment-graph');

/** Codes of a connection that never opened: the request certainly did not leave, so even a write may be sent again. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Sends one logical call: its attempts, pacing, deadline, reading, metrics and retries. */
export function exchange<A extends { request: UpstreamRequest }, T>(
  spec: ExchangeSpec<A, T>,
  deps: ExchangeDeps,
): Promise<T> {
  if (!tracingOn()) return attempts(spec, deps);
  // one client span per logical call (its attempts' HTTP spans below it): the upstream and its
  // operation, the last status, the upstream's request id; never the URL's query or a body
  return TRACER.startActiveSpan(
    `${spec.upstream} ${spec.operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'fulfillment.upstream': spec.upstream,
        'fulfillment.upstream.operation': spec.operation,
        ...(spec.spanPath ? { 'url.path': spec.spanPath } : {}),
      },
    },
    async (span) => {
      try {
        return await attempts(spec, deps);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** What an attempt learnt, on the call's span (when tracing is on). */
export function noteOnSpan(attributes: Record<string, string | number | undefined>): void {
  if (!tracingOn()) return;
  const span = trace.getActiveSpan();
  if (!span) return;
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) span.setAttribute(k, v);
}

async function attempts<A extends { request: UpstreamRequest }, T>(
  spec: ExchangeSpec<A, T>,
  deps: ExchangeDeps,
): Promise<T> {
  const { upstream, operation } = spec;
  // the operation this call is for: when it ends, an attempt not yet sent is dropped, never sent
  const signal = currentSignal();
  // retries spent per backoff policy (two kinds of retry sharing one policy share its budget)
  let spent: Map<BackoffPolicy, number> | undefined;
  let counted = !spec.counted;
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    const attempt = await spec.prepare();
    const turn = await spec.turn(signal);
    deps.metrics?.pacingWait.observe({ upstream, operation }, turn.waitedMs / 1000);
    // the caller pays one point per logical call it caused, not for the retries
    if (!counted) countUpstreamCall();
    counted = true;
    const started = performance.now();
    let verdict: Verdict<T>;
    try {
      verdict = await attemptOnce(spec, deps, attempt, turn, signal);
    } finally {
      turn.release?.(); // a retry queues behind everyone else
    }
    deps.metrics?.upstreamRequests.inc({ upstream, operation, outcome: verdict.outcome });
    deps.metrics?.upstreamDuration.observe({ upstream, operation }, (performance.now() - started) / 1000);
    if ('value' in verdict) return verdict.value;
    if ('error' in verdict) throw verdict.error;
    if (verdict.retry === 'now') continue;
    spent ??= new Map();
    const used = spent.get(verdict.retry) ?? 0;
    if (used + 1 >= verdict.retry.maxAttempts) throw verdict.otherwise();
    spent.set(verdict.retry, used + 1);
    await deps.clock.sleep(backoffDelay(verdict.retry, used, deps.random), signal);
  }
}

/** One attempt: send, read, classify. A transport failure becomes a verdict too. */
async function attemptOnce<A extends { request: UpstreamRequest }, T>(
  spec: ExchangeSpec<A, T>,
  deps: ExchangeDeps,
  attempt: A,
  turn: Turn,
  signal: AbortSignal | undefined,
): Promise<Verdict<T>> {
  // a read may be abandoned when its operation ends; a write, once sent, completes
  const deadline = requestDeadline(spec.timeoutMs, spec.retrySafe ? signal : undefined);
  const started = performance.now();
  let status: number;
  let headers: UpstreamAnswer['headers'];
  let text: string;
  try {
    const { url, method, headers: requestHeaders, body } = attempt.request;
    const res = await request(url, {
      method,
      headers: requestHeaders,
      body,
      dispatcher: deps.dispatcher,
      signal: deadline.signal,
    });
    turn.arrived?.();
    status = res.statusCode;
    headers = res.headers;
    spec.onHeaders?.(headers);
    text = await readCapped(res);
  } catch (error) {
    turn.arrived?.(); // whether or not it arrived, it did so before now
    if (signal?.aborted && spec.retrySafe) return { outcome: 'abandoned', error: signal.reason as Error };
    return transportVerdict(spec, deps.logger, error);
  } finally {
    deadline.done();
  }
  noteOnSpan({ 'http.response.status_code': status });
  return spec.classify({ status, headers, text, ms: Math.round(performance.now() - started) }, attempt);
}

/** A failure before an answer was read: too large, timed out, or not reachable. */
function transportVerdict<T>(
  spec: ExchangeSpec<{ request: UpstreamRequest }, T>,
  logger: Logger,
  error: unknown,
): Verdict<T> {
  const details = { upstream: spec.upstream, operation: spec.operation };
  if (error instanceof ResponseTooLargeError) {
    logger.error(
      { ...details, ...spec.logFields, limit: error.limit },
      `${spec.names.log} answer too large: discarded`,
    );
    return {
      outcome: 'error',
      error: new UpstreamProtocolError(`${spec.names.client} answered with more than ${error.limit} bytes.`, details),
    };
  }
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code ?? undefined;
  const name = (error as { name?: string }).name;
  const timedOut =
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT';
  logger.warn(
    {
      ...details,
      ...spec.logFields,
      error: typeof code === 'string' ? code : name,
      reason: (error as Error).message,
      timeoutMs: timedOut ? spec.timeoutMs : undefined,
    },
    timedOut ? `${spec.names.log} request timed out after ${spec.timeoutMs} ms` : `${spec.names.log} request failed`,
  );
  const who = spec.names.client;
  const failure = timedOut
    ? new UpstreamTimeoutError(
        spec.retrySafe
          ? `${who} did not answer in time.`
          : `${who} did not answer in time; the request may or may not have been carried out.`,
        details,
      )
    : new UpstreamUnavailableError(`${who} could not be reached.`, details);
  const notSent = !timedOut && code !== undefined && NOT_SENT_CODES.has(code);
  const outcome = timedOut ? 'timeout' : 'error';
  return notSent || spec.retrySafe
    ? { outcome, retry: spec.transientBackoff, otherwise: () => failure }
    : { outcome, error: failure };
}

/** The first value of a header undici may give as a list. */
export function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
