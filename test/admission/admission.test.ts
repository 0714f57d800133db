import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { at } from '../../src/http/ws';
import { toOpaque } from '../../src/graphql/opaque';
import {
  DEMO_SELLER,
  mcfInput,
  orderInput,
  shipmentInput,
  startTestApp,
  submitInput,
  testToken,
  type TestApp,
} from '../support/harness';
import { orderNotification } from '../support/notifications';
import { subscribe, wsClient } from '../support/ws-client';

function orderNotificationFor(sellerId: string, id: string, notificationId: string) {
  const n = orderNotification(id, notificationId);
  n.Payload.FulfillmentOrderStatusNotification.SellerId = sellerId;
  return n;
}

/**
 * Every way in passes one gate. Each class of attack is sent through every way in that
 * can carry it (POST, GET, a persisted-query hash, graphql-ws, a router callback) against the real
 * server over real HTTP and WebSockets, with authentication on, and each test asserts the
 * upstream calls actually made.
 */
interface Gql {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number } };
}
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Gql;
}

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `"${i + from}"`).join(',');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(
  app: TestApp,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await request(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Gql };
}

async function get(app: TestApp, params: Record<string, unknown>, token?: string): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await request(`${app.url}?${search.toString()}`, {
    headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.statusCode, headers: res.headers, body: (await res.body.json()) as Gql };
}

