import { LINGXING_ENDPOINTS } from '../../../src/upstreams/lingxing/endpoints';
import { canonicalJson } from '../../../src/upstreams/lingxing/json';
import { toCreateOrderBody } from '../../../src/upstreams/lingxing/mcf-orders';
import { FakeClock } from '../../support/fake-clock';
import { mcfInput, startTestApp, type TestApp } from '../../support/harness';
import { STORE_KINDS } from '../../support/stores';
import { CreateMcfOrderDocument, McfOrderDocument, McfOrdersDocument } from '../../__generated__/operations';

const CREATE = LINGXING_ENDPOINTS.createMcfOrder.path;

describe('MCF order mapping to the ERP', () => {
  it("translates English enums and ISO codes into the ERP's Chinese literals and field names", () => {
    const body = toCreateOrderBody({
      ...mcfInput('1000796'),
      blankBox: true,
      blockAmzl: false,
      deliveryOperation: 'SHIP_NOW',
      deliveryService: 'PRIORITY',
    } as never);
    expect(JSON.parse(canonicalJson(body))).toEqual({
      store_name: '8speed-US',
      country: '美国',
      order_id: '1000796',
      is_blank_box: '是',
      is_block_amzl: '否',
      receiver: 'Jack Buyer',
      country_code: 'US',
      region: 'AL-Alabama',
      city: 'Autaugaville',
      address1: '1 Autauga Rd',
      postcode: '36003',
      phone_number: '123456',
      buyers_mailbox: 'jack.buyer@example.com',
      order_id_for_packing: '1802',
      date_for_packing: '2022-12-09',
      remark_for_packing: 'Thank you for your order',
      delivery_operation: '立即配送',
      delivery_service: '优先配送',
      remark: '备注',
      item_list: [{ msku: 'msku123', quantity_shipped: 1, declared_value: 1.23, declared_currency: 'USD' }],
    });
    // the declared value is written as a JSON number from its digits, never through a float
    expect(canonicalJson(body)).toContain('"declared_value":1.23,');
  });

  it.each([
    ['HOLD', '保留订单'],
    ['SHIP_NOW', '立即配送'],
  ])('maps delivery operation %s to %s', (op, literal) => {
    expect(toCreateOrderBody({ ...mcfInput('1'), deliveryOperation: op } as never).delivery_operation).toBe(literal);
  });

  it.each([
    ['STANDARD', '标准配送'],
    ['EXPEDITED', '加急配送'],
    ['PRIORITY', '优先配送'],
  ])('maps delivery service %s to %s', (service, literal) => {
    expect(toCreateOrderBody({ ...mcfInput('1'), deliveryService: service } as never).delivery_service).toBe(literal);
  });

  it.each([
    ['US', '美国'],
    ['GB', '英国'],
    ['DE', '德国'],
    ['JP', '日本'],
    ['AU', '澳大利亚'],
    ['AE', '阿联酋'],
  ])('names store country %s as %s', (code, name) => {
    expect(toCreateOrderBody({ ...mcfInput('1'), storeCountryCode: code } as never).country).toBe(name);
  });
});

