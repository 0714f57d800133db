import { STORE_COUNTRY_NAMES } from '../../domain/store-countries';
import { UpstreamRejectedError } from '../../errors';
import type { LingxingClient } from './client';
import { inputPathForErpField } from './fulfillment';
import { JsonDecimal, type JsonValue } from './json';

/** An MCF order as this gateway describes it; the datasource translates it to the ERP's fields. */
export interface McfOrderRequest {
  storeName: string;
  storeCountryCode: string;
  orderId: string;
  blankBox?: boolean | null;
  blockAmzl?: boolean | null;
  deliveryOperation?: 'SHIP_NOW' | 'HOLD' | null;
  deliveryService?: 'STANDARD' | 'EXPEDITED' | 'PRIORITY' | null;
  recipient: { name: string; email: string; phone?: string | null };
  address: {
    countryCode: string;
    stateOrRegion: string;
    city?: string | null;
    addressLine1: string;
    addressLine2?: string | null;
    postalCode: string;
  };
  packingSlip: { orderId: string; orderDate: string; remark?: string | null };
  remark?: string | null;
  items: Array<{ msku: string; quantity: number; declaredValue?: string | null; declaredCurrency?: string | null }>;
}

/** The ERP already has an order with this order_id (`订单号已经存在`). */
export class McfOrderExistsError extends Error {}

/** The ERP's Chinese literals for our English enums (docs/upstreams/lingxing.md). */
export const YES_NO = { true: '是', false: '否' } as const;
export const DELIVERY_OPERATION = { SHIP_NOW: '立即配送', HOLD: '保留订单' } as const;
export const DELIVERY_SERVICE = { STANDARD: '标准配送', EXPEDITED: '加急配送', PRIORITY: '优先配送' } as const;

/** ERP field names in 102 messages → the caller's input field names, for createOrder. */
const INPUT_PATH_BY_ERP_FIELD: Readonly<Record<string, string[]>> = {
  storeName: ['storeName'],
  country: ['storeCountryCode'],
  orderId: ['orderId'],
  receiver: ['recipient', 'name'],
  countryCode: ['address', 'countryCode'],
  region: ['address', 'stateOrRegion'],
  city: ['address', 'city'],
  address1: ['address', 'addressLine1'],
  postcode: ['address', 'postalCode'],
  buyersMailbox: ['recipient', 'email'],
  orderIdForPacking: ['packingSlip', 'orderId'],
  dateForPacking: ['packingSlip', 'orderDate'],
};

/** The createOrder body: ERP field names, Chinese literals, store country as a Chinese name. */
export function toCreateOrderBody(r: McfOrderRequest): Record<string, JsonValue> {
  const country = STORE_COUNTRY_NAMES[r.storeCountryCode];
  if (!country) throw new RangeError(`no ERP country name for ${r.storeCountryCode}`);
  return {
    store_name: r.storeName,
    country,
    order_id: r.orderId,
    is_blank_box: r.blankBox == null ? undefined : YES_NO[String(r.blankBox) as 'true' | 'false'],
    is_block_amzl: r.blockAmzl == null ? undefined : YES_NO[String(r.blockAmzl) as 'true' | 'false'],
    receiver: r.recipient.name,
    country_code: r.address.countryCode,
    region: r.address.stateOrRegion,
    city: r.address.city ?? undefined,
    address1: r.address.addressLine1,
    address2: r.address.addressLine2 ?? undefined,
    postcode: r.address.postalCode,
    phone_number: r.recipient.phone ?? undefined,
    buyers_mailbox: r.recipient.email,
    order_id_for_packing: r.packingSlip.orderId,
    date_for_packing: r.packingSlip.orderDate,
    remark_for_packing: r.packingSlip.remark ?? undefined,
    delivery_operation: r.deliveryOperation ? DELIVERY_OPERATION[r.deliveryOperation] : undefined,
    delivery_service: r.deliveryService ? DELIVERY_SERVICE[r.deliveryService] : undefined,
    remark: r.remark ?? undefined,
    item_list: r.items.map((i) => ({
      msku: i.msku,
      quantity_shipped: i.quantity,
      declared_value: i.declaredValue ? new JsonDecimal(i.declaredValue) : undefined,
      declared_currency: i.declaredCurrency ?? undefined,
    })),
  };
}

/** Amazon multi-channel orders created through the ERP (docs/upstreams/lingxing.md). */
export class LingxingMcfOrders {
  constructor(private readonly client: LingxingClient) {}

  /**
   * POST /order/amzod/api/createOrder (capacity 1: one at a time per appId). Success returns no id:
   * the caller's order_id is the identifier. Throws `McfOrderExistsError` on `订单号已经存在`,
   * `UpstreamRejectedError` (with `inputPath`) on other refusals.
   */
  async create(r: McfOrderRequest): Promise<{ requestId?: string }> {
    try {
      const envelope = await this.client.call('createMcfOrder', toCreateOrderBody(r), { tenant: r.storeName });
      return { requestId: envelope.requestId };
    } catch (error) {
      if (error instanceof UpstreamRejectedError) {
        if (/订单号已经存在/.test(error.message))
          throw new McfOrderExistsError(`the ERP already has order ${r.orderId} for store ${r.storeName}`);
        if (error.upstreamField)
          error.inputPath =
            INPUT_PATH_BY_ERP_FIELD[error.upstreamField.split('[')[0]] ?? inputPathForErpField(error.upstreamField);
      }
      throw error;
    }
  }
}
