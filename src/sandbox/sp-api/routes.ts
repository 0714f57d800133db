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

export function route(method: string, pathname: string): { operation: string; params: string[] } | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const path = pathname.slice(BASE.length);
  for (const [m, pattern, operation] of ROUTES) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return { operation, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}
