import { request } from 'undici';
import { toFbaOutboundOrderFrom2026 } from '../../../src/modules/fba-outbound-orders/v2026-07-04.to-schema';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from '../../../src/sandbox/sp-api/fixtures';
import { CreateFbaOrderDocument } from '../../__generated__/operations';
import { DEMO_SELLER, orderInput, startTestApp, type TestApp } from '../../support/harness';
import { SpApiModel } from '../../support/sp-api-model';

/** The demo configuration's seller on Fulfillment Outbound 2026-07-04. */
const NEW_SELLER = SANDBOX_SPAPI_SELLERS.find((s) => s.fulfillmentOutboundVersion === '2026-07-04')!.sellerId;
const BASE_2026 = '/fulfillment/outbound/2026-07-04';

const ORDER_FIELDS = `sellerId sellerFulfillmentOrderId status statusRaw shippingSpeedCategory fulfillmentAction fulfillmentPolicy channel originCountryCode
  destinationAddress { name addressLine1 city stateOrRegion postalCode countryCode }
  items { sellerSku sellerFulfillmentOrderItemId quantity cancelledQuantity perUnitDeclaredValue { currencyCode value } }
  shipments { amazonShipmentId fulfillmentShipmentStatus packages { packageId packageNumber status statusRaw carrierCode trackingNumber trackingUrl deliveryTime proofOfDelivery { deliveryPhotoUrl receivedBy } } }`;
const ORDER = `query($s: String!, $id: ID!) { fbaOutboundOrder(sellerId: $s, sellerFulfillmentOrderId: $id) { ${ORDER_FIELDS} } }`;

interface Order {
  sellerId: string;
  sellerFulfillmentOrderId: string;
  status: string | null;
  statusRaw: string | null;
  items: Array<{ sellerSku: string; quantity: number }>;
  shipments: Array<{
    packages: Array<{ packageId: string; status: string | null; proofOfDelivery: { receivedBy: string } | null }>;
  }>;
  [key: string]: unknown;
}

