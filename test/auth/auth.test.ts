import { createSecretKey } from 'node:crypto';
import { getNamedType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { SignJWT } from 'jose';
import { request } from 'undici';
import { buildAppSchema } from '../../src/graphql/build-schema';
import { globalId } from '../../src/graphql/node';
import {
  DEMO_SELLER,
  TEST_JWT_SECRET,
  mcfInput,
  orderInput,
  startTestApp,
  submitInput,
  type TestApp,
} from '../support/harness';

/** The caller under test: one seller, one store, both scopes. */
const MINE = { sub: 'seller-a-frontend', sellers: [DEMO_SELLER], stores: ['8speed-US'] };
/** A seller the gateway is configured for (the FE sandbox seller), so a missing check would reach Amazon. */
const OTHER_SELLER = 'A4IBC1X76HVPJ';
const OTHER_STORE = 'other-store';

describe('authentication: who is calling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MODE: 'jwt', AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'fg' } });
  });
  afterAll(() => app.close());

  // business calls only: the readiness checks fetch tokens in the background on their own schedule
  const upstreamCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => !r.path.includes('/auth-server/')).length +
    app.sandboxes.spApi!.exchanges.length;

  const post = async (authorization?: string) => {
    const res = await request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        query: `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
      }),
    });
    return { status: res.statusCode, body: (await res.body.json()) as { errors?: Array<Record<string, unknown>> } };
  };
  const sign = (claims: Record<string, unknown>, options: { secret?: string; exp?: number; iss?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('caller')
      .setIssuer(options.iss ?? 'https://id.example')
      .setAudience('fg')
      .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(createSecretKey(Buffer.from(options.secret ?? TEST_JWT_SECRET)));
  const valid = { sellers: ['*'], stores: ['*'], scope: 'fulfillment:read fulfillment:write' };

  it.each([
    ['no token', async () => undefined, /Send a bearer token/],
    ['a token that is not a JWT', async () => 'Bearer not-a-jwt', /invalid/],
    [
      'an expired token',
      async () => `Bearer ${await sign(valid, { exp: Math.floor(Date.now() / 1000) - 60 })}`,
      /expired/,
    ],
    ['a token from another issuer', async () => `Bearer ${await sign(valid, { iss: 'https://evil.example' })}`, /iss/],
    [
      'a token living longer than AUTH_MAX_TOKEN_LIFETIME_S (400 days)',
      async () => `Bearer ${await sign(valid, { exp: Math.floor(Date.now() / 1000) + 400 * 24 * 3600 })}`,
      /lives longer than this gateway accepts/,
    ],
    [
      'a token signed with another key',
      async () => `Bearer ${await sign(valid, { secret: 'another-secret-of-at-least-32-bytes!!' })}`,
      /invalid/,
    ],
    [
      'an unsigned token (alg none)',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
          JSON.stringify({ ...valid, sub: 'x', exp: 9_999_999_999 }),
        ).toString('base64url')}.`,
      /invalid/,
    ],
  ])('refuses %s with HTTP 401 UNAUTHENTICATED and no upstream call', async (_name, header, message) => {
    const before = upstreamCalls();
    const { status, body } = await post(await header());
    expect(status).toBe(401);
    expect(body.errors).toEqual([{ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(upstreamCalls()).toBe(before);
  });

  it('lets a valid token through', async () => {
    const { status, body } = await post(`Bearer ${await sign(valid)}`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('serves the IDE page without a token (the page runs no operation), prepared for one', async () => {
    const res = await request(app.url, { headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    const html = await res.body.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('data-auth="jwt"');
  });
});

describe('authorization at every entry: a caller acting outside its claims is refused before anything leaves', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MODE: 'jwt' } });
    // something to find for the other seller and store, made by an operator
    await app.gql(
      'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { userErrors { code } } }',
      { i: mcfInput('theirs-1', { storeName: OTHER_STORE }) },
      { sub: 'ops', sellers: ['*'], stores: ['*'] },
    );
  });
  afterAll(() => app.close());

  // business calls only: the readiness checks fetch tokens in the background on their own schedule
  const upstreamCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => !r.path.includes('/auth-server/')).length +
    app.sandboxes.spApi!.exchanges.length;

  const entries: Array<[string, string, Record<string, unknown>]> = [
    ['fulfillmentTask', `{ fulfillmentTask(sellerId: "${OTHER_SELLER}", taskId: "1003083") { status } }`, {}],
    ['fulfillmentTasks', `{ fulfillmentTasks(sellerId: "${OTHER_SELLER}", taskIds: ["1003083"]) { status } }`, {}],
    [
      'recentFulfillmentTasks',
      `{ recentFulfillmentTasks(sellerId: "${OTHER_SELLER}") { edges { node { taskId } } } }`,
      {},
    ],
    [
      'fbaOutboundOrder',
      `{ fbaOutboundOrder(sellerId: "${OTHER_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
      {},
    ],
    ['fbaOutboundOrders', `{ fbaOutboundOrders(sellerId: "${OTHER_SELLER}") { edges { cursor } } }`, {}],
    [
      'fulfillmentPreview',
      'query($a: FbaAddressInput!) { fulfillmentPreview(sellerId: "A4IBC1X76HVPJ", input: { address: $a, items: [{ sellerSku: "DEMO-SKU-1", quantity: 1, sellerFulfillmentOrderItemId: "l1" }] }) { isFulfillable } }',
      { a: orderInput('x').destinationAddress },
    ],
    [
      'deliveryOffers',
      `{ deliveryOffers(sellerId: "${OTHER_SELLER}", input: { sellerSku: "DEMO-SKU-1", originCountryCode: "US", destinationAddress: { postalCode: "98109", countryCode: "US" } }) { expiresAt } }`,
      {},
    ],
    ['packageTracking', `{ packageTracking(sellerId: "${OTHER_SELLER}", packageNumber: 1001) { trackingNumber } }`, {}],
    [
      'returnReasonCodes',
      `{ returnReasonCodes(sellerId: "${OTHER_SELLER}", sellerSku: "DEMO-SKU-1", language: "en_US") { returnReasonCode } }`,
      {},
    ],
    [
      'fulfillmentFeatures',
      `{ fulfillmentFeatures(sellerId: "${OTHER_SELLER}", marketplaceId: "ATVPDKIKX0DER") { featureName } }`,
      {},
    ],
    [
      'featureInventory',
      `{ featureInventory(sellerId: "${OTHER_SELLER}", marketplaceId: "ATVPDKIKX0DER", featureName: "BLANK_BOX") { edges { cursor } } }`,
      {},
    ],
    [
      'featureSku',
      `{ featureSku(sellerId: "${OTHER_SELLER}", marketplaceId: "ATVPDKIKX0DER", featureName: "BLANK_BOX", sellerSku: "DEMO-SKU-1") { isEligible } }`,
      {},
    ],
    ['mcfOrder', `{ mcfOrder(storeName: "${OTHER_STORE}", orderId: "theirs-1") { orderId } }`, {}],
    ['mcfOrders', `{ mcfOrders(storeName: "${OTHER_STORE}") { edges { node { orderId } } } }`, {}],
    [
      'submitFulfillment',
      'mutation($i: SubmitFulfillmentInput!) { submitFulfillment(input: $i) { task { taskId } } }',
      { i: submitInput({ sellerId: OTHER_SELLER }) },
    ],
    [
      'createFbaOutboundOrder',
      'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { order { status } } }',
      { i: { ...orderInput('NEW-1'), sellerId: OTHER_SELLER } },
    ],
    [
      'updateFbaOutboundOrder',
      `mutation { updateFbaOutboundOrder(input: { sellerId: "${OTHER_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1", fulfillmentAction: SHIP }) { order { status } } }`,
      {},
    ],
    [
      'cancelFbaOutboundOrder',
      `mutation { cancelFbaOutboundOrder(input: { sellerId: "${OTHER_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1" }) { order { status } } }`,
      {},
    ],
    [
      'createFbaFulfillmentReturn',
      `mutation { createFbaFulfillmentReturn(input: { sellerId: "${OTHER_SELLER}", sellerFulfillmentOrderId: "DEMO-COMPLETE-1", items: [{ sellerReturnItemId: "r1", sellerFulfillmentOrderItemId: "item-1", amazonShipmentId: "D1", returnReasonCode: "DEFECTIVE" }] }) { userErrors { code } } }`,
      {},
    ],
    [
      'sandboxSetFbaOutboundOrderStatus',
      `mutation { sandboxSetFbaOutboundOrderStatus(input: { sellerId: "${OTHER_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1", status: COMPLETE }) { order { status } } }`,
      {},
    ],
    [
      'createMcfOrder',
      'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { order { orderId } } }',
      { i: mcfInput('mine-or-not', { storeName: OTHER_STORE }) },
    ],
    [
      '_entities (a task, an order, an MCF order)',
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      {
        r: [
          { __typename: 'FulfillmentTask', sellerId: OTHER_SELLER, taskId: '1003083' },
          { __typename: 'FbaOutboundOrder', sellerId: OTHER_SELLER, sellerFulfillmentOrderId: 'DEMO-HOLD-1' },
          { __typename: 'McfOrder', storeName: OTHER_STORE, orderId: 'theirs-1' },
        ],
      },
    ],
    ['node (an FBA order)', `{ node(id: "${globalId('FbaOutboundOrder', OTHER_SELLER, 'DEMO-HOLD-1')}") { id } }`, {}],
    ['node (an MCF order)', `{ node(id: "${globalId('McfOrder', OTHER_STORE, 'theirs-1')}") { id } }`, {}],
    ['node (a task)', `{ node(id: "${globalId('FulfillmentTask', OTHER_SELLER, '1003083')}") { id } }`, {}],
  ];

  it.each(entries)('refuses %s for another tenant with FORBIDDEN and no upstream call', async (_name, query, vars) => {
    const before = upstreamCalls();
    const res = await app.gql(query, vars, MINE);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].message).toMatch(/may not act for this (seller|store)/);
    expect(upstreamCalls()).toBe(before);
  });

  it('covers every root field: each one names its tenant or is listed in this suite', async () => {
    const schema = await buildAppSchema();
    const untested = rootFieldsNamingATenant(schema).filter((f) => !entries.some(([name]) => name.startsWith(f)));
    expect(untested).toEqual([]);
  });

  it('answers the same whether or not the object exists', async () => {
    const query = (id: string) =>
      app.gql(
        `{ fbaOutboundOrder(sellerId: "${OTHER_SELLER}", sellerFulfillmentOrderId: "${id}") { status } }`,
        {},
        MINE,
      );
    const [exists, missing] = await Promise.all([query('DEMO-HOLD-1'), query('NO-SUCH-ORDER')]);
    expect(exists.raw).toBe(missing.raw);
  });

  it('lists only the caller’s own stores when mcfOrders names none', async () => {
    await app.gql(
      'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { userErrors { code } } }',
      { i: mcfInput('mine-1') },
      MINE,
    );
    const res = await app.gql<{ mcfOrders: { edges: Array<{ node: { storeName: string; orderId: string } }> } }>(
      '{ mcfOrders(first: 100) { edges { node { storeName orderId } } } }',
      {},
      MINE,
    );
    const stores = new Set(res.data!.mcfOrders.edges.map((e) => e.node.storeName));
    expect([...stores]).toEqual(['8speed-US']);
    const all = await app.gql<{ mcfOrders: { edges: Array<{ node: { storeName: string } }> } }>(
      '{ mcfOrders(first: 100) { edges { node { storeName } } } }',
      {},
      { sub: 'ops', sellers: ['*'], stores: ['*'] },
    );
    expect(new Set(all.data!.mcfOrders.edges.map((e) => e.node.storeName))).toEqual(
      new Set(['8speed-US', OTHER_STORE]),
    );
  });

  it('resolves references for the caller’s own seller', async () => {
    const res = await app.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on FulfillmentTask { taskId } } }',
      { r: [{ __typename: 'FulfillmentTask', sellerId: DEMO_SELLER, taskId: '1003083' }] },
      MINE,
    );
    expect(res.errors).toBeUndefined();
  });

  it('lets a read-only caller read but not write', async () => {
    const readOnly = { ...MINE, scope: 'fulfillment:read' };
    const read = await app.gql(
      `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
      {},
      readOnly,
    );
    expect(read.errors).toBeUndefined();
    const before = upstreamCalls();
    const write = await app.gql(
      `mutation { cancelFbaOutboundOrder(input: { sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1" }) { order { status } } }`,
      {},
      readOnly,
    );
    expect(write.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    expect(write.errors![0].message).toContain('fulfillment:write');
    expect(upstreamCalls()).toBe(before);
  });

  it('lets a write-only caller write but not read', async () => {
    const res = await app.gql(
      `{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { status } }`,
      {},
      { ...MINE, scope: 'fulfillment:write' },
    );
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('tenant-scoped records', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MODE: 'jwt' } });
  });
  afterAll(() => app.close());

  const SUBMIT =
    'mutation($i: SubmitFulfillmentInput!) { submitFulfillment(input: $i) { task { taskId sellerId } userErrors { code } } }';

  it('gives two sellers using the same idempotency key two independent results', async () => {
    const a = await app.gql<{ submitFulfillment: { task: { taskId: string; sellerId: string } } }>(
      SUBMIT,
      { i: submitInput({ idempotencyKey: 'shared-key-1' }) },
      { sub: 'a', sellers: [DEMO_SELLER] },
    );
    const b = await app.gql<{ submitFulfillment: { task: { taskId: string; sellerId: string } } }>(
      SUBMIT,
      { i: submitInput({ idempotencyKey: 'shared-key-1', sellerId: 'A2EUQ1WTGCTBG2' }) },
      { sub: 'b', sellers: ['A2EUQ1WTGCTBG2'] },
    );
    expect(a.data!.submitFulfillment.task.sellerId).toBe(DEMO_SELLER);
    expect(b.data!.submitFulfillment.task.sellerId).toBe('A2EUQ1WTGCTBG2');
    expect(b.data!.submitFulfillment.task.taskId).not.toBe(a.data!.submitFulfillment.task.taskId);
    // and a replay stays with its own tenant
    const again = await app.gql<{ submitFulfillment: { task: { taskId: string } } }>(
      SUBMIT,
      { i: submitInput({ idempotencyKey: 'shared-key-1' }) },
      { sub: 'a', sellers: [DEMO_SELLER] },
    );
    expect(again.data!.submitFulfillment.task.taskId).toBe(a.data!.submitFulfillment.task.taskId);
  });

  it('refuses a re-create of an existing order id with a new address as ORDER_EXISTS, without the first buyer’s data', async () => {
    const CREATE =
      'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { order { destinationAddress { name addressLine1 } } userErrors { field code message } } }';
    const first = await app.gql<{ createFbaOutboundOrder: { order: unknown } }>(CREATE, {
      i: orderInput('RECREATE-1'),
    });
    expect(first.data!.createFbaOutboundOrder.order).toBeTruthy();
    const sameAgain = await app.gql<{ createFbaOutboundOrder: { order: unknown; userErrors: unknown[] } }>(CREATE, {
      i: orderInput('RECREATE-1'),
    });
    expect(sameAgain.data!.createFbaOutboundOrder.userErrors).toEqual([]);
    const other = orderInput('RECREATE-1');
    other.destinationAddress = { ...other.destinationAddress, name: 'Someone Else', addressLine1: '9 Other Road' };
    const res = await app.gql<{ createFbaOutboundOrder: { order: unknown; userErrors: unknown[] } }>(CREATE, {
      i: other,
    });
    expect(res.data!.createFbaOutboundOrder).toEqual({
      order: null,
      userErrors: [{ field: ['sellerFulfillmentOrderId'], code: 'ORDER_EXISTS', message: expect.any(String) }],
    });
    expect(res.raw).not.toContain('Jane Doe');
    expect(res.raw).not.toContain('123 Any Street');
  });
});

/**
 * Root fields that answer about the caller alone, from its own claims (test/modules/viewer holds
 * them to exactly the caller's sellers and stores).
 */
const CALLER_ONLY_FIELDS = new Set(['_service', 'viewer']);

/** Root fields whose arguments name a seller or store (or carry ids and representations that do). */
function rootFieldsNamingATenant(schema: GraphQLSchema): string[] {
  const names: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (CALLER_ONLY_FIELDS.has(field.name)) continue;
      const input = field.args.find((a) => a.name === 'input');
      const inputType = input && getNamedType(input.type);
      const inputFields = inputType && isInputObjectType(inputType) ? Object.keys(inputType.getFields()) : [];
      const tenantArgs = ['sellerId', 'storeName', 'representations', 'id'];
      if (field.args.some((a) => tenantArgs.includes(a.name)) || inputFields.some((f) => tenantArgs.includes(f)))
        names.push(field.name);
      else throw new Error(`root field ${field.name} names no tenant: decide how it is authorized`);
    }
  }
  return names;
}
