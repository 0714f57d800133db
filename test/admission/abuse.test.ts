import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import {
  CreateFbaOrderDocument,
  CreateFbaReturnDocument,
  CreateMcfOrderDocument,
  PreviewDocument,
  type CreateFbaOutboundOrderInput,
  type CreateMcfOrderInput,
  type SubmitFulfillmentInput,
} from '../__generated__/operations';
import {
  SUBMIT_MUTATION,
  mcfInput,
  orderInput,
  shipmentInput,
  startTestApp,
  submitInput,
  type TestApp,
} from '../support/harness';

/**
 * Pins the messages users see for bad input. Every case must be refused before any upstream call.
 */
describe('bad input is refused with a field path and no upstream call', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const businessCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => r.path !== LINGXING_ENDPOINTS.accessToken.path).length;

  const cases: Array<[string, SubmitFulfillmentInput, Array<{ field: string[]; message: string; code: string }>]> = [
    [
      'no shipments',
      submitInput({ shipments: [] }),
      [{ field: ['shipments'], message: 'shipments must contain at least one shipment', code: 'REQUIRED' }],
    ],
    [
      'a shipment without items',
      submitInput({ shipments: [shipmentInput({ items: [] })] }),
      [{ field: ['shipments', '0', 'items'], message: 'items must contain at least one item', code: 'REQUIRED' }],
    ],
    [
      'a blank carrier code',
      submitInput({ shipments: [shipmentInput(), shipmentInput({ carrierCode: '  ' })] }),
      [{ field: ['shipments', '1', 'carrierCode'], message: 'carrierCode must not be blank', code: 'REQUIRED' }],
    ],
    [
      'a zero quantity',
      submitInput({ shipments: [shipmentInput({ items: [{ orderItemId: '1', quantity: 0 }] })] }),
      [
        {
          field: ['shipments', '0', 'items', '0', 'quantity'],
          message: 'quantity must be at least 1',
          code: 'OUT_OF_RANGE',
        },
      ],
    ],
    [
      'a negative quantity',
      submitInput({ shipments: [shipmentInput({ items: [{ orderItemId: '1', quantity: -3 }] })] }),
      [
        {
          field: ['shipments', '0', 'items', '0', 'quantity'],
          message: 'quantity must be at least 1',
          code: 'OUT_OF_RANGE',
        },
      ],
    ],
    [
      'a message id with a leading zero',
      submitInput({ shipments: [shipmentInput({ messageId: '0123' })] }),
      [
        {
          field: ['shipments', '0', 'messageId'],
          message: 'messageId must be a positive integer of at most 19 digits',
          code: 'INVALID',
        },
      ],
    ],
    [
      'a 20-digit message id',
      submitInput({ shipments: [shipmentInput({ messageId: '12345678901234567890' })] }),
      [
        {
          field: ['shipments', '0', 'messageId'],
          message: 'messageId must be a positive integer of at most 19 digits',
          code: 'INVALID',
        },
      ],
    ],
    [
      'a message id used twice',
      submitInput({
        shipments: [
          shipmentInput({ messageId: '42' }),
          shipmentInput({ messageId: '7' }),
          shipmentInput({ messageId: '42' }),
        ],
      }),
      [
        {
          field: ['shipments', '2', 'messageId'],
          message: 'messageId 42 is already used by shipments[0]',
          code: 'DUPLICATE',
        },
      ],
    ],
    [
      'a tracking number over 100 characters',
      submitInput({ shipments: [shipmentInput({ trackingNumber: 'X'.repeat(101) })] }),
      [
        {
          field: ['shipments', '0', 'trackingNumber'],
          message: 'trackingNumber must be shorter than or equal to 100 characters',
          code: 'TOO_LONG',
        },
      ],
    ],
    [
      'a lower-case seller id',
      submitInput({ sellerId: 'a1mqmw3jwpncbx' }),
      [
        {
          field: ['sellerId'],
          message: 'sellerId must be an Amazon merchant id (6 to 20 upper-case letters and digits)',
          code: 'INVALID',
        },
      ],
    ],
    [
      'a marketplace of another region',
      submitInput({ region: 'EU' }),
      [
        {
          field: ['marketplaceId'],
          message: 'marketplace ATVPDKIKX0DER (US) is in region NA, not EU',
          code: 'INVALID',
        },
      ],
    ],
    [
      'more than 200 shipments',
      submitInput({ shipments: Array.from({ length: 201 }, () => shipmentInput()) }),
      [{ field: ['shipments'], message: 'shipments must contain no more than 200 elements', code: 'TOO_LONG' }],
    ],
  ];

  it.each(cases)('refuses %s', async (_name, input, expected) => {
    const before = businessCalls();
    const res = await app.gql(SUBMIT_MUTATION, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ submitFulfillment: { task: null, userErrors: expected } });
    expect(businessCalls()).toBe(before);
  });

  it('reports every invalid field of one input at once', async () => {
    const res = await app.gql(SUBMIT_MUTATION, {
      input: submitInput({
        shipments: [shipmentInput({ carrierCode: '', items: [{ orderItemId: '', quantity: 1 }] })],
      }),
    });
    expect(res.data!.submitFulfillment.userErrors.map((e) => e.field!.join('.'))).toEqual([
      'shipments.0.carrierCode',
      'shipments.0.items.0.orderItemId',
    ]);
  });

  it('refuses an unknown region as a GraphQL input error', async () => {
    const before = businessCalls();
    const res = await app.gql(SUBMIT_MUTATION, { input: submitInput({ region: 'AS' }) });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // the path and the kind of problem; never the value the caller sent
    expect(res.errors![0].message).toBe(
      'Variable "$input" got an invalid value at "input.region": The value does not exist in "AmazonRegion" enum.',
    );
    expect(businessCalls()).toBe(before);
  });

  it.each([
    [
      'a malformed task id',
      '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "12ab") { taskId } }',
      'taskId must be a positive integer of at most 20 digits',
      ['taskId'],
    ],
    [
      'a malformed seller id',
      '{ fulfillmentTask(sellerId: "nope", taskId: "1003083") { taskId } }',
      'sellerId must be an Amazon merchant id',
      ['sellerId'],
    ],
    [
      'a malformed id in a list',
      '{ fulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", taskIds: ["1003083", "-1"]) { taskId } }',
      'taskIds.1 must be a positive integer of at most 20 digits',
      ['taskIds', '1'],
    ],
    [
      'more than 100 task ids',
      `{ fulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", taskIds: [${Array.from({ length: 101 }, (_, i) => `"${i + 1}"`).join(',')}]) { taskId } }`,
      'taskIds must hold at most 100 ids',
      ['taskIds'],
    ],
  ])('refuses a query with %s', async (_name, query, message, field) => {
    const before = businessCalls();
    const res = await app.gql(query);
    expect(res.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT', field } })]);
    expect(businessCalls()).toBe(before);
  });
});

