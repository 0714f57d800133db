import { FormData, type Dispatcher } from 'undici';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import {
  UpstreamAuthFailedError,
  UpstreamMisconfiguredError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamThrottledError,
  UpstreamUnavailableError,
  type UpstreamError,
  type UpstreamErrorDetails,
} from '../../errors';
import type { BackoffPolicy } from '../shared/backoff';
import {
  noteOnSpan,
  exchange,
  type ExchangeDeps,
  type UpstreamAnswer,
  type UpstreamRequest,
  type Verdict,
} from '../shared/exchange';
import { systemClock, type Clock } from '../../platform/clock';
import { Semaphore } from '../../pacing/semaphore';
import type { PermitPool } from '../../pacing/types';
import { LINGXING_ENDPOINTS, methodOf, type LingxingOperation } from './endpoints';
import { normaliseEnvelope, fieldInMessage, type ErpEnvelope } from './envelope';
import { erpCodeAction } from './error-codes';
import { canonicalJson, parseJson, type JsonValue } from './json';
import { sign, signKeyFor, stringToSign } from './sign';
import { LingxingTokenOwner, type SharedTokenStore } from './token-owner';

export interface LingxingClientOptions {
  /** e.g. `https://openapi.lingxing.com`, without a trailing slash */
  baseUrl: string;
  appId: string;
  appSecret: string;
  logger: Logger;
  metrics?: Metrics;
  dispatcher?: Dispatcher;
  clock?: Clock;
  random?: () => number;
  /** whole-request timeout, headers and body (default 15 s) */
  timeoutMs?: number;
  /** renew the token this long before it expires (default 60 s) */
  refreshSkewMs?: number;
  /** pacing on 3001008 / 103 (default 8 attempts, 100 ms base, 3 s cap) */
  throttleBackoff?: BackoffPolicy;
  /** retries of retry-safe requests after a timeout, 5xx or connection failure (default 3 attempts) */
  transientBackoff?: BackoffPolicy;
  /** the store the replicas of this appId share their token through; absent: this process owns it alone */
  sharedTokens?: SharedTokenStore;
  /**
   * How many gateway replicas share this appId (LINGXING_REPLICAS, default 1): each takes an equal
   * share of every path's in-flight capacity, at least one. The ERP's 3001008 covers the rest.
   */
  replicas?: number;
  /** the permits of a path shared by every replica (Redis); absent: this process's own semaphore */
  permitPool?: (operation: LingxingOperation, capacity: number) => PermitPool;
}

/** One attempt's request, and the access token it was signed with (invalidated on 2001003/2001005). */
interface Prepared {
  request: UpstreamRequest;
  accessToken?: string;
}

/**
 * The Lingxing OpenAPI client: it alone owns URLs, the token, signing, pacing, parsing and the
 * mapping of upstream codes (docs/upstreams/lingxing.md). Business calls go through `call()`.
 */
export class LingxingClient {
  readonly tokens: LingxingTokenOwner;
  private readonly permitPools = new Map<LingxingOperation, PermitPool>();
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly exchangeDeps: ExchangeDeps;
  private readonly throttleBackoff: BackoffPolicy;
  private readonly transientBackoff: BackoffPolicy;

  constructor(private readonly options: LingxingClientOptions) {
    signKeyFor(options.appId); // fail fast at start-up: the appId keys AES-128, so it must be 16 bytes
    if (options.baseUrl.endsWith('/'))
      throw new Error('LINGXING_BASE_URL must not end with "/" (a double slash gives a 500)');
    this.clock = options.clock ?? systemClock;
    this.exchangeDeps = {
      logger: options.logger,
      metrics: options.metrics,
      dispatcher: options.dispatcher,
      clock: this.clock,
      random: options.random ?? Math.random,
    };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.throttleBackoff = options.throttleBackoff ?? { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 3_000 };
    this.transientBackoff = options.transientBackoff ?? { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 };
    this.tokens = new LingxingTokenOwner({
      appId: options.appId,
      appSecret: options.appSecret,
      clock: this.clock,
      logger: options.logger,
      refreshSkewMs: options.refreshSkewMs ?? 60_000,
      shared: options.sharedTokens,
      postForm: (operation, fields) =>
        this.exchange(operation, () => {
          const form = new FormData();
          for (const [k, v] of Object.entries(fields)) form.append(k, v);
          return Promise.resolve({ request: { url: this.urlOf(operation), method: 'POST', body: form } });
        }),
    });
  }

