import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../../src/upstreams/lingxing/endpoints';
import { canonicalJson, JsonDecimal } from '../../../src/upstreams/lingxing/json';
import { sign } from '../../../src/upstreams/lingxing/sign';
import { SANDBOX_ERP_APP } from '../../../src/sandbox/lingxing/fixtures';
import { expectedSign, parseBody, rawMembers } from '../../../src/sandbox/lingxing/verify';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from '../../../src/sandbox/sp-api/fixtures';
import { SpApiSandbox } from '../../../src/sandbox/sp-api/server';
import * as EX from '../../fixtures/amazon-examples';
import { DEMO_SELLER, mcfInput, orderInput, startTestApp, submitInput, type TestApp } from '../../support/harness';
import { RecordedSpApi } from '../../support/recorded-sp-api';
import { testStoreEnv } from '../../support/stores';

/**
 * Answers shaped the way Amazon really sends them, replayed through the GraphQL API and
 * checked field by field; a real client's request shapes against the SP-API sandbox; the ERP's
 * signature over decimals as a parsing server checks it.
 */
describe('what Amazon really sends, through the GraphQL API', () => {
  let amazon: RecordedSpApi;
  let app: TestApp;
  beforeAll(async () => {
    amazon = await new RecordedSpApi().start();
    app = await startTestApp({
      env: {
        SPAPI_CLIENT_ID: 'amzn1.application-oa2-client.test',
        SPAPI_CLIENT_SECRET: 'secret',
        SPAPI_LWA_URL: `${amazon.url}/auth/o2/token`,
        SPAPI_ENDPOINT: amazon.url,
        SPAPI_SELLERS: JSON.stringify([{ sellerId: DEMO_SELLER, region: 'na', refreshToken: 'Atzr|x' }]),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await amazon.close();
  });
  const calls = (route: RegExp) => amazon.seen.filter((s) => route.test(`${s.method} ${s.path}`)).length;

  it('keeps a preview without isCODCapable, and drops only a malformed element', async () => {
    amazon.answer('POST /fulfillmentOrders/preview', { body: EX.PREVIEW_WITHOUT_COD });
    const res = await app.gql(
      `query($a: FbaAddressInput!) { fulfillmentPreview(sellerId: "${DEMO_SELLER}", input: { address: $a, items: [{ sellerSku: "SKU-A", quantity: 1, sellerFulfillmentOrderItemId: "l1" }] }) { shippingSpeedCategory isFulfillable isCODCapable estimatedFees { amount { value } } } }`,
      { a: orderInput('x').destinationAddress },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      fulfillmentPreview: [
        {
          shippingSpeedCategory: 'STANDARD',
          isFulfillable: true,
          isCODCapable: null,
          estimatedFees: [{ amount: { value: '3.22' } }],
        },
      ],
    });
  });

  it('lists orders with a missing marketplaceId, an empty address and statuses in other cases', async () => {
    amazon.answer('GET /fulfillmentOrders', { body: EX.LISTED_ORDERS });
    const res = await app.gql(
      `{ fbaOutboundOrders(sellerId: "${DEMO_SELLER}") { edges { node { sellerFulfillmentOrderId marketplaceId destinationAddress { name } status statusRaw shippingSpeedCategory } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(
      (res.data as { fbaOutboundOrders: { edges: Array<{ node: unknown }> } }).fbaOutboundOrders.edges.map(
        (e) => e.node,
      ),
    ).toEqual([
      {
        sellerFulfillmentOrderId: 'EX-1',
        marketplaceId: null,
        destinationAddress: null,
        status: 'PROCESSING',
        statusRaw: 'PROCESSING',
        shippingSpeedCategory: 'STANDARD',
      },
      {
        sellerFulfillmentOrderId: 'EX-2',
        marketplaceId: 'ATVPDKIKX0DER',
        destinationAddress: { name: 'A Buyer' },
        status: 'COMPLETE_PARTIALLED',
        statusRaw: 'complete_partialled',
        shippingSpeedCategory: 'EXPEDITED',
      },
    ]);
  });

  it('reads an order with gaps: no items list, {} objects, package 0, a return without its reason', async () => {
    amazon.answer('GET /fulfillmentOrders/EX-1', { body: EX.ORDER_WITH_GAPS });
    const res = await app.gql(
      `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "EX-1") { status destinationAddress { name } codSettings { isCodRequired } items { sellerSku } shipments { fulfillmentShipmentStatus packages { packageNumber lockerDetails { lockerNumber } } } returnItems { sellerReturnItemId sellerReturnReasonCode status } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      fbaOutboundOrder: {
        status: 'RECEIVED',
        destinationAddress: null,
        codSettings: null,
        items: [],
        shipments: [{ fulfillmentShipmentStatus: 'SHIPPED', packages: [{ packageNumber: 0, lockerDetails: null }] }],
        returnItems: [{ sellerReturnItemId: 'r1', sellerReturnReasonCode: null, status: 'NEW' }],
      },
    });
  });

  it('tracks package 0 with an empty ship-to address, a lower-case status and an event code newer than the model', async () => {
    amazon.answer('GET /tracking', { body: EX.TRACKING_EMPTY_ADDRESS });
    const res = await app.gql(
      `{ packageTracking(sellerId: "${DEMO_SELLER}", packageNumber: 0) { packageNumber shipToAddress { city } currentStatus trackingEvents { eventAddress { city } eventCode eventCodeRaw } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      packageTracking: {
        packageNumber: 0,
        shipToAddress: null,
        currentStatus: 'IN_TRANSIT',
        trackingEvents: [{ eventAddress: null, eventCode: 'UNKNOWN', eventCodeRaw: 'EVENT_212' }],
      },
    });
    expect(amazon.seen.at(-1)!.path).toBe('/fba/outbound/2020-07-01/tracking?packageNumber=0');
  });

  it('reads featureSku whether the SKU is flat or nested under skuInfo', async () => {
    amazon.answer('GET /features/inventory/BLANK_BOX/SKU-A', { body: EX.FEATURE_SKU_NESTED });
    const res = await app.gql(
      `{ featureSku(sellerId: "${DEMO_SELLER}", marketplaceId: "ATVPDKIKX0DER", featureName: "BLANK_BOX", sellerSku: "SKU-A") { isEligible sellerSku fnSku asin skuCount } }`,
    );
    expect(res.data).toEqual({
      featureSku: { isEligible: true, sellerSku: 'SKU-A', fnSku: 'X00A', asin: 'B0A', skuCount: 7 },
    });
  });

  it('reports an accepted create as a success when the read back fails, and a retry with the key creates nothing twice', async () => {
    amazon.answer('POST /fulfillmentOrders', { body: EX.EMPTY });
    amazon.answer(
      'GET /fulfillmentOrders/ACCEPTED-1',
      ...Array.from({ length: 3 }, () => ({
        status: 503,
        body: { errors: [{ code: 'ServiceUnavailable', message: 'busy' }] },
      })),
    );
    const CREATE =
      'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { order { sellerFulfillmentOrderId status displayableOrderId } userErrors { code } } }';
    const input = orderInput('ACCEPTED-1', { idempotencyKey: 'accepted-1' });
    const res = await app.gql(CREATE, { i: input });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      createFbaOutboundOrder: {
        order: { sellerFulfillmentOrderId: 'ACCEPTED-1', status: null, displayableOrderId: 'ACCEPTED-1' },
        userErrors: [],
      },
    });
    const again = await app.gql(CREATE, { i: input });
    expect(again.data).toEqual(res.data);
    expect(calls(/^POST \/fba\/outbound\/2020-07-01\/fulfillmentOrders$/)).toBe(1);
  });

  it('reports an accepted cancel as a success in the cancelled state when the read back fails', async () => {
    amazon.answer('PUT /fulfillmentOrders/EX-9/cancel', { body: EX.EMPTY });
    amazon.answer(
      'GET /fulfillmentOrders/EX-9',
      ...Array.from({ length: 3 }, () => ({
        status: 404,
        body: { errors: [{ code: 'NotFound', message: 'not yet' }] },
      })),
    );
    const res = await app.gql(
      `mutation { cancelFbaOutboundOrder(input: { sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "EX-9" }) { order { sellerFulfillmentOrderId status } userErrors { code } } }`,
    );
    expect(res.data).toEqual({
      cancelFbaOutboundOrder: { order: { sellerFulfillmentOrderId: 'EX-9', status: 'CANCELLED' }, userErrors: [] },
    });
  });

  it('keeps the RMA of an accepted return when the read back fails, and a return item without its reason', async () => {
    amazon.answer('PUT /fulfillmentOrders/EX-1/return', { body: EX.RETURN_WITHOUT_REASON });
    amazon.answer('GET /fulfillmentOrders/EX-1', ...Array.from({ length: 3 }, () => ({ status: 500, body: {} })));
    const res = await app.gql(
      `mutation { createFbaFulfillmentReturn(input: { sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "EX-1", items: [{ sellerReturnItemId: "r1", sellerFulfillmentOrderItemId: "l1", amazonShipmentId: "D1", returnReasonCode: "DEFECTIVE" }] }) { order { status } returnItems { sellerReturnItemId sellerReturnReasonCode } returnAuthorizations { amazonRmaId returnToAddress { name } } userErrors { code } } }`,
    );
    expect(res.data).toEqual({
      createFbaFulfillmentReturn: {
        order: null,
        returnItems: [{ sellerReturnItemId: 'r1', sellerReturnReasonCode: null }],
        returnAuthorizations: [{ amazonRmaId: 'RMA-EXAMPLE-1', returnToAddress: null }],
        userErrors: [],
      },
    });
  });

  it('replaces an access token Amazon calls revoked, once, and reports a second refusal as UPSTREAM_AUTH_FAILED', async () => {
    const tokens = () => amazon.seen.filter((s) => s.path === '/auth/o2/token').length;
    amazon.answer('GET /fulfillmentOrders/EX-2', {
      body: { payload: { fulfillmentOrder: { sellerFulfillmentOrderId: 'EX-2', fulfillmentOrderStatus: 'Complete' } } },
    });
    const before = tokens();
    amazon.revokeNext = 1;
    const ok = await app.gql(
      `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "EX-2") { status } }`,
    );
    expect(ok.data).toEqual({ fbaOutboundOrder: { status: 'COMPLETE' } });
    expect(tokens()).toBe(before + 1);
    amazon.revokeNext = 2;
    const refused = await app.gql(
      `{ fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "EX-2") { status } }`,
    );
    expect(refused.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', upstream: 'sp-api' });
  });
});

describe('a real client library’s requests against the SP-API sandbox', () => {
  it('answers a JSON token request and the call that follows, as amazon-sp-api and @sp-api-sdk send them', async () => {
    const sandbox = await new SpApiSandbox().start();
    try {
      // the popular clients post the LWA fields as JSON, not as a form
      const token = await request(sandbox.lwaUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'refresh_token',
          refresh_token: SANDBOX_SPAPI_SELLERS[0].refreshToken,
          client_id: SANDBOX_SPAPI_APP.clientId,
          client_secret: SANDBOX_SPAPI_APP.clientSecret,
        }),
      });
      expect(token.statusCode).toBe(200);
      const { access_token } = (await token.body.json()) as { access_token: string };
      const order = await request(`${sandbox.url}/fba/outbound/2020-07-01/fulfillmentOrders/DEMO-HOLD-1`, {
        headers: {
          'x-amz-access-token': access_token,
          'user-agent': 'amazon-sp-api/1.1.4 (Language=JavaScript; Platform=Node.js/24)',
          'x-amz-date': '20261122T000000Z',
          accept: 'application/json',
        },
      });
      expect(order.statusCode).toBe(200);
      expect(
        ((await order.body.json()) as { payload: { fulfillmentOrder: { fulfillmentOrderStatus: string } } }).payload
          .fulfillmentOrder.fulfillmentOrderStatus,
      ).toBe('Received');
    } finally {
      await sandbox.close();
    }
  });
});

describe('the SP-API sandbox’s cancels', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const cancel = (id: string) =>
    app.gql<{ cancelFbaOutboundOrder: { order: { status: string } | null; userErrors: Array<{ code: string }> } }>(
      `mutation { cancelFbaOutboundOrder(input: { sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "${id}" }) { order { status } userErrors { code } } }`,
    );

  it('cancels a seeded order, and answers a second cancel with DuplicateCancelRequest', async () => {
    expect((await cancel('DEMO-PLANNING-1')).data!.cancelFbaOutboundOrder).toEqual({
      order: { status: 'CANCELLED' },
      userErrors: [],
    });
    expect((await cancel('DEMO-PLANNING-1')).data!.cancelFbaOutboundOrder.userErrors).toEqual([
      { code: 'ALREADY_CANCELLED' },
    ]);
  });

  it('cancels an order whose status was set by hand', async () => {
    await app.gql(
      'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { userErrors { code } } }',
      { i: orderInput('FORCED-1', { fulfillmentAction: 'HOLD' }) },
    );
    await app.gql(
      `mutation { sandboxSetFbaOutboundOrderStatus(input: { sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "FORCED-1", status: PLANNING }) { userErrors { code } } }`,
    );
    expect((await cancel('FORCED-1')).data!.cancelFbaOutboundOrder).toEqual({
      order: { status: 'CANCELLED' },
      userErrors: [],
    });
  });

  it('points an unknown SKU on create at the item that names it', async () => {
    const input = orderInput('BAD-SKU-1');
    input.items = [
      ...(input.items as unknown[]),
      { sellerSku: 'NO-SUCH-SKU', sellerFulfillmentOrderItemId: 'line-2', quantity: 1 },
    ] as typeof input.items;
    const res = await app.gql<{
      createFbaOutboundOrder: { userErrors: Array<{ field: string[] | null; code: string }> };
    }>(
      'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { userErrors { field code } } }',
      { i: input },
    );
    expect(res.data!.createFbaOutboundOrder.userErrors).toEqual([
      { field: ['items', '1', 'sellerSku'], code: 'UPSTREAM_REJECTED' },
    ]);
  });

  it('lists return reasons without a language, as the model allows', async () => {
    const res = await app.gql(
      `{ returnReasonCodes(sellerId: "${DEMO_SELLER}", sellerSku: "DEMO-SKU-1") { returnReasonCode } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(app.sandboxes.spApi!.calls('listReturnReasonCodes').at(-1)!.query).toEqual({ sellerSku: 'DEMO-SKU-1' });
  });
});

