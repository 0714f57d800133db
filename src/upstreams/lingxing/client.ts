import { FormData, request, type Dispatcher } from 'undici';
import type { Logger } from '../../platform/logger';
import type { Metrics } from '../../platform/metrics';
import {
  UpstreamAuthFailedError,
  UpstreamMisconfiguredError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamThrottledError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type UpstreamError,
  type UpstreamErrorDetails,
} from '../../errors';
import { backoffDelay, type BackoffPolicy } from '../http/backoff';
import { systemClock, type Clock } from '../../platform/clock';
import { Semaphore } from '../../pacing/semaphore';
import { requestDeadline } from '../../pacing/abortable';
import type { PermitPool } from '../../pacing/redis-permits';
import { readCapped, ResponseTooLargeError } from '../http/read-body';
import { countUpstreamCall, currentSignal } from '../../platform/operation-scope';
import { LINGXING_ENDPOINTS, type LingxingOperation } from './endpoints';
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

interface Prepared {
  query: string;
  body: string | FormData;
  contentType?: string;
  /** the access token the request was signed with, to invalidate on 2001003/2001005 */
  accessToken?: string;
}

/** A failure before any answer was read: `notSent` when the request certainly never left. */
class TransportFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    readonly notSent: boolean,
    cause: unknown,
  ) {
    super(kind, { cause });
  }
}

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * The Lingxing OpenAPI client: it alone owns URLs, the token, signing, pacing, parsing and the
 * mapping of upstream codes (LINGXING.md). Business calls go through `call()`.
 */
export class LingxingClient {
  readonly tokens: LingxingTokenOwner;
  private readonly permitPools = new Map<LingxingOperation, PermitPool>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly throttleBackoff: BackoffPolicy;
  private readonly transientBackoff: BackoffPolicy;

  constructor(private readonly options: LingxingClientOptions) {
    signKeyFor(options.appId); // fail fast at start-up: the appId keys AES-128, so it must be 16 bytes
    if (options.baseUrl.endsWith('/'))
      throw new Error('LINGXING_BASE_URL must not end with "/" (a double slash gives a 500)');
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
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
          return Promise.resolve({ query: '', body: form });
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
    return this.exchange<T>(
      operation,
      async () => {
        const accessToken = await this.tokens.get();
        const timestamp = Math.floor(this.clock.now() / 1000); // signatures expire after 2 min: sign every attempt afresh
        const signature = sign({ appId: this.options.appId, accessToken, timestamp, body });
        const query =
          `access_token=${encodeURIComponent(accessToken)}&app_key=${encodeURIComponent(this.options.appId)}` +
          `&timestamp=${timestamp}&sign=${encodeURIComponent(signature)}`;
        return { query, body: bodyText, contentType: 'application/json', accessToken };
      },
      body,
      options.tenant,
    );
  }

