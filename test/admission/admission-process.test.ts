import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { erpSandboxEnv, spApiSandboxEnv } from '../../src/sandbox/gateway-env';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SpApiSandbox } from '../../src/sandbox/sp-api/server';
import { DEMO_SELLER, TEST_JWT_SECRET, testToken } from '../support/harness';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { subscribe, wsClient } from '../support/ws-client';

/**
 * The admission gate's attacks against the server as `npm start` runs it (its own process, the start
 * script's node flags, the user's environment), pointed at upstream doubles this test counts: each
 * way in, with and without a token, and the upstream calls each one really caused.
 */
describe('the gate, against the server process', () => {
  let server: ServerProcess;
  let erp: LingxingSandbox;
  let amazon: SpApiSandbox;
  let router: Server;
  const posts: unknown[] = [];
  let token: string;

  beforeAll(async () => {
    erp = await new LingxingSandbox({ seed: true }).start();
    amazon = await new SpApiSandbox().start();
    router = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        posts.push(req.url);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => router.listen(0, '127.0.0.1', r));
    server = await startServerProcess({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-gate-')),
      ...erpSandboxEnv(erp),
      ...spApiSandboxEnv(amazon),
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      SUBSCRIPTION_CALLBACK_URLS: `http://127.0.0.1:${(router.address() as AddressInfo).port}/callback`,
    });
    token = await testToken();
  });
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGTERM');
    await server.exited;
    await erp.close();
    await amazon.close();
    await new Promise((r) => router.close(r));
  });

  const upstreamCalls = () =>
    erp.requests.filter((r) => r.path !== LINGXING_ENDPOINTS.accessToken.path).length + amazon.exchanges.length;
  const send = async (
    method: 'GET' | 'POST',
    fields: Record<string, unknown>,
    bearer?: string,
  ): Promise<{
    status: number;
    body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  }> => {
    const auth: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
    if (method === 'GET') {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      const res = await request(`${server.url}?${search.toString()}`, {
        headers: { 'apollo-require-preflight': 'true', ...auth },
      });
      return { status: res.statusCode, body: (await res.body.json()) as never };
    }
    const res = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(fields),
    });
    return { status: res.statusCode, body: (await res.body.json()) as never };
  };

  it('reads, parses and posts nothing for a caller without a token, whichever way it comes', async () => {
    const before = upstreamCalls();
    const callback = {
      subscription: {
        callbackUrl: `http://127.0.0.1:${(router.address() as AddressInfo).port}/callback/x`,
        subscriptionId: 'u',
        verifier: 'v',
        heartbeatIntervalMs: 5,
      },
    };
    const SDL = '{ _service { sdl } }';
    const hash = createHash('sha256').update(SDL).digest('hex');
    await send('POST', { query: SDL, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, token);
    for (const [method, fields] of [
      [
        'GET',
        {
          query: `subscription { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
          extensions: callback,
        },
      ],
      [
        'POST',
        {
          query: `subscription { fbaOutboundOrderUpdated(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "DEMO-HOLD-1") { status } }`,
          extensions: callback,
        },
      ],
      ['GET', { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }],
      ['POST', { query: '{ __schema { queryType { name } } }' }],
      ['POST', { query: '{ this is not graphql' }],
    ] as const) {
      const res = await send(method, fields);
      expect([method, res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([method, 401, 'UNAUTHENTICATED']);
      expect(res.body.data).toBeUndefined();
    }
    const client = wsClient(server.url);
    const sub = subscribe(client, '{ __typename }', {});
    await sub.ended;
    expect(sub.errors[0]).toMatchObject({ code: 4401 });
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).toEqual([]);
    expect(upstreamCalls()).toBe(before);
  });

  it("answers IDEs' standard introspection query, and refuses 400 copies of a field at once while /healthz is served", async () => {
    const introspection = await send('POST', { query: getIntrospectionQuery() }, token);
    expect(introspection.status).toBe(200);
    const copies = `{ ${Array.from({ length: 400 }, (_, i) => `fbaOutboundOrder(sellerId: "${DEMO_SELLER}", sellerFulfillmentOrderId: "X${i}") { status }`).join(' ')} }`;
    const started = performance.now();
    const [refused, health] = await Promise.all([
      send('POST', { query: copies }, token),
      request(server.url.replace(/\/graphql$/, '/healthz')).then(async (r) => {
        await r.body.dump();
        return performance.now() - started;
      }),
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0].extensions).toMatchObject({
      code: 'QUERY_TOO_LARGE',
      limit: { name: 'MAX_REPEATED_FIELDS' },
    });
    expect(health).toBeLessThan(1_000);
  });

  it('refuses forged ids and dirty strings by GET and over graphql-ws before any upstream call', async () => {
    const before = upstreamCalls();
    const forged = await send(
      'GET',
      {
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
        variables: { r: [{ __typename: 'FulfillmentTask', sellerId: DEMO_SELLER, taskId: '-5' }] },
      },
      token,
    );
    expect(forged.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['representations', '0', 'taskId'],
    });
    const client = wsClient(server.url, token);
    const sub = subscribe(
      client,
      'subscription($id: ID!) { fbaOutboundOrderUpdated(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: $id) { status } }',
      { id: 'A\u202eB' },
    );
    await sub.ended;
    expect(sub.errors[0]).toMatchObject({
      message:
        'sellerFulfillmentOrderId must not contain control, bidirectional or invisible characters (found U+202E)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await client.dispose();
    expect(upstreamCalls()).toBe(before);
  });
});
