import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SpApiSandbox } from '../../src/sandbox/sp-api/server';
import { erpSandboxEnv, spApiSandboxEnv } from '../../src/sandbox/gateway-env';
import { DEMO_SELLER, submitInput, TEST_JWT_SECRET, testToken } from '../support/harness';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { testStoreEnv, type TestStoreEnv } from '../support/stores';
import { capturedLogger } from '../support/logs';
import { connectRedis } from '../../src/platform/redis';
import { RedisTokenBucket } from '../../src/pacing/redis-token-bucket';
import { DistributedPermits } from '../../src/pacing/redis-permits';
import { NOTIFICATION_SECRET_HEADER } from '../../src/modules/fba-outbound-orders/fba-outbound-order.notifications';
import { orderInput } from '../support/harness';
import { subscribe, wsClient } from '../support/ws-client';
import { orderNotification } from '../support/notifications';

const CREATE_ON_HOLD =
  'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { order { status } userErrors { code } } }';
const FORCE_STATUS =
  'mutation($i: SandboxSetFbaOutboundOrderStatusInput!) { sandboxSetFbaOutboundOrderStatus(input: $i) { order { status } userErrors { code } } }';

/**
 * Three gateway processes on one PostgreSQL and one Redis share the upstreams' limits.
 * Each test starts its own replicas, upstream doubles, store schema and Redis key prefix.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUBMIT = LINGXING_ENDPOINTS.submitFulfillment.path;
const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;

interface Cluster {
  replicas: ServerProcess[];
  erp: LingxingSandbox;
  amazon: SpApiSandbox;
  store: TestStoreEnv;
  close(): Promise<void>;
}

async function cluster(
  n: number,
  options: { erp?: ConstructorParameters<typeof LingxingSandbox>[0]; env?: Record<string, string> } = {},
): Promise<Cluster> {
  const erp = await new LingxingSandbox({ seed: false, ...options.erp }).start();
  const amazon = await new SpApiSandbox().start();
  const store = await testStoreEnv('postgres');
  const env = {
    ...store.env,
    REDIS_URL,
    REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
    ...erpSandboxEnv(erp),
    ...spApiSandboxEnv(amazon),
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    COST_BUCKET_SIZE: '100000',
    ...options.env,
  };
  const replicas: ServerProcess[] = [];
  // one at a time: the first applies the store's migrations
  for (let i = 0; i < n; i++) replicas.push(await startServerProcess(env));
  return {
    replicas,
    erp,
    amazon,
    store,
    async close() {
      await Promise.all(
        replicas.map(async (r) => {
          if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
          await r.exited;
        }),
      );
      await erp.close();
      await amazon.close();
      await store.cleanup();
    },
  };
}

async function gql(url: string, query: string, variables?: unknown) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.body.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
}

const SUBMIT_DOC =
  'mutation($i: SubmitFulfillmentInput!) { submitFulfillment(input: $i) { task { taskId } userErrors { code } } }';
const warm = (c: Cluster) =>
  Promise.all(
    c.replicas.map((r) => gql(r.url, '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1") { status } }')),
  );

describe('three replicas on one PostgreSQL and one Redis', () => {
  let c: Cluster | undefined;
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  it('keep 150 concurrent submissions within the ERP capacity of 10, with no 3001008', async () => {
    c = await cluster(3, { erp: { latencyMs: { [SUBMIT]: 50 } } });
    await warm(c); // the ERP token, shared through the store
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => gql(c!.replicas[i % 3].url, SUBMIT_DOC, { i: submitInput() })),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(results.filter((r) => r.errors || !r.data)).toEqual([]);
    const submits = c.erp.businessRequests(SUBMIT);
    expect(submits.filter((r) => r.code === '3001008')).toHaveLength(0);
    expect(submits.filter((r) => r.code === '0')).toHaveLength(150);
    expect(c.erp.maxInFlight.get(`${SANDBOX_ERP_APP.appId} ${SUBMIT}`)).toBe(10);
    expect(seconds).toBeLessThan(1.5 * ((150 / 10) * 0.05) + 1); // the 1.5× bound, plus start-up slack
  }, 60_000);

  it('give one caller one cost budget however its operations spread over the replicas', async () => {
    c = await cluster(3, { env: { COST_BUCKET_SIZE: '300', COST_RESTORE_PER_SECOND: '10' } });
    await warm(c);
    // cost 50 each: five fulfillmentTasks of 100 ids (five ERP calls each at ten ids a call)
    const ids = (from: number) => Array.from({ length: 100 }, (_, i) => `"${from + i}"`).join(',');
    const op = `{ ${Array.from({ length: 5 }, (_, i) => `t${i}: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids(9000 + i * 100)}]) { taskId }`).join(' ')} }`;
    const token = await testToken({ sub: 'one-caller', sellers: ['*'] });
    const started = performance.now();
    let admitted = 0;
    let throttled = 0;
    for (let i = 0; i < 18; i++) {
      const res = await request(c.replicas[i % 3].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: op }),
      });
      const body = (await res.body.json()) as { extensions?: { cost?: { requestedQueryCost: number } } };
      if (res.statusCode === 200) {
        expect(body.extensions?.cost?.requestedQueryCost).toBe(50);
        admitted++;
      } else if (res.statusCode === 429) throttled++;
    }
    const seconds = (performance.now() - started) / 1000;
    // one budget: 300 points at first, 10 more a second; three budgets would admit all 18 (900)
    expect(admitted).toBeLessThanOrEqual(Math.floor((300 + 10 * seconds) / 50));
    expect(throttled).toBeGreaterThan(0);
    expect(admitted + throttled).toBe(18);
  }, 60_000);

  it('pace 90 FBA lookups of one seller under one shared usage plan, with no 429', async () => {
    c = await cluster(3, { env: { OPERATION_TIMEOUT_MS: '60000' } }); // the last lookups wait ~30 s for their turn
    const ids = Array.from({ length: 90 }, (_, i) => `SHARED-${i}`);
    c.amazon.addCompletedOrders(DEMO_SELLER, ids);
    await Promise.all(
      c.replicas.map((r) =>
        gql(
          r.url,
          '{ fulfillmentFeatures(sellerId: "A4IBC1X76HVPJ", marketplaceId: "A1VC38T7YXB528") { featureName } }',
        ),
      ),
    );
    const started = performance.now();
    const results = await Promise.all(
      ids.map((id, i) =>
        gql(
          c!.replicas[i % 3].url,
          `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "${id}") { status } }`,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const calls = c.amazon.calls('getFulfillmentOrder');
    expect(calls.filter((x) => x.status === 429)).toHaveLength(0);
    expect(calls).toHaveLength(90);
    // the bucket's bound: (90 − 30 burst) / 2 per second = 30 s; within 1.15× of it
    expect((performance.now() - started) / 1000).toBeLessThan(1.15 * 30);
  }, 60_000);

  it('give a killed replica’s ERP slots back within the lease, and the survivors finish', async () => {
    c = await cluster(3, { erp: { latencyMs: { [SUBMIT]: 400 } } });
    await warm(c);
    const [a, b, victim] = c.replicas;
    const victimCalls = Array.from({ length: 10 }, () =>
      gql(victim.url, SUBMIT_DOC, { i: submitInput() }).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 150)); // the victim holds the permits
    victim.child.kill('SIGKILL');
    await Promise.all(victimCalls);
    const started = performance.now();
    const survivors = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql((i % 2 ? a : b).url, SUBMIT_DOC, { i: submitInput() })),
    );
    expect(survivors.filter((r) => r.errors || !r.data)).toEqual([]);
    expect((performance.now() - started) / 1000).toBeLessThan(10 + 5); // the 10 s lease, then 20 × 400 ms / 10
    expect(c.erp.businessRequests(SUBMIT).filter((r) => r.code === '3001008')).toHaveLength(0);
  }, 60_000);
});

describe('subscription events across replicas', () => {
  it('delivers to a subscriber on replica A an order change whose notification replica B received', async () => {
    const secret = randomBytes(32).toString('hex');
    const c = await cluster(2, { env: { SPAPI_NOTIFICATION_SECRET: secret, FBA_RECONCILE_INTERVAL_MS: '600000' } });
    const client = wsClient(c.replicas[0].url, await testToken());
    try {
      const b = c.replicas[1];
      const created = await gql(b.url, CREATE_ON_HOLD, {
        i: { ...orderInput('REPLICA-SUB-1'), fulfillmentAction: 'HOLD' },
      });
      expect(created.errors).toBeUndefined();
      const stream = subscribe<{ fbaOutboundOrderUpdated: { status: string } }>(
        client,
        'subscription { fbaOutboundOrderUpdated(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "REPLICA-SUB-1") { status } }',
        {},
      );
      await stream.atLeast(1);
      // Amazon moves the order; the notification reaches replica B only
      const forced = await gql(b.url, FORCE_STATUS, {
        i: { sellerId: DEMO_SELLER, sellerFulfillmentOrderId: 'REPLICA-SUB-1', status: 'PROCESSING' },
      });
      expect(forced.errors).toBeUndefined();
      const res = await request(new URL('/notifications/sp-api', b.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [NOTIFICATION_SECRET_HEADER]: secret },
        body: JSON.stringify(orderNotification('REPLICA-SUB-1', 'replica-n-1', 'PROCESSING')),
      });
      expect(res.statusCode).toBe(202);
      await res.body.dump();
      await stream.atLeast(2);
      expect(stream.values.map((v) => v.fbaOutboundOrderUpdated.status)).toEqual(['RECEIVED', 'PROCESSING']);
    } finally {
      await client.dispose();
      await c.close();
    }
  }, 60_000);
});

describe('background polling as durable jobs', () => {
  /** ERP result polls for `tasks` unfinished tasks over `ms`, with `n` replicas polling every 200 ms. */
  async function pollsWith(n: number, tasks: number, ms: number): Promise<number> {
    const c = await cluster(n, { erp: { pendingMs: 600_000 }, env: { TASK_REFRESH_INTERVAL_MS: '200' } });
    try {
      for (let i = 0; i < tasks; i++) await gql(c.replicas[i % n].url, SUBMIT_DOC, { i: submitInput() });
      const before = c.erp.businessRequests(RESULTS).length;
      await new Promise((r) => setTimeout(r, ms));
      return c.erp.businessRequests(RESULTS).length - before;
    } finally {
      await c.close();
    }
  }

  it('polls each unfinished task about as often with three replicas as with one', async () => {
    // the first poll is due 5 s after submission, the next 10 s later: a 7 s window sees one each
    const one = await pollsWith(1, 5, 7_000);
    const three = await pollsWith(3, 5, 7_000);
    expect(one).toBeGreaterThan(0);
    expect(three).toBeLessThanOrEqual(one + 1);
  }, 90_000);
});