describe('bad FBA input is refused with a field path and no SP-API call', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const spApiCalls = () => app.sandboxes.spApi!.calls().length;

  const cases: Array<
    [string, Partial<CreateFbaOutboundOrderInput>, { field: string[]; code: string; message: string }]
  > = [
    [
      'an order id with "#"',
      { sellerFulfillmentOrderId: 'ORDER#1' },
      {
        field: ['sellerFulfillmentOrderId'],
        code: 'INVALID',
        message: 'sellerFulfillmentOrderId must not contain "#", "+", two spaces in a row, or leading/trailing spaces',
      },
    ],
    [
      'an order id with "+"',
      { sellerFulfillmentOrderId: 'ORDER+1' },
      {
        field: ['sellerFulfillmentOrderId'],
        code: 'INVALID',
        message: 'sellerFulfillmentOrderId must not contain "#", "+", two spaces in a row, or leading/trailing spaces',
      },
    ],
    [
      'an order id with two spaces',
      { sellerFulfillmentOrderId: 'ORDER  1' },
      {
        field: ['sellerFulfillmentOrderId'],
        code: 'INVALID',
        message: 'sellerFulfillmentOrderId must not contain "#", "+", two spaces in a row, or leading/trailing spaces',
      },
    ],
    [
      'an order id over 40 characters',
      { sellerFulfillmentOrderId: 'X'.repeat(41) },
      {
        field: ['sellerFulfillmentOrderId'],
        code: 'TOO_LONG',
        message: 'sellerFulfillmentOrderId must be shorter than or equal to 40 characters',
      },
    ],
    [
      'a displayable id outside ISO-8859-1',
      { displayableOrderId: '订单-1' },
      {
        field: ['displayableOrderId'],
        code: 'INVALID',
        message: 'displayableOrderId must be ISO-8859-1 text without leading, trailing or double spaces',
      },
    ],
    [
      'a comment over 750 characters',
      { displayableOrderComment: 'x'.repeat(751) },
      {
        field: ['displayableOrderComment'],
        code: 'TOO_LONG',
        message: 'displayableOrderComment must be shorter than or equal to 750 characters',
      },
    ],
    [
      'a SKU over 50 characters',
      { items: [{ sellerSku: 'S'.repeat(51), sellerFulfillmentOrderItemId: 'l1', quantity: 1 }] },
      {
        field: ['items', '0', 'sellerSku'],
        code: 'TOO_LONG',
        message: 'sellerSku must be shorter than or equal to 50 characters',
      },
    ],
    [
      'a gift message over 512 characters',
      {
        items: [
          { sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'l1', quantity: 1, giftMessage: 'g'.repeat(513) },
        ],
      },
      {
        field: ['items', '0', 'giftMessage'],
        code: 'TOO_LONG',
        message: 'giftMessage must be shorter than or equal to 512 characters',
      },
    ],
    [
      'an item comment over 250 characters',
      {
        items: [
          {
            sellerSku: 'DEMO-SKU-1',
            sellerFulfillmentOrderItemId: 'l1',
            quantity: 1,
            displayableComment: 'c'.repeat(251),
          },
        ],
      },
      {
        field: ['items', '0', 'displayableComment'],
        code: 'TOO_LONG',
        message: 'displayableComment must be shorter than or equal to 250 characters',
      },
    ],
    [
      'a zero quantity',
      { items: [{ sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'l1', quantity: 0 }] },
      { field: ['items', '0', 'quantity'], code: 'OUT_OF_RANGE', message: 'quantity must be at least 1' },
    ],
    [
      '101 order lines',
      {
        items: Array.from({ length: 101 }, (_, i) => ({
          sellerSku: 'DEMO-SKU-1',
          sellerFulfillmentOrderItemId: `l${i}`,
          quantity: 1,
        })),
      },
      { field: ['items'], code: 'TOO_LONG', message: 'items must contain no more than 100 elements' },
    ],
    [
      '251 units',
      {
        items: [
          { sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'l1', quantity: 200 },
          { sellerSku: 'DEMO-SKU-2', sellerFulfillmentOrderItemId: 'l2', quantity: 51 },
        ],
      },
      { field: ['items'], code: 'TOO_LONG', message: 'an order may hold at most 250 units (got 251)' },
    ],
    [
      'a line id used twice',
      {
        items: [
          { sellerSku: 'DEMO-SKU-1', sellerFulfillmentOrderItemId: 'l1', quantity: 1 },
          { sellerSku: 'DEMO-SKU-2', sellerFulfillmentOrderItemId: 'l1', quantity: 1 },
        ],
      },
      {
        field: ['items', '1', 'sellerFulfillmentOrderItemId'],
        code: 'DUPLICATE',
        message: 'sellerFulfillmentOrderItemId l1 is already used by items[0]',
      },
    ],
    [
      'a three-letter country',
      { destinationAddress: { name: 'A', addressLine1: '1 St', city: 'X', postalCode: '1', countryCode: 'USA' } },
      {
        field: ['destinationAddress', 'countryCode'],
        code: 'INVALID',
        message: 'countryCode must be an ISO 3166-1 alpha-2 code',
      },
    ],
    [
      'no city outside Japan',
      { destinationAddress: { name: 'A', addressLine1: '1 St', postalCode: '98109', countryCode: 'US' } },
      { field: ['destinationAddress', 'city'], code: 'REQUIRED', message: 'city is required outside Japan' },
    ],
    [
      'ScheduledDelivery on Hold',
      {
        shippingSpeedCategory: 'SCHEDULED_DELIVERY',
        fulfillmentAction: 'HOLD',
        deliveryWindow: { startDate: '2026-12-01T09:00:00Z', endDate: '2026-12-01T12:00:00Z' },
      },
      {
        field: ['fulfillmentAction'],
        code: 'INVALID',
        message: 'ScheduledDelivery orders must use fulfillmentAction SHIP',
      },
    ],
    [
      'ScheduledDelivery without a window',
      { shippingSpeedCategory: 'SCHEDULED_DELIVERY' },
      { field: ['deliveryWindow'], code: 'REQUIRED', message: 'deliveryWindow is required for ScheduledDelivery' },
    ],
    [
      'UNKNOWN as a shipping speed',
      { shippingSpeedCategory: 'UNKNOWN' },
      {
        field: ['shippingSpeedCategory'],
        code: 'INVALID',
        message: 'shippingSpeedCategory does not accept UNKNOWN (an output-only value)',
      },
    ],
    [
      'a notification email over 64 characters',
      { notificationEmails: [`${'a'.repeat(60)}@example.com`] },
      {
        field: ['notificationEmails'],
        code: 'TOO_LONG',
        message: 'each notification email must be at most 64 characters',
      },
    ],
    [
      'delivery instructions over 250 characters',
      { deliveryPreferences: { deliveryInstructions: 'd'.repeat(251) } },
      {
        field: ['deliveryPreferences', 'deliveryInstructions'],
        code: 'TOO_LONG',
        message: 'deliveryInstructions must be shorter than or equal to 250 characters',
      },
    ],
    [
      'an unknown currency',
      {
        items: [
          {
            sellerSku: 'DEMO-SKU-1',
            sellerFulfillmentOrderItemId: 'l1',
            quantity: 1,
            perUnitDeclaredValue: { currencyCode: 'XXY', value: '1.00' },
          },
        ],
      },
      {
        field: ['items', '0', 'perUnitDeclaredValue', 'currencyCode'],
        code: 'INVALID',
        message: 'currencyCode must be a valid ISO4217 currency code',
      },
    ],
  ];

  it.each(cases)('refuses %s', async (_name, overrides, expected) => {
    const before = spApiCalls();
    const res = await app.gql(CreateFbaOrderDocument, { input: orderInput('ABUSE-1', overrides) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createFbaOutboundOrder).toEqual({ order: null, userErrors: [expected] });
    expect(spApiCalls()).toBe(before);
  });

  it.each([
    [
      'a float for a Decimal',
      {
        items: [
          {
            sellerSku: 'DEMO-SKU-1',
            sellerFulfillmentOrderItemId: 'l1',
            quantity: 1,
            perUnitDeclaredValue: { currencyCode: 'USD', value: 19.99 },
          },
        ],
      },
      /Decimal must be a string/,
    ],
    ['a basic-format timestamp', { displayableOrderDate: '20230523T000000+0900' }, /DateTime/],
    [
      'an unknown enum value',
      { shippingSpeedCategory: 'Overnight' },
      /at "input.shippingSpeedCategory": The value does not exist in "ShippingSpeedCategory" enum/,
    ],
  ])('refuses %s as a GraphQL input error', async (_name, overrides, message) => {
    const before = spApiCalls();
    const res = await app.gql(CreateFbaOrderDocument, {
      input: orderInput('ABUSE-2', overrides as Partial<CreateFbaOutboundOrderInput>),
    });
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect(spApiCalls()).toBe(before);
  });

  it('refuses return lines with over-long ids and comments', async () => {
    const res = await app.gql(CreateFbaReturnDocument, {
      input: {
        sellerId: 'A1MQMW3JWPNCBX',
        sellerFulfillmentOrderId: 'DEMO-COMPLETE-1',
        items: [
          {
            sellerReturnItemId: 'r'.repeat(81),
            sellerFulfillmentOrderItemId: 'item-1',
            amazonShipmentId: 'D1',
            returnReasonCode: 'DEFECTIVE',
            returnComment: 'c'.repeat(1001),
          },
        ],
      },
    });
    expect(res.data!.createFbaFulfillmentReturn.userErrors.map((e) => [e.field!.join('.'), e.code])).toEqual([
      ['items.0.sellerReturnItemId', 'TOO_LONG'],
      ['items.0.returnComment', 'TOO_LONG'],
    ]);
    expect(spApiCalls()).toBe(0);
  });

  it('refuses a preview to a malformed address with the argument path', async () => {
    const res = await app.gql(PreviewDocument, {
      sellerId: 'A1MQMW3JWPNCBX',
      input: {
        address: { name: 'A', addressLine1: '1 St', city: 'X', postalCode: '1', countryCode: 'us' },
        items: [{ sellerSku: 'DEMO-SKU-1', quantity: 1, sellerFulfillmentOrderItemId: 'p1' }],
      },
    });
    expect(res.errors![0]).toMatchObject({
      message: 'countryCode must be an ISO 3166-1 alpha-2 code',
      extensions: { code: 'BAD_USER_INPUT', field: ['input', 'address', 'countryCode'] },
    });
    expect(spApiCalls()).toBe(0);
  });
});

