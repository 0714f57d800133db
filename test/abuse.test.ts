import { LINGXING_ENDPOINTS } from '../src/datasources/lingxing/endpoints';
import type { SubmitFulfillmentInput } from './__generated__/operations';
import { SUBMIT_MUTATION, shipmentInput, startTestApp, submitInput, type TestApp } from './support/harness';

/**
 * Pins the messages users see for bad input. Every case must be refused before any upstream call.
 */
describe('bad input is refused with a field path and no upstream call', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const businessCalls = () => app.sandboxes.lingxing!.requests.filter((r) => r.path !== LINGXING_ENDPOINTS.accessToken.path).length;

  const cases: Array<[string, SubmitFulfillmentInput, Array<{ field: string[]; message: string; code: string }>]> = [
    ['no shipments', submitInput({ shipments: [] }), [{ field: ['shipments'], message: 'shipments must contain at least one shipment', code: 'REQUIRED' }]],
    ['a shipment without items', submitInput({ shipments: [shipmentInput({ items: [] })] }), [{ field: ['shipments', '0', 'items'], message: 'items must contain at least one item', code: 'REQUIRED' }]],
    ['a blank carrier code', submitInput({ shipments: [shipmentInput(), shipmentInput({ carrierCode: '  ' })] }), [{ field: ['shipments', '1', 'carrierCode'], message: 'carrierCode must not be blank', code: 'REQUIRED' }]],
    ['a zero quantity', submitInput({ shipments: [shipmentInput({ items: [{ orderItemId: '1', quantity: 0 }] })] }), [{ field: ['shipments', '0', 'items', '0', 'quantity'], message: 'quantity must be at least 1', code: 'OUT_OF_RANGE' }]],
    ['a negative quantity', submitInput({ shipments: [shipmentInput({ items: [{ orderItemId: '1', quantity: -3 }] })] }), [{ field: ['shipments', '0', 'items', '0', 'quantity'], message: 'quantity must be at least 1', code: 'OUT_OF_RANGE' }]],
    ['a message id with a leading zero', submitInput({ shipments: [shipmentInput({ messageId: '0123' })] }), [{ field: ['shipments', '0', 'messageId'], message: 'messageId must be a positive integer of at most 19 digits', code: 'INVALID' }]],
    ['a 20-digit message id', submitInput({ shipments: [shipmentInput({ messageId: '12345678901234567890' })] }), [{ field: ['shipments', '0', 'messageId'], message: 'messageId must be a positive integer of at most 19 digits', code: 'INVALID' }]],
    ['a message id used twice', submitInput({ shipments: [shipmentInput({ messageId: '42' }), shipmentInput({ messageId: '7' }), shipmentInput({ messageId: '42' })] }), [{ field: ['shipments', '2', 'messageId'], message: 'messageId 42 is already used by shipments[0]', code: 'DUPLICATE' }]],
    ['a tracking number over 100 characters', submitInput({ shipments: [shipmentInput({ trackingNumber: 'X'.repeat(101) })] }), [{ field: ['shipments', '0', 'trackingNumber'], message: 'trackingNumber must be shorter than or equal to 100 characters', code: 'TOO_LONG' }]],
    ['a lower-case seller id', submitInput({ sellerId: 'a1mqmw3jwpncbx' }), [{ field: ['sellerId'], message: 'sellerId must be an Amazon merchant id (6 to 20 upper-case letters and digits)', code: 'INVALID' }]],
    ['a marketplace of another region', submitInput({ region: 'EU' }), [{ field: ['marketplaceId'], message: 'marketplace ATVPDKIKX0DER (US) is in region NA, not EU', code: 'INVALID' }]],
    ['more than 200 shipments', submitInput({ shipments: Array.from({ length: 201 }, () => shipmentInput()) }), [{ field: ['shipments'], message: 'shipments must contain no more than 200 elements', code: 'TOO_LONG' }]],
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
      input: submitInput({ shipments: [shipmentInput({ carrierCode: '', items: [{ orderItemId: '', quantity: 1 }] })] }),
    });
    expect(res.data!.submitFulfillment.userErrors.map((e) => e.field!.join('.'))).toEqual(['shipments.0.carrierCode', 'shipments.0.items.0.orderItemId']);
  });

  it('refuses an unknown region as a GraphQL input error', async () => {
    const before = businessCalls();
    const res = await app.gql(SUBMIT_MUTATION, { input: submitInput({ region: 'AS' }) });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/Value "AS" does not exist in "AmazonRegion" enum/);
    expect(businessCalls()).toBe(before);
  });

  it.each([
    ['a malformed task id', '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "12ab") { taskId } }', 'taskId must be a positive integer of at most 20 digits', ['taskId']],
    ['a malformed seller id', '{ fulfillmentTask(sellerId: "nope", taskId: "1003083") { taskId } }', 'sellerId must be an Amazon merchant id', ['sellerId']],
    ['a malformed id in a list', '{ fulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", taskIds: ["1003083", "-1"]) { taskId } }', 'taskIds.1 must be a positive integer of at most 20 digits', ['taskIds', '1']],
    ['more than 100 task ids', `{ fulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", taskIds: [${Array.from({ length: 101 }, (_, i) => `"${i + 1}"`).join(',')}]) { taskId } }`, 'taskIds must hold at most 100 ids', ['taskIds']],
  ])('refuses a query with %s', async (_name, query, message, field) => {
    const before = businessCalls();
    const res = await app.gql(query);
    expect(res.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT', field } })]);
    expect(businessCalls()).toBe(before);
  });
});
