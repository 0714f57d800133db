/**
 * Faults surface as top-level GraphQL errors, one class per kind, each with a literal
 * `extensions.code`. Branch on `code` or `instanceof`, never on message text. Messages are
 * written for the client: no upstream URL, credential, token, signature or raw body.
 * Expected business failures are not errors: they are `userErrors` in mutation payloads.
 *
 * These are plain `Error`s, so the upstream layer and the store can throw them without depending
 * on graphql-js: a resolver that throws one gets a GraphQL error whose `extensions` are the
 * error's own (graphql-js copies an original error's `extensions`), and the few places that answer
 * outside execution (the admission gate, the WebSocket server) convert with `toGraphQLError`.
 */
export type ErrorExtensions = { code: string } & Record<string, unknown>;

/** The base of every error this service raises itself: a literal code and client-safe extensions. */
export abstract class CodedError extends Error {
  abstract readonly code: string;
  /** what a client sees in `extensions`; `code` always among them */
  readonly extensions: ErrorExtensions;
  /** the response path, for an error answered before execution (otherwise the resolver's) */
  readonly path?: readonly string[];

  protected constructor(message: string, extensions: ErrorExtensions, path?: readonly string[]) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
    if (path) this.path = path;
  }
}
export interface UpstreamErrorDetails {
  /** which upstream: `lingxing` or `sp-api` */
  upstream: string;
  /** the upstream operation name, e.g. `getFulfillmentResult` */
  operation: string;
  /** the upstream's request id (Lingxing `request_id`, SP-API `x-amzn-RequestId`) */
  requestId?: string;
  /** the upstream's own error code, e.g. `3001008` */
  upstreamCode?: string;
}

function upstreamExtensions(code: string, d: UpstreamErrorDetails) {
  return {
    code,
    upstream: d.upstream,
    operation: d.operation,
    ...(d.requestId ? { upstreamRequestId: d.requestId } : {}),
    ...(d.upstreamCode ? { upstreamCode: d.upstreamCode } : {}),
  };
}

/** An upstream fault. Each subclass declares its literal `code` as a static. */
export abstract class UpstreamError extends CodedError {
  static readonly code: string = 'UPSTREAM_ERROR';

  constructor(
    message: string,
    readonly details: UpstreamErrorDetails,
  ) {
    super(message, upstreamExtensions(new.target.code, details));
  }

  get code(): string {
    return (this.constructor as typeof UpstreamError).code;
  }
}

/** Thrown when the upstream still throttles after our paced retries. */
export class UpstreamThrottledError extends UpstreamError {
  static override readonly code = 'UPSTREAM_THROTTLED';
}
/** Thrown when the upstream cannot be reached or answers 5xx after retries. */
export class UpstreamUnavailableError extends UpstreamError {
  static override readonly code = 'UPSTREAM_UNAVAILABLE';
}
/** Thrown when the upstream did not answer in time. For a write, the outcome is unknown. */
export class UpstreamTimeoutError extends UpstreamError {
  static override readonly code = 'UPSTREAM_TIMEOUT';
}
/** Thrown when credentials are rejected (wrong app secret, token cannot be obtained). */
export class UpstreamAuthFailedError extends UpstreamError {
  static override readonly code = 'UPSTREAM_AUTH_FAILED';
}
/** Thrown when the upstream refuses for a reason only an operator can fix (API not granted, IP not whitelisted). */
export class UpstreamMisconfiguredError extends UpstreamError {
  static override readonly code = 'UPSTREAM_MISCONFIGURED';
}
/** Thrown when the upstream says our request was malformed (bad signature, missing common param, unreadable answer): a gateway bug. */
export class UpstreamProtocolError extends UpstreamError {
  static override readonly code = 'UPSTREAM_PROTOCOL_ERROR';
}
/**
 * Thrown when the upstream rejects the request's content (Lingxing 102, a business failure).
 * Mutations turn it into `userErrors`; queries let it through as a fault with this code.
 */
export class UpstreamRejectedError extends UpstreamError {
  static override readonly code = 'UPSTREAM_REJECTED';
  constructor(
    message: string,
    details: UpstreamErrorDetails,
    /** the upstream's field path, e.g. `orderList[0].carrierCode`, when it names one */
    readonly upstreamField?: string,
  ) {
    super(message, details);
  }

