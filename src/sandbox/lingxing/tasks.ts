import { MARKETPLACES } from '../../domain/marketplaces';
import { DEMO_SELLER_ID } from './fixtures';
import { nonEmpty, records, text } from './values';

/** A 标发 task as the sandbox keeps it. */
export interface SandboxTask {
  taskId: string;
  sellerId: string;
  region: string;
  marketplaceId: string;
  createdAt: number;
  fatalReason: string | null;
  results: Array<{ message_id: string; result_code: string; result_message_code: string; result_description: string }>;
  messageCount: number;
}

const AMAZON_ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

/**
 * How long a sandbox task stays pending, then in process. The gateway polls a watched task every
 * 5 s (its refresher's tick), starting 5 s after submission: the first poll lands 5 to 10 s in,
 * inside the 2 to 12 s a task is in process, so a subscriber sees PENDING, IN_PROCESS and DONE.
 */
export const SANDBOX_PENDING_MS = 2_000;
export const SANDBOX_PROCESSING_MS = 10_000;

/**
 * The ERP's shipment-confirmation tasks: submitFulfillment's checks and the task it creates,
 * getFulfillmentResult's entries, and the lifecycle pending → in_process → done|fatal on the clock.
 *
 * Triggers: a tracking number containing `INVALID` gives that message an Error result; `WARN` a
 * Warning; an Amazon order id not shaped `123-1234567-1234567` an Error; a marketplace id the
 * sandbox does not know makes the whole task fatal.
 */
export class TaskBook {
  readonly tasks = new Map<string, SandboxTask>();
  private nextTaskId: bigint;

  constructor(
    private readonly options: {
      now: () => number;
      pendingMs?: number;
      processingMs?: number;
      firstTaskId?: bigint;
      seed?: boolean;
    },
  ) {
    this.nextTaskId = options.firstTaskId && options.firstTaskId > 1003100n ? options.firstTaskId : 1003100n;
    if (options.seed ?? true) this.seed();
  }

  private now(): number {
    return this.options.now();
  }

  submitFulfillment(body: Record<string, unknown>): [number, unknown] {
    const region = typeof body.region === 'string' ? body.region.toUpperCase() : '';
    if (!['NA', 'EU', 'FE'].includes(region)) return [102, 'region区域不能为空且只支持NA、EU、FE'];
    if (!nonEmpty(body.seller_id)) return [102, 'sellerId亚马逊店铺id不能为空'];
    if (!nonEmpty(body.marketplace_id)) return [102, 'marketplaceId市场id不能为空'];
    const orders = records(body.order_list);
    if (!orders || orders.length === 0) return [102, 'orderList提交标发数据列表不能为空'];
    const required: Array<[string, string, string]> = [
      ['id', 'id', '标发记录id不能为空'],
      ['platform_order_no', 'platformOrderNo', '平台单号不能为空'],
      ['tracking_no', 'trackingNo', '物流追踪号不能为空'],
      ['carrier_code', 'carrierCode', '承运商code不能为空'],
      ['carrier_name', 'carrierName', '承运商名称不能为空'],
    ];
    const seenIds = new Set<string>();
    for (const [i, o] of orders.entries()) {
      for (const [key, name, text] of required) {
        if (!nonEmpty(o[key])) return [102, `orderList[${i}].${name}${text}`];
      }
      const id = text(o.id);
      if (!/^[1-9][0-9]{0,19}$/.test(id)) return [102, `orderList[${i}].id标发记录id必须是20位以内的正整数`];
      if (seenIds.has(id)) return [102, `orderList[${i}].id标发记录id重复`];
      seenIds.add(id);
      const items = records(o.order_item);
      if (!items || items.length === 0) return [102, `orderList[${i}].orderItem商品信息不能为空`];
      for (const [j, item] of items.entries()) {
        if (!nonEmpty(item.order_item_no))
          return [102, `orderList[${i}].orderItem[${j}].orderItemNo亚马逊商品行id不能为空`];
        if (typeof item.quantity !== 'number' || !Number.isInteger(item.quantity) || item.quantity < 1)
          return [102, `orderList[${i}].orderItem[${j}].quantity商品数量必须大于0`];
      }
    }
    const marketplace = MARKETPLACES[text(body.marketplace_id)];
    const task: SandboxTask = {
      taskId: String(this.nextTaskId++),
      sellerId: text(body.seller_id),
      region,
      marketplaceId: text(body.marketplace_id),
      createdAt: this.now(),
      fatalReason: marketplace
        ? null
        : `Feed processing failed: marketplace ${text(body.marketplace_id)} is not enabled for this seller`,
      results: marketplace ? orders.flatMap((o) => messageOutcome(o)) : [],
      messageCount: orders.length,
    };
    this.tasks.set(task.taskId, task);
    return [0, { task_id: task.taskId, task_status: 'pending', failure_reason: null }];
  }

