import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxServer, keepRecord, readBody, sleep } from '../http';
import { MARKETPLACES } from '../../domain/marketplaces';
import { STORE_COUNTRY_NAMES } from '../../domain/store-countries';
import { DEMO_SELLER_ID, SANDBOX_ERP_APP } from './fixtures';
import { expectedSign, parseBody, rawMembers, BigDigits } from './verify';

/**
 * A stateful double of the Lingxing OpenAPI over real HTTP (LINGXING.md, seeds 000 and 001):
 * tokens with one-shot refresh and supersession, signature checks, the in-flight capacity per
 * (appId, path) answering 3001008, and 标发 tasks that move pending → in_process → done|fatal.
 *
 * Sandbox triggers (documented in the README): a tracking number containing `INVALID` gives that
 * message an Error result; `WARN` gives a Warning; an Amazon order id not shaped `123-1234567-1234567`
 * gives an Error; a marketplace id the sandbox does not know makes the whole task fatal.
 */
export interface LingxingSandboxOptions {
  port?: number;
  host?: string;
  /** ms epoch; shared with a test's fake clock so token expiry and sign age agree */
  now?: () => number;
  /** simulated service time per request, ms (default 30); a number or per-path */
  latencyMs?: number | Partial<Record<string, number>>;
  /** how long a task stays pending, then in process (default 1500 / 3000 ms) */
  pendingMs?: number;
  processingMs?: number;
  /** access token lifetime in seconds (default 7199) */
  tokenTtlSeconds?: number;
  apps?: Array<{ appId: string; appSecret: string }>;
  /** seed the demo seller's finished tasks (default true) */
  seed?: boolean;
  /** the first task id to hand out: past every id a registry already holds (default 1003100) */
  firstTaskId?: bigint;
}

export interface RecordedRequest {
  path: string;
  appId?: string;
  body: Record<string, unknown>;
  /** the sandbox's code for this request, e.g. '0', '3001008' */
  code: string;
}

/** A fault the next request to a path gets instead of normal handling. */
export interface InjectedFault {
  /** answer this envelope code (e.g. 103, 3001008, 500) with this message */
  code?: number | string;
  message?: string;
  /** answer this HTTP status with an HTML body instead */
  httpStatus?: number;
  /** hold the request this long first (the in-flight slot stays taken, as upstream); alone, a slow normal answer */
  delayMs?: number;
  /** process the request normally, then answer with this (e.g. to lose the answer of a write) */
  afterProcessing?: boolean;
}

interface SandboxTask {
  taskId: string;
  sellerId: string;
  region: string;
  marketplaceId: string;
  createdAt: number;
  fatalReason: string | null;
  results: Array<{ message_id: string; result_code: string; result_message_code: string; result_description: string }>;
  messageCount: number;
}

/** Capacities per path (LINGXING.md, "Endpoints we call"). */
const CAPACITY: Record<string, number> = {
  '/api/auth-server/oauth/access-token': 100,
  '/api/auth-server/oauth/refresh': 100,
  '/pb/mp/order/submitFulfillment': 10,
  '/pb/mp/order/getFulfillmentResult': 10,
  '/order/amzod/api/createOrder': 1,
};

