import { SUBMIT_MUTATION, mcfInput, shipmentInput, startTestApp, submitInput, type TestApp } from '../support/harness';
import { CreateMcfOrderDocument } from '../__generated__/operations';

/** Every object with an identity has a global id that node(id) resolves back to the same object. */
describe('global ids and Query.node', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ sandbox: { pendingMs: 0, processingMs: 0 } });
  });
  afterAll(() => app.close());

  async function roundTrip(id: string, fragment: string) {
    const res = await app.gql<{ node: Record<string, unknown> | null }>(
      `query($id: ID!) { node(id: $id) { __typename id ${fragment} } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.node;
  }

  it('resolves tasks, their shipments and their results by id', async () => {
    const submitted = await app.gql(SUBMIT_MUTATION, {
      input: submitInput({ shipments: [shipmentInput({ trackingNumber: 'INVALID-9' })] }),
    });
    const taskId = submitted.data!.submitFulfillment.task!.taskId;
    const task = await app.gql<{
      fulfillmentTask: {
        id: string;
        shipments: Array<{ id: string }>;
        results: Array<{ id: string; messageId: string }>;
      };
    }>(
      `{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "${taskId}") { id shipments { id } results { id messageId } } }`,
    );
    const t = task.data!.fulfillmentTask;
    expect(await roundTrip(t.id, '... on FulfillmentTask { taskId }')).toEqual({
      __typename: 'FulfillmentTask',
      id: t.id,
      taskId,
    });
    expect(await roundTrip(t.shipments[0].id, '... on ShipmentConfirmation { trackingNumber }')).toEqual({
      __typename: 'ShipmentConfirmation',
      id: t.shipments[0].id,
      trackingNumber: 'INVALID-9',
    });
    expect(await roundTrip(t.results[0].id, '... on MessageResult { messageId resultCode }')).toEqual({
      __typename: 'MessageResult',
      id: t.results[0].id,
      messageId: t.results[0].messageId,
      resultCode: 'Error',
    });
  });

  it('resolves FBA orders and their shipments by id', async () => {
    const res = await app.gql<{
      fbaOutboundOrder: { id: string; shipments: Array<{ id: string; amazonShipmentId: string }> };
    }>(
      '{ fbaOutboundOrder(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-COMPLETE-1") { id shipments { id amazonShipmentId } } }',
    );
    const order = res.data!.fbaOutboundOrder;
    expect(await roundTrip(order.id, '... on FbaOutboundOrder { sellerFulfillmentOrderId }')).toEqual({
      __typename: 'FbaOutboundOrder',
      id: order.id,
      sellerFulfillmentOrderId: 'DEMO-COMPLETE-1',
    });
    expect(await roundTrip(order.shipments[0].id, '... on FbaShipment { amazonShipmentId }')).toEqual({
      __typename: 'FbaShipment',
      id: order.shipments[0].id,
      amazonShipmentId: order.shipments[0].amazonShipmentId,
    });
  });

  it('resolves MCF orders by id, and the id is the same on every read', async () => {
    await app.gql(CreateMcfOrderDocument, { input: mcfInput('node-1') });
    const read = async () =>
      (await app.gql<{ mcfOrder: { id: string } }>('{ mcfOrder(storeName: "8speed-US", orderId: "node-1") { id } }'))
        .data!.mcfOrder.id;
    const id = await read();
    expect(await read()).toBe(id);
    expect(await roundTrip(id, '... on McfOrder { orderId }')).toEqual({
      __typename: 'McfOrder',
      id,
      orderId: 'node-1',
    });
  });

  it('answers null for an id of something that no longer exists, and BAD_USER_INPUT for a foreign id', async () => {
    const gone = Buffer.from(JSON.stringify(['FbaOutboundOrder', 'A1MQMW3JWPNCBX', 'FBATestOrder-10'])).toString(
      'base64url',
    );
    expect(await roundTrip(gone, '')).toBeNull();
    const res = await app.gql('{ node(id: "not-one-of-ours") { id } }');
    expect(res.errors![0]).toMatchObject({
      message: 'id is not a global id this API issued',
      extensions: { code: 'BAD_USER_INPUT', field: ['id'] },
    });
  });
});