describe('a seller on Fulfillment Outbound 2026-07-04, through the same GraphQL operations', () => {
  const model = new SpApiModel('fulfillmentOutbound_2026-07-04.json');
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ spApiSandbox: { receivedMs: 100, planningMs: 100, processingMs: 100 } });
  });
  afterAll(() => app.close());
  afterEach(() => {
    // every 2026 request the gateway sent, and every answer the double gave, conforms to the official model
    const exchanges = app.sandboxes.spApi!.calls().filter((e) => e.path.startsWith(BASE_2026));
    expect(exchanges.flatMap((e) => model.problems(e))).toEqual([]);
    app.sandboxes.spApi!.resetStats();
  });

  it('has a model check that fails on a request Amazon would refuse', () => {
    const [exchange] = app.sandboxes.spApi!.calls();
    expect(exchange).toBeUndefined(); // nothing sent yet in this file
    expect(
      model.problems({
        operation: 'createOrder',
        method: 'POST',
        path: `${BASE_2026}/orders`,
        query: {},
        requestBody: { orderId: 'X' },
        status: 200,
        responseBody: { order: {} },
      }),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^createOrder request: must have required property/)]));
  });

  const order = async (sellerId: string, id: string) =>
    (await app.gql<{ fbaOutboundOrder: Order | null }>(ORDER, { s: sellerId, id })).data!.fbaOutboundOrder;

  it('creates on hold, reads, lists, releases and follows an order to delivery with proof', async () => {
    const created = await app.gql(CreateFbaOrderDocument, {
      input: { ...orderInput('NEW-1', { fulfillmentAction: 'HOLD' }), sellerId: NEW_SELLER, channel: 'web-shop' },
    });
    expect(created.data!.createFbaOutboundOrder.userErrors).toEqual([]);
    expect(created.data!.createFbaOutboundOrder.order).toMatchObject({
      sellerFulfillmentOrderId: 'NEW-1',
      status: 'PROCESSING',
      fulfillmentAction: 'HOLD',
    });
    const calls = app.sandboxes.spApi!.calls();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST ${BASE_2026}/orders`]);
    expect(calls[0].requestBody).toMatchObject({
      orderId: 'NEW-1',
      channel: 'web-shop',
      fulfillmentConfiguration: { serviceLevel: { serviceTiers: ['STANDARD'] }, action: 'HOLD' },
      origin: { countryCode: 'US' },
      lineItems: [
        {
          lineItemId: 'line-1',
          product: {
            productIdentifier: { amazonSku: 'DEMO-SKU-1' },
            perUnitDeclaredValue: { currencyCode: 'USD', amount: '19.99' },
          },
          amount: { unit: 'EACHES', value: '2' },
        },
      ],
    });

    expect(await order(NEW_SELLER, 'NEW-1')).toMatchObject({
      sellerId: NEW_SELLER,
      status: 'PROCESSING',
      statusRaw: 'PROCESSING',
      shippingSpeedCategory: 'STANDARD',
      fulfillmentPolicy: 'FILL_OR_KILL',
      channel: 'web-shop',
      originCountryCode: 'US',
      destinationAddress: { name: 'Jane Doe', postalCode: '98109', countryCode: 'US' },
      items: [{ sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'line-1', quantity: 2, cancelledQuantity: 0 }],
      shipments: [],
    });
    const listed = await app.gql<{
      fbaOutboundOrders: { edges: Array<{ node: { sellerFulfillmentOrderId: string } }> };
    }>(
      `{ fbaOutboundOrders(sellerId: "${NEW_SELLER}", first: 20) { edges { node { sellerFulfillmentOrderId status items { quantity } } } } }`,
    );
    expect(listed.data!.fbaOutboundOrders.edges.map((e) => e.node)).toEqual([
      { sellerFulfillmentOrderId: 'NEW-1', status: 'PROCESSING', items: [{ quantity: 2 }] },
    ]);

    // 2026 can only release a held order: other changes are refused before anything is sent
    const changed = await app.gql(
      `mutation { updateFbaOutboundOrder(input: { sellerId: "${NEW_SELLER}", sellerFulfillmentOrderId: "NEW-1", displayableOrderComment: "new" }) { userErrors { field code } } }`,
    );
    expect(changed.data).toEqual({
      updateFbaOutboundOrder: { userErrors: [{ field: ['displayableOrderComment'], code: 'NOT_UPDATABLE' }] },
    });
    expect(app.sandboxes.spApi!.calls('updateOrder')).toHaveLength(0);
    const released = await app.gql(
      `mutation { updateFbaOutboundOrder(input: { sellerId: "${NEW_SELLER}", sellerFulfillmentOrderId: "NEW-1", fulfillmentAction: SHIP }) { order { fulfillmentAction } userErrors { code } } }`,
    );
    expect(released.data).toEqual({ updateFbaOutboundOrder: { order: { fulfillmentAction: 'SHIP' }, userErrors: [] } });
    expect(app.sandboxes.spApi!.calls('updateOrder')[0].requestBody).toEqual({
      fulfillmentConfiguration: { action: 'SHIP' },
    });

    await new Promise((r) => setTimeout(r, 400)); // through the sandbox's stages to COMPLETE
    const shipped = await order(NEW_SELLER, 'NEW-1');
    expect(shipped).toMatchObject({ status: 'COMPLETE', statusRaw: 'COMPLETE' });
    const pkg = shipped!.shipments[0].packages[0];
    expect(pkg).toMatchObject({ status: 'IN_TRANSIT', carrierCode: 'UPS', proofOfDelivery: null });
    expect(pkg.packageId).toMatch(/^\d+$/);

    // the sandbox-only package update (as a tester would drive it), then proof of delivery
    const token = await lwaToken(app, NEW_SELLER);
    const put = await request(`${app.sandboxes.spApi!.url}${BASE_2026}/orders/NEW-1/packages/${pkg.packageId}`, {
      method: 'PUT',
      headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'DELIVERED', deliveryTime: '2026-11-22T15:00:00Z' }),
    });
    expect(put.statusCode).toBe(204);
    await put.body.dump();
    const delivered = (await order(NEW_SELLER, 'NEW-1'))!.shipments[0].packages[0];
    expect(delivered).toMatchObject({
      status: 'DELIVERED',
      deliveryTime: '2026-11-22T15:00:00.000Z',
      proofOfDelivery: { receivedBy: 'Front desk' },
    });
  });

  it('cancels, sets sandbox statuses, and answers NOT_FOUND as for any seller', async () => {
    await app.gql(CreateFbaOrderDocument, {
      input: { ...orderInput('NEW-2', { fulfillmentAction: 'HOLD' }), sellerId: NEW_SELLER },
    });
    const cancelled = await app.gql(
      `mutation { cancelFbaOutboundOrder(input: { sellerId: "${NEW_SELLER}", sellerFulfillmentOrderId: "NEW-2" }) { order { status items { cancelledQuantity } } userErrors { code } } }`,
    );
    expect(cancelled.data).toEqual({
      cancelFbaOutboundOrder: { order: { status: 'CANCELLED', items: [{ cancelledQuantity: 2 }] }, userErrors: [] },
    });
    await app.gql(CreateFbaOrderDocument, {
      input: { ...orderInput('NEW-3', { fulfillmentAction: 'HOLD' }), sellerId: NEW_SELLER },
    });
    const forced = await app.gql(
      `mutation { sandboxSetFbaOutboundOrderStatus(input: { sellerId: "${NEW_SELLER}", sellerFulfillmentOrderId: "NEW-3", status: UNFULFILLABLE }) { order { status } userErrors { code } } }`,
    );
    expect(forced.data).toEqual({
      sandboxSetFbaOutboundOrderStatus: { order: { status: 'UNFULFILLABLE' }, userErrors: [] },
    });
    expect(app.sandboxes.spApi!.calls('updateOrderStatus')[0].requestBody).toEqual({ status: 'UNFULFILLABLE' });
    expect(await order(NEW_SELLER, 'NO-SUCH-ORDER')).toBeNull();
  });

  it('reads back an order Amazon accepted for later (202) and answers the retry of a create with the same order', async () => {
    app.sandboxes.spApi!.answerCreatesLater(true);
    try {
      const input = { ...orderInput('NEW-4'), sellerId: NEW_SELLER };
      const first = await app.gql(CreateFbaOrderDocument, { input });
      expect(first.data!.createFbaOutboundOrder).toMatchObject({
        order: { sellerFulfillmentOrderId: 'NEW-4', status: 'PROCESSING' },
        userErrors: [],
      });
      expect(app.sandboxes.spApi!.calls('createOrder')[0].status).toBe(202);
      expect(app.sandboxes.spApi!.calls('getOrder')).toHaveLength(1); // the read back
      const again = await app.gql(CreateFbaOrderDocument, { input });
      expect(again.data!.createFbaOutboundOrder).toMatchObject({
        order: { sellerFulfillmentOrderId: 'NEW-4' },
        userErrors: [],
      });
      const other = await app.gql(CreateFbaOrderDocument, {
        input: { ...input, items: [{ ...input.items[0], quantity: 5 }] },
      });
      expect(other.data!.createFbaOutboundOrder).toMatchObject({ order: null, userErrors: [{ code: 'ORDER_EXISTS' }] });
    } finally {
      app.sandboxes.spApi!.answerCreatesLater(false);
    }
  });

  it('gives a 2020-07-01 seller and a 2026-07-04 seller equivalent answers to the same operations', async () => {
    for (const sellerId of [DEMO_SELLER, NEW_SELLER])
      await app.gql(CreateFbaOrderDocument, {
        input: { ...orderInput(`SAME-${sellerId}`, { fulfillmentAction: 'HOLD' }), sellerId },
      });
    const [old, neu] = await Promise.all([
      order(DEMO_SELLER, `SAME-${DEMO_SELLER}`),
      order(NEW_SELLER, `SAME-${NEW_SELLER}`),
    ]);
    // what differs by design: the ids, the status words (2026 has no RECEIVED/PLANNING: PROCESSING),
    // and the fields only one version has (origin and channel in 2026)
    const comparable = (o: Order) => {
      const rest: Record<string, unknown> = { ...o };
      for (const k of ['sellerId', 'sellerFulfillmentOrderId', 'status', 'statusRaw', 'channel', 'originCountryCode'])
        delete rest[k];
      return rest;
    };
    expect(comparable(neu!)).toEqual(comparable(old!));
    expect([old!.status, neu!.status]).toEqual(['RECEIVED', 'PROCESSING']);
  });
});

describe('previews and delivery offers for a 2026-07-04 seller', () => {
  const model = new SpApiModel('fulfillmentOutbound_2026-07-04.json');
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const PREVIEW = `query($s: String!) { fulfillmentPreview(sellerId: $s, input: {
      marketplaceId: "ATVPDKIKX0DER"
      address: { name: "Jane Doe", addressLine1: "123 Any Street", city: "Seattle", stateOrRegion: "WA", postalCode: "98109", countryCode: "US" }
      items: [{ sellerSku: "DEMO-SKU-1", quantity: 2, sellerFulfillmentOrderItemId: "line-1" }, { sellerSku: "DEMO-OOS", quantity: 1, sellerFulfillmentOrderItemId: "line-2" }]
    }) {
      shippingSpeedCategory isFulfillable estimatedShippingWeight { value }
      estimatedFees { name amount { currencyCode value } }
      fulfillmentPreviewShipments { earliestShipDate latestShipDate earliestArrivalDate latestArrivalDate fulfillmentPreviewItems { sellerSku quantity sellerFulfillmentOrderItemId } }
      unfulfillablePreviewItems { sellerSku sellerFulfillmentOrderItemId }
    } }`;
  const OFFERS = `query($s: String!) { deliveryOffers(sellerId: $s, input: {
      sellerSku: "DEMO-SKU-1", originCountryCode: "US", destinationAddress: { postalCode: "98109", countryCode: "US" }
    }) { dateRange { earliest latest } } }`;
  // the sandbox's dates move with its clock: compare them to the minute
  const minutes = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/:\d{2}(\.\d{3})?Z/g, 'Z')) as unknown;

  it('gives the same previews and offers as for a 2020-07-01 seller, through getOrderPreview and getOffers', async () => {
    const [oldPreview, newPreview] = await Promise.all([
      app.gql(PREVIEW, { s: DEMO_SELLER }),
      app.gql(PREVIEW, { s: NEW_SELLER }),
    ]);
    expect(newPreview.errors).toBeUndefined();
    expect(minutes(newPreview.data)).toEqual(minutes(oldPreview.data));
    const previews = (newPreview.data as { fulfillmentPreview: Array<{ isFulfillable: boolean }> }).fulfillmentPreview;
    expect(previews.map((p) => p.isFulfillable)).toEqual([false, false, false]);
    const [oldOffers, newOffers] = await Promise.all([
      app.gql(OFFERS, { s: DEMO_SELLER }),
      app.gql(OFFERS, { s: NEW_SELLER }),
    ]);
    expect(minutes(newOffers.data)).toEqual(minutes(oldOffers.data));
    const sent = app.sandboxes.spApi!.calls().filter((e) => e.path.startsWith(BASE_2026));
    expect(sent.map((e) => e.operation).sort()).toEqual(['getOffers', 'getOrderPreview']);
    expect(sent.flatMap((e) => model.problems(e))).toEqual([]);
  });
});

describe('2026-07-04 answers the gateway does not know yet', () => {
  it('arrive as UNKNOWN with the raw string beside them, never as an error', () => {
    const order = toFbaOutboundOrderFrom2026('A2026NEWSELLER', {
      orderId: 'X-1',
      receiveTime: '2026-11-22T10:00:00Z',
      status: 'ON_HOLD_FOR_REVIEW',
      lineItems: [{ lineItemId: 'l1', product: { productIdentifier: { amazonSku: 'S' } }, amount: { value: '1.5' } }],
      shipments: [
        {
          amazonShipmentId: 'S1',
          amazonFacility: { facilityId: 'PHX7' },
          status: 'TELEPORTED',
          items: [],
          packages: [{ packageId: 'PKG-A', status: 'LOST_IN_SPACE' }],
        },
      ],
    });
    expect(order).toMatchObject({ status: 'UNKNOWN', statusRaw: 'ON_HOLD_FOR_REVIEW' });
    // a quantity that is not whole has no Int: null, never a wrong number
    expect(order.details!.items[0]).toMatchObject({ sellerSku: 'S', quantity: null });
    expect(order.details!.shipments[0]).toMatchObject({
      fulfillmentShipmentStatus: 'UNKNOWN',
      fulfillmentShipmentStatusRaw: 'TELEPORTED',
      packages: [{ packageId: 'PKG-A', packageNumber: null, status: 'UNKNOWN', statusRaw: 'LOST_IN_SPACE' }],
    });
  });
});

async function lwaToken(app: TestApp, sellerId: string): Promise<string> {
  const seller = SANDBOX_SPAPI_SELLERS.find((s) => s.sellerId === sellerId)!;
  const res = await request(app.sandboxes.spApi!.lwaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: seller.refreshToken,
      client_id: SANDBOX_SPAPI_APP.clientId,
      client_secret: SANDBOX_SPAPI_APP.clientSecret,
    }).toString(),
  });
  return ((await res.body.json()) as { access_token: string }).access_token;
}