const AMAZON_ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export class LingxingSandbox extends SandboxServer {
  readonly requests: RecordedRequest[] = [];
  /** highest number of requests in flight seen per path and appId, as the capacity sees them */
  readonly maxInFlight = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  private readonly faults = new Map<string, InjectedFault[]>();
  private readonly apps = new Map<string, string>();
  private readonly tokens = new Map<string, { appId: string; expiresAt: number }>();
  private readonly superseded = new Set<string>();
  private readonly refreshTokens = new Map<string, { appId: string; expiresAt: number }>();
  private readonly currentToken = new Map<string, string>();
  readonly tasks = new Map<string, SandboxTask>();
  /** MCF orders created through createOrder, by "store_name order_id", as received */
  readonly mcfOrders = new Map<string, Record<string, unknown>>();
  private nextTaskId: bigint;
  private readonly now: () => number;
  tokenRequests = 0;

  constructor(private readonly options: LingxingSandboxOptions = {}) {
    super(options);
    this.now = options.now ?? Date.now;
    this.nextTaskId = options.firstTaskId && options.firstTaskId > 1003100n ? options.firstTaskId : 1003100n;
    for (const app of options.apps ?? [SANDBOX_ERP_APP]) this.apps.set(app.appId, app.appSecret);
    if (options.seed ?? true) this.seed();
  }

  protected internalError(res: ServerResponse): void {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<html><body>500 Internal Server Error</body></html>');
  }

  /** Queue faults that the next requests to `path` get, in order. */
  injectFaults(path: string, ...faults: InjectedFault[]): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...faults]);
  }

  /** Forget recorded requests and in-flight peaks (state and tokens stay). */
  resetStats(): void {
    this.requests.length = 0;
    this.maxInFlight.clear();
    this.tokenRequests = 0;
  }

  businessRequests(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Expire every access token now, as if their lifetime had run out. */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const capacity = CAPACITY[path];
    if (!capacity || req.method !== 'POST') {
      req.resume();
      return this.reply(res, 404, { code: 404, message: 'not found', data: null });
    }
    const appKey = url.searchParams.get('app_key') ?? 'token-endpoint';
    const slot = `${appKey} ${path}`;
    const inFlight = this.inFlight.get(slot) ?? 0;
    if (inFlight >= capacity) {
      req.resume();
      keepRecord(this.requests, {
        path,
        appId: url.searchParams.get('app_key') ?? undefined,
        body: {},
        code: '3001008',
      });
      return this.reply(res, 200, {
        code: '3001008',
        msg: 'requests too frequently. please request later.',
        data: null,
      });
    }
    this.inFlight.set(slot, inFlight + 1);
    this.maxInFlight.set(slot, Math.max(this.maxInFlight.get(slot) ?? 0, inFlight + 1));
    try {
      const raw = await readBody(req);
      const fault = this.faults.get(path)?.shift();
      // a fault with neither code nor status is only slow: the request is then handled normally
      const answers = fault !== undefined && (fault.code !== undefined || fault.httpStatus !== undefined);
      if (fault?.delayMs) await sleep(fault.delayMs);
      else await sleep(this.latencyFor(path));
      if (answers && !fault.afterProcessing) return this.replyFault(res, path, fault);
      const [status, payload] = path.startsWith('/api/auth-server/')
        ? await this.handleToken(path, req.headers['content-type'] ?? '', raw)
        : this.handleBusiness(path, url.searchParams, raw);
      if (answers) return this.replyFault(res, path, fault);
      this.reply(res, status, payload);
    } finally {
      this.inFlight.set(slot, (this.inFlight.get(slot) ?? 1) - 1);
    }
  }

  private replyFault(res: ServerResponse, path: string, fault: InjectedFault): void {
    // a fault after processing replaces the answer of a request that was already recorded
    if (!fault.afterProcessing)
      keepRecord(this.requests, { path, body: {}, code: String(fault.code ?? fault.httpStatus ?? 'fault') });
    if (fault.httpStatus) {
      res.writeHead(fault.httpStatus, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    this.reply(res, 200, this.envelope(Number(fault.code ?? 500), fault.message ?? 'sandbox fault', null));
  }

  private latencyFor(path: string): number {
    const l = this.options.latencyMs;
    if (typeof l === 'number') return l;
    return l?.[path] ?? 30;
  }

  // ---- tokens -------------------------------------------------------------------------------

  private async handleToken(path: string, contentType: string, raw: Buffer): Promise<[number, unknown]> {
    this.tokenRequests++;
    let form: FormData;
    try {
      form = await new Request('http://sandbox/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(raw),
      }).formData();
    } catch {
      return [200, { code: '3001001', msg: 'form-data fields expected', data: null }];
    }
    const appId = formText(form, 'appId');
    if (!this.apps.has(appId)) return [200, { code: '2001001', msg: 'app not exist', data: null }];
    if (path.endsWith('/access-token')) {
      if (form.get('appSecret') !== this.apps.get(appId))
        return [200, { code: '2001002', msg: 'app secret not correct', data: null }];
      return [200, { code: '200', msg: 'OK', data: this.issueToken(appId) }];
    }
    const refreshToken = formText(form, 'refreshToken');
    const known = this.refreshTokens.get(refreshToken);
    if (!known || known.appId !== appId) return [200, { code: '2001009', msg: 'refresh token invalid', data: null }];
    this.refreshTokens.delete(refreshToken); // works once
    if (known.expiresAt <= this.now()) return [200, { code: '2001008', msg: 'refresh token expired', data: null }];
    return [200, { code: '200', msg: 'OK', data: this.issueToken(appId) }];
  }

  private issueToken(appId: string) {
    const previous = this.currentToken.get(appId);
    if (previous) {
      this.tokens.delete(previous);
      this.superseded.add(previous); // a new token supersedes the app's previous one (2001005)
    }
    const accessToken = randomUUID();
    const refreshToken = randomUUID();
    const ttl = this.options.tokenTtlSeconds ?? 7199;
    this.tokens.set(accessToken, { appId, expiresAt: this.now() + ttl * 1000 });
    this.refreshTokens.set(refreshToken, { appId, expiresAt: this.now() + 2 * 3600 * 1000 });
    this.currentToken.set(appId, accessToken);
    // expires_in comes as a string sometimes: the sandbox alternates to keep clients honest
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: this.tokenRequests % 2 ? ttl : String(ttl),
    };
  }

  // ---- business endpoints -------------------------------------------------------------------

  private handleBusiness(path: string, query: URLSearchParams, raw: Buffer): [number, unknown] {
    const appId = query.get('app_key') ?? '';
    const record = (code: string, body: Record<string, unknown> = {}) =>
      keepRecord(this.requests, { path, appId, body, code });
    for (const k of ['access_token', 'app_key', 'timestamp', 'sign']) {
      if (!query.get(k)) {
        record('3001001');
        return [200, { code: '3001001', msg: `missing common param ${k}`, data: null }];
      }
    }
    const token = query.get('access_token')!;
    if (this.superseded.has(token)) {
      record('2001005');
      return [200, { code: '2001005', msg: 'access token has been superseded', data: null }];
    }
    const known = this.tokens.get(token);
    if (!known || known.appId !== appId || known.expiresAt <= this.now()) {
      record('2001003');
      return [200, { code: '2001003', msg: 'access token is missing or expired', data: null }];
    }
    let body: Record<string, unknown>;
    try {
      const parsed = parseBody(raw.toString('utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      record('102');
      return [200, this.envelope(102, '请求体必须是JSON对象', null)];
    }
    const timestamp = Number(query.get('timestamp'));
    if (!/^\d{10}$/.test(query.get('timestamp')!) || Math.abs(this.now() / 1000 - timestamp) > 120) {
      record('2001007', body);
      return [200, { code: '2001007', msg: 'sign has expired', data: null }];
    }
    // a signature must hold both ways: as a server that parses and re-renders the body checks it
    // (numbers in their shortest form), and over the raw bytes that were sent
    const members = rawMembers(raw.toString('utf8')) ?? undefined;
    const sent = query.get('sign');
    if (sent !== expectedSign(appId, query, body) || sent !== expectedSign(appId, query, body, members)) {
      record('2001006', body);
      return [200, { code: '2001006', msg: 'sign not correct', data: null }];
    }
    if (path === '/order/amzod/api/createOrder') {
      const [code, problem] = this.createOrder(body);
      record(String(code), body);
      // createOrder answers with error_details and total, as seed 004 shows
      if (code === 0) return [200, { ...this.envelope(0, '操作成功', []), error_details: [], total: 0 }];
      if (code === 500) return [200, { ...this.envelope(500, '失败', null), error_details: [problem], total: 0 }];
      return [200, this.envelope(code, problem, null)];
    }
    const [code, payload] =
      path === '/pb/mp/order/submitFulfillment'
        ? this.submitFulfillment(body)
        : path === '/pb/mp/order/getFulfillmentResult'
          ? this.getFulfillmentResult(body)
          : ([102, 'not implemented in the sandbox'] as const);
    record(String(code), body);
    return [200, code === 0 ? this.envelope(0, '操作成功', payload) : this.envelope(code, String(payload), null)];
  }

  private submitFulfillment(body: Record<string, unknown>): [number, unknown] {
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

  private getFulfillmentResult(body: Record<string, unknown>): [number, unknown] {
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

  /** createOrder (seed 004): required fields, the Chinese literals, and duplicate order ids. */
  private createOrder(body: Record<string, unknown>): [number, string] {
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
    if (this.mcfOrders.has(key)) return [500, '订单号已经存在'];
    this.mcfOrders.set(key, body);
    return [0, ''];
  }

  /** The task as getFulfillmentResult shows it at this moment. */
  taskStatus(task: SandboxTask): 'pending' | 'in_process' | 'done' | 'fatal' {
    const age = this.now() - task.createdAt;
    const pending = this.options.pendingMs ?? 1500;
    if (age < pending) return 'pending';
    if (age < pending + (this.options.processingMs ?? 3000)) return 'in_process';
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
      ship_time: finished ? String(Math.floor((task.createdAt + (this.options.pendingMs ?? 1500)) / 1000)) : '',
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

  private envelope(code: number, message: string, data: unknown) {
    const d = new Date(this.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      code,
      message,
      request_id: `${randomBytes(16).toString('hex')}.${randomBytes(6).readUIntBE(0, 6)}`,
      response_time: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
      data,
    };
  }

  private reply(res: ServerResponse, status: number, payload: unknown): void {
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/json;charset=UTF-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
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

function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
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

/** A JSON array of objects, each as a record (anything else in it becomes an empty record). */
function records(v: unknown): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((x: unknown) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {}));
}

/** A scalar as the ERP would print it; BigDigits keep their exact digits. */
function text(v: unknown): string {
  if (v instanceof BigDigits) return v.digits;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

function nonEmpty(v: unknown): boolean {
  return (typeof v === 'string' && v.trim().length > 0) || typeof v === 'number' || v instanceof BigDigits;
}