describe('when Redis is unreachable', () => {
  it('fails a coordinated call with UPSTREAM_UNAVAILABLE and sends nothing, never unpaced', async () => {
    const { logger } = capturedLogger();
    const dead = connectRedis('redis://127.0.0.1:1', 'x:', logger);
    try {
      await expect(new RedisTokenBucket(dead, 'b', 2, 30).take()).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: 'redis' },
      });
      await expect(new DistributedPermits(dead, 'p', 10, logger, { waitMs: 500 }).acquire()).rejects.toMatchObject({
        extensions: { code: expect.stringMatching(/UPSTREAM_(UNAVAILABLE|THROTTLED)/), upstream: 'redis' },
      });
    } finally {
      dead.disconnect();
    }
  });
});

describe("the shared usage-plan bucket and a burst's late first answer", () => {
  it('counts the refill from that answer, and delays reservations made before it by as much', async () => {
    const { logger } = capturedLogger();
    const redis = connectRedis(REDIS_URL, `test-${randomBytes(4).toString('hex')}:`, logger);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      await new Promise((r) => redis.once('ready', r));
      const bucket = new RedisTokenBucket(redis, 'late', 2, 2);
      const first = await bucket.take(); // opens the burst: refill provisionally from now + 300 ms
      await bucket.take();
      const third = bucket.take(); // reserved now: due 300 + 500 ms later, unless the refill moves
      await sleep(600);
      first.settled(); // the first answer came back 600 ms in: 300 ms later than assumed
      const waited = (await third).waitedMs;
      expect(waited).toBeGreaterThanOrEqual(800 + 250);
      // the next reservation counts from the answer too: one token's time after the third
      const fourth = await bucket.take();
      expect(fourth.waitedMs).toBeGreaterThanOrEqual(400);
    } finally {
      await redis.quit();
    }
  });
});
