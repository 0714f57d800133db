import { UpstreamProtocolError, UpstreamRejectedError } from '../../errors';
import type { TaskStatus } from '../../domain/task-status';
import type { LingxingClient } from './client';
import { JsonInt } from './json';
import { MessageIdGenerator } from './message-ids';
import { taskStatusFrom } from './task-status';

export type { AmazonRegionCode } from '../../domain/marketplaces';
import type { AmazonRegionCode } from '../../domain/marketplaces';

export interface ShipmentConfirmationRecord {
  /** the 标发记录id (`order_list[].id`), up to 19 digits, kept as a string */
  messageId: string;
  amazonOrderId: string;
  trackingNumber: string;
  carrierCode: string;
  carrierName: string;
  shippingService?: string | null;
  items: Array<{ orderItemId: string; quantity: number }>;
}

export interface SubmitFulfillmentRequest {
  region: AmazonRegionCode;
  sellerId: string;
  marketplaceId: string;
  /** shipments without a `messageId` get a generated one */
  shipments: Array<Omit<ShipmentConfirmationRecord, 'messageId'> & { messageId?: string | null }>;
}

export interface SubmittedTask {
  taskId: string;
  status: TaskStatus;
  failureReason: string | null;
  requestId?: string;
  /** the shipments as sent, every one with its message id */
  shipments: ShipmentConfirmationRecord[];
}

export interface MessageResultRecord {
  messageId: string;
  resultCode: string;
  resultMessageCode: string | null;
  description: string | null;
}

export interface ProcessingSummaryRecord {
  processed: number;
  successful: number;
  withError: number;
  withWarning: number;
}

export interface TaskResultRecord {
  taskId: string;
  status: TaskStatus;
  failureReason: string | null;
  feedStatusCode: string | null;
  shipTime: Date | null;
  summary: ProcessingSummaryRecord | null;
  results: MessageResultRecord[];
}

/** getFulfillmentResult accepts at most ten task ids per call (docs/upstreams/lingxing.md: 单次请求最多支持查询10个任务ID). */
export const MAX_TASK_IDS_PER_RESULT_CALL = 10;

/** ERP field names in 102 messages → the caller's input field names. */
const INPUT_FIELD_BY_ERP_FIELD: Readonly<Record<string, string>> = {
  region: 'region',
  sellerId: 'sellerId',
  marketplaceId: 'marketplaceId',
  orderList: 'shipments',
  id: 'messageId',
  platformOrderNo: 'amazonOrderId',
  trackingNo: 'trackingNumber',
  carrierCode: 'carrierCode',
  carrierName: 'carrierName',
  shippingService: 'shippingService',
  orderItem: 'items',
  orderItemNo: 'orderItemId',
  quantity: 'quantity',
};

/** `orderList[0].carrierCode` → `['shipments', '0', 'carrierCode']`; unmapped names stay as sent. */
export function inputPathForErpField(erpField: string): string[] {
  const path: string[] = [];
  for (const part of erpField.split('.')) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m) return [erpField];
    path.push(INPUT_FIELD_BY_ERP_FIELD[m[1]] ?? m[1]);
    if (m[2] !== undefined) path.push(m[2]);
  }
  return path;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null;
const count = (v: unknown): number => {
  const n = Number(v); // documented as strings, sometimes empty
  return Number.isFinite(n) && n >= 0 ? Math.trunc(n) : 0;
};

/** Shipment confirmation (标发) at the ERP (docs/upstreams/lingxing.md). */
export class LingxingFulfillment {
  constructor(
    private readonly client: LingxingClient,
    private readonly messageIds = new MessageIdGenerator(),
  ) {}

