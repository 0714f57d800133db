import { Readable } from 'node:stream';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { request } from 'undici';
import { SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { DEMO_SELLER, mcfInput, startTestApp, type TestApp } from '../support/harness';

/**
 * Abusive requests, over real HTTP: each is refused before anything leaves, or contained,
 * and a bystander (another seller, /healthz) is served meanwhile.
 */
const TASK = `fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId status summary { processed } }`;

async function post(app: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const res = await request(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, text, type: res.headers['content-type'], json: () => JSON.parse(text) as Gql };
}
interface Gql {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  extensions?: { cost?: Record<string, unknown> };
}

describe('limits before execution', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ spApiSandbox: { throttle: false } });
  });
  afterAll(() => app.close());

  const businessCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => !r.path.includes('/auth-server/')).length +
    app.sandboxes.spApi!.exchanges.length;

  const bystanders = async () => {
    const health = await request(app.url.replace(/\/graphql$/, '/healthz'));
    await health.body.dump();
    const small = await app.gql(
      `{ fbaOutboundOrder(sellerId: "A4IBC1X76HVPJ", sellerFulfillmentOrderId: "X-1") { status } }`,
    );
    return { health: health.statusCode, small: small.errors };
  };

  it.each([
    ['2000 copies of one task selection (142 kB)', `{ ${Array(2000).fill(TASK).join(' ')} }`, 'MAX_QUERY_TOKENS'],
    ['90,000 __typename copies', `{ ${Array(90_000).fill('__typename').join(' ')} }`, 'MAX_QUERY_TOKENS'],
    [
      '1000 aliases of fulfillmentTasks with 100 ids each',
      `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: fulfillmentTasks(sellerId: "A${i}", taskIds: [${Array.from({ length: 100 }, (_x, j) => `"${j + 1}"`).join(',')}]) { taskId }`).join(' ')} }`,
      'MAX_QUERY_TOKENS',
    ],
    [
      '1000 aliases of fbaOutboundOrder',
      `{ ${Array.from({ length: 1000 }, (_, i) => `o${i}: fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "O-${i}") { status }`).join(' ')} }`,
      'MAX_QUERY_TOKENS',
    ],
    [
      '150 aliases under the token limit',
      `{ ${Array.from({ length: 150 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
      'MAX_ALIASES',
    ],
    [
      'a selection nested 30 levels deep',
      `{ ${'node(id: "x") { ... on FulfillmentTask { results { shipment { items { quantity } } } } } '.repeat(1)}${'fulfillmentTask(sellerId: "A", taskId: "1") { shipments { items { orderItemId } } }'} ${'__schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } } }'} }`,
      'MAX_DEPTH',
    ],
  ])('refuses %s as QUERY_TOO_LARGE (HTTP 400, JSON) with no upstream call', async (_name, query, limit) => {
    const before = businessCalls();
    const res = await post(app, { query });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/application\/json/);
    const body = res.json();
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_LARGE', limit: { name: limit } });
    expect(businessCalls()).toBe(before);
    expect(await bystanders()).toEqual({ health: 200, small: undefined });
  });

  it('refuses 5000 _entities task references as QUERY_TOO_LARGE with no ERP call', async () => {
    const before = businessCalls();
    const res = await post(app, {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on FulfillmentTask { status } } }',
      variables: {
        r: Array.from({ length: 5000 }, (_, i) => ({
          __typename: 'FulfillmentTask',
          sellerId: 'S',
          taskId: `${i + 1}`,
        })),
      },
    });
    expect(res.status).toBe(400);
    expect(res.json().errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      limit: { name: 'MAX_ENTITIES' },
    });
    expect(businessCalls()).toBe(before);
  });

  it('prices 30 aliases of 100-id fulfillmentTasks at 300 upstream calls and refuses it with COST_LIMIT_EXCEEDED', async () => {
    const before = businessCalls();
    const ids = Array.from({ length: 100 }, (_, j) => `"${j + 1}"`).join(',');
    const res = await post(app, {
      query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids}]) { taskId }`).join(' ')} }`,
    });
    const body = res.json();
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'COST_LIMIT_EXCEEDED',
          maxOperationCost: 100,
          cost: expect.objectContaining({ requestedQueryCost: 300 }),
        }),
      }),
    ]);
    expect(businessCalls()).toBe(before);
  });

  it('reports extensions.cost in Shopify’s shape on every answer: 25 distinct ids cost 3 calls', async () => {
    const ids = Array.from({ length: 25 }, (_, j) => `"${1003000 + j}"`).join(',');
    const res = await post(app, {
      query: `{ fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids}]) { taskId } }`,
    });
    expect(res.json().extensions!.cost).toEqual({
      requestedQueryCost: 3,
      actualQueryCost: 3,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: expect.any(Number), restoreRate: 100 },
    });
  });

  it('answers malformed JSON and over-large bodies with a JSON error, never an HTML page or a stack', async () => {
    const malformed = await post(app, '{"query": "{ __typename }"');
    expect(malformed.status).toBe(400);
    expect(malformed.json().errors![0].extensions).toEqual({ code: 'BAD_REQUEST' });
    const big = await post(app, { query: `{ __typename }`, variables: { pad: 'x'.repeat(2_000_000) } });
    expect(big.status).toBe(413);
    expect(big.json().errors![0].extensions).toEqual({ code: 'QUERY_TOO_LARGE' });
    for (const r of [malformed, big]) {
      expect(r.text).not.toMatch(/<html|at \w+ \(|node_modules|\/work\//i);
    }
  });

  it('answers an over-large body sent in chunks, with no length declared, with 413 and no upstream call', async () => {
    const before = businessCalls();
    // a streamed upload: the size is only known while reading, and reading stops at the limit
    const chunk = Buffer.alloc(256 * 1024, 'x');
    async function* upload() {
      yield Buffer.from('{"query":"{ __typename }","variables":{"pad":"');
      for (let i = 0; i < 8; i++) yield chunk;
      yield Buffer.from('"}}');
    }
    const res = await request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.from(upload()),
    }).catch((error: Error) => error);
    if (res instanceof Error) throw res;
    expect(res.headers['content-length']).toBeDefined();
    expect(res.statusCode).toBe(413);
    expect(await res.body.json()).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'QUERY_TOO_LARGE' } }],
    });
    expect(businessCalls()).toBe(before);
  });

  it('logs a client’s parse and validation mistakes at info, without a stack', async () => {
    const before = app.logs.length;
    await post(app, { query: '{ fulfillmentTask(' });
    await post(app, { query: '{ noSuchField }' });
    const lines = app.logs.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    const mistakes = lines.filter((l) =>
      ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED'].includes(l.code as string),
    );
    expect(mistakes).toHaveLength(2);
    for (const m of mistakes) {
      expect(m.level).toBe(30);
      expect(JSON.stringify(m)).not.toContain('"stack"');
    }
  });

  it('writes one access-log line per operation with its name, duration, cost, outcome and caller', async () => {
    const before = app.logs.length;
    await app.gql(`query LookOne { ${TASK} }`);
    const line = app.logs
      .slice(before)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'operation');
    expect(line).toMatchObject({
      level: 30,
      operationName: 'LookOne',
      operationType: 'query',
      cost: 1,
      outcome: 'ok',
      caller: 'ip:127.0.0.1', // authentication is off on the sandboxes: the client address
      ms: expect.any(Number),
    });
  });

  it('keeps metric labels bounded: 300 distinct 1 kB operation names leave /metrics answering, with at most 200 names of at most 100 characters', async () => {
    for (let i = 0; i < 300; i++) await post(app, { query: `query Q${i}${'x'.repeat(1000)} { __typename }` });
    const metrics = await request(app.url.replace(/\/graphql$/, '/metrics'));
    expect(metrics.statusCode).toBe(200);
    const text = await metrics.body.text();
    const names = new Set([...text.matchAll(/operation_name="([^"]*)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(200 + 2); // the cap, plus `other` and `anonymous`
    expect(Math.max(...[...names].map((n) => n.length))).toBeLessThanOrEqual(100);
    expect(names.has('other')).toBe(true);
  });

  it('discards an over-large upstream answer as UPSTREAM_PROTOCOL_ERROR', async () => {
    app.sandboxes.spApi!.injectFaults('getFulfillmentOrder', { status: 200, bodyBytes: 50 * 1024 * 1024 });
    const res = await app.gql(
      `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_PROTOCOL_ERROR', upstream: 'sp-api' });
  });
});

describe('a cost bucket per caller', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: { AUTH_MODE: 'jwt', COST_BUCKET_SIZE: '20', COST_RESTORE_PER_SECOND: '1' },
      spApiSandbox: { throttle: false },
    });
  });
  afterAll(() => app.close());

  it('throttles a caller who spent its bucket, with retryAfterMs and no upstream call, and not another caller', async () => {
    const ids = Array.from({ length: 100 }, (_, j) => `"${j + 1}"`).join(',');
    const query = `{ fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids}]) { taskId } }`;
    const greedy = { sub: 'greedy', sellers: ['*'] };
    // each costs 10 calls (100 ids, ten per call) and really makes them: 20 points pay for two
    expect((await app.gql(query, {}, greedy)).errors).toBeUndefined();
    expect((await app.gql(query, {}, greedy)).errors).toBeUndefined();
    const calls = () => app.sandboxes.lingxing!.businessRequests(LINGXING_ENDPOINTS.getFulfillmentResult.path).length;
    const before = calls();
    const third = await app.gql(query, {}, greedy);
    expect(third.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'THROTTLED',
          retryAfterMs: expect.any(Number),
          cost: expect.objectContaining({ requestedQueryCost: 10, actualQueryCost: 0 }),
        }),
      }),
    ]);
    expect(third.errors![0].extensions!.retryAfterMs as number).toBeGreaterThan(5_000);
    expect(calls()).toBe(before);
    expect((await app.gql(query, {}, { sub: 'patient', sellers: ['*'] })).errors).toBeUndefined();
  });
});

describe('deadlines and disconnects drop queued upstream calls', () => {
  let app: TestApp;
  afterEach(() => app.close());

  const lookups = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `o${i}: fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "Q-${i}") { status }`).join(' ')} }`;

  it('stops sending a disconnected client’s paced SP-API calls', async () => {
    app = await startTestApp();
    const sent = () => app.sandboxes.spApi!.calls('getFulfillmentOrder').length;
    const controller = new AbortController();
    // 90 lookups for one seller: 30 at once (the burst), then one every half second
    const pending = request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: lookups(90) }),
      signal: controller.signal,
    }).catch(() => undefined);
    for (let i = 0; i < 100 && sent() < 30; i++) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await pending;
    await new Promise((r) => setTimeout(r, 300));
    const atDisconnect = sent();
    await new Promise((r) => setTimeout(r, 1500)); // three more tokens' worth of time
    expect(sent()).toBe(atDisconnect);
    expect(atDisconnect).toBeLessThan(40);
  });

  it('answers OPERATION_TIMEOUT on the unfinished fields at the deadline, and never sends them', async () => {
    app = await startTestApp({ env: { OPERATION_TIMEOUT_MS: '1000' } });
    const sent = () => app.sandboxes.spApi!.calls('getFulfillmentOrder').length;
    const res = await app.gql(lookups(60));
    const codes = new Set(res.errors?.map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(['OPERATION_TIMEOUT']));
    const atDeadline = sent();
    expect(atDeadline).toBeLessThan(60);
    expect(res.errors!.length).toBe(60 - atDeadline);
    await new Promise((r) => setTimeout(r, 1200));
    expect(sent()).toBe(atDeadline);
  });
});

