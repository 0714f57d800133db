import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxServer, keepRecord, readBody, sleep } from '../http';

import { SANDBOX_ERP_APP, SANDBOX_STORES } from './fixtures';
import { McfOrderBook } from './mcf';
import { TaskBook, type SandboxTask } from './tasks';
import { expectedSign, parseBody, rawMembers } from './verify';

/**
 * A stateful double of the Lingxing OpenAPI over real HTTP (docs/upstreams/lingxing.md):
 * tokens with one-shot refresh and supersession, signature checks, the in-flight capacity per
 * (appId, path) answering 3001008, and 标发 tasks that move pending → in_process → done|fatal.
 *
 * Sandbox triggers (docs/sandboxes.md, played by tasks.ts): a tracking number containing `INVALID` gives that
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
  /** how long a task stays pending, then in process (default 2000 / 10000 ms: tasks.ts) */
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

/** Capacities per path (docs/upstreams/lingxing.md). */
const CAPACITY: Record<string, number> = {
  '/api/auth-server/oauth/access-token': 100,
  '/api/auth-server/oauth/refresh': 100,
  '/pb/mp/order/submitFulfillment': 10,
  '/pb/mp/order/getFulfillmentResult': 10,
  '/order/amzod/api/createOrder': 1,
  '/erp/sc/data/seller/lists': 1,
};

/** Paths read with GET (their signed parameters in the query, no body); every other path is POST. */
const GET_PATHS = new Set(['/erp/sc/data/seller/lists']);

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
  /** the shipment-confirmation tasks (tasks.ts) and the MCF orders (mcf.ts) */
  private readonly taskBook: TaskBook;
  private readonly mcfBook = new McfOrderBook();
  private readonly now: () => number;
  tokenRequests = 0;

  constructor(private readonly options: LingxingSandboxOptions = {}) {
    super(options);
    this.now = options.now ?? Date.now;
    this.taskBook = new TaskBook({ ...options, now: this.now });
    for (const app of options.apps ?? [SANDBOX_ERP_APP]) this.apps.set(app.appId, app.appSecret);
  }

  /** the tasks submitted (and seeded), by task id */
  get tasks(): ReadonlyMap<string, SandboxTask> {
    return this.taskBook.tasks;
  }

  /** MCF orders created through createOrder, by "store_name order_id", as received */
  get mcfOrders(): ReadonlyMap<string, Record<string, unknown>> {
    return this.mcfBook.orders;
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
    if (!capacity || req.method !== (GET_PATHS.has(path) ? 'GET' : 'POST')) {
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
    // the ERP's checks in its order: common parameters, the token, the signature's age and value,
    // then the operation itself (tasks.ts, mcf.ts)
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
      const parsed = GET_PATHS.has(path) ? {} : parseBody(raw.toString('utf8'));
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
      const [code, problem] = this.mcfBook.createOrder(body);
      record(String(code), body);
      // createOrder answers with error_details and total, as docs/upstreams/lingxing.md describes
      if (code === 0) return [200, { ...this.envelope(0, '操作成功', []), error_details: [], total: 0 }];
      if (code === 500) return [200, { ...this.envelope(500, '失败', null), error_details: [problem], total: 0 }];
      return [200, this.envelope(code, problem, null)];
    }
    if (path === '/erp/sc/data/seller/lists') {
      record('0');
      return [200, this.envelope(0, '操作成功', SANDBOX_STORES)];
    }
    const [code, payload] =
      path === '/pb/mp/order/submitFulfillment'
        ? this.taskBook.submitFulfillment(body)
        : path === '/pb/mp/order/getFulfillmentResult'
          ? this.taskBook.getFulfillmentResult(body)
          : ([102, 'not implemented in the sandbox'] as const);
    record(String(code), body);
    return [200, code === 0 ? this.envelope(0, '操作成功', payload) : this.envelope(code, String(payload), null)];
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
}

function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}