/** A router's callback listener: records every POST the gateway makes to it. */
async function listener(): Promise<{ server: Server; url: string; posts: unknown[] }> {
  const posts: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posts.push(JSON.parse(body || 'null'));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`, posts };
}

describe('one admission gate for every way in (authentication on)', () => {
  let app: TestApp;
  let token: string;
  let router: Awaited<ReturnType<typeof listener>>;
  beforeAll(async () => {
    router = await listener();
    app = await startTestApp({
      env: {
        AUTH_MODE: 'jwt',
        SUBSCRIPTION_CALLBACK_URLS: router.url,
        MAX_SUBSCRIPTIONS_PER_CALLER: '20',
      },
      sandbox: { latencyMs: 20 },
    });
    token = await testToken();
  });
  afterAll(async () => {
    await app.close();
    await new Promise((r) => router.server.close(r));
  });

  const erpCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => r.path !== LINGXING_ENDPOINTS.accessToken.path).length;
  const spApiCalls = () => app.sandboxes.spApi!.exchanges.length;
  const upstreamCalls = () => erpCalls() + spApiCalls();

  describe('router callbacks (server-side request forgery)', () => {
    const callback = (url: string) => ({
      subscription: { callbackUrl: url, subscriptionId: 'u', verifier: 'v', heartbeatIntervalMs: 5 },
    });
    const SUB = `subscription { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`;

    it('posts nothing for a GET callback request without a token: 401 before anything is read', async () => {
      const res = await get(app, { query: SUB, extensions: callback(router.url) });
      expect(res.status).toBe(401);
      expect(res.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      await sleep(200);
      expect(router.posts).toEqual([]);
    });

    it.each([
      ['a URL outside the allow-list', () => 'http://127.0.0.1:1/x'],
      ['userinfo before the host', () => router.url.replace('http://', 'http://127.0.0.1:1@')],
      ['the allowed path without a segment boundary', () => `${router.url}-evil/x`],
    ])('refuses %s with 400 and posts nothing', async (_name, url) => {
      const target = url();
      const res = await post(app, { query: SUB, extensions: callback(target) }, token);
      expect(res.status).toBe(400);
      expect(res.body.errors![0]).toMatchObject({
        message: 'This subscription callback URL is not allowed (SUBSCRIPTION_CALLBACK_URLS).',
        extensions: { code: 'BAD_REQUEST' },
      });
      // GET carries no subscription at all
      expect((await get(app, { query: SUB, extensions: callback(target) }, token)).status).toBe(405);
      await sleep(100);
      expect(router.posts).toEqual([]);
    });

    it('posts nothing when the operation is not an admitted subscription (a query, or one over the cost limit)', async () => {
      const query = await post(app, { query: '{ __typename }', extensions: callback(router.url) }, token);
      expect(query.status).toBe(400);
      expect(query.body.errors![0].message).toBe(
        'A subscription callback is only taken with a subscription operation.',
      );
      const tooDeep = await post(
        app,
        { query: `subscription { ${'__typename '.repeat(30)} }`, extensions: callback(router.url) },
        token,
      );
      expect(tooDeep.status).toBe(400);
      await sleep(100);
      expect(router.posts).toEqual([]);
    });
  });

  describe('cost from coerced values', () => {
    it('prices a field under @skip(if: true) at 0 and never lets a negative page lower the cost', async () => {
      const before = erpCalls();
      const five = Array.from(
        { length: 5 },
        (_, i) => `t${i}: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids(100, i * 100 + 1)}]) { taskId }`,
      ).join(' ');
      const res = await post(
        app,
        {
          query: `{ r: recentFulfillmentTasks(sellerId: "${DEMO_SELLER}", first: -100000) @skip(if: true) { edges { cursor } } ${five} }`,
        },
        token,
      );
      expect(res.status).toBe(200);
      expect(res.body.extensions!.cost!.requestedQueryCost).toBe(50);
      expect(erpCalls() - before).toBeLessThanOrEqual(50);
      expect(res.body.extensions!.cost!.actualQueryCost).toBe(erpCalls() - before);
    });

    it('refuses a page size outside 1…100 with 400 BAD_USER_INPUT and its path, before any call, by POST and GET', async () => {
      const before = upstreamCalls();
      for (const [transport, send] of [
        ['POST', (q: string, v: unknown) => post(app, { query: q, variables: v }, token)],
        ['GET', (q: string, v: unknown) => get(app, { query: q, variables: v }, token)],
      ] as const) {
        const res = await send(
          `query($n: Int) { recentFulfillmentTasks(sellerId: "${DEMO_SELLER}", first: $n) { edges { cursor } } }`,
          { n: -100000 },
        );
        expect([transport, res.status]).toEqual([transport, 400]);
        expect(res.body.errors![0]).toMatchObject({
          message: 'first must be between 1 and 100',
          path: ['recentFulfillmentTasks'],
          extensions: { code: 'BAD_USER_INPUT', field: ['first'] },
        });
      }
      expect(upstreamCalls()).toBe(before);
    });

    it('counts one representation given for the list as a list of one: fifty such aliases cost 50 and send at most 50', async () => {
      const before = spApiCalls();
      const one = (i: number) =>
        `e${i}: _entities(representations: { __typename: "FbaOutboundOrder", sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "GHOST-${i}" }) { __typename }`;
      const res = await post(app, { query: `{ ${Array.from({ length: 50 }, (_, i) => one(i)).join(' ')} }` }, token);
      expect(res.body.extensions!.cost!.requestedQueryCost).toBe(50);
      expect(spApiCalls() - before).toBeLessThanOrEqual(50);
    });
  });

  it('drops what an operation still had queued once its answer is sent, errors included', async () => {
    const nine = Array.from(
      { length: 9 },
      (_, i) =>
        `t${i}: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids(100, 5000 + i * 100)}]) { taskId }`,
    ).join(' ');
    const before = erpCalls();
    const res = await post(
      app,
      { query: `{ bad: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: ["not-a-number"]) { taskId } ${nine} }` },
      token,
    );
    const atAnswer = erpCalls();
    await sleep(1_000);
    // 90 calls were queued behind the ERP's capacity of 10; none of them may start after the answer
    expect(erpCalls() - atAnswer).toBeLessThanOrEqual(LINGXING_ENDPOINTS.getFulfillmentResult.capacity);
    expect(res.body.extensions!.cost!.actualQueryCost).toBe(atAnswer - before);
  });

  describe('persisted queries', () => {
    const ENTITIES = 'query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    const ext = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
    const rep = (i: number) => ({ __typename: 'FulfillmentTask', sellerId: DEMO_SELLER, taskId: String(i + 1) });

    it('checks a hash-only request exactly like its text: 1,000 representations are QUERY_TOO_LARGE, no call', async () => {
      const registered = await post(
        app,
        { query: ENTITIES, variables: { r: [rep(0)] }, extensions: ext(ENTITIES) },
        token,
      );
      expect(registered.status).toBe(200);
      const before = upstreamCalls();
      const r = Array.from({ length: 1000 }, (_, i) => rep(i));
      for (const res of [
        await post(app, { variables: { r }, extensions: ext(ENTITIES) }, token),
        await post(app, { query: ENTITIES, variables: { r } }, token),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body.errors![0]).toMatchObject({
          message: 'The operation asks for 1000 _entities representations; at most 200 are allowed.',
          extensions: { code: 'QUERY_TOO_LARGE', limit: { name: 'MAX_ENTITIES' } },
        });
      }
      expect(upstreamCalls()).toBe(before);
    });

    it('serves no hash to an anonymous caller and none across callers: nobody learns what another ran', async () => {
      const SDL = '{ _service { sdl } }';
      const registered = await post(app, { query: SDL, extensions: ext(SDL) }, token);
      expect(registered.status).toBe(200);
      const anonymous = await get(app, { extensions: ext(SDL) });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.data).toBeUndefined();
      const other = await get(app, { extensions: ext(SDL) }, await testToken({ sub: 'someone-else', sellers: ['*'] }));
      expect(other.status).toBe(200);
      expect(other.body.errors![0].extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const same = await get(app, { extensions: ext(SDL) }, token);
      expect((same.body.data as { _service: { sdl: string } })._service.sdl).toContain('type Query');
    });
  });

  describe('no validation stall', () => {
    const copies = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "X${i}") { status }`).join(' ')} }`;

    it('refuses 400 copies of one field (no aliases) before validation, over HTTP and graphql-ws, while /healthz answers at once', async () => {
      const health = async () => {
        const started = performance.now();
        await request(app.url.replace(/\/graphql$/, '/healthz')).then((r) => r.body.dump());
        return performance.now() - started;
      };
      const [res, healthMs] = await Promise.all([post(app, { query: copies(400) }, token), health()]);
      expect(res.status).toBe(400);
      expect(res.body.errors![0]).toMatchObject({
        message:
          'The field "fbaOutboundOrder" appears 21 times in one selection (fragments included); at most 20 are allowed.',
        extensions: { code: 'QUERY_TOO_LARGE', limit: { name: 'MAX_REPEATED_FIELDS', max: 20 } },
      });
      expect(healthMs).toBeLessThan(1_000);
      const client = wsClient(app.url, token);
      const sub = subscribe(
        client,
        `subscription ${copies(400).replace(/fbaOutboundOrder\(/g, 'fbaOutboundOrderUpdated(')}`,
        {},
      );
      await sub.ended;
      expect(sub.errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_LARGE' } });
      await client.dispose();
    });

    it('counts the copies a fragment brings in, too', async () => {
      const res = await post(
        app,
        {
          query: `{ ...F ...F2 } fragment F on Query { ${'__typename '.repeat(15)} } fragment F2 on Query { ${'__typename '.repeat(6)} }`,
        },
        token,
      );
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions!.limit).toMatchObject({ name: 'MAX_REPEATED_FIELDS', found: 21 });
    });
  });

  describe('subscriptions are admitted and costed', () => {
    const ORDER_SUB = (id: string) =>
      `subscription { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "${id}") { status } }`;

    it("caps one caller's open subscriptions across its sockets (MAX_SUBSCRIPTIONS_PER_CALLER)", async () => {
      const clients = [0, 1, 2].map(() => wsClient(app.url, token));
      const subs = clients.flatMap((client) =>
        Array.from({ length: 10 }, () => subscribe(client, ORDER_SUB('DEMO-HOLD-1'), {})),
      );
      for (let i = 0; i < 100 && subs.filter((s) => s.values.length || s.errors.length).length < 30; i++)
        await sleep(50);
      const refused = subs.filter((s) =>
        s.errors.some((e) => (e as { extensions?: { code?: string } }).extensions?.code === 'TOO_MANY_SUBSCRIPTIONS'),
      );
      expect(refused.length).toBe(10);
      expect(refused[0].errors[0]).toMatchObject({ message: 'A caller may hold at most 20 subscriptions at once.' });
      expect(subs.filter((s) => s.values.length === 1).length).toBe(20);
      for (const c of clients) await c.dispose();
    });

    it('serves a bystander on the same seller within a second while one caller keeps 20 reads queued, and stops reading when its socket closes', async () => {
      const client = wsClient(app.url, token);
      let opened = 0;
      let stop = false;
      const open = () => {
        const s = subscribe(client, ORDER_SUB(`MADE-UP-${opened++}`), {});
        void s.ended.then(() => {
          if (!stop && opened < 200) open();
        });
      };
      for (let i = 0; i < 20; i++) open();
      await sleep(1_500); // past Amazon's burst: the caller's reads now queue at 2 per second
      const started = performance.now();
      const bystander = await post(
        app,
        {
          query: `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
        },
        await testToken({ sub: 'bystander', sellers: [DEMO_SELLER] }),
      );
      const waited = performance.now() - started;
      expect(bystander.body.data).toEqual({ fbaOutboundOrder: { status: 'RECEIVED' } });
      expect(waited).toBeLessThan(1_000);
      stop = true;
      await client.dispose();
      await sleep(100);
      const afterClose = spApiCalls();
      await sleep(1_500);
      // the queued reads were dropped with their subscriptions (one may have been in flight)
      expect(spApiCalls() - afterClose).toBeLessThanOrEqual(1);
    });

    it('keeps a socket with a 60-day token open (its expiry timer never overflows)', async () => {
      const long = await testToken({ sub: 'long-lived', sellers: ['*'], ttlSeconds: 60 * 24 * 3600 });
      const client = wsClient(app.url, long);
      const sub = subscribe<{ fbaOutboundOrderUpdated: { status: string } }>(
        client,
        `subscription { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
        {},
      );
      await sub.atLeast(1);
      await sleep(300);
      expect(sub.errors).toEqual([]);
      await client.dispose();
    });
  });

  describe('HTTP status of refusals', () => {
    it('answers THROTTLED with 429, Retry-After and retryAfterMs; COST_LIMIT_EXCEEDED with 400', async () => {
      const poor = await testToken({ sub: 'poor', sellers: ['*'] });
      const big = `{ ${Array.from({ length: 9 }, (_, i) => `t${i}: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids(100, 9000 + i * 100)}]) { taskId }`).join(' ')} }`;
      // 15 × 90 points sent together against a bucket of 1,000: the gate charges each on arrival,
      // so the last ones cannot be paid for however slowly the admitted ones run
      const answers = await Promise.all(Array.from({ length: 15 }, () => post(app, { query: big }, poor)));
      const throttled = answers.find((res) => res.status !== 200);
      expect(throttled!.status).toBe(429);
      expect(Number(throttled!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(throttled!.body.errors![0].extensions).toMatchObject({
        code: 'THROTTLED',
        retryAfterMs: expect.any(Number),
      });
      const over = `{ ${Array.from({ length: 11 }, (_, i) => `t${i}: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids(100)}]) { taskId }`).join(' ')} }`;
      const res = await post(app, { query: over }, token);
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions!.code).toBe('COST_LIMIT_EXCEEDED');
    });
  });

  describe('input hygiene at the schema edge', () => {
    const SUBMIT =
      'mutation($i: SubmitFulfillmentInput!) { submitFulfillment(input: $i) { task { taskId } userErrors { field message code } } }';
    const CREATE_FBA =
      'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { order { status } userErrors { field message code } } }';
    const CREATE_MCF =
      'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { order { orderId } userErrors { field message code } } }';
    const userErrors = (res: Answer) =>
      (Object.values(res.body.data!)[0] as { userErrors: Array<{ field: string[]; message: string; code: string }> })
        .userErrors;

    it.each([
      ['NUL', '\u0000', 'U+0000'],
      ['ESC', '\u001b[31m', 'U+001B'],
      ['CR/LF', 'A\r\nB', 'U+000D'],
      ['a bidi override', 'A\u202eB', 'U+202E'],
      ['a zero-width space', 'A\u200bB', 'U+200B'],
      ['a lone surrogate', 'A\ud800B', 'U+D800'],
    ])(
      'refuses %s in a tracking number as a userError with its path, before the ERP is called',
      async (_n, bad, code) => {
        const before = erpCalls();
        const res = await post(
          app,
          {
            query: SUBMIT,
            variables: { i: submitInput({ shipments: [shipmentInput({ trackingNumber: `1Z${bad}` })] }) },
          },
          token,
        );
        expect(userErrors(res)).toEqual([
          {
            field: ['shipments', '0', 'trackingNumber'],
            message: `trackingNumber must not contain control, bidirectional or invisible characters (found ${code})`,
            code: 'INVALID',
          },
        ]);
        expect(erpCalls()).toBe(before);
      },
    );

    it('refuses control characters in FBA address lines, order ids, MCF order ids and remarks, with no upstream call', async () => {
      const before = upstreamCalls();
      const fba = await post(
        app,
        {
          query: CREATE_FBA,
          variables: {
            i: orderInput('CLEAN-1', {
              destinationAddress: { ...orderInput('x').destinationAddress, addressLine1: 'Line\u0000' },
            }),
          },
        },
        token,
      );
      expect(userErrors(fba)[0]).toMatchObject({ field: ['destinationAddress', 'addressLine1'], code: 'INVALID' });
      const id = await post(app, { query: CREATE_FBA, variables: { i: orderInput('BAD\r\nID') } }, token);
      expect(userErrors(id)[0]).toMatchObject({ field: ['sellerFulfillmentOrderId'], code: 'INVALID' });
      const mcf = await post(
        app,
        { query: CREATE_MCF, variables: { i: mcfInput('M\u0000', { remark: 'a\r\nb' }) } },
        token,
      );
      expect(userErrors(mcf).map((e) => e.field)).toEqual([['orderId'], ['remark']]);
      const query = await post(
        app,
        { query: `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "X\\u0000") { status } }` },
        token,
      );
      expect(query.body.errors![0]).toMatchObject({
        path: ['fbaOutboundOrder'],
        extensions: { code: 'BAD_USER_INPUT', field: ['sellerFulfillmentOrderId'] },
      });
      expect(upstreamCalls()).toBe(before);
    });

    it('refuses a line id used twice: an order item twice in one shipment, an MSKU twice in one MCF order', async () => {
      const before = upstreamCalls();
      const item = { orderItemId: '33051859012345', quantity: 1 };
      const submit = await post(
        app,
        { query: SUBMIT, variables: { i: submitInput({ shipments: [shipmentInput({ items: [item, item] })] }) } },
        token,
      );
      expect(userErrors(submit)).toEqual([
        {
          field: ['shipments', '0', 'items', '1', 'orderItemId'],
          message: 'orderItemId is already used by shipments[0].items[0]',
          code: 'DUPLICATE',
        },
      ]);
      const line = { msku: 'msku123', quantity: 1 };
      const mcf = await post(
        app,
        { query: CREATE_MCF, variables: { i: mcfInput('DUP-1', { items: [line, line] }) } },
        token,
      );
      expect(userErrors(mcf)).toEqual([
        { field: ['items', '1', 'msku'], message: 'msku is already used by items[0]', code: 'DUPLICATE' },
      ]);
      expect(upstreamCalls()).toBe(before);
    });

    it('bounds money: 1,000 nines are refused without being echoed, a negative price is a userError', async () => {
      const before = spApiCalls();
      const nines = '9'.repeat(1000);
      const huge = orderInput('MONEY-1');
      huge.items[0].perUnitDeclaredValue = { currencyCode: 'USD', value: nines };
      const res = await post(app, { query: CREATE_FBA, variables: { i: huge } }, token);
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.body)).not.toContain('99999');
      const negative = orderInput('MONEY-2');
      negative.items[0].perUnitPrice = { currencyCode: 'USD', value: '-1.00' };
      negative.codSettings = { isCodRequired: true, codCharge: { currencyCode: 'USD', value: '-5' } };
      const refused = await post(app, { query: CREATE_FBA, variables: { i: negative } }, token);
      expect(userErrors(refused)).toEqual(
        expect.arrayContaining([
          { field: ['items', '0', 'perUnitPrice', 'value'], message: 'value must not be negative', code: 'INVALID' },
          { field: ['codSettings', 'codCharge', 'value'], message: 'value must not be negative', code: 'INVALID' },
        ]),
      );
      expect(spApiCalls()).toBe(before);
    });

    it.each([
      ['a negative task id', ['FulfillmentTask', DEMO_SELLER, '-5']],
      ['a 30-digit task id', ['FulfillmentTask', DEMO_SELLER, '1'.repeat(30)]],
      ['a task id of letters', ['FulfillmentTask', DEMO_SELLER, 'abc']],
      ['an order id with "#"', ['FbaOutboundOrder', DEMO_SELLER, 'A#1']],
    ])('refuses a forged global id (%s) as BAD_USER_INPUT, never an upstream call or a 500', async (_n, parts) => {
      const before = upstreamCalls();
      const res = await post(app, { query: `{ node(id: "${toOpaque(parts)}") { id } }` }, token);
      expect(res.body.errors![0]).toMatchObject({
        path: ['node'],
        extensions: { code: 'BAD_USER_INPUT', field: ['id'] },
      });
      expect(upstreamCalls()).toBe(before);
    });

    it('checks _entities representations like the arguments they stand for', async () => {
      const before = upstreamCalls();
      const res = await post(
        app,
        {
          query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
          variables: { r: [{ __typename: 'FulfillmentTask', sellerId: DEMO_SELLER, taskId: 'abc' }] },
        },
        token,
      );
      expect(res.body.errors![0]).toMatchObject({
        message: 'representations.0.taskId must be a positive integer of at most 20 digits',
        extensions: { code: 'BAD_USER_INPUT', field: ['representations', '0', 'taskId'] },
      });
      expect(upstreamCalls()).toBe(before);
      expect(app.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
    });
  });

  it('answers the standard introspection query (depth counted without the ofType chain), by POST and GET', async () => {
    const query = getIntrospectionQuery();
    for (const res of [await post(app, { query }, token), await get(app, { query }, token)]) {
      expect(res.status).toBe(200);
      const schema = (res.body.data as { __schema: { queryType: { name: string } } }).__schema;
      expect(schema.queryType.name).toBe('Query');
    }
  });
});

describe('expiry timers', () => {
  it('fire at a time past 2^31 ms only when it comes, re-arming in steps', () => {
    jest.useFakeTimers();
    try {
      const fired = jest.fn();
      const start = Date.now();
      at(start + 60 * 24 * 3600 * 1000, fired);
      jest.advanceTimersByTime(2 ** 31);
      expect(fired).not.toHaveBeenCalled();
      jest.advanceTimersByTime(60 * 24 * 3600 * 1000 - 2 ** 31);
      expect(fired).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('production hardening', () => {
  const SECRET = 'notification-secret-of-at-least-32-bytes';
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp({
      env: { NODE_ENV: 'Production', ALLOW_SANDBOX: 'true', AUTH_MODE: 'jwt', SPAPI_NOTIFICATION_SECRET: SECRET },
    });
    token = await testToken();
  });
  afterAll(() => app.close());
  const base = () => app.url.replace(/\/graphql$/, '');

  it('takes NODE_ENV in any case: "Production" hides field suggestions and introspection', async () => {
    const typo = await post(
      app,
      { query: `{ fulfillmentTaks(sellerId: "${DEMO_SELLER}", taskId: "1") { taskId } }` },
      token,
    );
    expect(typo.status).toBe(400);
    expect(typo.body.errors![0].message).toBe('Cannot query field "fulfillmentTaks" on type "Query".');
    const introspection = await post(app, { query: getIntrospectionQuery() }, token);
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps /metrics off the public port and /readyz to a status', async () => {
    const metrics = await request(`${base()}/metrics`);
    expect(metrics.statusCode).toBe(404);
    await metrics.body.dump();
    const ready = await request(`${base()}/readyz`);
    expect(Object.keys((await ready.body.json()) as object)).toEqual(['status']);
  });

  it('deduplicates notifications per seller: the same NotificationId from two sellers is two notifications', async () => {
    const send = async (sellerId: string) => {
      const body = orderNotificationFor(sellerId, 'DEMO-HOLD-1', 'same-id');
      const res = await request(`${base()}/notifications/sp-api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-notification-secret': SECRET },
        body: JSON.stringify(body),
      });
      return { status: res.statusCode, body: await res.body.json() };
    };
    expect(await send(DEMO_SELLER)).toEqual({ status: 202, body: { accepted: true } });
    expect(await send('A4IBC1X76HVPJ')).toEqual({ status: 202, body: { accepted: true } });
    expect((await send(DEMO_SELLER)).status).toBe(200);
  });
});

