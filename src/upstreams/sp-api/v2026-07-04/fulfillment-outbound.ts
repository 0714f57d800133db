import { SpApiNotFoundError, type SpApiClient } from '../client';
import { createOnce, type CreateOutcome } from '../create-once';
import type { SellerRegistry } from '../sellers';
import type * as M from './model';
import {
  FULFILLMENT_OUTBOUND_2026_BASE,
  FULFILLMENT_OUTBOUND_2026_OPERATIONS,
  type FulfillmentOutbound2026Operation,
} from './operations';

/**
 * SP-API Fulfillment Outbound, version 2026-07-04, over the same `SpApiClient` as 2020-07-01
 * (LWA, hosts, buckets, retries, the answer table). One method per model operation; answers are
 * the response objects themselves (no `payload` envelope).
 */
export class FulfillmentOutboundV20260704 {
  constructor(
    private readonly client: SpApiClient,
    readonly sellers: SellerRegistry,
  ) {}

  private async call<T>(
    sellerId: string,
    operation: FulfillmentOutbound2026Operation,
    args: { pathParams?: Record<string, string>; query?: Record<string, string | undefined>; body?: unknown } = {},
  ): Promise<{ body: T; status: number }> {
    const seller = this.sellers.get(sellerId);
    const answer = await this.client.call<T>(seller, {
      operation,
      basePath: FULFILLMENT_OUTBOUND_2026_BASE,
      ...FULFILLMENT_OUTBOUND_2026_OPERATIONS[operation],
      ...args,
      envelope: 'body',
      headers: seller.fulfillmentServiceId
        ? { 'x-amzn-fulfillment-service-id': seller.fulfillmentServiceId }
        : undefined,
    });
    return { body: answer.payload, status: answer.status };
  }

  /** GET /orders/{orderId} with its shipments; null when Amazon does not know it. */
  async getOrder(sellerId: string, orderId: string): Promise<M.FulfillmentOrder | null> {
    try {
      return (
        (await this.call<M.GetOrderResponse>(sellerId, 'getOrder', {
          pathParams: { orderId },
          query: { shipments: 'INCLUDE' },
        }).then((a) => a.body.order)) ?? null
      );
    } catch (error) {
      if (error instanceof SpApiNotFoundError) return null;
      throw error;
    }
  }

  /** GET /orders: one page of orders updated after `updatedAfter`, with their shipments. */
  async listOrders(
    sellerId: string,
    args: { updatedAfter?: string; pageToken?: string },
  ): Promise<M.ListOrdersResponse> {
    return (await this.call<M.ListOrdersResponse>(sellerId, 'listOrders', { query: { ...args, shipments: 'INCLUDE' } }))
      .body;
  }

  /**
   * POST /orders: 200 with the order, or 202 when Amazon accepted it for later processing; safe to
   * retry (`createOnce`). Returns the order when Amazon gave it (or a read found it), else null.
   */
  async createOrder(
    sellerId: string,
    body: M.CreateOrderRequest,
    sameOrder: (existing: M.FulfillmentOrder) => boolean,
  ): Promise<{ order: M.FulfillmentOrder | null; outcome: CreateOutcome }> {
    const { sent, existing, outcome } = await createOnce({
      id: body.orderId,
      send: () => this.call<M.GetOrderResponse | M.CreateOrderAcceptedResponse>(sellerId, 'createOrder', { body }),
      find: () => this.getOrder(sellerId, body.orderId),
      same: sameOrder,
    });
    // 200 answers the order; 202 only accepted it for later (the caller reads it back)
    const created = sent?.status === 200 ? ((sent.body as M.GetOrderResponse).order ?? null) : null;
    return { order: existing ?? created, outcome };
  }

  /** POST /previews: the planned shipments and their offers per service tier. */
  async preview(sellerId: string, body: M.GetOrderPreviewRequest): Promise<M.GetOrderPreviewResponse> {
    return (await this.call<M.GetOrderPreviewResponse>(sellerId, 'getOrderPreview', { body })).body;
  }

  /** POST /offers: delivery promises per item. */
  async offers(sellerId: string, body: M.GetOffersRequest): Promise<M.GetOffersResponse> {
    return (await this.call<M.GetOffersResponse>(sellerId, 'getOffers', { body })).body;
  }

  /** PUT /orders/{orderId}: 2026 updates only the action (release a HOLD with SHIP). */
  async updateOrder(sellerId: string, orderId: string, action: string): Promise<void> {
    await this.call(sellerId, 'updateOrder', {
      pathParams: { orderId },
      body: { fulfillmentConfiguration: { action } },
    });
  }

  /** PUT /orders/{orderId}/cancel. */
  async cancelOrder(sellerId: string, orderId: string): Promise<void> {
    await this.call(sellerId, 'cancelOrder', { pathParams: { orderId } });
  }

  /** PUT /orders/{orderId}/status (sandbox only). */
  async updateOrderStatus(sellerId: string, orderId: string, status: string): Promise<void> {
    await this.call(sellerId, 'updateOrderStatus', { pathParams: { orderId }, body: { status } });
  }

  /** PUT /orders/{orderId}/packages/{packageId} (sandbox only). */
  async updatePackage(
    sellerId: string,
    orderId: string,
    packageId: string,
    body: { status: string; deliveryTime?: string },
  ): Promise<void> {
    await this.call(sellerId, 'updatePackage', { pathParams: { orderId, packageId }, body });
  }
}
