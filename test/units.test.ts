import { getVariableValues, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildAppSchema } from '../src/graphql/build-schema';
import { OperationPrices, priceOperation } from '../src/admission/cost';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { MessageIdGenerator } from '../src/upstreams/lingxing/message-ids';
import { inputPathForErpField } from '../src/upstreams/lingxing/fulfillment';
import { taskStatusFrom } from '../src/upstreams/lingxing/task-status';
import { backoffDelay } from '../src/upstreams/shared/backoff';
import { Semaphore } from '../src/pacing/semaphore';
import { FULL_BUCKET_GRACE_MS, TokenBucket } from '../src/pacing/token-bucket';
import { FakeClock } from './support/fake-clock';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { readText } from '../src/platform/read-text';

describe('Semaphore', () => {
  it('never lets more than its capacity run and serves waiters first come, first served', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await s.acquire();
        order.push(i);
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        release();
        release(); // a second release is a no-op
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.inFlight).toBe(0);
  });
});

describe('backoff', () => {
  it('grows exponentially up to its cap with full jitter', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((r) => backoffDelay(policy, r, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });
});

describe('task status mapping', () => {
  it.each([
    ['pending', 'PENDING'],
    ['in_process', 'IN_PROCESS'],
    ['done', 'DONE'],
    ['fatal', 'FATAL'],
    ['cancelled', 'CANCELLED'],
    ['Complete', 'DONE'],
    ['IN_QUEUE', 'PENDING'],
    ['IN_PROGRESS', 'IN_PROCESS'],
    ['_DONE_', 'DONE'],
    ['CANCELLED', 'CANCELLED'],
    ['Something_New', 'UNKNOWN'],
  ])('maps %s to %s', (raw, status) => {
    expect(taskStatusFrom(raw)).toBe(status);
  });

  it('treats a failure with no status as FATAL', () => {
    expect(taskStatusFrom('', 'feed rejected')).toBe('FATAL');
    expect(taskStatusFrom(null, null)).toBe('UNKNOWN');
  });
});

describe('ERP field paths', () => {
  it('maps the ERP field names of a 102 message onto the input', () => {
    expect(inputPathForErpField('orderList[3].orderItem[1].orderItemNo')).toEqual([
      'shipments',
      '3',
      'items',
      '1',
      'orderItemId',
    ]);
    expect(inputPathForErpField('marketplaceId')).toEqual(['marketplaceId']);
  });
});

describe('generated message ids', () => {
  it('are strictly increasing positive integers of at most 19 digits that skip ids already taken', () => {
    const gen = new MessageIdGenerator(() => 1_800_000_000_000);
    const first = gen.next();
    const second = gen.next(new Set([(BigInt(first) + 1n).toString()]));
    expect(first).toMatch(/^[1-9][0-9]{0,18}$/);
    expect(BigInt(second)).toBe(BigInt(first) + 2n);
  });
});

describe('configuration', () => {
  it('uses the embedded sandbox when no ERP credentials are set', () => {
    expect(loadConfig({}).lingxing).toEqual({
      mode: 'sandbox',
      timeoutMs: 15000,
      replicas: 1,
      storesRefreshMs: 300_000,
    });
    expect(loadConfig({}).port).toBe(4000);
  });

  it('reads the app secret from a file and trims the base URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'secret'), 'a+b/c=\n');
    const config = loadConfig({
      AUTH_MODE: 'off',
      LINGXING_APP_ID: 'ak_ABCDEFGHIJKLM',
      LINGXING_APP_SECRET_FILE: join(dir, 'secret'),
      LINGXING_BASE_URL: 'https://erp.example/',
    });
    expect(config.lingxing).toEqual({
      mode: 'live',
      appId: 'ak_ABCDEFGHIJKLM',
      appSecret: 'a+b/c=',
      baseUrl: 'https://erp.example',
      timeoutMs: 15000,
      replicas: 1,
      storesRefreshMs: 300_000,
    });
  });

  it('refuses half a credential pair and a malformed port', () => {
    expect(() => loadConfig({ LINGXING_APP_ID: 'ak_ABCDEFGHIJKLM' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a non-negative integer/);
  });

  it('reads NODE_ENV in any letter case and refuses a value it does not know', () => {
    const sandboxed = { ALLOW_SANDBOX: 'true', AUTH_MODE: 'off' };
    expect(loadConfig({ ...sandboxed, NODE_ENV: 'PRODUCTION' }).production).toBe(true);
    expect(loadConfig({ ...sandboxed, NODE_ENV: ' Production ' }).production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow(
      new ConfigError('NODE_ENV must be production, development or test (got "prod")'),
    );
  });
});

const G = FULL_BUCKET_GRACE_MS;

describe('TokenBucket', () => {
  // a burst from a full bucket starts the refill clock FULL_BUCKET_GRACE_MS (G) after its first take
  it('lets a burst through at once, then one request per 1/rate seconds, counted from the burst plus its grace', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, 30, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 34 }, () => bucket.take().then(() => times.push(clock.now()))));
    expect(times.slice(0, 30)).toEqual(Array(30).fill(0));
    expect(times.slice(30)).toEqual([500, 1000, 1500, 2000].map((t) => t + G));
  });

  it("moves the refill clock to a burst's first answer when it comes back later than the grace", async () => {
    const answeredAt = async (lateMs: number | null) => {
      const clock = new FakeClock(0);
      const bucket = new TokenBucket(2, 2, clock);
      const [first] = await Promise.all([bucket.take(), bucket.take()]);
      if (lateMs !== null) {
        clock.advance(lateMs);
        first.settled();
        first.settled(); // a second report changes nothing
      } else clock.advance(1000);
      await bucket.take();
      return clock.now();
    };
    // answered 1 s after the burst: the third token is one token's time (500 ms) after that answer
    expect(await answeredAt(1000)).toBe(1500);
    // no report: counted from the burst plus its grace, as before (1000 ms in, 1.4 tokens credited)
    expect(await answeredAt(null)).toBe(1000);
    // an answer within the grace changes nothing
    expect(await answeredAt(100)).toBe(500 + G);
  });

  it('adopts a slower announced rate', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, 1, clock);
    await bucket.take();
    bucket.adoptRate(0.5);
    await bucket.take();
    expect(clock.now()).toBe(2000 + G);
  });

  it('stretches every token by its safety margin', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, 1, clock, 0.04);
    await bucket.take();
    await bucket.take();
    expect(clock.now()).toBe(520 + G);
  });
});

