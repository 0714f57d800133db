import { DEMO_SELLER, mcfInput, startTestApp, submitInput, US_MARKETPLACE, type TestApp } from '../../support/harness';

const STORE_LIST = '/erp/sc/data/seller/lists';
const VIEWER = `{ viewer {
  subject scopes
  sellers { sellerId region marketplaceIds fulfillmentOutboundVersion }
  stores { name sellerId region countryCode countryName marketplaceId status statusRaw }
} }`;

const costOf = (raw: string) =>
  (JSON.parse(raw) as { extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } }).extensions
    .cost;

describe('viewer: who is calling, and whom it may act for', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MODE: 'jwt' } });
  });
  afterAll(() => app.close());
  const storeListCalls = () => app.sandboxes.lingxing!.businessRequests(STORE_LIST).length;

  it("lists exactly the caller's configured sellers and ERP stores, with the store's country as an ISO code and as the ERP names it", async () => {
    const res = await app.gql(
      VIEWER,
      {},
      {
        sub: 'frontend-a',
        sellers: [DEMO_SELLER, 'A9NOTCONFIGURED'],
        stores: ['8speed-US', '8speed-DE', 'no-such-store'],
        scope: 'fulfillment:read',
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      viewer: {
        subject: 'frontend-a',
        scopes: ['fulfillment:read'],
        // a claimed seller without an SP-API authorization here is not one the caller can use
        sellers: [
          {
            sellerId: DEMO_SELLER,
            region: 'NA',
            marketplaceIds: ['A2EUQ1WTGCTBG2', 'ATVPDKIKX0DER', 'A1AM78C64UM0Y8', 'A2Q3Y263D00KWC'],
            fulfillmentOutboundVersion: '2020-07-01',
          },
        ],
        stores: [
          {
            name: '8speed-US',
            sellerId: DEMO_SELLER,
            region: 'NA',
            countryCode: 'US',
            countryName: '美国',
            marketplaceId: US_MARKETPLACE,
            status: 'NORMAL',
            statusRaw: '1',
          },
          {
            name: '8speed-DE',
            sellerId: 'A3EUSANDBOX01',
            region: 'EU',
            countryCode: 'DE',
            countryName: '德国',
            marketplaceId: 'A1PA6795UKMFR9',
            status: 'AUTHORIZATION_BROKEN',
            statusRaw: '2',
          },
        ],
      },
    });
  });

  it('lists every configured seller and every store the ERP lists for ["*"]', async () => {
    const res = await app.gql<{ viewer: { sellers: Array<{ sellerId: string }>; stores: Array<{ name: string }> } }>(
      VIEWER,
    );
    expect(res.data!.viewer.sellers.map((s) => s.sellerId)).toEqual([
      'A1MQMW3JWPNCBX',
      'A4IBC1X76HVPJ',
      'A2026NEWSELLER',
    ]);
    expect(res.data!.viewer.stores.map((s) => s.name)).toEqual([
      '8speed-US',
      '8speed-CA',
      '8speed-MX',
      '8speed-JP',
      '8speed-DE',
      '8speed-UK',
      'other-store',
    ]);
  });

  it('asks the ERP nothing for a caller with no store claims', async () => {
    const before = storeListCalls();
    const res = await app.gql(
      '{ viewer { subject stores { name } } }',
      {},
      { sub: 'no-stores', sellers: [DEMO_SELLER] },
    );
    expect(res.data).toEqual({ viewer: { subject: 'no-stores', stores: [] } });
    expect(storeListCalls()).toBe(before);
  });

  it('is refused without the read scope, before anything is asked', async () => {
    const before = storeListCalls();
    const res = await app.gql(
      '{ viewer { stores { name } } }',
      {},
      { sub: 'writer', stores: ['*'], scope: 'fulfillment:write' },
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(storeListCalls()).toBe(before);
  });
});

describe('the ERP store list: one call for many readers, cached, within its capacity of 1', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { ERP_STORES_REFRESH_MS: '1500' }, sandbox: { latencyMs: 50 } });
  });
  afterAll(() => app.close());
  const storeListCalls = () => app.sandboxes.lingxing!.businessRequests(STORE_LIST).length;

  it('serves twenty concurrent readers with one ERP call, then from the cache at actual cost 0, and fetches again once the list is old', async () => {
    const first = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.gql('{ viewer { stores { name } } }', {}, { sub: `caller-${i}`, stores: ['*'] }),
      ),
    );
    expect(first.every((r) => (r.data as any)?.viewer.stores.length === 7)).toBe(true);
    expect(storeListCalls()).toBe(1);
    expect(app.sandboxes.lingxing!.maxInFlight.get(`ak_sandboxDemo01 ${STORE_LIST}`)).toBe(1);
    // the operation that made the call paid for it; the ones that shared it did not
    expect(first.map((r) => costOf(r.raw).actualQueryCost).sort()).toEqual([...Array(19).fill(0), 1]);

    const cached = await app.gql('{ viewer { stores { name } } }');
    expect(costOf(cached.raw)).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 0 });
    expect(storeListCalls()).toBe(1);

    await new Promise((r) => setTimeout(r, 1600));
    await app.gql('{ viewer { stores { name } } }');
    expect(storeListCalls()).toBe(2);
  });

  it('keeps serving the previous list when a fetch fails, and says so in the log', async () => {
    await app.gql('{ viewer { stores { name } } }');
    await new Promise((r) => setTimeout(r, 1600));
    app.sandboxes.lingxing!.injectFaults(STORE_LIST, { httpStatus: 502 }, { httpStatus: 502 }, { httpStatus: 502 });
    const res = await app.gql<{ viewer: { stores: unknown[] } }>('{ viewer { stores { name } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer.stores).toHaveLength(7);
    expect(app.logs.some((l) => l.includes('the ERP store list could not be fetched again'))).toBe(true);
  });
});

