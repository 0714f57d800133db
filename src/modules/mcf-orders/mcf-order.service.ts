import { exactlyOnce } from '../../graphql/exactly-once';
import type { Clock } from '../../platform/clock';
import { McfOrderExistsError, type LingxingMcfOrders } from '../../upstreams/lingxing/mcf-orders';
import { UpstreamRejectedError } from '../../errors';
import { type Idempotency } from '../../store/idempotency';
import type { CreateMcfOrderInput } from './mcf-order.inputs';
import type { CreateMcfOrderPayload, McfOrder } from './mcf-order.type';
import { UserErrorCode } from '../../graphql/user-error.type';
import { safeUpstreamMessage } from '../../platform/redact';
import type { Repository } from '../../store';
import { mcfOrderKey, type StoredMcfOrder } from '../../store/repository';
import type { StoreDirectory } from '../../upstreams/lingxing/store-directory';
import type { UserError } from '../../graphql/user-error.type';

/** A stored MCF order as the schema shows it; recipient and address are gone after the retention period. */
export function toMcfOrder(o: StoredMcfOrder): McfOrder {
  const d = o.details as Omit<
    McfOrder,
    'storeName' | 'orderId' | 'storeCountryCode' | 'recipient' | 'address' | 'submittedAt'
  >;
  const p = o.personal as { recipient: McfOrder['recipient']; address: McfOrder['address'] } | null;
  return {
    ...d,
    storeName: o.storeName,
    orderId: o.orderId,
    storeCountryCode: o.storeCountryCode,
    recipient: p?.recipient ?? null,
    address: p?.address ?? null,
    submittedAt: o.createdAt,
    erpRequestId: o.erpRequestId,
    personalDataPurgedAt: o.personalPurgedAt,
  };
}

/**
 * MCF order creation through the ERP as a use-case: exactly once per idempotency key, recorded in
 * the store with buyers' personal data kept apart (purged after the retention period). The ERP's
 * duplicate check makes a resend safe, so a claim left pending by a crash or a timeout is
 * reconciled by sending again: `订单号已经存在` then means the first attempt landed.
 */
export class McfOrders {
  constructor(
    private readonly deps: {
      mcf: LingxingMcfOrders;
      /** the ERP's stores: an order goes only to a store the ERP lists as normal */
      stores: Pick<StoreDirectory, 'byName'>;
      repo: Repository;
      idempotency: Idempotency;
      clock: Clock;
    },
  ) {}

  async create(input: CreateMcfOrderInput): Promise<CreateMcfOrderPayload> {
    const refused = await this.storeProblem(input);
    if (refused) return { order: null, userErrors: [refused] };
    return exactlyOnce(
      this.deps.idempotency,
      { operation: 'createMcfOrder', tenant: input.storeName, key: input.idempotencyKey, input, reconcile: 'rerun' },
      ({ reconciling }) => this.createOnce(input, reconciling),
      { order: null },
    );
  }

  /**
   * Why the ERP store cannot take this order, before anything is written: the ERP does not list
   * it, it is not NORMAL, or its country is not the one given.
   */
  private async storeProblem(input: CreateMcfOrderInput): Promise<UserError | null> {
    const store = await this.deps.stores.byName(input.storeName);
    if (!store)
      return {
        field: ['storeName'],
        code: UserErrorCode.UNKNOWN_STORE,
        message: `the ERP lists no store named ${input.storeName} (viewer.stores lists the stores you may use)`,
      };
    if (store.state !== 'NORMAL')
      return {
        field: ['storeName'],
        code: UserErrorCode.STORE_NOT_AVAILABLE,
        message: `the ERP store ${input.storeName} is ${store.state.toLowerCase().replace(/_/g, ' ')}, not normal: it takes no orders until it is fixed in the ERP`,
      };
    if (store.countryCode && store.countryCode !== input.storeCountryCode)
      return {
        field: ['storeCountryCode'],
        code: UserErrorCode.INVALID,
        message: `the ERP store ${input.storeName} is in ${store.countryCode}, not ${input.storeCountryCode}`,
      };
    return null;
  }

  private async createOnce(input: CreateMcfOrderInput, reconciling: boolean): Promise<CreateMcfOrderPayload> {
    // the one createOrder call; an "order exists" answer while reconciling means an earlier attempt landed
    let requestId: string | undefined;
    try {
      ({ requestId } = await this.deps.mcf.create(input));
    } catch (error) {
      if (error instanceof McfOrderExistsError) {
        if (!reconciling)
          return {
            order: null,
            userErrors: [{ field: ['orderId'], code: UserErrorCode.ORDER_EXISTS, message: error.message }],
          };
        // an earlier attempt with this key reached the ERP before its answer was lost: it is done
      } else if (error instanceof UpstreamRejectedError) {
        return {
          order: null,
          userErrors: [
            {
              field: error.inputPath ?? null,
              code: UserErrorCode.UPSTREAM_REJECTED,
              message: safeUpstreamMessage(error.message),
            },
          ],
        };
      } else {
        throw error;
      }
    }
    // the ERP has it: remembered, what was sent apart from the buyer's personal data (purged on schedule)
    const stored = this.record(input, requestId ?? null);
    await this.deps.repo.insertMcfOrder(stored);
    const saved = (await this.deps.repo.mcfOrdersByIds([{ storeName: input.storeName, orderId: input.orderId }])).get(
      mcfOrderKey(input.storeName, input.orderId),
    );
    return { order: toMcfOrder(saved ?? stored), userErrors: [] };
  }

  /** The order as the registry keeps it: details apart from the buyer's personal data. */
  private record(input: CreateMcfOrderInput, requestId: string | null): StoredMcfOrder {
    return {
      storeName: input.storeName,
      orderId: input.orderId,
      storeCountryCode: input.storeCountryCode,
      details: {
        blankBox: input.blankBox ?? null,
        blockAmzl: input.blockAmzl ?? null,
        deliveryOperation: input.deliveryOperation ?? null,
        deliveryService: input.deliveryService ?? null,
        packingSlip: {
          orderId: input.packingSlip.orderId,
          orderDate: input.packingSlip.orderDate,
          remark: input.packingSlip.remark ?? null,
        },
        remark: input.remark ?? null,
        items: input.items.map((i) => ({
          msku: i.msku,
          quantity: i.quantity,
          declaredValue: i.declaredValue ?? null,
          declaredCurrency: i.declaredCurrency ?? null,
        })),
      },
      personal: {
        recipient: { name: input.recipient.name, email: input.recipient.email, phone: input.recipient.phone ?? null },
        address: {
          ...input.address,
          city: input.address.city ?? null,
          addressLine2: input.address.addressLine2 ?? null,
        },
      },
      erpRequestId: requestId,
      createdAt: new Date(this.deps.clock.now()).toISOString(),
      personalPurgedAt: null,
    };
  }
}