describe.each(STORE_KINDS)('McfOrder through the ERP on %s', (kind) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp({ store: kind });
  });
  afterEach(() => app.close());
  const creates = () => app.sandboxes.lingxing!.businessRequests(CREATE);

  it('creates the order at the ERP, records it, and serves it from mcfOrder and mcfOrders', async () => {
    const res = await app.gql(CreateMcfOrderDocument, { input: mcfInput('1000796') });
    expect(res.data!.createMcfOrder.userErrors).toEqual([]);
    expect(res.data!.createMcfOrder.order).toMatchObject({
      orderId: '1000796',
      deliveryOperation: 'HOLD',
      recipient: { name: 'Jack Buyer' },
      items: [{ declaredValue: '1.23' }],
    });
    expect(creates().map((c) => c.code)).toEqual(['0']);
    expect(app.sandboxes.lingxing!.mcfOrders.get('8speed-US 1000796')).toMatchObject({
      country: '美国',
      delivery_operation: '保留订单',
      is_block_amzl: '是',
    });

    await app.gql(CreateMcfOrderDocument, {
      input: mcfInput('1000797', {
        storeName: '8speed-JP',
        storeCountryCode: 'JP',
        address: { countryCode: 'JP', stateOrRegion: 'Tokyo', addressLine1: '1-1 Chiyoda', postalCode: '100-0001' },
      }),
    });
    const one = await app.gql(McfOrderDocument, { storeName: '8speed-US', orderId: '1000796' });
    expect(one.data!.mcfOrder).toEqual({
      orderId: '1000796',
      recipient: { name: 'Jack Buyer' },
      address: { city: 'Autaugaville' },
      items: [{ msku: 'msku123', declaredValue: '1.23' }],
      personalDataPurgedAt: null,
    });
    const list = await app.gql(McfOrdersDocument, { first: 1 });
    expect(list.data!.mcfOrders.pageInfo.hasNextPage).toBe(true);
    const rest = await app.gql(McfOrdersDocument, { first: 5, after: list.data!.mcfOrders.pageInfo.endCursor });
    expect([...list.data!.mcfOrders.edges, ...rest.data!.mcfOrders.edges].map((e) => e.node.orderId)).toEqual([
      '1000797',
      '1000796',
    ]);
    expect(
      (await app.gql(McfOrdersDocument, { storeName: '8speed-JP' })).data!.mcfOrders.edges.map((e) => e.node.orderId),
    ).toEqual(['1000797']);
  });

  it('reports an order id the ERP already has as ORDER_EXISTS', async () => {
    await app.gql(CreateMcfOrderDocument, { input: mcfInput('dup-1') });
    const again = await app.gql(CreateMcfOrderDocument, { input: mcfInput('dup-1') });
    expect(again.data!.createMcfOrder).toEqual({
      order: null,
      userErrors: [
        { field: ['orderId'], code: 'ORDER_EXISTS', message: 'the ERP already has order dup-1 for store 8speed-US' },
      ],
    });
  });

  it('treats "order exists" on an idempotent retry after a lost answer as success, and sends nothing twice that landed', async () => {
    app.sandboxes.lingxing!.injectFaults(CREATE, { httpStatus: 502, afterProcessing: true });
    const input = mcfInput('lost-1', { idempotencyKey: 'mcf-lost-1' });
    const first = await app.gql(CreateMcfOrderDocument, { input });
    expect(first.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const retry = await app.gql(CreateMcfOrderDocument, { input });
    expect(retry.data!.createMcfOrder.userErrors).toEqual([]);
    expect(retry.data!.createMcfOrder.order!.orderId).toBe('lost-1');
    expect(creates().map((c) => c.code)).toEqual(['0', '500']); // the resend was refused as a duplicate: one order
    expect([...app.sandboxes.lingxing!.mcfOrders.keys()].filter((k) => k.endsWith(' lost-1'))).toHaveLength(1);
    const third = await app.gql(CreateMcfOrderDocument, { input });
    expect(third.data).toEqual(retry.data);
    expect(creates()).toHaveLength(2);
  });

  it('passes one createOrder at a time to the ERP (capacity 1)', async () => {
    await app.close();
    app = await startTestApp({ store: kind, sandbox: { latencyMs: 30 } });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => app.gql(CreateMcfOrderDocument, { input: mcfInput(`cap-${i}`) })),
    );
    for (const r of results) expect(r.data!.createMcfOrder.userErrors).toEqual([]);
    const slot = [...app.sandboxes.lingxing!.maxInFlight.entries()].find(([k]) => k.endsWith(CREATE))!;
    expect(slot[1]).toBe(1);
  });

  it('forgets the buyer after the retention period, keeps the order', async () => {
    const clock = new FakeClock();
    await app.close();
    app = await startTestApp({
      store: kind,
      env: { PERSONAL_DATA_RETENTION_DAYS: '30' },
      sandbox: { now: () => clock.now() },
      overrides: { clock },
    });
    await app.gql(CreateMcfOrderDocument, { input: mcfInput('old-1', { idempotencyKey: 'old-key' }) });
    clock.advance(31 * 86_400_000);
    await app.gql(CreateMcfOrderDocument, { input: mcfInput('new-1') });
    expect((await app.refresher.runOnce()).purged).toEqual({ mcfOrders: 1, idempotencyKeys: 1 });
    const old = (await app.gql(McfOrderDocument, { storeName: '8speed-US', orderId: 'old-1' })).data!.mcfOrder!;
    expect(old).toMatchObject({
      recipient: null,
      address: null,
      items: [{ msku: 'msku123' }],
      personalDataPurgedAt: new Date(clock.now()).toISOString(),
    });
    const rows = await app.store.db.query("SELECT personal FROM mcf_orders WHERE order_id = 'old-1'");
    expect(rows[0].personal).toBeNull();
    expect(
      (await app.gql(McfOrderDocument, { storeName: '8speed-US', orderId: 'new-1' })).data!.mcfOrder!.recipient,
    ).toEqual({ name: 'Jack Buyer' });
  });
});