describe('the directory where it helps a user', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const SUBMIT = `mutation ($input: SubmitFulfillmentInput!) {
    submitFulfillment(input: $input) { task { taskId } userErrors { field code message } }
  }`;
  const CREATE = `mutation ($input: CreateMcfOrderInput!) {
    createMcfOrder(input: $input) { order { orderId } userErrors { field code message } }
  }`;
  const erpCalls = (path: string) => app.sandboxes.lingxing!.businessRequests(path);

  it("submitFulfillment without a region takes the region of the ERP's store of that seller and marketplace", async () => {
    const { region: _omitted, ...input } = submitInput();
    const res = await app.gql<any>(SUBMIT, { input });
    expect(res.data.submitFulfillment.userErrors).toEqual([]);
    const sent = erpCalls('/pb/mp/order/submitFulfillment').at(-1)!;
    expect(sent.body).toMatchObject({ region: 'NA', seller_id: DEMO_SELLER, marketplace_id: US_MARKETPLACE });
  });

  it('submitFulfillment with an idempotencyKey replays the same task whether the retry names the region or not', async () => {
    const before = erpCalls('/pb/mp/order/submitFulfillment').length;
    const { region: _omitted, ...input } = submitInput({ idempotencyKey: `region-${Date.now()}` });
    const first = await app.gql<any>(SUBMIT, { input });
    const again = await app.gql<any>(SUBMIT, { input: { ...input, region: 'NA' } });
    expect(again.data.submitFulfillment).toEqual(first.data.submitFulfillment);
    expect(first.data.submitFulfillment.task.taskId).toEqual(expect.any(String));
    expect(erpCalls('/pb/mp/order/submitFulfillment')).toHaveLength(before + 1);
  });

  it('submitFulfillment without a region, for a seller and marketplace the ERP lists no store of, is refused on region with nothing sent', async () => {
    const before = erpCalls('/pb/mp/order/submitFulfillment').length;
    const { region: _omitted, ...input } = submitInput({ marketplaceId: 'A1VC38T7YXB528' });
    const res = await app.gql<any>(SUBMIT, { input });
    expect(res.data.submitFulfillment).toEqual({
      task: null,
      userErrors: [{ field: ['region'], code: 'UNKNOWN_STORE', message: expect.stringContaining('give region') }],
    });
    expect(erpCalls('/pb/mp/order/submitFulfillment')).toHaveLength(before);
  });

  it.each([
    ['a store the ERP does not list', { storeName: 'no-such-store' }, ['storeName'], 'UNKNOWN_STORE'],
    [
      'a store whose authorization is broken',
      { storeName: '8speed-DE', storeCountryCode: 'DE' },
      ['storeName'],
      'STORE_NOT_AVAILABLE',
    ],
    [
      'a store suspended for arrears',
      { storeName: '8speed-UK', storeCountryCode: 'GB' },
      ['storeName'],
      'STORE_NOT_AVAILABLE',
    ],
    [
      'a store whose sync stopped',
      { storeName: '8speed-MX', storeCountryCode: 'MX' },
      ['storeName'],
      'STORE_NOT_AVAILABLE',
    ],
    [
      'a country that is not the store’s',
      { storeName: '8speed-US', storeCountryCode: 'CA' },
      ['storeCountryCode'],
      'INVALID',
    ],
  ])(
    'createMcfOrder refuses %s with a userError on the field, and writes nothing',
    async (_case, overrides, field, code) => {
      const before = erpCalls('/order/amzod/api/createOrder').length;
      const orderId = `DIR-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const res = await app.gql<any>(CREATE, { input: mcfInput(orderId, overrides) });
      expect(res.data.createMcfOrder).toEqual({
        order: null,
        userErrors: [{ field, code, message: expect.any(String) }],
      });
      expect(erpCalls('/order/amzod/api/createOrder')).toHaveLength(before);
      const stored = await app.gql<any>(
        `{ mcfOrder(storeName: "${overrides.storeName}", orderId: "${orderId}") { orderId } }`,
      );
      expect(stored.data).toEqual({ mcfOrder: null });
    },
  );

  it('createMcfOrder takes an order for a normal store it lists', async () => {
    const res = await app.gql<any>(CREATE, {
      input: mcfInput(`DIR-OK-${Date.now()}`, { storeName: '8speed-CA', storeCountryCode: 'CA' }),
    });
    expect(res.data.createMcfOrder.userErrors).toEqual([]);
    expect(erpCalls('/order/amzod/api/createOrder').at(-1)!.body).toMatchObject({ store_name: '8speed-CA' });
  });
});
