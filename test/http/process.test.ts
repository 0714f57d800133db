import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { runUntilExit, startServerProcess, type ServerProcess } from '../support/server-process';
import { subscribe, wsClient } from '../support/ws-client';
import { orderInput } from '../support/harness';
import { STORE_KINDS, testStoreEnv, type TestStoreEnv } from '../support/stores';

const dataDir = () => mkdtempSync(join(tmpdir(), 'fg-process-'));

/** `npm start` as a user runs it: the built server in its own process, with the user's environment. */
describe('the server process', () => {
  let server: ServerProcess | undefined;
  afterEach(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    server = undefined;
  });

  it('starts on the embedded sandboxes with no credentials and no set-up, serves a query, and stops on SIGTERM', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir() });
    expect(server.output()).toContain('using the embedded ERP sandbox');
    expect(server.output()).toContain('authentication off: both upstreams are the embedded sandboxes');
    const res = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003085") { status results { messageId } } }',
      }),
    });
    expect(await res.body.json()).toMatchObject({
      data: { fulfillmentTask: { status: 'DONE', results: [{ messageId: '2725' }] } },
      extensions: { cost: { requestedQueryCost: 1, actualQueryCost: 1 } },
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('pushes an order change to a WebSocket subscriber, then tells it the server is going away (1001) on SIGTERM and exits 0', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir() });
    const client = wsClient(server.url);
    const created = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($i: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $i) { userErrors { code } } }',
        variables: { i: { ...orderInput('PROCESS-SUB-1'), fulfillmentAction: 'HOLD' } },
      }),
    });
    expect(await created.body.json()).toEqual({
      data: { createFbaOutboundOrder: { userErrors: [] } },
      extensions: expect.anything(),
    });
    const stream = subscribe<{ fbaOutboundOrderUpdated: { status: string } }>(
      client,
      'subscription { fbaOutboundOrderUpdated(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "PROCESS-SUB-1") { status } }',
      {},
    );
    await stream.atLeast(1);
    // the embedded SP-API sandbox notifies the gateway of the cancel; the subscriber hears it
    await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { cancelFbaOutboundOrder(input: { sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "PROCESS-SUB-1" }) { userErrors { code } } }',
      }),
    }).then((r) => r.body.dump());
    await stream.ended;
    expect(stream.values.map((v) => v.fbaOutboundOrderUpdated.status)).toEqual(['RECEIVED', 'CANCELLED']);
    // a second subscription stays open until the server stops
    const open = subscribe<unknown>(
      client,
      'subscription { fbaOutboundOrderUpdated(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }',
      {},
    );
    await open.atLeast(1);
    server.child.kill('SIGTERM');
    await open.ended;
    expect(open.errors).toEqual([expect.objectContaining({ code: 1001 })]);
    expect(await server.exited).toBe(0);
    await client.dispose();
  });

  it('turns authentication on by itself when an upstream is live, and says so', async () => {
    server = await startServerProcess({
      DATA_DIR: dataDir(),
      LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
      LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
      LINGXING_BASE_URL: 'http://127.0.0.1:9',
      AUTH_JWT_SECRET: 'a-development-secret-of-32-bytes!!',
    });
    expect(server.output()).toContain('authentication on (bearer JWT): an upstream is live');
    const res = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.statusCode).toBe(401);
    await res.body.dump();
  });

  it('warns on every start when authentication is turned off with a live upstream', async () => {
    server = await startServerProcess({
      DATA_DIR: dataDir(),
      LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
      LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
      LINGXING_BASE_URL: 'http://127.0.0.1:9',
      AUTH_MODE: 'off',
    });
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('authentication is OFF'));
    expect(JSON.parse(line!)).toMatchObject({ level: 40, auth: 'off' });
  });
});

