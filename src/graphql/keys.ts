import { SAFE_ORDER_ID } from '../modules/fba-outbound-orders/fba-outbound-order.inputs';
import { MESSAGE_ID, SELLER_ID } from '../modules/fulfillment-tasks/submit-fulfillment.input';

/** An ERP task id: a positive integer of at most 20 digits (it can exceed 2^53: a string). */
export const TASK_ID = /^[1-9][0-9]{0,19}$/;
/** A seller fulfillment order id as the order inputs accept it: 1–40 characters, no `#`, `+` or double spaces. */
export const FBA_ORDER_ID = new RegExp(`(?=^.{1,40}$)${SAFE_ORDER_ID.source}`);
/** ERP store names and MCF order ids: 1–100 characters. */
const TEXT_KEY = /^.{1,100}$/s;

/** One part of an entity's key: its field name, the pattern its arguments accept, and how to say so. */
export interface KeyRule {
  name: string;
  pattern: RegExp;
  what: string;
}

const seller: KeyRule = { name: 'sellerId', pattern: SELLER_ID, what: 'an Amazon merchant id' };
const task: KeyRule = { name: 'taskId', pattern: TASK_ID, what: 'a positive integer of at most 20 digits' };
const message: KeyRule = { name: 'messageId', pattern: MESSAGE_ID, what: 'a positive integer of at most 19 digits' };
const order: KeyRule = {
  name: 'sellerFulfillmentOrderId',
  pattern: FBA_ORDER_ID,
  what: 'a seller fulfillment order id (1–40 characters, no "#", "+" or double spaces)',
};

/**
 * The key of every type with a global id or a federation `@key`, part by part in global-id order,
 * checked by the same rules as the arguments they stand for (src/admission/input-hygiene.ts).
 */
export const ENTITY_KEYS: Readonly<Record<string, readonly KeyRule[]>> = {
  FulfillmentTask: [seller, task],
  MessageResult: [seller, task, message],
  ShipmentConfirmation: [seller, task, message],
  FbaOutboundOrder: [seller, order],
  FbaShipment: [seller, order, { name: 'key', pattern: TEXT_KEY, what: 'an Amazon shipment id' }],
  McfOrder: [
    { name: 'storeName', pattern: TEXT_KEY, what: 'an ERP store name' },
    { name: 'orderId', pattern: TEXT_KEY, what: 'an order id of at most 100 characters' },
  ],
};
