/**
 * The one table from an SP-API answer to what the client does about it (docs/upstreams/sp-api.md).
 * Every status returns `{payload?, errors?: [{code, message, details?}]}`; some 400s are HTML.
 */
export type SpApiAnswerKind =
  | 'ok'
  /** the request's content was refused (InvalidInput): the caller's error, never retried */
  | 'rejected'
  /** the resource does not exist (404, or a 400 "… not found" as the historic sandbox answers) */
  | 'not-found'
  /** the access token was refused (expired, revoked, malformed, invalid): renew it and retry once */
  | 'token-expired'
  /** Unauthorized: the seller's authorization or the app's role does not allow this */
  | 'auth'
  /** QuotaExceeded: back off and retry (the request was not processed) */
  | 'throttled'
  /** InternalFailure, ServiceUnavailable: retry reads; writes must be reconciled */
  | 'unavailable'
  /** anything else: a gateway bug or an upstream change */
  | 'protocol';

export interface SpApiError {
  code: string;
  message: string;
  details?: string;
}

const KIND_BY_STATUS: Readonly<Record<number, SpApiAnswerKind>> = {
  400: 'rejected',
  401: 'auth',
  403: 'auth',
  404: 'not-found',
  413: 'rejected',
  415: 'protocol',
  429: 'throttled',
  500: 'unavailable',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

export function spApiAnswerKind(status: number, errors: SpApiError[]): SpApiAnswerKind {
  if (status >= 200 && status < 300) return 'ok';
  const text = errors.map((e) => `${e.message} ${e.details ?? ''}`).join(' ');
  // Amazon says why it refused the token in `details`: any of these means "fetch a new one"
  if (status === 403 && /access token.*\b(expired|revoked|malformed|invalid)\b/i.test(text)) return 'token-expired';
  if (status === 400 && /\bnot found\b/i.test(text)) return 'not-found';
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'unavailable' : 'protocol');
}