describe('production safety: refusals before anything opens', () => {
  const live = {
    LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
    LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
    SPAPI_CLIENT_ID: 'amzn1.application-oa2-client.x',
    SPAPI_CLIENT_SECRET: 'secret',
    SPAPI_SELLERS: '[{"sellerId":"A1MQMW3JWPNCBX","region":"NA","refreshToken":"Atzr|x"}]',
    AUTH_JWT_SECRET: 'a-production-secret-of-32-bytes!!!',
  };
  it.each([
    ['on the embedded sandboxes', { NODE_ENV: 'production' }, /would serve the embedded sandbox.*ALLOW_SANDBOX=true/],
    [
      'on the sandboxes with authentication off by default',
      { NODE_ENV: 'production', ALLOW_SANDBOX: 'true' },
      /authentication off.*AUTH_MODE=off/,
    ],
    [
      'with a live ERP but the SP-API sandbox',
      {
        NODE_ENV: 'production',
        LINGXING_APP_ID: live.LINGXING_APP_ID,
        LINGXING_APP_SECRET: 'x',
        AUTH_JWT_SECRET: live.AUTH_JWT_SECRET,
      },
      /no SP-API credentials would serve the embedded sandbox/,
    ],
    ['with live upstreams and no key to check tokens', { ...live, AUTH_JWT_SECRET: '' }, /no key is configured/],
    ['with an ERP appId of the wrong length', { ...live, LINGXING_APP_ID: 'too-short' }, /must be 16 bytes/],
    [
      'with a guessable notification secret',
      { ...live, SPAPI_NOTIFICATION_SECRET: 'short' },
      /SPAPI_NOTIFICATION_SECRET must be at least 32 bytes/,
    ],
    ['with an ERP appId and no secret', { LINGXING_APP_ID: live.LINGXING_APP_ID }, /Set both LINGXING_APP_ID and/],
    ['with SP-API sellers but no app', { SPAPI_SELLERS: live.SPAPI_SELLERS }, /SPAPI_SELLERS is set without/],
    ['with a short HS256 secret', { ...live, AUTH_JWT_SECRET: 'short' }, /at least 32 bytes/],
  ])('refuses to start %s: exit 78 and a clear message', async (_name, env, message) => {
    const data = dataDir();
    const { code, output } = await runUntilExit({ DATA_DIR: join(data, 'store'), ...env });
    expect(code).toBe(78);
    expect(output).toMatch(message);
    // checked before the store opens
    expect(existsSync(join(data, 'store'))).toBe(false);
  });

  it('starts in production on the sandboxes only when both are asked for explicitly, with introspection and the IDE off', async () => {
    const server = await startServerProcess({
      DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      ALLOW_SANDBOX: 'true',
      AUTH_MODE: 'off',
    });
    try {
      const res = await request(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await res.body.json()) as { errors?: Array<{ message: string }> };
      expect(body.errors?.[0].message).toMatch(/introspection/i);
      // and no IDE: a browser is told how to turn it on
      const page = await request(server.url, { headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(404);
      expect(await page.body.json()).toMatchObject({
        errors: [{ message: expect.stringMatching(/GRAPHQL_IDE=true/) }],
      });
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('serves the IDE in production where GRAPHQL_IDE=true (and GRAPHQL_INTROSPECTION=true, which it needs)', async () => {
    const server = await startServerProcess({
      DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      ALLOW_SANDBOX: 'true',
      AUTH_MODE: 'off',
      GRAPHQL_IDE: 'true',
      GRAPHQL_INTROSPECTION: 'true',
    });
    try {
      const page = await request(server.url, { headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(await page.body.text()).toContain('GraphiQL');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

describe.each(STORE_KINDS)('stopping on %s: SIGTERM drains, then exits 0', (kind) => {
  let erp: LingxingSandbox;
  let store: TestStoreEnv;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    // the ERP answers result lookups slowly, so a request is still in flight when the signal comes
    erp = await new LingxingSandbox({ latencyMs: { [LINGXING_ENDPOINTS.getFulfillmentResult.path]: 1500 } }).start();
    store = await testStoreEnv(kind);
  });
  afterAll(async () => {
    await erp.close();
    await store.cleanup();
  });
  afterEach(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  const start = (env: Record<string, string> = {}) =>
    startServerProcess({
      ...store.env,
      LINGXING_BASE_URL: erp.url,
      LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
      LINGXING_APP_SECRET: SANDBOX_ERP_APP.appSecret,
      AUTH_MODE: 'off',
      ...env,
    });
  const slowQuery = (url: string) =>
    request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003083") { status } }' }),
    }).then(
      async (res) => ({ status: res.statusCode, body: (await res.body.json()) as { data?: unknown } }),
      (error: Error) => ({ status: 0, body: { error: error.message } }),
    );

  it('lets the request in flight finish, closes everything and exits 0', async () => {
    server = await start();
    const inFlight = slowQuery(server.url);
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    expect(await inFlight).toEqual({
      status: 200,
      body: expect.objectContaining({ data: { fulfillmentTask: { status: 'DONE' } } }),
    });
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });

  it('answers /readyz 503 (draining) from the signal on, still serving for SHUTDOWN_DELAY_MS, then exits 0', async () => {
    server = await start({ SHUTDOWN_DELAY_MS: '1500' });
    const readyz = server.url.replace(/\/graphql$/, '/readyz');
    // ready once the first background round of checks has answered
    let before = 0;
    for (let i = 0; i < 100 && before !== 200; i++) {
      const res = await request(readyz);
      before = res.statusCode;
      await res.body.dump();
      if (before !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(before).toBe(200);
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const during = await request(readyz);
    expect(during.statusCode).toBe(503);
    expect(await during.body.json()).toMatchObject({ status: 'draining' });
    // still taking requests while the load balancer learns the replica is going
    expect(await slowQuery(server.url)).toMatchObject({ status: 200 });
    expect(await server.exited).toBe(0);
  });

  it('stops at the drain deadline when a request takes longer, and still exits 0', async () => {
    server = await start({ SHUTDOWN_TIMEOUT_MS: '300' });
    const inFlight = slowQuery(server.url);
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await inFlight;
  });

  it('exits at once on a second signal', async () => {
    server = await start();
    const inFlight = slowQuery(server.url);
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(130);
    await inFlight;
  });
});