  /**
   * POST /pb/mp/order/submitFulfillment: queues an asynchronous task. Throws
   * `UpstreamRejectedError` (with `inputPath`) when the ERP refuses the content (102).
   */
  async submit(req: SubmitFulfillmentRequest): Promise<SubmittedTask> {
    const taken = new Set(req.shipments.flatMap((s) => (s.messageId ? [s.messageId] : [])));
    const shipments: ShipmentConfirmationRecord[] = req.shipments.map((s) => ({
      ...s,
      shippingService: s.shippingService ?? null,
      messageId: s.messageId || this.messageIds.next(taken),
    }));
    try {
      const envelope = await this.client.call<{ task_id?: unknown; task_status?: unknown; failure_reason?: unknown }>(
        'submitFulfillment',
        {
          region: req.region,
          seller_id: req.sellerId,
          marketplace_id: req.marketplaceId,
          order_list: shipments.map((s) => ({
            id: s.messageId, // sent as the string the documented example uses; never a JS number
            platform_order_no: s.amazonOrderId,
            tracking_no: s.trackingNumber,
            carrier_code: s.carrierCode,
            carrier_name: s.carrierName,
            shipping_service: s.shippingService ?? '', // "没有可以传空字符串"
            order_item: s.items.map((i) => ({ order_item_no: i.orderItemId, quantity: i.quantity })),
          })),
        },
        { tenant: req.sellerId },
      );
      const taskId = str(envelope.data?.task_id);
      if (!taskId) {
        throw new UpstreamProtocolError('The ERP accepted the submission but returned no task id.', {
          upstream: 'lingxing',
          operation: 'submitFulfillment',
          requestId: envelope.requestId,
        });
      }
      return {
        taskId,
        status: taskStatusFrom(envelope.data?.task_status, envelope.data?.failure_reason),
        failureReason: str(envelope.data?.failure_reason),
        requestId: envelope.requestId,
        shipments,
      };
    } catch (error) {
      if (error instanceof UpstreamRejectedError && error.upstreamField)
        error.inputPath = inputPathForErpField(error.upstreamField);
      throw error;
    }
  }

  /**
   * POST /pb/mp/order/getFulfillmentResult for at most ten ids. Results are matched by `task_id`,
   * never by position; an id the ERP returns no entry for is absent from the map.
   */
  async results(sellerId: string, taskIds: readonly string[]): Promise<Map<string, TaskResultRecord>> {
    if (taskIds.length === 0) return new Map();
    if (taskIds.length > MAX_TASK_IDS_PER_RESULT_CALL)
      throw new RangeError(`at most ${MAX_TASK_IDS_PER_RESULT_CALL} task ids per call`);
    const envelope = await this.client.call<unknown[]>(
      'getFulfillmentResult',
      { seller_id: sellerId, task_id: taskIds.map((id) => new JsonInt(id)) },
      { tenant: sellerId },
    );
    const byId = new Map<string, TaskResultRecord>();
    for (const raw of Array.isArray(envelope.data) ? envelope.data : []) {
      const entry = raw as Record<string, unknown>;
      const taskId = str(entry.task_id);
      if (!taskId) continue;
      byId.set(taskId, parseTaskResult(taskId, entry));
    }
    return byId;
  }
}

function parseTaskResult(taskId: string, entry: Record<string, unknown>): TaskResultRecord {
  const summary = entry.processing_summary as Record<string, unknown> | null | undefined;
  const shipSeconds = Number(entry.ship_time); // unix seconds as a string
  const failure = str(entry.failure);
  return {
    taskId,
    status: taskStatusFrom(entry.status_code, failure),
    failureReason: failure,
    feedStatusCode: str(entry.status_code),
    shipTime: entry.ship_time && Number.isFinite(shipSeconds) && shipSeconds > 0 ? new Date(shipSeconds * 1000) : null,
    summary: summary
      ? {
          processed: count(summary.messages_processed),
          successful: count(summary.messages_successful),
          withError: count(summary.messages_with_error),
          withWarning: count(summary.messages_with_warning),
        }
      : null,
    results: (Array.isArray(entry.result) ? entry.result : []).map((r: Record<string, unknown>) => ({
      messageId: str(r.message_id) ?? '',
      resultCode: str(r.result_code) ?? '',
      resultMessageCode: str(r.result_message_code),
      description: str(r.result_description),
    })),
  };
}
