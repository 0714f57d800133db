import { STORE_COUNTRY_NAMES } from '../../domain/store-countries';
import { nonEmpty, records, text } from './values';
import { BigDigits } from './verify';

/** The ERP's multi-channel orders: createOrder's checks, and the orders it accepted. */
export class McfOrderBook {
  /** MCF orders created through createOrder, by "store_name order_id", as received */
  readonly orders = new Map<string, Record<string, unknown>>();

  /** createOrder (docs/upstreams/lingxing.md): required fields, the Chinese literals, and duplicate order ids. */
  createOrder(body: Record<string, unknown>): [number, string] {
    const required: Array<[string, string, string]> = [
      ['store_name', 'storeName', '店铺名不能为空'],
      ['country', 'country', '店铺国家不能为空'],
      ['order_id', 'orderId', '订单号不能为空'],
      ['receiver', 'receiver', '收件人不能为空'],
      ['country_code', 'countryCode', '收货地址国家/地区不能为空'],
      ['region', 'region', '地区不能为空'],
      ['address1', 'address1', '地址1不能为空'],
      ['postcode', 'postcode', '邮编不能为空'],
      ['buyers_mailbox', 'buyersMailbox', '买家邮箱不能为空'],
      ['order_id_for_packing', 'orderIdForPacking', '装箱单-订单号不能为空'],
      ['date_for_packing', 'dateForPacking', '装箱单-订单日期不能为空'],
    ];
    for (const [key, name, text] of required) if (!nonEmpty(body[key])) return [102, `${name}${text}`];
    if (!Object.values(STORE_COUNTRY_NAMES).includes(text(body.country))) return [102, 'country店铺国家不存在'];
    if (body.country_code !== 'JP' && !nonEmpty(body.city)) return [102, 'city城市不能为空'];
    for (const key of ['is_blank_box', 'is_block_amzl'])
      if (body[key] !== undefined && !['是', '否'].includes(text(body[key]))) return [102, `${key}只能是“是”或“否”`];
    if (body.delivery_operation !== undefined && !['立即配送', '保留订单'].includes(text(body.delivery_operation)))
      return [102, 'deliveryOperation配送操作不正确'];
    if (
      body.delivery_service !== undefined &&
      !['标准配送', '加急配送', '优先配送'].includes(text(body.delivery_service))
    )
      return [102, 'deliveryService配送服务不正确'];
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(text(body.date_for_packing)))
      return [102, 'dateForPacking装箱单-订单日期格式不正确'];
    const items = records(body.item_list);
    if (!items || items.length === 0) return [102, 'itemList商品列表不能为空'];
    for (const [i, item] of items.entries()) {
      if (!nonEmpty(item.msku)) return [102, `itemList[${i}].msku不能为空`];
      if (typeof item.quantity_shipped !== 'number' || item.quantity_shipped <= 0)
        return [102, `itemList[${i}].quantityShipped发货量必须大于0`];
      if (
        item.declared_value !== undefined &&
        typeof item.declared_value !== 'number' &&
        !(item.declared_value instanceof BigDigits)
      )
        return [102, `itemList[${i}].declaredValue申报价值必须是数字`];
    }
    const key = `${text(body.store_name)} ${text(body.order_id)}`;
    if (this.orders.has(key)) return [500, '订单号已经存在'];
    this.orders.set(key, body);
    return [0, ''];
  }
}