  /** the same field as a path into the caller's input, set by the datasource that built the request */
  inputPath?: string[];
}

/** Thrown when a query's arguments are invalid; `field` is the argument path. */
export class BadUserInputError extends CodedError {
  constructor(
    message: string,
    readonly field: string[],
    readonly code: string = 'BAD_USER_INPUT',
    /** the response path of the field whose argument it is, when refused before execution */
    path?: readonly string[],
  ) {
    super(message, { code, field }, path);
  }
}

/** Thrown when a request has no valid bearer token; answered with HTTP 401 before any resolver runs. */
export class UnauthenticatedError extends CodedError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message, { code: 'UNAUTHENTICATED' });
  }
}

/**
 * Thrown when the caller may not act for the seller or store it names, or lacks the scope the
 * operation needs. The same message whether or not the object exists, and no upstream call.
 */
export class ForbiddenError extends CodedError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message, { code: 'FORBIDDEN' });
  }
}

/** The thing asked for does not exist (or this gateway does not follow it); `field` names the argument. */
export class NotFoundError extends CodedError {
  readonly code = 'NOT_FOUND';
  constructor(message: string, field: string[]) {
    super(message, { code: 'NOT_FOUND', field });
  }
}

/** Thrown when a document is over a size limit (tokens, aliases, depth, `_entities` representations); HTTP 400. */
export class QueryTooLargeError extends CodedError {
  readonly code = 'QUERY_TOO_LARGE';
  constructor(message: string, limit: { name: string; max: number; found?: number }) {
    super(message, { code: 'QUERY_TOO_LARGE', limit });
  }
}

/** The shape of `extensions.cost` (Shopify's calculated query cost). */
export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** Thrown before execution when one operation may cause more upstream calls than MAX_OPERATION_COST. */
export class CostLimitExceededError extends CodedError {
  readonly code = 'COST_LIMIT_EXCEEDED';
  constructor(requested: number, max: number, cost: CostExtension) {
    super(
      `This operation may cost ${requested} upstream calls; at most ${max} are allowed in one operation. Ask for fewer ids or a smaller page.`,
      { code: 'COST_LIMIT_EXCEEDED', maxOperationCost: max, cost },
    );
  }
}

/** Thrown before execution when the caller's cost bucket cannot pay for the operation now. */
export class ThrottledError extends CodedError {
  readonly code = 'THROTTLED';
  constructor(retryAfterMs: number, cost: CostExtension) {
    super(`Too many upstream calls in a short time; retry in ${Math.ceil(retryAfterMs / 100) / 10} s.`, {
      code: 'THROTTLED',
      retryAfterMs,
      cost,
    });
  }
}

/** The operation's deadline (OPERATION_TIMEOUT_MS) passed: what had not finished is dropped, never sent. */
export class OperationTimeoutError extends CodedError {
  readonly code = 'OPERATION_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`The operation did not finish within ${timeoutMs} ms; upstream calls still waiting were not sent.`, {
      code: 'OPERATION_TIMEOUT',
    });
  }
}

/** The client went away before the answer: its queued upstream calls are dropped. Nobody reads this answer. */
export class ClientClosedError extends CodedError {
  readonly code = 'CLIENT_CLOSED_REQUEST';
  constructor() {
    super('The client closed the request.', { code: 'CLIENT_CLOSED_REQUEST' });
  }
}

/** A caller (or one connection) holds as many subscriptions as it may; one must end before another starts. */
export class TooManySubscriptionsError extends CodedError {
  readonly code = 'TOO_MANY_SUBSCRIPTIONS';
  constructor(message: string) {
    super(message, { code: 'TOO_MANY_SUBSCRIPTIONS' });
  }
}

/** The operation's answer is made: upstream calls still queued for it are dropped, reads in flight abandoned. */
export class OperationEndedError extends CodedError {
  readonly code = 'OPERATION_ENDED';
  constructor() {
    super('The operation has already been answered.', { code: 'OPERATION_ENDED' });
  }
}

/** Errors this service raises itself carry a client-safe message and a literal `code`; anything else is masked as INTERNAL_SERVER_ERROR. */
export function isClientSafe(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
