import { currentCaller, noteUpstreamRequestId } from '../../platform/operation-scope';
import type { Dispatcher } from 'undici';
import {
  UpstreamAuthFailedError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamThrottledError,
  UpstreamUnavailableError,
  type UpstreamErrorDetails,
} from '../../errors';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import type { BackoffPolicy } from '../shared/backoff';
import {
  noteOnSpan,
  exchange,
  header,
  type ExchangeDeps,
  type UpstreamAnswer,
  type UpstreamRequest,
  type Verdict,
} from '../shared/exchange';
import { systemClock, type Clock } from '../../platform/clock';
import { TokenBucket } from '../../pacing/token-bucket';
import { Semaphore } from '../../pacing/semaphore';
import type { RateBucket } from '../../pacing/types';
import { spApiAnswerKind, type SpApiError } from './error-codes';
import { hostFor } from './hosts';
import type { LwaTokens } from './lwa';
import type { SellerAuthorization } from './sellers';

export interface SpApiOperationCall {
  /** operation name, for buckets, metrics and errors */
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  /** the version's base path, e.g. `/fba/outbound/2020-07-01` */
  basePath: string;
  /** path template, e.g. `/fulfillmentOrders/{sellerFulfillmentOrderId}` */
  path: string;
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  rate: number;
  burst: number;
  retrySafe: boolean;
  /** extra request headers (2026-07-04: `x-amzn-fulfillment-service-id`) */
  headers?: Record<string, string>;
  /** where the answer is: 2020-07-01 wraps it in `payload`; 2026-07-04 answers the object itself */
  envelope?: 'payload' | 'body';
}

export interface SpApiAnswer<T> {
  payload: T;
  requestId?: string;
  /** the HTTP status of the 2xx (2026-07-04's createOrder answers 200 or 202) */
  status: number;
}

/** The resource does not exist. Datasource methods turn it into `null` or a userError. */
export class SpApiNotFoundError extends UpstreamRejectedError {}

/** The upstream refused the request's content; `errors` as Amazon sent them. */
export class SpApiRejectedError extends UpstreamRejectedError {
  constructor(
    message: string,
    details: UpstreamErrorDetails,
    readonly errors: SpApiError[],
  ) {
    super(message, details);
  }
}

export interface SpApiClientOptions {
  lwa: LwaTokens;
  logger: Logger;
  metrics?: Metrics;
  /** SPAPI_ENDPOINT: one host overriding the regional ones */
  endpoint?: string;
  dispatcher?: Dispatcher;
  clock?: Clock;
  random?: () => number;
  timeoutMs?: number;
  /** retries of retry-safe calls on 429/500/503 (default 5 attempts, 500 ms base, 8 s cap) */
  retryBackoff?: BackoffPolicy;
  /** fraction added to each token's refill time so arrival jitter never costs a 429 (default 0.05) */
  pacingMargin?: number;
  userAgent?: string;
  /** a usage-plan bucket every replica shares (Redis); absent: this process's own */
  sharedBucket?: (key: string, rate: number, burst: number, margin: number) => RateBucket;
}

const USER_AGENT = `fulfillment-graph/0.1.0 (Language=TypeScript; Platform=Node.js/${process.versions.node})`;

/**
 * The SP-API client: it alone owns hosts, LWA tokens, pacing, retries, parsing and the mapping of
 * answers (docs/upstreams/sp-api.md). Version-specific datasources describe calls; this sends them.
 */
export class SpApiClient {
  private readonly buckets = new Map<string, RateBucket>();
  /**
   * Whose turn it is at each shared bucket: one take at a time, callers served in turn, so one
   * caller's hundred queued reads make another caller's single read wait for a turn of each
   * caller ahead in the round, not for the whole backlog.
   */
  private readonly turns = new Map<RateBucket, Semaphore>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retryBackoff: BackoffPolicy;
  private readonly exchangeDeps: ExchangeDeps;

  constructor(private readonly options: SpApiClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retryBackoff = options.retryBackoff ?? { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8_000 };
    this.exchangeDeps = {
      logger: options.logger,
      metrics: options.metrics,
      dispatcher: options.dispatcher,
      clock: this.clock,
      random: this.random,
    };
  }

