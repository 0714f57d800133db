/**
 * Fulfillment Outbound 2020-07-01: every operation of the official model
 * (reference/fulfillmentOutbound_2020-07-01.json) with its usage plan. `retrySafe`: a
 * request whose answer was lost may be sent again (reads, and writes whose repetition the
 * upstream refuses harmlessly are handled by the caller, not here).
 */
export const FULFILLMENT_OUTBOUND_BASE = '/fba/outbound/2020-07-01';

export interface SpApiOperationSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  rate: number;
  burst: number;
  retrySafe: boolean;
  /** only served by sandbox endpoints (`x-amzn-api-sandbox-only`) */
  sandboxOnly?: boolean;
}

export const FULFILLMENT_OUTBOUND_OPERATIONS = {
  getFulfillmentPreview: { method: 'POST', path: '/fulfillmentOrders/preview', rate: 2, burst: 30, retrySafe: true },
  // the model says 5/30; the docs page says 10/30: pace by the stricter
  deliveryOffers: { method: 'POST', path: '/deliveryOffers', rate: 5, burst: 30, retrySafe: true },
  listAllFulfillmentOrders: { method: 'GET', path: '/fulfillmentOrders', rate: 2, burst: 30, retrySafe: true },
  createFulfillmentOrder: { method: 'POST', path: '/fulfillmentOrders', rate: 2, burst: 30, retrySafe: false },
  getPackageTrackingDetails: { method: 'GET', path: '/tracking', rate: 2, burst: 30, retrySafe: true },
  listReturnReasonCodes: { method: 'GET', path: '/returnReasonCodes', rate: 2, burst: 30, retrySafe: true },
  createFulfillmentReturn: {
    method: 'PUT',
    path: '/fulfillmentOrders/{sellerFulfillmentOrderId}/return',
    rate: 2,
    burst: 30,
    retrySafe: false,
  },
  getFulfillmentOrder: {
    method: 'GET',
    path: '/fulfillmentOrders/{sellerFulfillmentOrderId}',
    rate: 2,
    burst: 30,
    retrySafe: true,
  },
  updateFulfillmentOrder: {
    method: 'PUT',
    path: '/fulfillmentOrders/{sellerFulfillmentOrderId}',
    rate: 2,
    burst: 30,
    retrySafe: false,
  },
  cancelFulfillmentOrder: {
    method: 'PUT',
    path: '/fulfillmentOrders/{sellerFulfillmentOrderId}/cancel',
    rate: 2,
    burst: 30,
    retrySafe: false,
  },
  // sandbox only; the model gives no usage plan: SP-API sandboxes are throttled 5/15 for everything
  submitFulfillmentOrderStatusUpdate: {
    method: 'PUT',
    path: '/fulfillmentOrders/{sellerFulfillmentOrderId}/status',
    rate: 5,
    burst: 15,
    retrySafe: true,
    sandboxOnly: true,
  },
  getFeatures: { method: 'GET', path: '/features', rate: 2, burst: 30, retrySafe: true },
  getFeatureInventory: {
    method: 'GET',
    path: '/features/inventory/{featureName}',
    rate: 2,
    burst: 30,
    retrySafe: true,
  },
  getFeatureSKU: {
    method: 'GET',
    path: '/features/inventory/{featureName}/{sellerSku}',
    rate: 2,
    burst: 30,
    retrySafe: true,
  },
} as const satisfies Record<string, SpApiOperationSpec>;

export type FulfillmentOutboundOperation = keyof typeof FULFILLMENT_OUTBOUND_OPERATIONS;
