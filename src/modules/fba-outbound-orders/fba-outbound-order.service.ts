import type { FulfillmentOutbound } from './fba-outbound-order.datasource';
import { IdempotencyKeyReusedError, type Idempotency } from '../../store/idempotency';
import { spApiUserErrors } from './sp-api-user-errors';
import type { CreateFbaOutboundOrderInput } from './fba-outbound-order.inputs';
import type { FbaOutboundOrderPayload } from './fba-outbound-order.payloads';
import type { FbaOutboundOrder } from './fba-outbound-order.type';
import { UserErrorCode } from '../../graphql/user-error.type';

/**
 * The order Amazon accepted, as far as the request tells: its ids and what was sent. Its status is
 * not known yet (null); the next read completes the picture.
 */
export function acceptedOrder(input: CreateFbaOutboundOrderInput): FbaOutboundOrder {
  return {
    sellerId: input.sellerId,
    sellerFulfillmentOrderId: input.sellerFulfillmentOrderId,
    marketplaceId: input.marketplaceId,
    displayableOrderId: input.displayableOrderId,
    displayableOrderDate: input.displayableOrderDate.toISOString(),
    displayableOrderComment: input.displayableOrderComment,
    shippingSpeedCategory: input.shippingSpeedCategory,
    destinationAddress: { ...input.destinationAddress },
    fulfillmentAction: input.fulfillmentAction ?? 'SHIP',
    fulfillmentPolicy: input.fulfillmentPolicy ?? null,
    status: null,
    notificationEmails: input.notificationEmails ?? [],
    featureConstraints: [],
    details: {
      items: input.items.map((i) => ({
        sellerSku: i.sellerSku,
        sellerFulfillmentOrderItemId: i.sellerFulfillmentOrderItemId,
        quantity: i.quantity,
        giftMessage: i.giftMessage,
        displayableComment: i.displayableComment,
      })),
      shipments: [],
      returnItems: [],
      returnAuthorizations: [],
      paymentInformation: [],
    },
  };
}

/**
 * Creating FBA outbound orders as a use-case: exactly once per idempotency key. A claim left
 * pending by a crash is reconciled by running the create again, which itself looks the order up
 * before resending anything.
 */
export class FbaOrders {
  constructor(private readonly deps: { orders: FulfillmentOutbound; idempotency: Idempotency }) {}

  async create(input: CreateFbaOutboundOrderInput): Promise<FbaOutboundOrderPayload> {
    try {
      const { value } = await this.deps.idempotency.run(
        { operation: 'createFbaOutboundOrder', tenant: input.sellerId },
        input.idempotencyKey,
        input,
        'rerun',
        async () => {
          try {
            const order = await this.deps.orders.createOrder(input);
            // accepted: the order as Amazon returns it, or what we sent when its read lags the write
            return { order: order ?? acceptedOrder(input), userErrors: [] };
          } catch (error) {
            return { order: null, userErrors: spApiUserErrors(error, undefined, input.items) };
          }
        },
      );
      return value;
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError)
        return {
          order: null,
          userErrors: [
            { field: ['idempotencyKey'], code: UserErrorCode.IDEMPOTENCY_KEY_REUSED, message: error.message },
          ],
        };
      throw error;
    }
  }
}
