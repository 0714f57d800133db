import { readBack } from '../../upstreams/shared/read-back';
import type { FbaOutboundOrder } from './fba-outbound-order.type';
import type { CreateFbaOutboundOrderInput, UpdateFbaOutboundOrderInput } from './fba-outbound-order.inputs';
import type { DeliveryOffersInput, FulfillmentPreviewInput } from './fulfillment-preview.inputs';
import { FbaOutboundOrderStatus } from './fba-outbound-order.enums';
import { toCreateRequest, toDeliveryOffersRequest, toPreviewRequest, toUpdateRequest } from './v2020-07-01.from-schema';
import type { FulfillmentOutboundV20200701 } from '../../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import {
  toDeliveryOffer,
  toFbaOutboundOrder,
  toFbaOutboundOrderWhole,
  toFulfillmentPreview,
} from './v2020-07-01.to-schema';
import type { DeliveryOffer } from './delivery-offer.type';
import type { FulfillmentPreview } from './fulfillment-preview.type';
import { objects } from '../../platform/objects';
import { sameOrder2026, toCreateOrderRequest, toOffersRequest, toOrderPreviewRequest } from './v2026-07-04.from-schema';
import type { FulfillmentOutboundV20260704 } from '../../upstreams/sp-api/v2026-07-04/fulfillment-outbound';
import {
  toDeliveryOffersFrom2026,
  toFbaOutboundOrderFrom2026,
  toFulfillmentPreviewsFrom2026,
} from './v2026-07-04.to-schema';
import type { FulfillmentOutboundVersion } from '../../upstreams/sp-api/sellers';

/** Pauses between reads of an order right after a write (Amazon's reads can lag its writes). */

/** 2026-07-04 changes only the action of an order: anything else asked of it. */
export class NotSupportedByVersionError extends Error {
  constructor(
    message: string,
    readonly field: string[],
  ) {
    super(message);
  }
}

/** The GraphQL status member → 2026's sandbox status word. */
const STATUS_2026: Record<string, string> = {
  PROCESSING: 'PROCESSING',
  COMPLETE: 'COMPLETE',
  COMPLETE_PARTIALLED: 'COMPLETE_PARTIAL',
  CANCELLED: 'CANCELLED',
  UNFULFILLABLE: 'UNFULFILLABLE',
  INVALID: 'INVALID',
};

/**
 * FBA orders for any seller, through the Fulfillment Outbound version configured for that seller
 * (docs/api.md), in and out of the one GraphQL contract. Operations 2026-07-04
 * lacks (tracking by package number, returns, features) are not here: they use 2020-07-01 directly.
 */
export class FulfillmentOutbound {
  constructor(
    private readonly v2020: FulfillmentOutboundV20200701,
    private readonly v2026: FulfillmentOutboundV20260704,
  ) {}

  version(sellerId: string): FulfillmentOutboundVersion {
    return this.v2020.sellers.version(sellerId);
  }

  /** Whether the seller's orders go to a sandbox endpoint (the sandbox-only status update is refused otherwise). */
  isSandbox(sellerId: string): boolean {
    return this.v2020.sellers.get(sellerId).sandbox === true;
  }

  /** The order whole (items, shipments, packages); null when Amazon does not know it. */
  async getOrder(sellerId: string, sellerFulfillmentOrderId: string): Promise<FbaOutboundOrder | null> {
    if (this.version(sellerId) === '2026-07-04') {
      const order = await this.v2026.getOrder(sellerId, sellerFulfillmentOrderId);
      return order && toFbaOutboundOrderFrom2026(sellerId, order);
    }
    const result = await this.v2020.getOrder(sellerId, sellerFulfillmentOrderId);
    return result && toFbaOutboundOrderWhole(sellerId, result);
  }

  /**
   * One page of orders changed since `updatedSince`. Through 2020-07-01 the orders come without
   * items and shipments (read whole on demand); 2026-07-04 lists them whole.
   */
  async listOrders(
    sellerId: string,
    args: { updatedSince?: string; nextToken?: string },
  ): Promise<{ items: FbaOutboundOrder[]; nextToken?: string }> {
    if (this.version(sellerId) === '2026-07-04') {
      const page = await this.v2026.listOrders(
        sellerId,
        args.nextToken ? { pageToken: args.nextToken } : { updatedAfter: args.updatedSince },
      );
      return {
        items: objects(page.orders).map((o) => toFbaOutboundOrderFrom2026(sellerId, o)),
        nextToken: page.pagination?.nextToken,
      };
    }
    const page = await this.v2020.listOrders(
      sellerId,
      args.nextToken ? { nextToken: args.nextToken } : { queryStartDate: args.updatedSince },
    );
    return {
      items: objects(page.fulfillmentOrders).map((o) => toFbaOutboundOrder(sellerId, o)),
      nextToken: page.nextToken,
    };
  }