  /** The bucket of one (seller, operation), seeded from the model's usage plan. */
  bucket(sellerId: string, call: Pick<SpApiOperationCall, 'operation' | 'rate' | 'burst'>): RateBucket {
    const key = `${sellerId} ${call.operation}`;
    let b = this.buckets.get(key);
    if (!b) {
      const margin = this.options.pacingMargin ?? 0.05;
      b =
        this.options.sharedBucket?.(key, call.rate, call.burst, margin) ??
        new TokenBucket(call.rate, call.burst, this.clock, margin);
      this.buckets.set(key, b);
    }
    return b;
  }

  /**
   * A token from `bucket`, taken in the calling operation's caller's turn: this process's buckets
   * choose among callers when each token comes; a shared (Redis) bucket reserves tokens in arrival
   * order, so its takes go one at a time, callers in turn.
   */
  private async takeInTurn(bucket: RateBucket, signal: AbortSignal | undefined) {
    const tenant = currentCaller() ?? '';
    if (bucket instanceof TokenBucket) return bucket.take(signal, tenant);
    let turns = this.turns.get(bucket);
    if (!turns) {
      turns = new Semaphore(1);
      this.turns.set(bucket, turns);
    }
    const release = await turns.acquire({ tenant, signal });
    try {
      return await bucket.take(signal);
    } finally {
      release();
    }
  }

  /**
   * Sends one logical call through the shared exchange (`../shared/exchange.ts`). Resolves with the
   * payload of a 2xx; throws `SpApiNotFoundError`, `SpApiRejectedError` or an `UpstreamError`
   * fault otherwise.
   */
  async call<T>(seller: SellerAuthorization, call: SpApiOperationCall): Promise<SpApiAnswer<T>> {
    const bucket = this.bucket(seller.sellerId, call);
    const url = this.urlOf(seller, call);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const headers = {
      'user-agent': this.options.userAgent ?? USER_AGENT,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...call.headers,
    };
    const state = { tokenRenewed: false };
    return exchange<SpApiAttempt, SpApiAnswer<T>>(
      {
        upstream: 'sp-api',
        operation: call.operation,
        names: { client: 'Amazon', log: 'SP-API' },
        retrySafe: call.retrySafe,
        timeoutMs: this.options.timeoutMs ?? 15_000,
        counted: true,
        // one budget for every kind of retry (throttled, 5xx, transport), as before the exchange was shared
        transientBackoff: this.retryBackoff,
        logFields: { sellerId: seller.sellerId },
        // the token first, then the bucket: the bucket's clock must count from when requests reach
        // Amazon, not from before a Login with Amazon exchange delays them (no 429 at a burst's start)
        prepare: async () => {
          const accessToken = await this.options.lwa.get(seller.refreshToken);
          return {
            accessToken,
            request: { url, method: call.method, headers: { ...headers, 'x-amz-access-token': accessToken }, body },
          };
        },
        turn: async (signal) => {
          const grant = await this.takeInTurn(bucket, signal);
          return { waitedMs: grant.waitedMs, arrived: () => grant.settled() };
        },
        onHeaders: (answerHeaders) => {
          const limit = Number(header(answerHeaders['x-amzn-ratelimit-limit']));
          if (limit > 0) bucket.adoptRate(limit);
        },
        classify: (answer, attempt) => this.classify<T>(seller, call, answer, attempt, bucket, state),
      },
      this.exchangeDeps,
    );
  }