  /** One logical request: attempts, pacing and the error-code table. */
  private async exchange<T>(
    operation: LingxingOperation,
    prepare: () => Promise<Prepared>,
    signedBody?: Record<string, JsonValue>,
    tenant?: string,
  ): Promise<ErpEnvelope<T>> {
    const endpoint = LINGXING_ENDPOINTS[operation];
    // the operation this call is for: when it ends, a call not yet sent is dropped (never sent)
    const signal = currentSignal();
    let throttles = 0;
    let transients = 0;
    let tokenRetried = false;
    let resigned = false;
    // the caller pays one point per logical request it caused: not for its retries, and not for the
    // gateway's own token fetches (housekeeping no caller asked for)
    let counted = operation === 'accessToken' || operation === 'refreshToken';
    const details = (envelope?: ErpEnvelope): UpstreamErrorDetails => ({
      upstream: 'lingxing',
      operation,
      requestId: envelope?.requestId,
      upstreamCode: envelope?.code,
    });

    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const prepared = await prepare();
      let answer: { status: number; envelope?: ErpEnvelope };
      try {
        answer = await this.send(operation, prepared, {
          tenant,
          signal,
          count: () => {
            if (!counted) countUpstreamCall();
            counted = true;
          },
        });
      } catch (failure) {
        if (!(failure instanceof TransportFailure)) throw failure;
        if ((failure.notSent || endpoint.retrySafe) && transients + 1 < this.transientBackoff.maxAttempts) {
          await this.clock.sleep(backoffDelay(this.transientBackoff, transients++, this.random));
          continue;
        }
        throw failure.kind === 'timeout'
          ? new UpstreamTimeoutError(
              endpoint.retrySafe
                ? 'The ERP did not answer in time.'
                : 'The ERP did not answer in time; the request may or may not have been carried out.',
              details(),
            )
          : new UpstreamUnavailableError('The ERP could not be reached.', details());
      }

      const { status, envelope } = answer;
      if (!envelope) {
        if (status >= 500 && endpoint.retrySafe && transients + 1 < this.transientBackoff.maxAttempts) {
          await this.clock.sleep(backoffDelay(this.transientBackoff, transients++, this.random));
          continue;
        }
        throw status >= 500
          ? new UpstreamUnavailableError(`The ERP answered HTTP ${status}.`, details())
          : new UpstreamProtocolError(`The ERP answered HTTP ${status} without a readable envelope.`, details());
      }

      const action = erpCodeAction(envelope.code);
      switch (action) {
        case 'ok':
          return envelope as ErpEnvelope<T>;
        case 'throttled':
          if (throttles + 1 < this.throttleBackoff.maxAttempts) {
            // The permit was released in send(): the retry queues behind everyone else.
            await this.clock.sleep(backoffDelay(this.throttleBackoff, throttles++, this.random));
            continue;
          }
          throw new UpstreamThrottledError(
            'The ERP is still throttling after paced retries; try again shortly.',
            details(envelope),
          );
        case 'token':
          if (!tokenRetried && prepared.accessToken) {
            tokenRetried = true;
            this.tokens.invalidate(prepared.accessToken);
            continue;
          }
          throw new UpstreamAuthFailedError('The ERP refused a freshly issued access token.', details(envelope));
        case 'resign':
          if (!resigned && signedBody) {
            resigned = true;
            continue;
          }
          throw this.protocolFault(envelope, details(envelope), signedBody, prepared);
        case 'refresh-invalid':
        case 'auth':
          throw new UpstreamAuthFailedError('The ERP rejected the configured app credentials.', details(envelope));
        case 'config':
          throw new UpstreamMisconfiguredError(
            `The ERP refused this deployment (code ${envelope.code}); an operator must fix the ERP app settings.`,
            details(envelope),
          );
        case 'rejected': {
          // business failures explain themselves in error_details (e.g. 订单号已经存在); 102 in message
          const explained =
            Array.isArray(envelope.errorDetails) && envelope.errorDetails.length
              ? envelope.errorDetails.map(String).join('; ')
              : envelope.message;
          throw new UpstreamRejectedError(
            explained || 'The ERP rejected the request.',
            details(envelope),
            fieldInMessage(envelope.message),
          );
        }
        case 'protocol':
          throw this.protocolFault(envelope, details(envelope), signedBody, prepared);
      }
    }
  }

  private protocolFault(
    envelope: ErpEnvelope,
    details: UpstreamErrorDetails,
    body: Record<string, JsonValue> | undefined,
    prepared: Prepared,
  ): UpstreamError {
    // LINGXING.md: on 2001006 log the string-to-sign. Its values may hold buyers' data and the
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

  /** One HTTP exchange under the path's semaphore. The body is always read to the end. */
  private async send(
    operation: LingxingOperation,
    prepared: Prepared,
    { tenant, signal, count }: { tenant?: string; signal?: AbortSignal; count: () => void },
  ): Promise<{ status: number; envelope?: ErpEnvelope }> {
    const { logger, metrics } = this.options;
    const { path, retrySafe } = LINGXING_ENDPOINTS[operation];
    const waitStart = performance.now();
    // waits its tenant's turn; leaves the queue unsent if the operation ends first
    const release = await this.permits(operation).acquire({ tenant, signal });
    metrics?.pacingWait.observe({ upstream: 'lingxing', operation }, (performance.now() - waitStart) / 1000);
    count();
    const started = performance.now();
    let outcome = 'error';
    try {
      const url = `${this.options.baseUrl}${path}${prepared.query ? `?${prepared.query}` : ''}`;
      let status: number;
      let text: string;
      // a read may be abandoned when its operation ends; a write, once sent, completes and is recorded
      const deadline = requestDeadline(this.timeoutMs, retrySafe ? signal : undefined);
      try {
        const res = await request(url, {
          method: 'POST',
          body: prepared.body,
          headers: prepared.contentType ? { 'content-type': prepared.contentType } : undefined,
          dispatcher: this.options.dispatcher,
          signal: deadline.signal,
        });
        status = res.statusCode;
        text = await readCapped(res);
        deadline.done();
      } catch (error) {
        deadline.done();
        if (signal?.aborted && retrySafe) {
          outcome = 'abandoned';
          throw signal.reason;
        }
        if (error instanceof ResponseTooLargeError) {
          logger.error(
            { upstream: 'lingxing', operation, path, limit: error.limit },
            'ERP answer too large: discarded',
          );
          throw new UpstreamProtocolError(`The ERP answered with more than ${error.limit} bytes.`, {
            upstream: 'lingxing',
            operation,
          });
        }
        const code =
          (error as { code?: string; cause?: { code?: string } }).code ??
          (error as { cause?: { code?: string } }).cause?.code;
        const name = (error as { name?: string }).name;
        const timedOut =
          name === 'TimeoutError' ||
          name === 'AbortError' ||
          code === 'UND_ERR_HEADERS_TIMEOUT' ||
          code === 'UND_ERR_BODY_TIMEOUT';
        outcome = timedOut ? 'timeout' : 'error';
        logger.warn(
          {
            upstream: 'lingxing',
            operation,
            path,
            error: typeof code === 'string' ? code : name,
            reason: (error as Error).message,
            timeoutMs: timedOut ? this.timeoutMs : undefined,
          },
          timedOut ? `ERP request timed out after ${this.timeoutMs} ms` : 'ERP request failed',
        );
        throw new TransportFailure(
          timedOut ? 'timeout' : 'network',
          !timedOut && code !== undefined && NOT_SENT_CODES.has(code),
          error,
        );
      }
      let envelope: ErpEnvelope | undefined;
      try {
        envelope = normaliseEnvelope(parseJson(text));
      } catch {
        envelope = undefined;
      }
      const action = envelope ? erpCodeAction(envelope.code) : 'error';
      outcome =
        action === 'ok' ? 'ok' : action === 'throttled' ? 'throttled' : action === 'rejected' ? 'rejected' : 'error';
      logger.debug(
        {
          upstream: 'lingxing',
          operation,
          path,
          status,
          code: envelope?.code,
          requestId: envelope?.requestId,
          ms: Math.round(performance.now() - started),
        },
        'ERP answered',
      );
      return { status, envelope };
    } finally {
      release();
      metrics?.upstreamRequests.inc({ upstream: 'lingxing', operation, outcome });
      metrics?.upstreamDuration.observe({ upstream: 'lingxing', operation }, (performance.now() - started) / 1000);
    }
  }
}