describe('Semaphore: fair across tenants, and abandoned waits leave the queue', () => {
  it('hands freed permits to tenants in turn, first come first served within one', async () => {
    const s = new Semaphore(1);
    const order: string[] = [];
    const hold = await s.acquire({ tenant: 'A' });
    const all = [
      ...['A1', 'A2', 'A3', 'A4'].map((n) => s.acquire({ tenant: 'A' }).then((release) => (order.push(n), release()))),
      s.acquire({ tenant: 'B' }).then((release) => (order.push('B1'), release())),
      s.acquire({ tenant: 'C' }).then((release) => (order.push('C1'), release())),
    ];
    hold();
    await Promise.all(all);
    expect(order).toEqual(['A1', 'B1', 'C1', 'A2', 'A3', 'A4']);
  });

  it('drops a waiter whose operation ended: it is never granted and the permit goes to the next', async () => {
    const s = new Semaphore(1);
    const hold = await s.acquire();
    const controller = new AbortController();
    const dropped = s.acquire({ signal: controller.signal });
    const next = s.acquire();
    controller.abort(new Error('deadline'));
    await expect(dropped).rejects.toThrow('deadline');
    expect(s.waiting).toBe(1);
    hold();
    (await next)();
    expect(s.inFlight).toBe(0);
  });
});

describe('TokenBucket: abandoned waits take no token', () => {
  it('removes a waiter whose signal fired, and the next one gets its token', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(1, 1, clock);
    await bucket.take();
    const controller = new AbortController();
    const dropped = bucket.take(controller.signal);
    controller.abort(new Error('client gone'));
    await expect(dropped).rejects.toThrow('client gone');
    await bucket.take();
    expect(clock.now()).toBe(1000 + G);
  });
});

