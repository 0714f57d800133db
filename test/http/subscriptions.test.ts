import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { NOTIFICATION_SECRET_HEADER } from '../../src/modules/fba-outbound-orders/fba-outbound-order.notifications';
import { CreateFbaOrderDocument } from '../__generated__/operations';
import {
  DEMO_SELLER,
  SUBMIT_MUTATION,
  orderInput,
  startTestApp,
  submitInput,
  testToken,
  type TestApp,
} from '../support/harness';
import { subscribe, wsClient } from '../support/ws-client';
import { orderNotification } from '../support/notifications';
import { testStoreEnv } from '../support/stores';
import { openStore } from '../../src/store';
import type { EventBus } from '../../src/events/bus';
import { TaskEvents, type TaskSubscriber } from '../../src/modules/fulfillment-tasks/fulfillment-task.events';
import { systemClock } from '../../src/platform/clock';
import { createLogger } from '../../src/platform/logger';
import type { TaskResultRecord } from '../../src/upstreams/lingxing/fulfillment';

const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;
const SECRET = 'notification-secret-of-at-least-32-bytes';

const TASK_SUBSCRIPTION = `subscription ($sellerId: String!, $taskId: ID!) {
  fulfillmentTaskUpdated(sellerId: $sellerId, taskId: $taskId) {
    taskId status summary { processed successful } results { messageId resultCode }
  }
}`;
const ORDER_SUBSCRIPTION = `subscription ($sellerId: String!, $id: ID!) {
  fbaOutboundOrderUpdated(sellerId: $sellerId, sellerFulfillmentOrderId: $id) { sellerFulfillmentOrderId status }
}`;

type TaskEvent = {
  fulfillmentTaskUpdated: {
    taskId: string;
    status: string;
    summary: { processed: number } | null;
    results: Array<{ messageId: string }>;
  };
};
type OrderEvent = { fbaOutboundOrderUpdated: { sellerFulfillmentOrderId: string; status: string } };

