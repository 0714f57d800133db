import { LINGXING_ENDPOINTS } from '../../../src/upstreams/lingxing/endpoints';
import { FakeClock } from '../../support/fake-clock';
import {
  DEMO_SELLER,
  SUBMIT_MUTATION,
  orderInput,
  shipmentInput,
  startTestApp,
  submitInput,
  type TestApp,
} from '../../support/harness';
import { STORE_KINDS } from '../../support/stores';
import { CreateFbaOrderDocument, FulfillmentTaskDocument, RecentTasksDocument } from '../../__generated__/operations';

const SUBMIT = LINGXING_ENDPOINTS.submitFulfillment.path;
const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;

describe.each(STORE_KINDS)('the task registry and exactly-once mutations on %s', (kind) => {
  let app: TestApp;
  let clock: FakeClock;
  beforeEach(async () => {
    clock = new FakeClock();
    app = await startTestApp({ store: kind, sandbox: { now: () => clock.now() }, overrides: { clock } });
  });
  afterEach(() => app.close());
  const erp = () => app.sandboxes.lingxing!;
  const submitCalls = () => erp().businessRequests(SUBMIT).length;

  it('answers shipments, MessageResult.shipment and recentFulfillmentTasks from what was submitted', async () => {
    const input = submitInput({
      shipments: [
        shipmentInput({ amazonOrderId: '113-0000000-0000001', trackingNumber: 'INVALID-1' }),
        shipmentInput({ amazonOrderId: '113-0000000-0000002' }),
      ],
    });
    const submitted = (await app.gql(SUBMIT_MUTATION, { input })).data!.submitFulfillment.task!;
    await app.gql(SUBMIT_MUTATION, { input: submitInput() });
    clock.advance(10_000); // the ERP finishes the tasks; the refresher's first poll is due
    expect(await app.refresher.runOnce()).toMatchObject({ polled: 2, finished: 2 });

    const lookedUp = (await app.gql(FulfillmentTaskDocument, { sellerId: DEMO_SELLER, taskId: submitted.taskId })).data!
      .fulfillmentTask!;
    expect(lookedUp.results).toEqual([
      {
        messageId: submitted.shipments[0].messageId,
        resultCode: 'Error',
        resultMessageCode: '25',
        description: expect.any(String),
        shipment: { messageId: submitted.shipments[0].messageId, amazonOrderId: '113-0000000-0000001' },
      },
    ]);

    const recent = (await app.gql(RecentTasksDocument, { sellerId: DEMO_SELLER, status: 'DONE', first: 1 })).data!
      .recentFulfillmentTasks;
    expect(recent.edges).toHaveLength(1);
    expect(recent.pageInfo.hasNextPage).toBe(true);
    const next = (
      await app.gql(RecentTasksDocument, {
        sellerId: DEMO_SELLER,
        status: 'DONE',
        first: 5,
        after: recent.pageInfo.endCursor,
      })
    ).data!.recentFulfillmentTasks;
    const nodes = [...recent.edges, ...next.edges].map((e) => e.node);
    expect(nodes.map((n) => n.taskId)).toEqual([String(Number(submitted.taskId) + 1), submitted.taskId]);
    expect(nodes[1].shipments.map((s) => s.amazonOrderId)).toEqual(['113-0000000-0000001', '113-0000000-0000002']);
    expect(nodes[1].results[0].shipment).toEqual({ amazonOrderId: '113-0000000-0000001', trackingNumber: 'INVALID-1' });
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('polls unfinished tasks in batches of at most ten, then stops polling finished ones', async () => {
    for (let i = 0; i < 25; i++) await app.gql(SUBMIT_MUTATION, { input: submitInput() });
    clock.advance(10_000);
    erp().resetStats();
    expect(await app.refresher.runOnce()).toMatchObject({ polled: 25, finished: 25 });
    const calls = erp()
      .businessRequests(RESULTS)
      .filter((r) => r.code === '0');
    expect(calls.map((c) => (c.body.task_id as unknown[]).length).sort()).toEqual([10, 10, 5]);
    clock.advance(3_600_000);
    expect(await app.refresher.runOnce()).toMatchObject({ polled: 0 });
    expect(
      erp()
        .businessRequests(RESULTS)
        .filter((r) => r.code === '0'),
    ).toHaveLength(3);
  });

  it('backs off on tasks that are still running', async () => {
    await app.gql(SUBMIT_MUTATION, { input: submitInput() });
    clock.advance(5_000); // the first poll is due…
    erp().tasks.forEach((t) => (t.createdAt = clock.now())); // …but the ERP has only just started the task
    expect(await app.refresher.runOnce()).toMatchObject({ polled: 1, finished: 0 });
    const [stored] = await app.store.recentTasks(DEMO_SELLER, { limit: 1 });
    expect(stored).toMatchObject({ pollAttempts: 1, nextPollAt: new Date(clock.now() + 10_000).toISOString() });
  });

  it('returns the first result for a repeated key, without a second upstream call, also after a restart', async () => {
    const input = submitInput({ idempotencyKey: 'order-77-confirm' });
    const first = await app.gql(SUBMIT_MUTATION, { input });
    const again = await app.gql(SUBMIT_MUTATION, { input });
    expect(again.data).toEqual(first.data);
    expect(submitCalls()).toBe(1);

    // a new process on the same store (its own ERP sandbox, so any call it made would show there)
    const restarted = await startTestApp({
      storeEnv: app.storeEnv,
      sandbox: { now: () => clock.now() },
      overrides: { clock },
    });
    try {
      const afterRestart = await restarted.gql(SUBMIT_MUTATION, { input });
      expect(afterRestart.data).toEqual(first.data);
      expect(restarted.sandboxes.lingxing!.businessRequests(SUBMIT)).toHaveLength(0);
    } finally {
      await restarted.close();
    }
  });

  it('refuses a key reused with a different input', async () => {
    await app.gql(SUBMIT_MUTATION, { input: submitInput({ idempotencyKey: 'k-1' }) });
    const res = await app.gql(SUBMIT_MUTATION, {
      input: submitInput({ idempotencyKey: 'k-1', marketplaceId: 'A2EUQ1WTGCTBG2' }),
    });
    expect(res.data!.submitFulfillment).toEqual({
      task: null,
      userErrors: [
        {
          field: ['idempotencyKey'],
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'idempotencyKey k-1 was already used with a different input',
        },
      ],
    });
    expect(submitCalls()).toBe(1);
  });

  it('sends concurrent identical submissions with one key upstream once', async () => {
    const input = submitInput({ idempotencyKey: 'burst-1' });
    const results = await Promise.all(Array.from({ length: 10 }, () => app.gql(SUBMIT_MUTATION, { input })));
    expect(submitCalls()).toBe(1);
    const taskIds = new Set(results.map((r) => r.data!.submitFulfillment.task!.taskId));
    expect(taskIds.size).toBe(1);
  });

  it('replays an idempotent FBA create without calling Amazon again', async () => {
    const input = orderInput('IDEM-FBA-1', { idempotencyKey: 'fba-1' });
    const first = await app.gql(CreateFbaOrderDocument, { input });
    app.sandboxes.spApi!.resetStats();
    const again = await app.gql(CreateFbaOrderDocument, { input });
    expect(again.data).toEqual(first.data);
    expect(app.sandboxes.spApi!.calls()).toHaveLength(0);
  });
});