describe('fair pacing across tenants', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ sandbox: { latencyMs: { [LINGXING_ENDPOINTS.createMcfOrder.path]: 60 } } });
  });
  afterAll(() => app.close());

  it('serves another store’s single order in its turn, not behind a burst of twelve (capacity 1)', async () => {
    const CREATE = 'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { order { orderId } } }';
    const burst = Array.from({ length: 12 }, (_, i) => app.gql(CREATE, { i: mcfInput(`burst-${i}`) }));
    await new Promise((r) => setTimeout(r, 30)); // the burst is queued
    const single = app.gql(CREATE, { i: mcfInput('lone-1', { storeName: '8speed-JP', storeCountryCode: 'JP' }) });
    await Promise.all([...burst, single]);
    const order = app.sandboxes
      .lingxing!.businessRequests(LINGXING_ENDPOINTS.createMcfOrder.path)
      .map((r) => String(r.body.order_id));
    // first come first served would send it 13th; round robin sends it at the next free slot
    expect(order.indexOf('lone-1')).toBeLessThanOrEqual(2);
  });
});

describe('readiness', () => {
  it('answers /readyz at once, and stays ready, while the ERP accepts connections and never replies', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const app = await startTestApp({
      env: {
        LINGXING_BASE_URL: `http://127.0.0.1:${port}`,
        LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
        LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
        AUTH_MODE: 'off',
      },
    });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await request(app.url.replace(/\/graphql$/, '/readyz'), {
          bodyTimeout: 1000,
          headersTimeout: 1000,
        });
        // ready once its own store answers; the silent ERP is reported, not a reason to leave service
        const body = (await res.body.json()) as { status: string; upstreams: Record<string, string> };
        expect(body.upstreams.lingxing).toMatch(/pending|TIMEOUT/);
        if (body.status !== 'ready') expect(res.statusCode).toBe(503);
        else expect(res.statusCode).toBe(200);
      }
    } finally {
      await app.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
