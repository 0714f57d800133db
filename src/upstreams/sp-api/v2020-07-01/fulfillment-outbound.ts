import { readBack } from '../../shared/read-back';
import { objects } from '../../../platform/objects';
import { SpApiNotFoundError, type SpApiClient } from '../client';
import { createOnce, type CreateOutcome } from '../create-once';
import type { SellerRegistry } from '../sellers';
import type * as M from './model';
import {
  FULFILLMENT_OUTBOUND_BASE,
  FULFILLMENT_OUTBOUND_OPERATIONS,
  type FulfillmentOutboundOperation,
} from './operations';

/** Pauses between reads of an order right after a write (Amazon's reads can lag its writes). */

// shared by both versions' creates; re-exported where the callers have always found them
export { OrderIdConflictError, refusalReason, type CreateOutcome, type RefusalReason } from '../create-once';

/**
 * SP-API Fulfillment Outbound, version 2020-07-01. One method per model operation; a later
 * version (2026-07-04) gets a sibling class over the same `SpApiClient`.
 */
export class FulfillmentOutboundV20200701 {
  constructor(
    private readonly client: SpApiClient,
    readonly sellers: SellerRegistry,
  ) {}

  private async call<T>(
    sellerId: string,
    operation: FulfillmentOutboundOperation,
    args: {
      pathParams?: Record<string, string>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
    } = {},
  ): Promise<T> {
    const spec = FULFILLMENT_OUTBOUND_OPERATIONS[operation];
    const answer = await this.client.call<T>(this.sellers.get(sellerId), {
      operation,
      basePath: FULFILLMENT_OUTBOUND_BASE,
      ...spec,
      ...args,
    });
    return answer.payload;
  }

  /** GET /fulfillmentOrders/{id}: the order with items, shipments and returns; null when Amazon does not know it. */
  async getOrder(sellerId: string, sellerFulfillmentOrderId: string): Promise<M.GetFulfillmentOrderResult | null> {
    try {
      return await this.call<M.GetFulfillmentOrderResult>(sellerId, 'getFulfillmentOrder', {
        pathParams: { sellerFulfillmentOrderId },
      });
    } catch (error) {
      if (error instanceof SpApiNotFoundError) return null;
      throw error;
    }
  }

  /** GET /fulfillmentOrders: one page. A page may be empty while `nextToken` is still set. */
  listOrders(
    sellerId: string,
    args: { queryStartDate?: string; nextToken?: string },
  ): Promise<M.ListAllFulfillmentOrdersResult> {
    return this.call(sellerId, 'listAllFulfillmentOrders', { query: args });
  }

  /** POST /fulfillmentOrders/preview. */
  async preview(sellerId: string, body: M.GetFulfillmentPreviewRequest): Promise<M.FulfillmentPreview[]> {
    return objects(
      (await this.call<{ fulfillmentPreviews?: M.FulfillmentPreview[] }>(sellerId, 'getFulfillmentPreview', { body }))
        .fulfillmentPreviews,
    );
  }

  /** POST /deliveryOffers. */
  async deliveryOffers(sellerId: string, body: M.GetDeliveryOffersRequest): Promise<M.DeliveryOffer[]> {
    return objects(
      (await this.call<{ deliveryOffers?: M.DeliveryOffer[] }>(sellerId, 'deliveryOffers', { body })).deliveryOffers,
    );
  }

  /**
   * POST /fulfillmentOrders, safe to retry (docs/upstreams/sp-api.md): after a timeout or 5xx
   * the order is looked up before anything is resent; "A create request already exists" for the
   * same order is a success. Throws `OrderIdConflictError` when the id names a different order.
   */
  async createOrder(
    sellerId: string,
    body: M.CreateFulfillmentOrderRequest,
  ): Promise<{ order: M.GetFulfillmentOrderResult | null; outcome: CreateOutcome }> {
    const id = body.sellerFulfillmentOrderId;
    const { outcome, existing } = await createOnce({
      id,
      send: () => this.call(sellerId, 'createFulfillmentOrder', { body }),
      find: () => this.getOrder(sellerId, id),
      same: (existing) => sameOrder(existing, body),
    });
    // Amazon accepted it: from here on this is a success, whatever the read back says (an order
    // found while reconciling is the order: no second read)
    return { order: existing ?? (await this.readBack(sellerId, id)), outcome };
  }

  /** The order after a write Amazon accepted, read until it shows (`readBack`: null if it never does). */
  readBack(sellerId: string, sellerFulfillmentOrderId: string): Promise<M.GetFulfillmentOrderResult | null> {
    return readBack(() => this.getOrder(sellerId, sellerFulfillmentOrderId));
  }

  /** PUT /fulfillmentOrders/{id}: only while the order is on Hold. */
  async updateOrder(
    sellerId: string,
    sellerFulfillmentOrderId: string,
    body: M.UpdateFulfillmentOrderRequest,
  ): Promise<void> {
    await this.call(sellerId, 'updateFulfillmentOrder', { pathParams: { sellerFulfillmentOrderId }, body });
  }