  /**
   * The in-flight permits of one path, sized to its 令牌桶容量: this process's fair semaphore, or
   * the pool every replica shares (`permitPool`, Redis) when several run.
   */
  permits(operation: LingxingOperation): PermitPool {
    let pool = this.permitPools.get(operation);
    if (!pool) {
      const { capacity } = LINGXING_ENDPOINTS[operation];
      pool =
        this.options.permitPool?.(operation, capacity) ??
        new Semaphore(Math.max(1, Math.floor(capacity / (this.options.replicas ?? 1))));
      this.permitPools.set(operation, pool);
    }
    return pool;
  }

  /**
   * A signed business call. Resolves with the envelope of a `code: 0` answer; throws an
   * `UpstreamError` subclass otherwise (`UpstreamRejectedError` for 102 and business failures).
   */
  call<T>(
    operation: LingxingOperation,
    body: Record<string, JsonValue>,
    options: { tenant?: string } = {},
  ): Promise<ErpEnvelope<T>> {
    const bodyText = canonicalJson(body); // the exact bytes that are signed and sent
    const get = methodOf(operation) === 'GET';
    if (get && Object.keys(body).length > 0) throw new Error(`${operation} is a GET path: it takes no body`);
    return this.exchange<T>(
      operation,
      async () => {
        const accessToken = await this.tokens.get();
        const timestamp = Math.floor(this.clock.now() / 1000); // signatures expire after 2 min: sign every attempt afresh
        const signature = sign({ appId: this.options.appId, accessToken, timestamp, body });
        const query =
          `access_token=${encodeURIComponent(accessToken)}&app_key=${encodeURIComponent(this.options.appId)}` +
          `&timestamp=${timestamp}&sign=${encodeURIComponent(signature)}`;
        const url = this.urlOf(operation, query);
        // a GET path is signed over the common parameters alone, and sends nothing else
        if (get) return { request: { url, method: 'GET' }, accessToken };
        return {
          request: { url, method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyText },
          accessToken,
        };
      },
      body,
      options.tenant,
    );
  }

  private urlOf(operation: LingxingOperation, query = ''): string {
    return `${this.options.baseUrl}${LINGXING_ENDPOINTS[operation].path}${query ? `?${query}` : ''}`;
  }

  /** One logical request through the shared exchange (`../shared/exchange.ts`): this upstream's hooks. */
  private exchange<T>(
    operation: LingxingOperation,
    prepare: () => Promise<Prepared>,
    signedBody?: Record<string, JsonValue>,
    tenant?: string,
  ): Promise<ErpEnvelope<T>> {
    const { path, retrySafe } = LINGXING_ENDPOINTS[operation];
    const state = { tokenRetried: false, resigned: false };
    return exchange<Prepared, ErpEnvelope<T>>(
      {
        upstream: 'lingxing',
        operation,
        names: { client: 'The ERP', log: 'ERP' },
        retrySafe,
        timeoutMs: this.timeoutMs,
        // the gateway's own token fetches are housekeeping no caller asked for: never counted
        counted: operation !== 'accessToken' && operation !== 'refreshToken',
        transientBackoff: this.transientBackoff,
        logFields: { path },
        spanPath: path,
        prepare,
        // waits its tenant's turn at the path's permits; leaves the queue unsent if the operation ends first
        turn: async (signal) => {
          const waitStart = performance.now();
          const release = await this.permits(operation).acquire({ tenant, signal });
          return { waitedMs: performance.now() - waitStart, release };
        },
        classify: (answer, prepared) => this.classify<T>(operation, answer, prepared, state, signedBody),
      },
      this.exchangeDeps,
    );
  }