describe('operator endpoints with METRICS_TOKEN', () => {
  it('serve /metrics and /readyz details only with the token', async () => {
    const app = await startTestApp({
      env: {
        NODE_ENV: 'production',
        ALLOW_SANDBOX: 'true',
        AUTH_MODE: 'jwt',
        METRICS_TOKEN: 'metrics-token-of-16-bytes-or-more',
      },
    });
    try {
      const base = app.url.replace(/\/graphql$/, '');
      const without = await request(`${base}/metrics`);
      expect(without.statusCode).toBe(401);
      await without.body.dump();
      const auth = { authorization: 'Bearer metrics-token-of-16-bytes-or-more' };
      const withToken = await request(`${base}/metrics`, { headers: auth });
      expect(withToken.statusCode).toBe(200);
      expect(await withToken.body.text()).toContain('graphql_operation_duration_seconds');
      const ready = await request(`${base}/readyz`, { headers: auth });
      expect((await ready.body.json()) as object).toHaveProperty('checks');
    } finally {
      await app.close();
    }
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS_ONLY=true)', () => {
  const TASK = `query Task { fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId status } }`;
  const FOLLOW = `subscription Follow { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`;
  let app: TestApp;
  let token: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-trusted-'));
    // GraphQL Code Generator's client preset writes id → document
    writeFileSync(join(dir, 'persisted-documents.json'), JSON.stringify({ 'task-1': TASK, [sha256(FOLLOW)]: FOLLOW }));
    app = await startTestApp({
      env: {
        AUTH_MODE: 'jwt',
        TRUSTED_DOCUMENTS: join(dir, 'persisted-documents.json'),
        TRUSTED_DOCUMENTS_ONLY: 'true',
      },
    });
    token = await testToken();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const erpCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => r.path !== LINGXING_ENDPOINTS.accessToken.path).length;

  it('runs a manifest document by its id (POST, GET) or by its text, and nothing else', async () => {
    for (const res of [
      await post(app, { documentId: 'task-1' }, token),
      await get(app, { documentId: 'task-1' }, token),
      await post(app, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TASK) } } }, token),
      await post(app, { query: TASK }, token),
    ])
      expect(res.body.data).toEqual({ fulfillmentTask: { taskId: '1003083', status: 'DONE' } });
    const before = erpCalls();
    const other = `{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003085") { taskId } }`;
    for (const res of [
      await post(app, { query: other }, token),
      await post(
        app,
        { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } },
        token,
      ),
      await post(app, { documentId: 'nope' }, token),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.errors![0]).toMatchObject({
        message: 'Only the documents this API trusts can run here (TRUSTED_DOCUMENTS).',
        extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
      });
    }
    expect(erpCalls()).toBe(before);
  });

  it('holds over graphql-ws too', async () => {
    const client = wsClient(app.url, token);
    const trusted = subscribe<{ fbaOutboundOrderUpdated: { status: string } }>(client, FOLLOW, {});
    await trusted.atLeast(1);
    const other = subscribe(client, FOLLOW.replace('DEMO-HOLD-1', 'DEMO-PLANNING-1'), {});
    await other.ended;
    expect(other.errors[0]).toMatchObject({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } });
    await client.dispose();
  });
});