describe('bad MCF input is refused with a field path and no ERP call', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const createCalls = () => app.sandboxes.lingxing!.businessRequests(LINGXING_ENDPOINTS.createMcfOrder.path).length;

  it.each([
    [
      'an unknown store country',
      { storeCountryCode: 'CN' },
      { field: ['storeCountryCode'], code: 'INVALID', message: 'storeCountryCode CN is not an Amazon store country' },
    ],
    [
      'a lower-case address country',
      { address: { countryCode: 'us', stateOrRegion: 'AL', city: 'X', addressLine1: '1 Rd', postalCode: '1' } },
      { field: ['address', 'countryCode'], code: 'INVALID', message: 'countryCode must be an ISO 3166-1 alpha-2 code' },
    ],
    [
      'no city outside Japan',
      { address: { countryCode: 'US', stateOrRegion: 'AL', addressLine1: '1 Rd', postalCode: '1' } },
      { field: ['address', 'city'], code: 'REQUIRED', message: 'city is required outside Japan' },
    ],
    [
      'a bad recipient email',
      { recipient: { name: 'Jack', email: 'not-an-email' } },
      { field: ['recipient', 'email'], code: 'INVALID', message: 'email must be an email address' },
    ],
    [
      'a packing date in another format',
      { packingSlip: { orderId: '1', orderDate: '09/12/2022' } },
      {
        field: ['packingSlip', 'orderDate'],
        code: 'INVALID',
        message: 'orderDate must be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:mm:ss)',
      },
    ],
    [
      'an impossible packing date',
      { packingSlip: { orderId: '1', orderDate: '2022-02-30' } },
      { field: ['packingSlip', 'orderDate'], code: 'INVALID', message: 'orderDate 2022-02-30 is not a calendar date' },
    ],
    [
      'a zero quantity',
      { items: [{ msku: 'm', quantity: 0 }] },
      { field: ['items', '0', 'quantity'], code: 'OUT_OF_RANGE', message: 'quantity must be at least 1' },
    ],
    [
      'a negative declared value',
      { items: [{ msku: 'm', quantity: 1, declaredValue: '-1.00', declaredCurrency: 'USD' }] },
      { field: ['items', '0', 'declaredValue'], code: 'INVALID', message: 'declaredValue must not be negative' },
    ],
    [
      'a declared value without currency',
      { items: [{ msku: 'm', quantity: 1, declaredValue: '2.50' }] },
      {
        field: ['items', '0', 'declaredCurrency'],
        code: 'REQUIRED',
        message: 'declaredCurrency is required with declaredValue',
      },
    ],
    [
      'no items',
      { items: [] },
      { field: ['items'], code: 'REQUIRED', message: 'items must contain at least one item' },
    ],
  ])('refuses %s', async (_name, overrides, expected) => {
    const before = createCalls();
    const res = await app.gql(CreateMcfOrderDocument, {
      input: mcfInput('abuse-1', overrides as Partial<CreateMcfOrderInput>),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createMcfOrder).toEqual({ order: null, userErrors: [expected] });
    expect(createCalls()).toBe(before);
  });
});
