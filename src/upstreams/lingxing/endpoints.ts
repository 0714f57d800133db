/**
 * The Lingxing paths we call and their 令牌桶容量, which is a cap on requests in flight per
 * (appId, path), not a rate (docs/upstreams/lingxing.md).
 * `retrySafe`: whether a request whose answer was lost (timeout, 5xx) may be sent again without
 * risking the work being done twice. `method`: GET paths take the signed parameters alone, no body.
 */
interface Endpoint {
  path: string;
  capacity: number;
  retrySafe: boolean;
  method?: 'GET';
}

export const LINGXING_ENDPOINTS = {
  accessToken: { path: '/api/auth-server/oauth/access-token', capacity: 100, retrySafe: true },
  refreshToken: { path: '/api/auth-server/oauth/refresh', capacity: 100, retrySafe: false },
  submitFulfillment: { path: '/pb/mp/order/submitFulfillment', capacity: 10, retrySafe: false },
  getFulfillmentResult: { path: '/pb/mp/order/getFulfillmentResult', capacity: 10, retrySafe: true },
  createMcfOrder: { path: '/order/amzod/api/createOrder', capacity: 1, retrySafe: false },
  sellerLists: { path: '/erp/sc/data/seller/lists', capacity: 1, retrySafe: true, method: 'GET' },
} as const satisfies Record<string, Endpoint>;

export type LingxingOperation = keyof typeof LINGXING_ENDPOINTS;

/** The HTTP method of a path: POST with a JSON body, unless the table says GET. */
export function methodOf(operation: LingxingOperation): 'GET' | 'POST' {
  const endpoint: Endpoint = LINGXING_ENDPOINTS[operation];
  return endpoint.method ?? 'POST';
}
