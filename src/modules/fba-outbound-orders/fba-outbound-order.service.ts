import { exactlyOnce } from '../../graphql/exactly-once';
import type { FulfillmentOutbound } from './fba-outbound-order.datasource';
import { type Idempotency } from '../../store/idempotency';
import { spApiUserErrors } from './sp-api-user-errors';
import type {
  CancelFbaOutboundOrderInput,
  CreateFbaOutboundOrderInput,
  SandboxSetFbaOutboundOrderStatusInput,
  UpdateFbaOutboundOrderInput,
} from './fba-outbound-order.inputs';
import { FbaOutboundOrderStatus } from './fba-outbound-order.enums';
import type { FbaOutboundOrderPayload } from './fba-outbound-order.payloads';
import type { FbaOutboundOrder } from './fba-outbound-order.type';
import { UserErrorCode, type UserError } from '../../graphql/user-error.type';

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
 * FBA outbound orders' writes as use-cases. Creating is exactly once per idempotency key: a claim
 * left pending by a crash is reconciled by running the create again, which itself looks the order
 * up before resending anything. A change (update, cancel, the sandbox's status) that Amazon
 * accepted is a success whatever the read after it does.
 */
export class FbaOrders {
  constructor(private readonly deps: { orders: FulfillmentOutbound; idempotency: Idempotency }) {}

  async create(input: CreateFbaOutboundOrderInput): Promise<FbaOutboundOrderPayload> {
    return exactlyOnce(
      this.deps.idempotency,
      {
        operation: 'createFbaOutboundOrder',
        tenant: input.sellerId,
        key: input.idempotencyKey,
        input,
        reconcile: 'rerun',
      },
      async () => {
        try {
          const order = await this.deps.orders.createOrder(input);
          // accepted: the order as Amazon returns it, or what we sent when its read lags the write
          return { order: order ?? acceptedOrder(input), userErrors: [] };
        } catch (error) {
          return { order: null, userErrors: spApiUserErrors(error, undefined, input.items) };
        }
      },
      { order: null },
    );
  }

  /** Changes an order still on hold (`fulfillmentAction: SHIP` releases it). */
  update(input: UpdateFbaOutboundOrderInput): Promise<FbaOutboundOrderPayload> {
    return this.change(input, () => this.deps.orders.updateOrder(input));
  }

  /** Cancels an order before Amazon starts processing it. */
  cancel(input: CancelFbaOutboundOrderInput): Promise<FbaOutboundOrderPayload> {
    return this.change(
      input,
      () => this.deps.orders.cancelOrder(input.sellerId, input.sellerFulfillmentOrderId),
      FbaOutboundOrderStatus.values.CANCELLED,
    );
  }

  /** Moves an order of a seller on a sandbox endpoint to any status; refused for anyone else. */
  setSandboxStatus(input: SandboxSetFbaOutboundOrderStatusInput): Promise<FbaOutboundOrderPayload> {
    return this.change(input, async () => {
      if (!this.deps.orders.isSandbox(input.sellerId))
        return [
          {
            field: ['sellerId'],
            code: UserErrorCode.SANDBOX_ONLY,
            message: `seller ${input.sellerId} is not on a sandbox endpoint`,
          },
        ];
      await this.deps.orders.setSandboxStatus(input.sellerId, input.sellerFulfillmentOrderId, input.status);
      return [];
    });
  }

  /**
   * Carries out one change at Amazon and answers with the order as it is now; refusals are
   * userErrors. Once Amazon accepted the change (2xx) it is a success whatever the read back does:
   * the order as Amazon returns it, or, when its read lags or fails, the state the change was
   * accepted into (`acceptedStatus`) and nothing else.
   */
  private async change(
    input: { sellerId: string; sellerFulfillmentOrderId: string },
    carryOut: () => Promise<UserError[] | void>,
    acceptedStatus: string | null = null,
  ): Promise<FbaOutboundOrderPayload> {
    try {
      const refused = await carryOut();
      if (refused?.length) return { order: null, userErrors: refused };
    } catch (error) {
      return { order: null, userErrors: spApiUserErrors(error) };
    }
    const { sellerId, sellerFulfillmentOrderId } = input;
    const order = await this.deps.orders.readBack(sellerId, sellerFulfillmentOrderId);
    return {
      order: order ?? {
        sellerId,
        sellerFulfillmentOrderId,
        status: acceptedStatus,
        statusRaw: null,
        notificationEmails: [],
        featureConstraints: [],
      },
      userErrors: [],
    };
  }
}