describe('the ERP’s signature over decimals', () => {
  it('signs and sends declared values in their shortest form, so a parsing server and a raw-bytes server agree', () => {
    for (const [given, sent] of [
      ['10.50', '10.5'],
      ['10.0', '10'],
      ['0.10', '0.1'],
      ['999999999999.990', '999999999999.99'],
    ]) {
      const body = { item_list: [{ declared_value: new JsonDecimal(given), msku: 'm' }], order_id: 'o1' };
      const text = canonicalJson(body);
      expect(text).toContain(`"declared_value":${sent}`);
      const query = new URLSearchParams({ access_token: 't', app_key: SANDBOX_ERP_APP.appId, timestamp: '1700000000' });
      const ours = sign({ appId: SANDBOX_ERP_APP.appId, accessToken: 't', timestamp: 1700000000, body });
      // an independent verifier: parse, then re-render (as the ERP's servers and the public SDKs do)…
      const parsed = parseBody(text) as Record<string, unknown>;
      expect(expectedSign(SANDBOX_ERP_APP.appId, query, parsed)).toBe(ours);
      // …and over the raw bytes
      expect(expectedSign(SANDBOX_ERP_APP.appId, query, parsed, rawMembers(text)!)).toBe(ours);
    }
  });

  it('creates an MCF order with declared values 10.50 and 10.0 through the sandbox, which checks both ways', async () => {
    const app = await startTestApp();
    try {
      const res = await app.gql<{ createMcfOrder: { userErrors: unknown[] } }>(
        'mutation($i: CreateMcfOrderInput!) { createMcfOrder(input: $i) { userErrors { code message } } }',
        {
          i: mcfInput('decimals-1', {
            items: [
              { msku: 'a', quantity: 1, declaredValue: '10.50', declaredCurrency: 'USD' },
              { msku: 'b', quantity: 1, declaredValue: '10.0', declaredCurrency: 'USD' },
            ],
          }),
        },
      );
      expect(res.data!.createMcfOrder.userErrors).toEqual([]);
      const sent = app.sandboxes.lingxing!.businessRequests(LINGXING_ENDPOINTS.createMcfOrder.path);
      expect(sent.map((r) => r.code)).toEqual(['0']);
      expect((sent[0].body.item_list as Array<{ declared_value: number }>).map((i) => i.declared_value)).toEqual([
        10.5, 10,
      ]);
    } finally {
      await app.close();
    }
  });
});

describe('the ERP sandbox after a restart on the same store', () => {
  it('never hands out a task id the registry already holds', async () => {
    const store = await testStoreEnv('sqlite');
    const first = await startTestApp({ storeEnv: store.env, sandbox: { seed: false } });
    const ids: string[] = [];
    const SUBMIT = 'mutation($i: SubmitFulfillmentInput!) { submitFulfillment(input: $i) { task { taskId } } }';
    for (let i = 0; i < 3; i++)
      ids.push(
        (await first.gql<{ submitFulfillment: { task: { taskId: string } } }>(SUBMIT, { i: submitInput() })).data!
          .submitFulfillment.task.taskId,
      );
    await first.close();
    const second = await startTestApp({ storeEnv: store.env, sandbox: { seed: false } });
    try {
      const next = (await second.gql<{ submitFulfillment: { task: { taskId: string } } }>(SUBMIT, { i: submitInput() }))
        .data!.submitFulfillment.task.taskId;
      expect(ids).not.toContain(next);
      expect(BigInt(next)).toBeGreaterThan(BigInt(ids.at(-1)!));
    } finally {
      await second.close();
      await store.cleanup();
    }
  });
});
