import { LINGXING_ENDPOINTS } from '../../../src/upstreams/lingxing/endpoints';
import { globalId } from '../../../src/graphql/node';
import {
  DEMO_SELLER,
  orderInput,
  SUBMIT_MUTATION,
  shipmentInput,
  startTestApp,
  submitInput,
  testToken,
  type TestApp,
} from '../../support/harness';
import { subscribe, wsClient } from '../../support/ws-client';

/**
 * A finished task (DONE, FATAL, CANCELLED) never changes at the ERP, so once the gateway
 * has seen it finished the registry answers every later read, whichever way it is asked for, at
 * cost 0 requested and actual; tasks the registry does not hold still go to the ERP.
 */
describe('finished tasks are read from the registry', () => {
  let app: TestApp;
  const taskIds: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ env: { TASK_REFRESH_INTERVAL_MS: '50' } });
    for (let i = 0; i < 20; i++) {
      const res = await app.gql(SUBMIT_MUTATION, {
        input: submitInput({
          shipments: [shipmentInput({ trackingNumber: i % 5 === 0 ? `1ZINVALID${i}` : `1Z${i}` })],
        }),
      });
      taskIds.push(res.data!.submitFulfillment.task!.taskId);
    }
    // the refresher polls them until they finish (the sandbox: pending 100 ms, processing 200 ms)
    for (let i = 0; i < 100; i++) {
      const page = await app.gql<{ recentFulfillmentTasks: { edges: Array<{ node: { status: string } }> } }>(
        `{ recentFulfillmentTasks(sellerId: "${DEMO_SELLER}", first: 20) { edges { node { status } } } }`,
      );
      if (page.data!.recentFulfillmentTasks.edges.every((e) => e.node.status === 'DONE')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => app.close());

  const resultCalls = () =>
    app.sandboxes.lingxing!.requests.filter((r) => r.path === LINGXING_ENDPOINTS.getFulfillmentResult.path).length;

  it('answers lists, pages, single reads, node and _entities from the registry: no ERP call, cost 0', async () => {
    const before = resultCalls();
    const ids = taskIds.map((id) => `"${id}"`).join(',');
    const reads = [
      `{ recentFulfillmentTasks(sellerId: "${DEMO_SELLER}", first: 20) { edges { node { taskId status summary { processed withError } results { resultCode } } } } }`,
      `{ fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: [${ids}]) { taskId status shipTime summary { processed } results { messageId resultCode description shipment { trackingNumber } } } }`,
      ...taskIds.map(
        (id) => `{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "${id}") { status results { resultCode } } }`,
      ),
      `{ node(id: "${globalId('FulfillmentTask', DEMO_SELLER, taskIds[0])}") { ... on FulfillmentTask { status summary { processed } } } }`,
    ];
    for (let round = 0; round < 5; round++)
      for (const query of reads) {
        const res = await app.gql<Record<string, unknown>>(query);
        expect(res.errors).toBeUndefined();
        const cost = (
          JSON.parse(res.raw) as { extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } }
        ).extensions.cost;
        if (!query.includes('recentFulfillmentTasks')) expect(cost.requestedQueryCost).toBe(0);
        expect(cost.actualQueryCost).toBe(0);
      }
    const entities = await app.gql<{ _entities: Array<{ status: string }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on FulfillmentTask { status results { resultCode } } } }',
      { r: taskIds.map((taskId) => ({ __typename: 'FulfillmentTask', sellerId: DEMO_SELLER, taskId })) },
    );
    expect(entities.data!._entities.every((t) => t.status === 'DONE')).toBe(true);
    expect(resultCalls()).toBe(before);
  });

  it('keeps what the ERP said: the results read from the registry are the ERP’s', async () => {
    const res = await app.gql<{ fulfillmentTask: { results: Array<{ resultCode: string }> } }>(
      `{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "${taskIds[0]}") { results { resultCode } } }`,
    );
    expect(res.data!.fulfillmentTask.results.map((r) => r.resultCode)).toEqual(['Error']);
  });

  it('serves a subscription to a finished task from the registry too', async () => {
    const before = resultCalls();
    const client = wsClient(app.url, await testToken());
    const sub = subscribe<{ fulfillmentTaskUpdated: { status: string } }>(
      client,
      `subscription { fulfillmentTaskUpdated(sellerId: "${DEMO_SELLER}", taskId: "${taskIds[1]}") { status summary { processed } } }`,
      {},
    );
    await sub.ended;
    expect(sub.values.map((v) => v.fulfillmentTaskUpdated.status)).toEqual(['DONE']);
    await client.dispose();
    expect(resultCalls()).toBe(before);
  });

  it('still asks the ERP for a task the registry does not hold', async () => {
    const before = resultCalls();
    const res = await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { status } }`);
    expect(res.data).toEqual({ fulfillmentTask: { status: 'DONE' } });
    expect(resultCalls()).toBe(before + 1);
  });
});

describe('the actual cost is what the caller caused, never above the price', () => {
  it('charges neither the token fetch of a fresh start nor the reconciling read of a re-create twice', async () => {
    const app = await startTestApp();
    try {
      const cost = (raw: string) =>
        (JSON.parse(raw) as { extensions: { cost: { requestedQueryCost: number; actualQueryCost: number } } })
          .extensions.cost;
      const first = await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { status } }`);
      // whether or not the gateway had to fetch its ERP token first, the caller pays for its one read
      expect(cost(first.raw)).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
      const create = `mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { order { status } userErrors { code } } }`;
      const input = orderInput('HONEST-1');
      const created = await app.gql(create, { i: input });
      expect(cost(created.raw)).toMatchObject({ requestedQueryCost: 2, actualQueryCost: 2 });
      const before = app.sandboxes.spApi!.exchanges.length;
      const again = await app.gql<{ createFbaOutboundOrder: { userErrors: unknown[] } }>(create, { i: input });
      expect(again.data!.createFbaOutboundOrder.userErrors).toEqual([]);
      // the create ("already exists") and the read that found the same order: that read is the answer
      expect(app.sandboxes.spApi!.exchanges.length - before).toBe(2);
      expect(cost(again.raw)).toMatchObject({ requestedQueryCost: 2, actualQueryCost: 2 });
    } finally {
      await app.close();
    }
  });
});
