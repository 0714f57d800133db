import { LINGXING_ENDPOINTS } from '../../../src/upstreams/lingxing/endpoints';
import {
  FulfillmentTaskDocument,
  FulfillmentTasksDocument,
  type FulfillmentTaskQuery,
} from '../../__generated__/operations';
import {
  DEMO_SELLER,
  SUBMIT_MUTATION,
  shipmentInput,
  startTestApp,
  submitInput,
  type TestApp,
} from '../../support/harness';

const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;
const SUBMIT = LINGXING_ENDPOINTS.submitFulfillment.path;

describe('FulfillmentTask over HTTP', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.close());

  const sandbox = () => app.sandboxes.lingxing!;
  const resultCalls = () =>
    sandbox()
      .businessRequests(RESULTS)
      .filter((r) => r.code === '0');

  it('sends at most ten task ids per upstream call and never the same id twice', async () => {
    const distinct = Array.from({ length: 25 }, (_, i) => String(1003083 + i));
    const withDuplicates = [...distinct, distinct[0], distinct[7], distinct[24], distinct[7]];
    const res = await app.gql(FulfillmentTasksDocument, { sellerId: DEMO_SELLER, taskIds: withDuplicates });
    expect(res.errors).toBeUndefined();
    const calls = resultCalls();
    expect(calls).toHaveLength(3);
    const sent = calls.map((c) => (c.body.task_id as number[]).map(String));
    for (const ids of sent) expect(ids.length).toBeLessThanOrEqual(10);
    expect(sent.flat().sort()).toEqual([...distinct].sort());
    // one entry per requested id, in order; ids the ERP does not know are null
    expect(res.data!.fulfillmentTasks).toHaveLength(withDuplicates.length);
    expect(res.data!.fulfillmentTasks.map((t) => t?.taskId ?? null)).toEqual(
      withDuplicates.map((id) => (['1003083', '1003085', '1003090'].includes(id) ? id : null)),
    );
  });

  it('batches task lookups from different fields of one operation into one call', async () => {
    const res = await app.gql(`{
      a: fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId status }
      b: fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003085") { taskId status }
      c: fulfillmentTasks(sellerId: "${DEMO_SELLER}", taskIds: ["1003090", "1003083"]) { taskId status failureReason }
    }`);
    expect(res.errors).toBeUndefined();
    expect(resultCalls()).toHaveLength(1);
    expect(res.data).toMatchObject({
      a: { taskId: '1003083', status: 'DONE' },
      b: { taskId: '1003085', status: 'DONE' },
      c: [
        { taskId: '1003090', status: 'FATAL' },
        { taskId: '1003083', status: 'DONE' },
      ],
    });
  });

  it('returns null for a task the ERP does not know, without an error', async () => {
    const res = await app.gql(
      `{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "99999999999999999999") { taskId } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ fulfillmentTask: null });
  });

  it('submits, polls until DONE and reads per-message results', async () => {
    const input = submitInput({
      shipments: [
        shipmentInput({ messageId: '103313699178382336' }), // above 2^53: must survive as a string
        shipmentInput({ amazonOrderId: '113-7654321-7654321', trackingNumber: 'INVALID-0001' }),
        shipmentInput({ amazonOrderId: '113-1111111-2222222', trackingNumber: '1ZWARN0001' }),
      ],
    });
    const submitted = await app.gql(SUBMIT_MUTATION, { input });
    expect(submitted.errors).toBeUndefined();
    const { userErrors } = submitted.data!.submitFulfillment;
    const task = submitted.data!.submitFulfillment.task!;
    expect(userErrors).toEqual([]);
    expect(task.status).toBe('PENDING');
    expect(task.shipments[0].messageId).toBe('103313699178382336');
    expect(task.shipments[1].messageId).toMatch(/^[1-9][0-9]{0,18}$/); // generated
    expect(new Set(task.shipments.map((s) => s.messageId)).size).toBe(3);
    expect(sandbox().businessRequests(SUBMIT)).toHaveLength(1);

    const seen: string[] = [];
    let view: FulfillmentTaskQuery['fulfillmentTask'] | undefined;
    for (let i = 0; i < 50; i++) {
      const res = await app.gql(FulfillmentTaskDocument, { sellerId: DEMO_SELLER, taskId: task.taskId });
      view = res.data!.fulfillmentTask!;
      if (seen.at(-1) !== view.status) seen.push(view.status);
      if (view.status === 'DONE') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen).toEqual(['PENDING', 'IN_PROCESS', 'DONE']);
    expect(view!.results.map((r) => [r.messageId, r.resultCode])).toEqual([
      [task.shipments[1].messageId, 'Error'],
      [task.shipments[2].messageId, 'Warning'],
    ]);
    expect(view).toMatchObject({ summary: { processed: 3, successful: 2, withError: 1, withWarning: 1 } });
  });

  it('keeps 50 concurrent submissions within the capacity of 10 and surfaces no throttle', async () => {
    await app.close();
    app = await startTestApp({ sandbox: { latencyMs: 50 } });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.gql(SUBMIT_MUTATION, { input: submitInput({ shipments: [shipmentInput({ messageId: String(i + 1) })] }) }),
      ),
    );
    for (const res of responses) {
      expect(res.errors).toBeUndefined();
      expect((res.data as { submitFulfillment: { userErrors: unknown[] } }).submitFulfillment.userErrors).toEqual([]);
    }
    const slot = [...sandbox().maxInFlight.entries()].find(([k]) => k.endsWith(SUBMIT))!;
    expect(slot[1]).toBeLessThanOrEqual(10);
    expect(slot[1]).toBe(10); // the permits were actually used in parallel
    expect(
      sandbox()
        .businessRequests(SUBMIT)
        .map((r) => r.code),
    ).toEqual(Array(50).fill('0'));
  });

  it('turns an ERP 102 answer into a userError on the input field, not a fault', async () => {
    sandbox().injectFaults(SUBMIT, { code: 102, message: 'orderList[0].trackingNo物流追踪号格式不正确' });
    const res = await app.gql(SUBMIT_MUTATION, { input: submitInput() });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      submitFulfillment: {
        task: null,
        userErrors: [
          {
            field: ['shipments', '0', 'trackingNumber'],
            message: 'orderList[0].trackingNo物流追踪号格式不正确',
            code: 'UPSTREAM_REJECTED',
          },
        ],
      },
    });
  });

  it('reports an ERP that stays down as UPSTREAM_UNAVAILABLE with no internals', async () => {
    sandbox().injectFaults(RESULTS, { httpStatus: 502 }, { httpStatus: 502 }, { httpStatus: 502 });
    const res = await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId } }`);
    expect(res.data).toEqual({ fulfillmentTask: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: 'lingxing',
      operation: 'getFulfillmentResult',
    });
    expect(res.raw).not.toMatch(/stacktrace|127\.0\.0\.1|access_token|sign=|ak_sandbox/);
  });

  it('carries the ERP request id and code on a throttle that outlasts the retries', async () => {
    await app.close();
    app = await startTestApp({
      overrides: { lingxingClient: { throttleBackoff: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } } },
    });
    sandbox().injectFaults(
      RESULTS,
      { code: 103, message: '请求过于频繁,请稍后再试' },
      { code: 103, message: '请求过于频繁,请稍后再试' },
    );
    const res = await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId } }`);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'UPSTREAM_THROTTLED',
      upstreamCode: '103',
      upstreamRequestId: expect.any(String),
    });
  });
});
