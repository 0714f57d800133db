import type { SpApiOperationSpec } from '../v2020-07-01/operations';

/**
 * Fulfillment Outbound 2026-07-04: the operations of the official model
 * (reference/fulfillmentOutbound_2026-07-04.json) with their usage plans (docs/upstreams/sp-api.md,
 * "Operations and usage plans"). The names are the model's operationIds, so their buckets and metrics stay apart
 * from 2020-07-01's.
 */
export const FULFILLMENT_OUTBOUND_2026_BASE = '/fulfillment/outbound/2026-07-04';

export const FULFILLMENT_OUTBOUND_2026_OPERATIONS = {
  getOrderPreview: { method: 'POST', path: '/previews', rate: 2, burst: 30, retrySafe: true },
  getOffers: { method: 'POST', path: '/offers', rate: 5, burst: 30, retrySafe: true },
  createOrder: { method: 'POST', path: '/orders', rate: 2, burst: 30, retrySafe: false },
  listOrders: { method: 'GET', path: '/orders', rate: 2, burst: 30, retrySafe: true },
  getOrder: { method: 'GET', path: '/orders/{orderId}', rate: 2, burst: 30, retrySafe: true },
  updateOrder: { method: 'PUT', path: '/orders/{orderId}', rate: 2, burst: 30, retrySafe: false },
  cancelOrder: { method: 'PUT', path: '/orders/{orderId}/cancel', rate: 2, burst: 30, retrySafe: false },
  // sandbox only; no usage plan in the model: SP-API sandboxes are throttled 5/15 for everything
  updateOrderStatus: {
    method: 'PUT',
    path: '/orders/{orderId}/status',
    rate: 5,
    burst: 15,
    retrySafe: true,
    sandboxOnly: true,
  },
  updatePackage: {
    method: 'PUT',
    path: '/orders/{orderId}/packages/{packageId}',
    rate: 5,
    burst: 15,
    retrySafe: true,
    sandboxOnly: true,
  },
} as const satisfies Record<string, SpApiOperationSpec>;

export type FulfillmentOutbound2026Operation = keyof typeof FULFILLMENT_OUTBOUND_2026_OPERATIONS;