async function postNotification(app: TestApp, body: unknown, secret: string | null = SECRET) {
  const res = await request(new URL('/notifications/sp-api', app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { [NOTIFICATION_SECRET_HEADER]: secret } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

describe('fulfillmentTaskUpdated over a real WebSocket', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      // the refresher runs as in production, polling a watched task every 100 ms
      env: { TASK_REFRESH_INTERVAL_MS: '50', TASK_WATCHED_POLL_MS: '100' },
      sandbox: { pendingMs: 600, processingMs: 600 },
    });
  });
  afterAll(() => app.close());

  it("delivers a submitted task's statuses in order up to DONE, to three subscribers, with no ERP call beyond the refresher's polls", async () => {
    const polls = jest.spyOn(app.refresher, 'pollBatch');
    const erp = app.sandboxes.lingxing!;
    erp.resetStats();
    const task = (await app.gql(SUBMIT_MUTATION, { input: submitInput() })).data!.submitFulfillment.task!;
    const token = await testToken();
    const [a, b] = [wsClient(app.url, token), wsClient(app.url, token)];
    const streams = [a, a, b].map((c) =>
      subscribe<TaskEvent>(c, TASK_SUBSCRIPTION, { sellerId: DEMO_SELLER, taskId: task.taskId }),
    );
    await Promise.all(streams.map((s) => s.ended));
    for (const s of streams) {
      expect(s.errors).toEqual([]);
      expect(s.values.map((v) => v.fulfillmentTaskUpdated.status)).toEqual(['PENDING', 'IN_PROCESS', 'DONE']);
    }
    // every getFulfillmentResult call was one of the refresher's batches: the subscribers cost none
    expect(erp.businessRequests(RESULTS).length).toBe(polls.mock.calls.length);
    expect(polls.mock.calls.length).toBeGreaterThanOrEqual(2);
    // the final event carries the summary and results, as a query for the finished task answers them
    const final = streams[0].values[2].fulfillmentTaskUpdated;
    expect(final.summary).toMatchObject({ processed: 1, successful: 1 });
    const queried = await app.gql(
      `{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "${task.taskId}") { taskId status summary { processed successful } results { messageId resultCode } } }`,
    );
    expect(final).toEqual(
      (queried.data as TaskEvent['fulfillmentTaskUpdated'] & { fulfillmentTask: unknown }).fulfillmentTask,
    );
    polls.mockRestore();
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('delivers the final state of a finished task at once and completes; refuses tasks it does not follow', async () => {
    const task = (await app.gql(SUBMIT_MUTATION, { input: submitInput() })).data!.submitFulfillment.task!;
    const client = wsClient(app.url, await testToken());
    await subscribe<TaskEvent>(client, TASK_SUBSCRIPTION, { sellerId: DEMO_SELLER, taskId: task.taskId }).ended;
    const again = subscribe<TaskEvent>(client, TASK_SUBSCRIPTION, { sellerId: DEMO_SELLER, taskId: task.taskId });
    await again.ended;
    expect(again.values.map((v) => v.fulfillmentTaskUpdated.status)).toEqual(['DONE']);
    expect(again.values[0].fulfillmentTaskUpdated.summary).toMatchObject({ processed: 1, successful: 1 });

    const unknown = subscribe<TaskEvent>(client, TASK_SUBSCRIPTION, { sellerId: DEMO_SELLER, taskId: '999999999' });
    await unknown.ended;
    expect(unknown.values).toEqual([]);
    expect(unknown.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    await client.dispose();
  });
});

describe('events without the refresher or notifications', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      // no background polling, and a fast reconciliation read of subscribed orders
      env: { TASK_REFRESH_INTERVAL_MS: '0', FBA_RECONCILE_INTERVAL_MS: '150' },
      sandbox: { pendingMs: 200, processingMs: 200 },
    });
    await app.sandboxes.spApi!.notifier.stop(); // as if Amazon's notifications were lost
  });
  afterAll(() => app.close());

  it("announces a newer task state that a client's read saw", async () => {
    const task = (await app.gql(SUBMIT_MUTATION, { input: submitInput() })).data!.submitFulfillment.task!;
    const client = wsClient(app.url, await testToken());
    const stream = subscribe<TaskEvent>(client, TASK_SUBSCRIPTION, { sellerId: DEMO_SELLER, taskId: task.taskId });
    await stream.atLeast(1);
    await new Promise((r) => setTimeout(r, 500)); // the ERP has finished it; nobody polls
    expect(stream.values).toHaveLength(1);
    const read = await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "${task.taskId}") { status } }`);
    expect(read.data).toEqual({ fulfillmentTask: { status: 'DONE' } });
    await stream.ended;
    expect(stream.values.map((v) => v.fulfillmentTaskUpdated.status)).toEqual(['PENDING', 'DONE']);
    // and the registry recorded it
    const stored = await app.store.tasksByIds(DEMO_SELLER, [task.taskId]);
    expect(stored.get(task.taskId)).toMatchObject({ status: 'DONE', nextPollAt: null });
    await client.dispose();
  });

  it('finds an order change by reconciliation when no notification comes', async () => {
    await app.gql(CreateFbaOrderDocument, { input: orderInput('SUB-ORDER-4', { fulfillmentAction: 'HOLD' }) });
    const client = wsClient(app.url, await testToken());
    const stream = subscribe<OrderEvent>(client, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'SUB-ORDER-4' });
    await stream.atLeast(1);
    const cancelled = await app.gql(
      `mutation { cancelFbaOutboundOrder(input: { sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "SUB-ORDER-4" }) { userErrors { code } } }`,
    );
    expect(cancelled.errors).toBeUndefined();
    await stream.ended;
    expect(stream.values.map((v) => v.fbaOutboundOrderUpdated.status)).toEqual(['RECEIVED', 'CANCELLED']);
    await client.dispose();
  });
});

describe('fbaOutboundOrderUpdated and the notification ingest', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: { SPAPI_NOTIFICATION_SECRET: SECRET, FBA_RECONCILE_INTERVAL_MS: '600000' },
      // slow enough stages that each status is announced on its own
      spApiSandbox: { receivedMs: 700, planningMs: 700, processingMs: 700 },
    });
  });
  afterAll(() => app.close());

  it("follows an order through the sandbox's notifications to COMPLETE, one order read per notification", async () => {
    const sandbox = app.sandboxes.spApi!;
    const created = await app.gql(CreateFbaOrderDocument, { input: orderInput('SUB-ORDER-1') });
    expect(created.data!.createFbaOutboundOrder.userErrors).toEqual([]);
    sandbox.resetStats();
    const delivered = sandbox.notifier.delivered;
    const client = wsClient(app.url, await testToken());
    const stream = subscribe<OrderEvent>(client, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'SUB-ORDER-1' });
    await stream.ended;
    expect(stream.errors).toEqual([]);
    const statuses = stream.values.map((v) => v.fbaOutboundOrderUpdated.status);
    expect(statuses[statuses.length - 1]).toBe('COMPLETE');
    // in lifecycle order, each once, from wherever the order was when the subscription started
    const lifecycle = ['RECEIVED', 'PLANNING', 'PROCESSING', 'COMPLETE'];
    expect(statuses).toEqual(lifecycle.slice(lifecycle.indexOf(statuses[0])));
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    // the sandbox pushed them (no reconciliation poll ran): one read at the start, one per notification
    const notified = sandbox.notifier.delivered - delivered;
    expect(notified).toBeGreaterThanOrEqual(statuses.length - 1);
    expect(sandbox.calls('getFulfillmentOrder')).toHaveLength(1 + notified);
    await client.dispose();
  });

  it('refuses a notification without the secret, or not in Amazon’s shape, and announces a valid one once', async () => {
    await app.gql(CreateFbaOrderDocument, {
      input: orderInput('SUB-ORDER-2', { fulfillmentAction: 'HOLD' }),
    });
    const client = wsClient(app.url, await testToken());
    const stream = subscribe<OrderEvent>(client, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'SUB-ORDER-2' });
    await stream.atLeast(1);
    const sandbox = app.sandboxes.spApi!;
    sandbox.resetStats();

    expect(await postNotification(app, orderNotification('SUB-ORDER-2', 'n-1'), null)).toMatchObject({
      status: 401,
      body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect((await postNotification(app, orderNotification('SUB-ORDER-2', 'n-1'), `${SECRET}x`)).status).toBe(401);
    const malformed = orderNotification('SUB-ORDER-2', 'n-1') as Record<string, unknown>;
    delete malformed.NotificationMetadata;
    expect(await postNotification(app, malformed)).toMatchObject({
      status: 400,
      body: {
        errors: [
          { extensions: { code: 'BAD_NOTIFICATION', problems: [{ path: '/', field: 'NotificationMetadata' }] } },
        ],
      },
    });
    expect((await postNotification(app, '{"not json')).status).toBe(400);
    const wrongType = { ...orderNotification('SUB-ORDER-2', 'n-1'), NotificationType: 'ANY_OFFER_CHANGED' };
    expect((await postNotification(app, wrongType)).status).toBe(400);
    // nothing refused reached Amazon or the subscriber
    await new Promise((r) => setTimeout(r, 200));
    expect(sandbox.calls('getFulfillmentOrder')).toHaveLength(0);

    // a valid one makes one fresh read; its redelivery is acknowledged and changes nothing
    expect(await postNotification(app, orderNotification('SUB-ORDER-2', 'n-2'))).toEqual({
      status: 202,
      body: { accepted: true },
    });
    expect(await postNotification(app, orderNotification('SUB-ORDER-2', 'n-2'))).toEqual({
      status: 200,
      body: { accepted: false, duplicate: true },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(sandbox.calls('getFulfillmentOrder')).toHaveLength(1);
    // the order on hold did not change, so the subscriber got no second, identical state
    expect(stream.values.map((v) => v.fbaOutboundOrderUpdated.status)).toEqual(['RECEIVED']);
    await client.dispose();
  });
});

describe('who may subscribe', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MODE: 'jwt', SPAPI_NOTIFICATION_SECRET: SECRET } });
  });
  afterAll(() => app.close());

  it('closes a connection without a valid token with 4401 before anything runs', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const client = wsClient(app.url, token);
      const stream = subscribe<OrderEvent>(client, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'DEMO-1' });
      await stream.ended;
      expect(stream.values).toEqual([]);
      // the socket's close event: 4401 Unauthorized
      expect(stream.errors).toEqual([expect.objectContaining({ code: 4401 })]);
      await client.dispose();
    }
    expect(app.sandboxes.spApi!.calls()).toHaveLength(0);
  });

  it("refuses another seller's task or order, and a token without the read scope, with FORBIDDEN and no upstream call", async () => {
    app.sandboxes.spApi!.resetStats();
    app.sandboxes.lingxing!.resetStats();
    const cases: Array<[Parameters<typeof testToken>[0], string, Record<string, unknown>]> = [
      [{ sellers: ['A2OTHERSELLER'] }, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'DEMO-1' }],
      [{ sellers: ['A2OTHERSELLER'] }, TASK_SUBSCRIPTION, { sellerId: DEMO_SELLER, taskId: '1003083' }],
      [{ sellers: ['*'], scope: 'fulfillment:write' }, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'DEMO-1' }],
    ];
    for (const [claims, query, variables] of cases) {
      const client = wsClient(app.url, await testToken(claims));
      const stream = subscribe<unknown>(client, query, variables);
      await stream.ended;
      expect(stream.values).toEqual([]);
      expect(stream.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
      await client.dispose();
    }
    expect(app.sandboxes.spApi!.calls()).toHaveLength(0);
    expect(app.sandboxes.lingxing!.businessRequests(RESULTS)).toHaveLength(0);
  });

  it('answers NOT_FOUND for an order Amazon does not know', async () => {
    const client = wsClient(app.url, await testToken());
    const stream = subscribe<OrderEvent>(client, ORDER_SUBSCRIPTION, { sellerId: DEMO_SELLER, id: 'NO-SUCH-ORDER' });
    await stream.ended;
    expect(stream.values).toEqual([]);
    expect(stream.errors).toEqual([
      expect.objectContaining({
        path: ['fbaOutboundOrderUpdated'],
        extensions: { code: 'NOT_FOUND', field: ['sellerFulfillmentOrderId'] },
      }),
    ]);
    await client.dispose();
  });

  it('takes only subscriptions over the WebSocket, within the document limits', async () => {
    const client = wsClient(app.url, await testToken());
    const query = subscribe<unknown>(
      client,
      '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1") { status } }',
      {},
    );
    await query.ended;
    expect(query.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })]);
    const huge = subscribe<unknown>(client, `subscription { ${'__typename '.repeat(6000)} }`, {});
    await huge.ended;
    expect(huge.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_LARGE' }) }),
    ]);
    await client.dispose();
  });
});

describe("Apollo Router's HTTP callback protocol", () => {
  let app: TestApp;
  let router: Server;
  const messages: Array<{ action: string; payload?: { data?: OrderEvent } }> = [];
  beforeAll(async () => {
    app = await startTestApp({
      env: { SPAPI_NOTIFICATION_SECRET: SECRET, SUBSCRIPTION_CALLBACK_URLS: 'http://127.0.0.1:' },
      spApiSandbox: { receivedMs: 300, planningMs: 300, processingMs: 300 },
    });
    // the router's callback endpoint: records what the subgraph sends, answers 204 as the protocol asks
    router = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        messages.push(JSON.parse(body) as (typeof messages)[number]);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => router.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await app.close();
    await new Promise((r) => router.close(r));
  });
  afterEach(() => {
    if (process.env.DEBUG_LOGS) console.log(app.logs.join('\n'));
  });

  /** What Apollo Router sends to start a subscription over its callback protocol. */
  const routerSubscribes = async (id: string, subscription: Record<string, unknown>) =>
    request(app.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json;callbackSpec=1.0',
        authorization: `Bearer ${await testToken()}`,
      },
      body: JSON.stringify({
        query: ORDER_SUBSCRIPTION,
        variables: { sellerId: DEMO_SELLER, id },
        extensions: { subscription },
      }),
    });

  it('checks the callback, then posts each order state to it until the order is complete', async () => {
    await app.gql(CreateFbaOrderDocument, { input: orderInput('SUB-ORDER-3') });
    const callbackUrl = `http://127.0.0.1:${(router.address() as AddressInfo).port}/callback/sub-1`;
    const res = await routerSubscribes('SUB-ORDER-3', {
      callbackUrl,
      subscriptionId: 'sub-1',
      verifier: 'v-1',
      heartbeatIntervalMs: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toMatchObject({ data: null });
    for (let i = 0; i < 100 && !messages.some((m) => m.action === 'complete'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(messages[0]).toMatchObject({ action: 'check', id: 'sub-1', verifier: 'v-1' });
    const states = messages
      .filter((m) => m.action === 'next')
      .map((m) => m.payload!.data!.fbaOutboundOrderUpdated.status);
    expect(states[states.length - 1]).toBe('COMPLETE');
    expect(messages[messages.length - 1]).toMatchObject({ action: 'complete' });
  });

  it('refuses a callback URL outside SUBSCRIPTION_CALLBACK_URLS without calling it', async () => {
    const before = messages.length;
    const res = await routerSubscribes('DEMO-1', {
      callbackUrl: 'http://169.254.169.254/latest',
      subscriptionId: 's',
      verifier: 'v',
    });
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(messages.length).toBe(before);
  });
});

