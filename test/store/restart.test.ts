import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { mcfInput, submitInput, TEST_JWT_SECRET, testToken } from '../support/harness';
import { startServerProcess as startServer, type ServerProcess } from '../support/server-process';
import { STORE_KINDS, testStoreEnv, type TestStoreEnv } from '../support/stores';

const SUBMIT = LINGXING_ENDPOINTS.submitFulfillment.path;
const CREATE = LINGXING_ENDPOINTS.createMcfOrder.path;

async function gql(url: string, query: string, variables: Record<string, unknown>) {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken()}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.body.json()) as {
    data?: Record<string, any>;
    errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
  };
}

const SUBMIT_DOC =
  'mutation($input: SubmitFulfillmentInput!) { submitFulfillment(input: $input) { task { taskId } userErrors { code } } }';
const MCF_DOC =
  'mutation($input: CreateMcfOrderInput!) { createMcfOrder(input: $input) { order { orderId } userErrors { code message } } }';
const RECENT_DOC =
  'query($status: FulfillmentTaskStatus) { recentFulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", status: $status) { edges { node { taskId status } } } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(STORE_KINDS)('a gateway killed mid-request and restarted on %s', (kind) => {
  let erp: LingxingSandbox;
  let store: TestStoreEnv;
  const children: ServerProcess['child'][] = [];
  beforeAll(async () => {
    erp = await new LingxingSandbox({ latencyMs: 0, pendingMs: 200, processingMs: 200 }).start();
    store = await testStoreEnv(kind);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await erp.close();
    await store.cleanup();
  });

  it('loses nothing, duplicates nothing, reconciles what it can and reports what it cannot', async () => {
    const env = {
      ...store.env,
      LINGXING_BASE_URL: erp.url,
      LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
      LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      TASK_REFRESH_INTERVAL_MS: '100',
      IDEMPOTENCY_LEASE_MS: '1000',
    };
    const first = await startServer(env);
    children.push(first.child);

    // a finished submission, recorded before the crash
    const done = await gql(first.url, SUBMIT_DOC, { input: submitInput() });
    const doneTaskId = done.data!.submitFulfillment.task.taskId as string;

    // two writes in flight at the ERP when the process dies
    erp.injectFaults(SUBMIT, { delayMs: 800 });
    erp.injectFaults(CREATE, { delayMs: 800 });
    void gql(first.url, SUBMIT_DOC, { input: submitInput({ idempotencyKey: 'crash-submit' }) }).catch(() => undefined);
    void gql(first.url, MCF_DOC, { input: mcfInput('crash-mcf-1', { idempotencyKey: 'crash-mcf' }) }).catch(
      () => undefined,
    );
    await sleep(300);
    first.child.kill('SIGKILL');
    await sleep(1200); // the ERP carries both out; the claims' leases run out

    const second = await startServer(env);
    children.push(second.child);
    try {
      // nothing lost: the earlier task is still known, and the refresher finishes it
      let status = '';
      for (let i = 0; i < 50 && status !== 'DONE'; i++) {
        const recent = await gql(second.url, RECENT_DOC, { status: 'DONE' });
        status =
          recent.data!.recentFulfillmentTasks.edges.find(
            (e: { node: { taskId: string } }) => e.node.taskId === doneTaskId,
          )?.node.status ?? '';
        if (status !== 'DONE') await sleep(100);
      }
      expect(status).toBe('DONE');

      // the MCF order is reconciled: resent once, refused as a duplicate, so a success with one order at the ERP
      const mcf = await gql(second.url, MCF_DOC, { input: mcfInput('crash-mcf-1', { idempotencyKey: 'crash-mcf' }) });
      expect(mcf.data!.createMcfOrder).toEqual({ order: { orderId: 'crash-mcf-1' }, userErrors: [] });
      expect([...erp.mcfOrders.keys()].filter((k) => k.endsWith(' crash-mcf-1'))).toHaveLength(1);

      // the submission cannot be looked up at the ERP: reported, never resent
      const submitsBefore = erp.businessRequests(SUBMIT).length;
      const again = await gql(second.url, SUBMIT_DOC, { input: submitInput({ idempotencyKey: 'crash-submit' }) });
      expect(again.errors![0].extensions).toMatchObject({ code: 'OUTCOME_UNKNOWN' });
      expect(erp.businessRequests(SUBMIT)).toHaveLength(submitsBefore);
      expect(erp.businessRequests(SUBMIT).filter((r) => r.code === '0')).toHaveLength(2); // the finished one and the one in flight: no third
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 40_000);
});