  private urlOf(seller: SellerAuthorization, call: SpApiOperationCall): string {
    const path = call.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(call.pathParams?.[name] ?? ''),
    );
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query.set(k, String(v));
    return `${hostFor(seller.region, seller.sandbox, this.options.endpoint)}${call.basePath}${path}${query.size ? `?${query.toString()}` : ''}`;
  }

  /** What one answer means (error-codes.ts), logged with Amazon's request id. */
  private classify<T>(
    seller: SellerAuthorization,
    call: SpApiOperationCall,
    { status, headers, text, ms }: UpstreamAnswer,
    attempt: SpApiAttempt,
    bucket: RateBucket,
    state: { tokenRenewed: boolean },
  ): Verdict<SpApiAnswer<T>> {
    const requestId = header(headers['x-amzn-requestid']);
    noteOnSpan({ 'fulfillment.upstream.request_id': requestId });
    const parsed = parseBody(text);
    const errors = parsed?.errors ?? [];
    const kind = spApiAnswerKind(status, errors);
    // log x-amzn-RequestId of every response (Amazon support asks for it, docs/upstreams/sp-api.md):
    // in the operation's access-log line, or on a line of its own for work outside an operation
    this.options.logger[noteUpstreamRequestId(requestId) ? 'debug' : 'info'](
      { upstream: 'sp-api', operation: call.operation, sellerId: seller.sellerId, status, requestId, ms },
      'SP-API answered',
    );
    const details: UpstreamErrorDetails = {
      upstream: 'sp-api',
      operation: call.operation,
      requestId,
      upstreamCode: errors[0]?.code ?? (kind === 'ok' ? undefined : `HTTP ${status}`),
    };
    const message = errors
      .map((e) => e.message)
      .filter(Boolean)
      .join('; ');
    switch (kind) {
      case 'ok': {
        const payload = ((call.envelope === 'body' ? parsed?.body : parsed?.payload) ?? {}) as T;
        return { outcome: 'ok', value: { payload, requestId, status } };
      }
      case 'throttled':
        bucket.drain();
        // a 429 was not processed, so even a write may go again
        return {
          outcome: 'throttled',
          retry: this.retryBackoff,
          otherwise: () =>
            new UpstreamThrottledError('Amazon is still throttling after paced retries; try again shortly.', details),
        };
      case 'unavailable': {
        // a 5xx write may have been carried out: the caller reconciles it, never a blind resend
        const error = new UpstreamUnavailableError(
          `Amazon answered HTTP ${status}${call.retrySafe ? '' : '; the request may or may not have been carried out'}.`,
          details,
        );
        return call.retrySafe
          ? { outcome: 'error', retry: this.retryBackoff, otherwise: () => error }
          : { outcome: 'error', error };
      }
      case 'token-expired':
        // (a token Amazon calls revoked, malformed or invalid is renewed the same way: error-codes.ts)
        if (!state.tokenRenewed) {
          state.tokenRenewed = true;
          this.options.lwa.invalidate(seller.refreshToken, attempt.accessToken);
          return { outcome: 'error', retry: 'now' };
        }
        return {
          outcome: 'error',
          error: new UpstreamAuthFailedError('Amazon refused a freshly issued access token.', details),
        };
      case 'auth':
        return {
          outcome: 'error',
          error: new UpstreamAuthFailedError(
            `Amazon refused the seller authorization for ${call.operation}${message ? `: ${message}` : ''}.`,
            details,
          ),
        };
      case 'not-found':
        return { outcome: 'rejected', error: new SpApiNotFoundError(message || 'Not found.', details) };
      case 'rejected':
        return {
          outcome: 'rejected',
          error: new SpApiRejectedError(message || `Amazon refused the request (HTTP ${status}).`, details, errors),
        };
      case 'protocol':
        this.options.logger.error(
          { upstream: 'sp-api', operation: call.operation, status, requestId, code: details.upstreamCode },
          'SP-API answered unexpectedly',
        );
        return {
          outcome: 'error',
          error: new UpstreamProtocolError(
            `Amazon answered HTTP ${status} unexpectedly; this has been logged.`,
            details,
          ),
        };
    }
  }
}

/** One attempt's request and the access token it carries (invalidated if Amazon says it expired). */
interface SpApiAttempt {
  accessToken: string;
  request: UpstreamRequest;
}

/** Some SP-API error bodies are HTML: never crash on them. */
function parseBody(text: string): { payload?: unknown; body?: unknown; errors?: SpApiError[] } | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { payload?: unknown; errors?: unknown };
    const errors = Array.isArray(parsed.errors)
      ? parsed.errors.map((e: unknown) => {
          const { code, message, details } = (e ?? {}) as Record<string, unknown>;
          return {
            code: typeof code === 'string' ? code : '',
            message: typeof message === 'string' ? message : '',
            details: typeof details === 'string' ? details : undefined,
          };
        })
      : undefined;
    return { payload: parsed.payload, body: parsed, errors };
  } catch {
    return undefined;
  }
}