describe('operation cost in upstream calls', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const coerced = getVariableValues(schema, operation!.variableDefinitions ?? [], variables);
    if (coerced.errors) throw coerced.errors[0];
    return priceOperation(schema, document, operation!, coerced.coerced).cost;
  };
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `"${i + 1}"`).join(',');

  it.each([
    ['a fulfillmentTasks of 100 ids', `{ fulfillmentTasks(sellerId: "S", taskIds: [${ids(100)}]) { taskId } }`, 10],
    ['a fulfillmentTasks of 25 ids', `{ fulfillmentTasks(sellerId: "S", taskIds: [${ids(25)}]) { taskId } }`, 3],
    [
      'one task with its registry fields',
      '{ fulfillmentTask(sellerId: "S", taskId: "1") { shipments { messageId } } }',
      1,
    ],
    ['a page of 20 MCF orders (the store)', '{ mcfOrders { edges { node { orderId } } } }', 0],
    ['20 listed FBA orders, no details', '{ fbaOutboundOrders(sellerId: "S") { edges { node { status } } } }', 3],
    [
      '20 listed FBA orders with items and shipments (one load each)',
      '{ fbaOutboundOrders(sellerId: "S") { edges { node { items { sellerSku } shipments { amazonShipmentId } } } } }',
      23,
    ],
    [
      'one FBA order with details (loaded whole)',
      '{ fbaOutboundOrder(sellerId: "S", sellerFulfillmentOrderId: "O") { items { sellerSku } } }',
      1,
    ],
    [
      'a create (the write, then the read back)',
      'mutation { cancelFbaOutboundOrder(input: { sellerId: "S", sellerFulfillmentOrderId: "O" }) { order { status } } }',
      2,
    ],
    [
      'a field under @skip(if: true) (never runs)',
      `{ a: fulfillmentTasks(sellerId: "S", taskIds: [${ids(100)}]) @skip(if: true) { taskId } fulfillmentTask(sellerId: "S", taskId: "1") { taskId } }`,
      1,
    ],
    [
      'a field under @include(if: false) inside a fragment',
      `{ ... on Query @include(if: false) { fulfillmentTasks(sellerId: "S", taskIds: [${ids(100)}]) { taskId } } }`,
      0,
    ],
  ])('prices %s at %#', (_name, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('prices _entities by distinct references: 50 task refs (25 distinct) and 3 orders', () => {
    const reps = [
      ...Array.from({ length: 50 }, (_, i) => ({
        __typename: 'FulfillmentTask',
        sellerId: 'S',
        taskId: String(i % 25),
      })),
      ...['a', 'b', 'c'].map((o) => ({ __typename: 'FbaOutboundOrder', sellerId: 'S', sellerFulfillmentOrderId: o })),
    ];
    expect(cost('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: reps })).toBe(6);
  });

  it('prices one representation given where a list is expected as a list of one, as GraphQL coerces it', () => {
    const one =
      '{ _entities(representations: { __typename: "FbaOutboundOrder", sellerId: "S", sellerFulfillmentOrderId: "O" }) { __typename } }';
    expect(cost(one)).toBe(1);
    expect(cost(`{ ${Array.from({ length: 5 }, (_, i) => `e${i}: ${one.slice(2, -2)}`).join(' ')} }`)).toBe(5);
  });

  describe('remembered per operation and variable values', () => {
    const operationOf = (query: string) => {
      const document = parse(query);
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      )!;
      return { document, operation };
    };
    /** the schema, counting how often the walk looks a type up (once per field it prices) */
    const countingSchema = () => {
      let lookups = 0;
      const counted = Object.create(schema) as GraphQLSchema;
      counted.getType = (name: string) => {
        lookups++;
        return schema.getType(name);
      };
      return { counted, lookups: () => lookups };
    };

    it('walks an operation once for the same variables, and again for other values that change its price', () => {
      const { counted, lookups } = countingSchema();
      const prices = new OperationPrices(counted);
      const { document, operation } = operationOf(
        'query($n: Int) { fbaOutboundOrders(sellerId: "S", first: $n) { edges { node { status } } } }',
      );
      const first = prices.price(document, operation, { n: 50 });
      const walked = lookups();
      expect(prices.price(document, operation, { n: 50 })).toEqual(first);
      expect(lookups()).toBe(walked);
      const bigger = prices.price(document, operation, { n: 100 });
      expect(lookups()).toBeGreaterThan(walked);
      expect(bigger.cost).toBeGreaterThan(first.cost);
    });

    it('never keeps a price that asked the registry: a task that finishes meanwhile is free on the next request', () => {
      const finished = new Set<string>();
      const prices = new OperationPrices(schema, {
        finished: (sellerId, taskId) => finished.has(`${sellerId} ${taskId}`),
      });
      const { document, operation } = operationOf(
        'query($t: ID!) { fulfillmentTask(sellerId: "S", taskId: $t) { status } }',
      );
      expect(prices.price(document, operation, { t: '7' }).cost).toBe(1);
      finished.add('S 7');
      expect(prices.price(document, operation, { t: '7' }).cost).toBe(0);
    });

    it('hands each caller its own copy, so one request cannot change the price the next one is charged', () => {
      const prices = new OperationPrices(schema);
      const { document, operation } = operationOf(
        '{ fbaOutboundOrder(sellerId: "S", sellerFulfillmentOrderId: "O") { status } }',
      );
      const once = prices.price(document, operation, {});
      once.cost = 1000;
      expect(prices.price(document, operation, {}).cost).toBe(1);
    });
  });

  it('refuses a page size outside 1…100 before any call, with the field path, instead of pricing it below zero', () => {
    for (const first of [-100000, 0, 101])
      expect(() =>
        cost(`{ recentFulfillmentTasks(sellerId: "S", first: ${first}) @skip(if: false) { edges { cursor } } }`),
      ).toThrow(
        expect.objectContaining({ message: 'first must be between 1 and 100', path: ['recentFulfillmentTasks'] }),
      );
  });
});

describe('reading a body as text, at most a limit', () => {
  class TooLarge extends Error {}
  const tooLarge = () => new TooLarge();

  it('joins the chunks, a character split between two of them included', async () => {
    const euro = Buffer.from('€'); // three bytes
    const stream = Readable.from([Buffer.from('price '), euro.subarray(0, 1), euro.subarray(1), Buffer.from('5')]);
    await expect(readText(stream, 100, tooLarge)).resolves.toBe('price €5');
  });

  it('stops at the limit: rejects, and pauses the stream so nothing more is pulled until the caller drains or destroys it', async () => {
    let pulled = 0;
    const stream = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(10, 'a'));
      },
    });
    await expect(readText(stream, 25, tooLarge)).rejects.toBeInstanceOf(TooLarge);
    const atRejection = pulled;
    await new Promise((r) => setTimeout(r, 20));
    // paused: the stream fills its own buffer (highWaterMark) and then nothing more is pulled
    expect(pulled).toBe(atRejection);
    stream.destroy();
  });

  it("rejects with the stream's own error, and with a premature close when it ends early", async () => {
    const failing = new Readable({ read() {} });
    const failed = readText(failing, 100, tooLarge);
    failing.push('partial');
    failing.destroy(new Error('connection reset'));
    await expect(failed).rejects.toThrow('connection reset');
    const cut = new Readable({ read() {} });
    const closed = readText(cut, 100, tooLarge);
    cut.push('partial');
    cut.destroy();
    await expect(closed).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});

describe('the log', () => {
  it('has written every line to stdout by the time the logging call returns: a process killed outright (SIGKILL) loses none', () => {
    // the built logger, as the server runs it (dist/, built before the tests); 50 lines, then an
    // immediate SIGKILL, as the OOM killer or an expired grace period would send
    const logger = join(__dirname, '..', 'dist', 'src', 'platform', 'logger.js');
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        `const log = require(${JSON.stringify(logger)}).createLogger();
         for (let i = 0; i < 50; i++) log.info({ i }, 'line');
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.signal).toBe('SIGKILL');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number; msg: string });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