  /** PUT /fulfillmentOrders/{id}/cancel: only before Processing. */
  async cancelOrder(sellerId: string, sellerFulfillmentOrderId: string): Promise<void> {
    await this.call(sellerId, 'cancelFulfillmentOrder', { pathParams: { sellerFulfillmentOrderId } });
  }

  /** PUT /fulfillmentOrders/{id}/status: sandbox endpoints only. */
  async setSandboxStatus(
    sellerId: string,
    sellerFulfillmentOrderId: string,
    fulfillmentOrderStatus: string,
  ): Promise<void> {
    await this.call(sellerId, 'submitFulfillmentOrderStatusUpdate', {
      pathParams: { sellerFulfillmentOrderId },
      body: { fulfillmentOrderStatus },
    });
  }

  /** GET /tracking?packageNumber: null when Amazon does not know the package. */
  async packageTracking(sellerId: string, packageNumber: number): Promise<M.PackageTrackingDetails | null> {
    try {
      return await this.call<M.PackageTrackingDetails>(sellerId, 'getPackageTrackingDetails', {
        query: { packageNumber },
      });
    } catch (error) {
      if (error instanceof SpApiNotFoundError) return null;
      throw error;
    }
  }

  /** GET /returnReasonCodes. */
  async returnReasonCodes(
    sellerId: string,
    query: { sellerSku: string; marketplaceId?: string; sellerFulfillmentOrderId?: string; language?: string },
  ): Promise<M.ReasonCodeDetails[]> {
    return objects(
      (await this.call<{ reasonCodeDetails?: M.ReasonCodeDetails[] }>(sellerId, 'listReturnReasonCodes', { query }))
        .reasonCodeDetails,
    );
  }

  /** PUT /fulfillmentOrders/{id}/return: items Amazon will not take back come in `invalidReturnItems`. */
  createReturn(
    sellerId: string,
    sellerFulfillmentOrderId: string,
    items: M.CreateReturnItem[],
  ): Promise<M.CreateFulfillmentReturnResult> {
    return this.call(sellerId, 'createFulfillmentReturn', {
      pathParams: { sellerFulfillmentOrderId },
      body: { items },
    });
  }

  /** GET /features?marketplaceId. */
  async features(sellerId: string, marketplaceId: string): Promise<M.Feature[]> {
    return objects(
      (await this.call<{ features?: M.Feature[] }>(sellerId, 'getFeatures', { query: { marketplaceId } })).features,
    );
  }

  /** GET /features/inventory/{featureName}: one page. */
  featureInventory(
    sellerId: string,
    args: { marketplaceId: string; featureName: string; nextToken?: string; queryStartDate?: string },
  ): Promise<M.GetFeatureInventoryResult> {
    return this.call(sellerId, 'getFeatureInventory', {
      pathParams: { featureName: args.featureName },
      query: { marketplaceId: args.marketplaceId, nextToken: args.nextToken, queryStartDate: args.queryStartDate },
    });
  }

  /** GET /features/inventory/{featureName}/{sellerSku}. */
  featureSku(
    sellerId: string,
    args: { marketplaceId: string; featureName: string; sellerSku: string },
  ): Promise<M.GetFeatureSkuResult> {
    return this.call(sellerId, 'getFeatureSKU', {
      pathParams: { featureName: args.featureName, sellerSku: args.sellerSku },
      query: { marketplaceId: args.marketplaceId },
    });
  }
}

/** Whether an existing order is the one a create request describes (same display id and lines). */
/**
 * Whether the order Amazon holds under this id is the one this request describes: the whole
 * request as Amazon keeps it (ids, comment, speed, every address field, every line). A repeat that
 * differs anywhere, the address included, names a different order: ORDER_EXISTS, never the other
 * buyer's data.
 */
function sameOrder(existing: M.GetFulfillmentOrderResult, request: M.CreateFulfillmentOrderRequest): boolean {
  const lines = (items: Array<{ sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number }>) =>
    items
      .map((i) => `${i.sellerFulfillmentOrderItemId}\u0000${i.sellerSku}\u0000${i.quantity}`)
      .sort()
      .join('\n');
  const text = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');
  const ADDRESS_FIELDS = [
    'name',
    'addressLine1',
    'addressLine2',
    'addressLine3',
    'city',
    'districtOrCounty',
    'stateOrRegion',
    'postalCode',
    'countryCode',
    'phone',
  ] as const;
  const order = existing.fulfillmentOrder;
  const had = order.destinationAddress as Partial<M.Address> | undefined;
  const wants = request.destinationAddress;
  return (
    order.displayableOrderId === request.displayableOrderId &&
    text(order.displayableOrderComment) === text(request.displayableOrderComment) &&
    text(order.shippingSpeedCategory) === text(request.shippingSpeedCategory) &&
    ADDRESS_FIELDS.every((f) => text(had?.[f]) === text(wants[f])) &&
    lines(existing.fulfillmentOrderItems) === lines(request.items)
  );
}
