/**
 * The one table from a Lingxing answer code to what the client does about it
 * (docs/upstreams/lingxing.md). Codes arrive as numbers on business
 * endpoints and as strings on auth/gateway answers; both are looked up as strings.
 */
export type ErpCodeAction =
  /** success */
  | 'ok'
  /** no in-flight token or business throttle: back off with jitter and retry through the semaphore */
  | 'throttled'
  /** access token missing, expired or superseded: fetch a new one and retry once */
  | 'token'
  /** signature expired: sign afresh and retry once */
  | 'resign'
  /** refresh token expired or invalid: fetch a new token with the app secret */
  | 'refresh-invalid'
  /** app unknown or secret wrong: operator must fix configuration */
  | 'auth'
  /** API not granted, IP not whitelisted: operator action */
  | 'config'
  /** we sent a malformed request (bad sign, missing common param): a bug, logged with the string-to-sign's shape */
  | 'protocol'
  /** the request's content was rejected: the caller's error, never retried */
  | 'rejected';

export const ERP_CODE_ACTIONS: Readonly<Record<string, ErpCodeAction>> = {
  '0': 'ok',
  '200': 'ok', // auth endpoints answer code "200"
  '2001001': 'auth', // app not exist
  '2001002': 'auth', // app secret wrong
  '2001003': 'token', // access token missing or expired
  '2001004': 'config', // API not granted to this appId
  '2001005': 'token', // access token superseded by a newer one
  '2001006': 'protocol', // sign not correct
  '2001007': 'resign', // sign expired (2 minutes)
  '2001008': 'refresh-invalid', // refresh token expired
  '2001009': 'refresh-invalid', // refresh token invalid
  '3001001': 'protocol', // missing common query param
  '3001002': 'config', // IP not whitelisted
  '3001008': 'throttled', // no in-flight token for (appId, path)
  '103': 'throttled', // business-level throttle 请求过于频繁
  '102': 'rejected', // parameter invalid
  '500': 'rejected', // business failure with error_details, e.g. 订单号已经存在 (not a server fault)
};

/** Unknown codes are treated as a protocol fault: never retried, never shown raw to a user. */
export function erpCodeAction(code: string): ErpCodeAction {
  return ERP_CODE_ACTIONS[code] ?? 'protocol';
}
