import { spApiSandboxEnv } from '../../src/sandbox/gateway-env';
import { LingxingClient } from '../../src/upstreams/lingxing/client';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { LingxingFulfillment } from '../../src/upstreams/lingxing/fulfillment';
import { openToken } from '../../src/upstreams/lingxing/token-owner';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SpApiSandbox } from '../../src/sandbox/sp-api/server';
import { DEMO_SELLER_ID, SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { openStore, type Repository } from '../../src/store';
import { FakeClock } from '../support/fake-clock';
import { capturedLogger } from '../support/logs';
import { SUBMIT_MUTATION, startTestApp, submitInput } from '../support/harness';
import { STORE_KINDS, testStoreEnv, type TestStoreEnv } from '../support/stores';

const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;

describe.each(STORE_KINDS)('gateway replicas sharing one appId through the %s store', (kind) => {
  let sandbox: LingxingSandbox;
  let env: TestStoreEnv;
  let stores: Repository[];
  let clock: FakeClock;
  beforeEach(async () => {
    clock = new FakeClock();
    sandbox = await new LingxingSandbox({ now: () => clock.now(), latencyMs: 0 }).start();
    env = await testStoreEnv(kind);
    stores = [];
  });
  afterEach(async () => {
    for (const s of stores) await s.db.close();
    await sandbox.close();
    await env.cleanup();
  });

  /** A replica: its own client and its own connection to the shared store. */
  async function replica(): Promise<{ erp: LingxingFulfillment; client: LingxingClient }> {
    const store = await openStore({ databaseUrl: env.env.DATABASE_URL, dataDir: env.env.DATA_DIR });
    stores.push(store);
    const client = new LingxingClient({
      baseUrl: sandbox.url,
      ...SANDBOX_ERP_APP,
      logger: capturedLogger().logger,
      clock,
      random: () => 0.5,
      sharedTokens: store.sharedTokens(clock),
    });
    return { erp: new LingxingFulfillment(client), client };
  }

  it('fetch one token between them and never supersede each other', async () => {
    const a = await replica();
    const b = await replica();
    await Promise.all([a.erp.results(DEMO_SELLER_ID, ['1003083']), b.erp.results(DEMO_SELLER_ID, ['1003083'])]);
    for (let i = 0; i < 10; i++) await (i % 2 ? a : b).erp.results(DEMO_SELLER_ID, ['1003085']);
    expect(sandbox.tokenRequests).toBe(1);
    expect(sandbox.businessRequests(RESULTS).map((r) => r.code)).toEqual(Array(12).fill('0'));
  });

  it('adopt the token another replica renewed instead of fetching their own', async () => {
    const a = await replica();
    const b = await replica();
    await a.erp.results(DEMO_SELLER_ID, ['1003083']);
    await b.erp.results(DEMO_SELLER_ID, ['1003083']);
    clock.advance((7199 - 30) * 1000); // both are now inside the renewal window
    await a.erp.results(DEMO_SELLER_ID, ['1003083']); // A renews, with the one-shot refresh token
    await b.erp.results(DEMO_SELLER_ID, ['1003083']); // B takes A's new token
    expect(sandbox.tokenRequests).toBe(2);
    expect(sandbox.businessRequests(RESULTS).filter((r) => r.code !== '0')).toEqual([]);
  });

  it('keep the shared token sealed: the store never holds it in the clear', async () => {
    const a = await replica();
    await a.erp.results(DEMO_SELLER_ID, ['1003083']);
    const accessToken = await a.client.tokens.get();
    const rows = await stores[0].db.query('SELECT sealed FROM erp_tokens');
    expect(String(rows[0].sealed)).not.toContain(accessToken);
    expect(openToken(String(rows[0].sealed), SANDBOX_ERP_APP.appSecret)?.accessToken).toBe(accessToken);
    expect(openToken(String(rows[0].sealed), 'another secret')).toBeNull();
  });
});

describe('LINGXING_REPLICAS', () => {
  it('gives each replica an equal share of the in-flight capacity', async () => {
    const app = await startTestApp({ env: { LINGXING_REPLICAS: '2' }, sandbox: { latencyMs: 40 } });
    try {
      await Promise.all(Array.from({ length: 20 }, () => app.gql(SUBMIT_MUTATION, { input: submitInput() })));
      const peak = [...app.sandboxes.lingxing!.maxInFlight.entries()].find(([k]) =>
        k.endsWith(LINGXING_ENDPOINTS.submitFulfillment.path),
      )![1];
      expect(peak).toBe(5);
    } finally {
      await app.close();
    }
  });
});

describe('replicas sharing one Login with Amazon token per seller through the store', () => {
  it('makes one token exchange for two replicas, and both call Amazon with it', async () => {
    const amazon = await new SpApiSandbox().start();
    const store = await testStoreEnv('postgres');
    const env = spApiSandboxEnv(amazon);
    const a = await startTestApp({ storeEnv: store.env, env });
    const b = await startTestApp({ storeEnv: store.env, env });
    try {
      const query =
        '{ fbaOutboundOrder(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }';
      expect((await a.gql(query)).errors).toBeUndefined();
      expect((await b.gql(query)).errors).toBeUndefined();
      expect(amazon.lwaRequests).toBe(1);
    } finally {
      await a.close();
      await b.close();
      await amazon.close();
      await store.cleanup();
    }
  });
});