  getFulfillmentResult(body: Record<string, unknown>): [number, unknown] {
    if (!nonEmpty(body.seller_id)) return [102, 'sellerId亚马逊店铺id不能为空'];
    const ids = body.task_id;
    if (!Array.isArray(ids) || ids.length === 0) return [102, 'taskId任务id数组不能为空'];
    if (ids.length > 10) return [102, 'taskId任务id数组单次最多10个'];
    const data = [];
    for (const raw of ids) {
      const id = text(raw);
      const task = this.tasks.get(id);
      if (!task || task.sellerId !== body.seller_id) continue; // unknown ids: no entry
      data.push(this.resultEntry(task));
    }
    return [0, data];
  }

  /** The task as getFulfillmentResult shows it at this moment. */
  taskStatus(task: SandboxTask): 'pending' | 'in_process' | 'done' | 'fatal' {
    const age = this.now() - task.createdAt;
    const pending = this.options.pendingMs ?? SANDBOX_PENDING_MS;
    if (age < pending) return 'pending';
    if (age < pending + (this.options.processingMs ?? SANDBOX_PROCESSING_MS)) return 'in_process';
    return task.fatalReason ? 'fatal' : 'done';
  }

  private resultEntry(task: SandboxTask) {
    const status = this.taskStatus(task);
    const finished = status === 'done';
    const errors = task.results.filter((r) => r.result_code === 'Error').length;
    const warnings = task.results.filter((r) => r.result_code === 'Warning').length;
    const erroredMessages = new Set(task.results.filter((r) => r.result_code === 'Error').map((r) => r.message_id));
    return {
      result: finished ? task.results : [],
      task_id: task.taskId,
      status_code: { pending: 'IN_QUEUE', in_process: 'IN_PROGRESS', done: 'Complete', fatal: 'FATAL' }[status],
      ship_time: finished
        ? String(Math.floor((task.createdAt + (this.options.pendingMs ?? SANDBOX_PENDING_MS)) / 1000))
        : '',
      processing_summary: finished
        ? {
            messages_processed: String(task.messageCount),
            messages_successful: String(task.messageCount - erroredMessages.size),
            messages_with_error: String(errors),
            messages_with_warning: warnings ? String(warnings) : '',
          }
        : null,
      failure: status === 'fatal' ? task.fatalReason : null,
    };
  }

  private seed(): void {
    const longAgo = this.now() - 24 * 3600 * 1000;
    const add = (
      taskId: string,
      marketplaceId: string,
      results: SandboxTask['results'],
      messageCount: number,
      fatalReason: string | null = null,
    ) =>
      this.tasks.set(taskId, {
        taskId,
        sellerId: DEMO_SELLER_ID,
        region: 'NA',
        marketplaceId,
        createdAt: longAgo,
        fatalReason,
        results,
        messageCount,
      });
    add('1003083', 'ATVPDKIKX0DER', [], 2);
    add(
      '1003085',
      'ATVPDKIKX0DER',
      [
        {
          message_id: '2725',
          result_code: 'Error',
          result_message_code: '25',
          result_description: 'We are unable to process the XML feed because one or more items are invalid.',
        },
      ],
      1,
    );
    add(
      '1003090',
      'ATVPDKIKX0DER',
      [],
      3,
      'Feed processing failed: the seller authorization was revoked during submission',
    );
  }
}

function messageOutcome(o: Record<string, unknown>) {
  const messageId = text(o.id);
  const tracking = text(o.tracking_no).toUpperCase();
  if (tracking.includes('INVALID')) {
    return [
      {
        message_id: messageId,
        result_code: 'Error',
        result_message_code: '25',
        result_description: 'We are unable to process the XML feed because one or more items are invalid.',
      },
    ];
  }
  if (!AMAZON_ORDER_ID.test(text(o.platform_order_no))) {
    return [
      {
        message_id: messageId,
        result_code: 'Error',
        result_message_code: '18028',
        result_description: `The order id ${text(o.platform_order_no)} was not found in this marketplace.`,
      },
    ];
  }
  if (tracking.includes('WARN')) {
    return [
      {
        message_id: messageId,
        result_code: 'Warning',
        result_message_code: '5001',
        result_description: 'The carrier code is not recognised; the shipment was confirmed with carrier name only.',
      },
    ];
  }
  return [];
}