  /** Previews per shipping speed, through the seller's version. */
  async preview(sellerId: string, input: FulfillmentPreviewInput): Promise<FulfillmentPreview[]> {
    if (this.version(sellerId) === '2020-07-01')
      return (await this.v2020.preview(sellerId, toPreviewRequest(input))).map(toFulfillmentPreview);
    const lineIds = new Map(input.items.map((i) => [i.sellerSku, i.sellerFulfillmentOrderItemId]));
    return toFulfillmentPreviewsFrom2026(
      await this.v2026.preview(sellerId, toOrderPreviewRequest(input)),
      (sku) => lineIds.get(sku) ?? null,
    );
  }

  /** Delivery promises for one product, through the seller's version. */
  async deliveryOffers(sellerId: string, input: DeliveryOffersInput): Promise<DeliveryOffer[]> {
    if (this.version(sellerId) === '2020-07-01')
      return (await this.v2020.deliveryOffers(sellerId, toDeliveryOffersRequest(input))).map(toDeliveryOffer);
    return toDeliveryOffersFrom2026(await this.v2026.offers(sellerId, toOffersRequest(input)));
  }

  /** The order after a write Amazon accepted, read again while Amazon's reads lag (null if it never shows). */
  async readBack(sellerId: string, sellerFulfillmentOrderId: string): Promise<FbaOutboundOrder | null> {
    if (this.version(sellerId) === '2020-07-01') {
      const whole = await this.v2020.readBack(sellerId, sellerFulfillmentOrderId);
      return whole && toFbaOutboundOrderWhole(sellerId, whole);
    }
    return readBack(() => this.getOrder(sellerId, sellerFulfillmentOrderId));
  }

  /**
   * Creates the order (safe to retry: an order Amazon already holds that matches is a success,
   * one that differs is `OrderIdConflictError`). The order as Amazon returns it, or null when it
   * accepted the order for later (2026's 202) and no read shows it yet.
   */
  async createOrder(input: CreateFbaOutboundOrderInput): Promise<FbaOutboundOrder | null> {
    if (this.version(input.sellerId) === '2020-07-01') {
      const { order } = await this.v2020.createOrder(input.sellerId, toCreateRequest(input));
      return order && toFbaOutboundOrderWhole(input.sellerId, order);
    }
    const request = toCreateOrderRequest(input);
    const { order } = await this.v2026.createOrder(input.sellerId, request, (existing) =>
      sameOrder2026(existing, request),
    );
    if (order) return toFbaOutboundOrderFrom2026(input.sellerId, order);
    return this.readBack(input.sellerId, input.sellerFulfillmentOrderId);
  }

  /** Changes an order on hold; 2026-07-04 can only release it (fulfillmentAction SHIP). */
  async updateOrder(input: UpdateFbaOutboundOrderInput): Promise<void> {
    if (this.version(input.sellerId) === '2020-07-01')
      return this.v2020.updateOrder(input.sellerId, input.sellerFulfillmentOrderId, toUpdateRequest(input));
    const asked = Object.entries(input).filter(
      ([k, v]) =>
        v !== undefined && v !== null && !['sellerId', 'sellerFulfillmentOrderId', 'fulfillmentAction'].includes(k),
    );
    if (asked.length || input.fulfillmentAction !== 'SHIP')
      throw new NotSupportedByVersionError(
        'This seller is on Fulfillment Outbound 2026-07-04, which can only release an order on hold (fulfillmentAction: SHIP); other changes are not possible.',
        asked.length ? [asked[0][0]] : ['fulfillmentAction'],
      );
    await this.v2026.updateOrder(input.sellerId, input.sellerFulfillmentOrderId, 'SHIP');
  }

  async cancelOrder(sellerId: string, sellerFulfillmentOrderId: string): Promise<void> {
    if (this.version(sellerId) === '2026-07-04') return this.v2026.cancelOrder(sellerId, sellerFulfillmentOrderId);
    return this.v2020.cancelOrder(sellerId, sellerFulfillmentOrderId);
  }

  /** The sandbox-only status update, in each version's words. */
  async setSandboxStatus(sellerId: string, sellerFulfillmentOrderId: string, status: string): Promise<void> {
    if (this.version(sellerId) === '2020-07-01')
      return this.v2020.setSandboxStatus(sellerId, sellerFulfillmentOrderId, FbaOutboundOrderStatus.toAmazon(status));
    const word = STATUS_2026[status];
    if (!word)
      throw new NotSupportedByVersionError(
        `2026-07-04 has no order status ${status}; use PROCESSING, COMPLETE, COMPLETE_PARTIALLED, CANCELLED, UNFULFILLABLE or INVALID.`,
        ['status'],
      );
    return this.v2026.updateOrderStatus(sellerId, sellerFulfillmentOrderId, word);
  }
}
