/** Usage plans from the model: operation → [rate per second, burst]. */
export const PLANS: Readonly<Record<string, [number, number]>> = {
  getFulfillmentPreview: [2, 30],
  deliveryOffers: [5, 30],
  listAllFulfillmentOrders: [2, 30],
  createFulfillmentOrder: [2, 30],
  getPackageTrackingDetails: [2, 30],
  listReturnReasonCodes: [2, 30],
  createFulfillmentReturn: [2, 30],
  getFulfillmentOrder: [2, 30],
  updateFulfillmentOrder: [2, 30],
  cancelFulfillmentOrder: [2, 30],
  submitFulfillmentOrderStatusUpdate: [5, 15],
  getFeatures: [2, 30],
  getFeatureInventory: [2, 30],
  getFeatureSKU: [2, 30],
  // 2026-07-04 (its operationIds differ from 2020-07-01's, so the buckets do too)
  getOrderPreview: [2, 30],
  getOffers: [5, 30],
  createOrder: [2, 30],
  listOrders: [2, 30],
  getOrder: [2, 30],
  updateOrder: [2, 30],
  cancelOrder: [2, 30],
  updateOrderStatus: [5, 15],
  updatePackage: [5, 15],
};

export const BASE = '/fba/outbound/2020-07-01';

/** method, path below BASE (groups are path parameters), operation name */
export const ROUTES: ReadonlyArray<[string, RegExp, string]> = [
  ['POST', /^\/fulfillmentOrders\/preview$/, 'getFulfillmentPreview'],
  ['POST', /^\/deliveryOffers$/, 'deliveryOffers'],
  ['GET', /^\/fulfillmentOrders$/, 'listAllFulfillmentOrders'],
  ['POST', /^\/fulfillmentOrders$/, 'createFulfillmentOrder'],
  ['GET', /^\/tracking$/, 'getPackageTrackingDetails'],
  ['GET', /^\/returnReasonCodes$/, 'listReturnReasonCodes'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)\/return$/, 'createFulfillmentReturn'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)\/cancel$/, 'cancelFulfillmentOrder'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)\/status$/, 'submitFulfillmentOrderStatusUpdate'],
  ['GET', /^\/fulfillmentOrders\/([^/]+)$/, 'getFulfillmentOrder'],
  ['PUT', /^\/fulfillmentOrders\/([^/]+)$/, 'updateFulfillmentOrder'],
  ['GET', /^\/features$/, 'getFeatures'],
  ['GET', /^\/features\/inventory\/([^/]+)$/, 'getFeatureInventory'],
  ['GET', /^\/features\/inventory\/([^/]+)\/([^/]+)$/, 'getFeatureSKU'],
];

export const BASE_2026 = '/fulfillment/outbound/2026-07-04';

/** Fulfillment Outbound 2026-07-04: method, path below BASE_2026, operation name */
export const ROUTES_2026: ReadonlyArray<[string, RegExp, string]> = [
  ['POST', /^\/previews$/, 'getOrderPreview'],
  ['POST', /^\/offers$/, 'getOffers'],
  ['GET', /^\/orders$/, 'listOrders'],
  ['POST', /^\/orders$/, 'createOrder'],
  ['PUT', /^\/orders\/([^/]+)\/cancel$/, 'cancelOrder'],
  ['PUT', /^\/orders\/([^/]+)\/status$/, 'updateOrderStatus'],
  ['PUT', /^\/orders\/([^/]+)\/packages\/([^/]+)$/, 'updatePackage'],
  ['GET', /^\/orders\/([^/]+)$/, 'getOrder'],
  ['PUT', /^\/orders\/([^/]+)$/, 'updateOrder'],
];

export function route(method: string, pathname: string): { operation: string; params: string[] } | undefined {
  const [base, routes] = pathname.startsWith(BASE_2026) ? [BASE_2026, ROUTES_2026] : [BASE, ROUTES];
  if (!pathname.startsWith(base)) return undefined;
  const path = pathname.slice(base.length);
  for (const [m, pattern, operation] of routes) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return { operation, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}