  /** What one answer means: its envelope's code through the code table (error-codes.ts). */
  private classify<T>(
    operation: LingxingOperation,
    { status, text, ms }: UpstreamAnswer,
    prepared: Prepared,
    state: { tokenRetried: boolean; resigned: boolean },
    signedBody?: Record<string, JsonValue>,
  ): Verdict<ErpEnvelope<T>> {
    const { path, retrySafe } = LINGXING_ENDPOINTS[operation];
    let envelope: ErpEnvelope | undefined;
    try {
      envelope = normaliseEnvelope(parseJson(text));
    } catch {
      envelope = undefined;
    }
    noteOnSpan({ 'fulfillment.upstream.request_id': envelope?.requestId, 'fulfillment.upstream.code': envelope?.code });
    this.options.logger.debug(
      { upstream: 'lingxing', operation, path, status, code: envelope?.code, requestId: envelope?.requestId, ms },
      'ERP answered',
    );
    const details: UpstreamErrorDetails = {
      upstream: 'lingxing',
      operation,
      requestId: envelope?.requestId,
      upstreamCode: envelope?.code,
    };
    if (!envelope) {
      if (status < 500)
        return {
          outcome: 'error',
          error: new UpstreamProtocolError(`The ERP answered HTTP ${status} without a readable envelope.`, details),
        };
      const unavailable = new UpstreamUnavailableError(`The ERP answered HTTP ${status}.`, details);
      return retrySafe
        ? { outcome: 'error', retry: this.transientBackoff, otherwise: () => unavailable }
        : { outcome: 'error', error: unavailable };
    }
    switch (erpCodeAction(envelope.code)) {
      case 'ok':
        return { outcome: 'ok', value: envelope as ErpEnvelope<T> };
      case 'throttled':
        // the permit is released before the backoff: the retry queues behind everyone else
        return {
          outcome: 'throttled',
          retry: this.throttleBackoff,
          otherwise: () =>
            new UpstreamThrottledError('The ERP is still throttling after paced retries; try again shortly.', details),
        };
      case 'token':
        if (!state.tokenRetried && prepared.accessToken) {
          state.tokenRetried = true;
          this.tokens.invalidate(prepared.accessToken);
          return { outcome: 'error', retry: 'now' };
        }
        return {
          outcome: 'error',
          error: new UpstreamAuthFailedError('The ERP refused a freshly issued access token.', details),
        };
      case 'resign':
        if (!state.resigned && signedBody) {
          state.resigned = true;
          return { outcome: 'error', retry: 'now' };
        }
        return { outcome: 'error', error: this.protocolFault(envelope, details, signedBody, prepared) };
      case 'refresh-invalid':
      case 'auth':
        return {
          outcome: 'error',
          error: new UpstreamAuthFailedError('The ERP rejected the configured app credentials.', details),
        };
      case 'config':
        return {
          outcome: 'error',
          error: new UpstreamMisconfiguredError(
            `The ERP refused this deployment (code ${envelope.code}); an operator must fix the ERP app settings.`,
            details,
          ),
        };
      case 'rejected': {
        // business failures explain themselves in error_details (e.g. 订单号已经存在); 102 in message
        const explained =
          Array.isArray(envelope.errorDetails) && envelope.errorDetails.length
            ? envelope.errorDetails.map(String).join('; ')
            : envelope.message;
        return {
          outcome: 'rejected',
          error: new UpstreamRejectedError(
            explained || 'The ERP rejected the request.',
            details,
            fieldInMessage(envelope.message),
          ),
        };
      }
      case 'protocol':
        return { outcome: 'error', error: this.protocolFault(envelope, details, signedBody, prepared) };
    }
  }

  private protocolFault(
    envelope: ErpEnvelope,
    details: UpstreamErrorDetails,
    body: Record<string, JsonValue> | undefined,
    prepared: Prepared,
  ): UpstreamError {
    // on 2001006 log what was signed (docs/upstreams/lingxing.md, "Answers and codes"). Its values may hold buyers' data and the
    // token, so we log its keys and a digest, enough to compare with a known-good signer.
    const signed =
      body && prepared.accessToken
        ? stringToSign({ appId: this.options.appId, accessToken: '[redacted]', timestamp: 0, body })
        : undefined;
    this.options.logger.error(
      {
        upstream: 'lingxing',
        operation: details.operation,
        upstreamCode: envelope.code,
        upstreamMessage: envelope.message,
        requestId: envelope.requestId,
        signedKeys: signed?.split('&').map((kv) => kv.split('=')[0]),
      },
      'ERP refused the request as malformed',
    );
    return new UpstreamProtocolError(
      `The ERP refused the gateway's request (code ${envelope.code}); this is a gateway fault and has been logged.`,
      details,
    );
  }
}