describe('a task event lost on the way', () => {
  it('still reaches the subscriber: the subscription rechecks the registry', async () => {
    const env = await testStoreEnv('sqlite');
    const repo = await openStore({ databaseUrl: env.env.DATABASE_URL, dataDir: env.env.DATA_DIR });
    try {
      const now = new Date().toISOString();
      await repo.insertTask({
        sellerId: DEMO_SELLER,
        taskId: '4242',
        region: 'NA',
        marketplaceId: 'ATVPDKIKX0DER',
        status: 'IN_PROCESS',
        failureReason: null,
        feedStatusCode: null,
        shipments: [],
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
        nextPollAt: now,
        pollAttempts: 1,
      });
      // a bus that loses every event, as Redis pub/sub does while it is unreachable
      const lossy: EventBus = {
        publish: () => Promise.resolve(),
        subscribe: () => Promise.resolve(() => undefined),
        close: () => Promise.resolve(),
      };
      const events = new TaskEvents({
        repo,
        bus: lossy,
        clock: systemClock,
        logger: createLogger({ level: 'silent' }),
        watchedPollMs: 5_000,
        recheckMs: 50,
      });
      const done = {
        taskId: '4242',
        status: 'DONE',
        failureReason: null,
        feedStatusCode: null,
        shipTime: null,
        summary: { processed: 1, successful: 1, withError: 0, withWarning: 0 },
        results: [],
      };
      const results = jest.fn(() => Promise.resolve(new Map([['4242', done]])));
      const charged: number[] = [];
      const subscriber: TaskSubscriber = {
        caller: 'sub:test',
        charge: (points: number) => {
          charged.push(points);
          return Promise.resolve(undefined);
        },
        holdSubscription: () => () => undefined,
        read: async (id) => ((await results()).get(id) as TaskResultRecord | undefined) ?? null,
        readAgain: async (id) => ((await results()).get(id) as TaskResultRecord | undefined) ?? null,
      };
      const feed = await events.follow(DEMO_SELLER, '4242', subscriber);
      expect((await feed.next()).value).toMatchObject({ taskId: '4242', status: 'IN_PROCESS' });
      // another replica records DONE; its announcement is lost
      await events.transition((await repo.tasksByIds(DEMO_SELLER, ['4242'])).get('4242')!, done as TaskResultRecord, {
        ...done,
        finishedAt: now,
        nextPollAt: null,
        pollAttempts: 2,
        updatedAt: now,
      });
      expect((await feed.next()).value).toMatchObject({ status: 'DONE', summary: { processed: 1 } });
      expect(await feed.next()).toEqual({ value: undefined, done: true });
      // the final state's results were kept with the transition: no ERP read, nothing charged
      expect(results).not.toHaveBeenCalled();
      expect(charged).toEqual([]);
    } finally {
      await repo.db.close();
      await env.cleanup();
    }
  });
});
