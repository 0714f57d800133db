import { countUpstreamCall, currentCaller, currentSignal, noteUpstreamRequestId } from '../../platform/operation-scope';
import { request, type Dispatcher } from 'undici';
import {
  UpstreamAuthFailedError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamThrottledError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type UpstreamErrorDetails,
} from '../../errors';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import { backoffDelay, type BackoffPolicy } from '../http/backoff';
import { systemClock, type Clock } from '../../platform/clock';
import { TokenBucket } from '../../pacing/token-bucket';
import { Semaphore } from '../../pacing/semaphore';
import type { RateBucket } from '../../pacing/redis-token-bucket';
import { readCapped, ResponseTooLargeError } from '../http/read-body';
import { requestDeadline } from '../../pacing/abortable';
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
 * answers (SPAPI.md). Version-specific datasources describe calls; this sends them.
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

  constructor(private readonly options: SpApiClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retryBackoff = options.retryBackoff ?? { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8_000 };
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
   * Sends one logical call. Resolves with the payload of a 2xx; throws `SpApiNotFoundError`,
   * `SpApiRejectedError` or an `UpstreamError` fault otherwise.
   */
  async call<T>(seller: SellerAuthorization, call: SpApiOperationCall): Promise<SpApiAnswer<T>> {
    const { logger, metrics } = this.options;
    const bucket = this.bucket(seller.sellerId, call);
    let retries = 0;
    let tokenRenewed = false;
    const path = call.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(call.pathParams?.[name] ?? ''),
    );
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const url = `${hostFor(seller.region, seller.sandbox, this.options.endpoint)}${call.basePath}${path}${query.size ? `?${query.toString()}` : ''}`;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);

    // the operation this call is for: when it ends, a call still waiting for its turn is dropped, never sent
    const signal = currentSignal();
    // the caller pays one point per logical call it caused, not for the retries (see the README)
    let counted = false;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      // the token first, then the bucket: the bucket's clock must count from when requests reach
      // Amazon, not from before a Login with Amazon exchange delays them (no 429 at a burst's start)
      const accessToken = await this.options.lwa.get(seller.refreshToken);
      const grant = await this.takeInTurn(bucket, signal);
      metrics?.pacingWait.observe({ upstream: 'sp-api', operation: call.operation }, grant.waitedMs / 1000);
      if (!counted) countUpstreamCall();
      counted = true;
      const started = performance.now();
      let status: number;
      let text: string;
      let requestId: string | undefined;
      // a read may be abandoned when its operation ends; a write, once sent, completes
      const deadline = requestDeadline(this.options.timeoutMs ?? 15_000, call.retrySafe ? signal : undefined);
      try {
        const res = await request(url, {
          method: call.method,
          headers: {
            'x-amz-access-token': accessToken,
            'user-agent': this.options.userAgent ?? USER_AGENT,
            accept: 'application/json',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...call.headers,
          },
          body,
          dispatcher: this.options.dispatcher,
          signal: deadline.signal,
        });
        status = res.statusCode;
        grant.settled(); // Amazon has it: a burst's refill clock may now count from here
        requestId = header(res.headers['x-amzn-requestid']);
        const limit = Number(header(res.headers['x-amzn-ratelimit-limit']));
        if (limit > 0) bucket.adoptRate(limit);
        text = await readCapped(res);
        deadline.done();
      } catch (error) {
        deadline.done();
        grant.settled(); // whether or not it arrived, it did so before now
        if (signal?.aborted && call.retrySafe) throw signal.reason;
        if (error instanceof ResponseTooLargeError) {
          logger.error(
            { upstream: 'sp-api', operation: call.operation, limit: error.limit },
            'SP-API answer too large',
          );
          throw new UpstreamProtocolError(`Amazon answered with more than ${error.limit} bytes.`, {
            upstream: 'sp-api',
            operation: call.operation,
            requestId,
          });
        }
        const name = (error as { name?: string }).name;
        const code = (error as { code?: unknown }).code;
        const timedOut =
          name === 'TimeoutError' ||
          name === 'AbortError' ||
          code === 'UND_ERR_HEADERS_TIMEOUT' ||
          code === 'UND_ERR_BODY_TIMEOUT';
        metrics?.upstreamRequests.inc({
          upstream: 'sp-api',
          operation: call.operation,
          outcome: timedOut ? 'timeout' : 'error',
        });
        logger.warn(
          { upstream: 'sp-api', operation: call.operation, sellerId: seller.sellerId, error: name },
          timedOut ? 'SP-API request timed out' : 'SP-API request failed',
        );
        if (call.retrySafe && retries + 1 < this.retryBackoff.maxAttempts) {
          await this.clock.sleep(backoffDelay(this.retryBackoff, retries++, this.random));
          continue;
        }
        const details = { upstream: 'sp-api', operation: call.operation };
        throw timedOut
          ? new UpstreamTimeoutError(
              call.retrySafe
                ? 'Amazon did not answer in time.'
                : 'Amazon did not answer in time; the request may or may not have been carried out.',
              details,
            )
          : new UpstreamUnavailableError('Amazon could not be reached.', details);
      }
      metrics?.upstreamDuration.observe(
        { upstream: 'sp-api', operation: call.operation },
        (performance.now() - started) / 1000,
      );

      const parsed = parseBody(text);
      const errors = parsed?.errors ?? [];
      const kind = spApiAnswerKind(status, errors);
      metrics?.upstreamRequests.inc({
        upstream: 'sp-api',
        operation: call.operation,
        outcome:
          kind === 'ok'
            ? 'ok'
            : kind === 'throttled'
              ? 'throttled'
              : kind === 'rejected' || kind === 'not-found'
                ? 'rejected'
                : 'error',
      });
      // SPAPI.md: log x-amzn-RequestId of every response (Amazon support asks for it): in the
      // operation's access-log line, or on a line of its own for work outside an operation
      logger[noteUpstreamRequestId(requestId) ? 'debug' : 'info'](
        {
          upstream: 'sp-api',
          operation: call.operation,
          sellerId: seller.sellerId,
          status,
          requestId,
          ms: Math.round(performance.now() - started),
        },
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
        case 'ok':
          return {
            payload: ((call.envelope === 'body' ? parsed?.body : parsed?.payload) ?? {}) as T,
            requestId,
            status,
          };
        case 'throttled':
        case 'unavailable': {
          // A 429 was not processed, so even a write may go again; a 5xx write must be reconciled by the caller.
          const mayRetry = kind === 'throttled' || call.retrySafe;
          if (kind === 'throttled') bucket.drain();
          if (mayRetry && retries + 1 < this.retryBackoff.maxAttempts) {
            logger.warn(
              {
                upstream: 'sp-api',
                operation: call.operation,
                sellerId: seller.sellerId,
                status,
                requestId,
                retry: retries + 1,
              },
              'SP-API answered with a retryable status',
            );
            await this.clock.sleep(backoffDelay(this.retryBackoff, retries++, this.random));
            continue;
          }
          throw kind === 'throttled'
            ? new UpstreamThrottledError('Amazon is still throttling after paced retries; try again shortly.', details)
            : new UpstreamUnavailableError(
                `Amazon answered HTTP ${status}${call.retrySafe ? '' : '; the request may or may not have been carried out'}.`,
                details,
              );
        }
        case 'token-expired':
          if (!tokenRenewed) {
            tokenRenewed = true;
            this.options.lwa.invalidate(seller.refreshToken, accessToken);
            continue;
          }
          throw new UpstreamAuthFailedError('Amazon refused a freshly issued access token.', details);
        // (a token Amazon calls revoked, malformed or invalid is renewed the same way: error-codes.ts)
        case 'auth':
          throw new UpstreamAuthFailedError(
            `Amazon refused the seller authorization for ${call.operation}${message ? `: ${message}` : ''}.`,
            details,
          );
        case 'not-found':
          throw new SpApiNotFoundError(message || 'Not found.', details);
        case 'rejected':
          throw new SpApiRejectedError(message || `Amazon refused the request (HTTP ${status}).`, details, errors);
        case 'protocol':
          logger.error(
            { upstream: 'sp-api', operation: call.operation, status, requestId, code: details.upstreamCode },
            'SP-API answered unexpectedly',
          );
          throw new UpstreamProtocolError(
            `Amazon answered HTTP ${status} unexpectedly; this has been logged.`,
            details,
          );
      }
    }
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
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