describe("a subscription's later reads are charged to its caller", () => {
  const SECRET = 'notification-secret-of-at-least-32-bytes';
  it('ends the subscription with THROTTLED once the caller cannot pay for the next read', async () => {
    const app = await startTestApp({
      env: { AUTH_MODE: 'jwt', COST_BUCKET_SIZE: '3', COST_RESTORE_PER_SECOND: '1', SPAPI_NOTIFICATION_SECRET: SECRET },
    });
    try {
      const client = wsClient(app.url, await testToken({ sub: 'frugal', sellers: ['*'] }));
      const sub = subscribe<{ fbaOutboundOrderUpdated: { status: string } }>(
        client,
        `subscription { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
        {},
      );
      await sub.atLeast(1);
      const reads = () => app.sandboxes.spApi!.calls('getFulfillmentOrder').length;
      const before = reads();
      for (let i = 0; i < 8; i++) {
        const res = await request(new URL('/notifications/sp-api', app.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-notification-secret': SECRET },
          body: JSON.stringify(orderNotification('DEMO-HOLD-1', `charge-${i}`)),
        });
        await res.body.dump();
      }
      await sub.ended;
      expect(sub.errors[0]).toMatchObject({ extensions: { code: 'THROTTLED' } });
      // the bucket held 2 points after the first state: at most 2 more reads (plus what refilled meanwhile)
      expect(reads() - before).toBeLessThanOrEqual(3);
      await client.dispose();
    } finally {
      await app.close();
    }
  });
});
