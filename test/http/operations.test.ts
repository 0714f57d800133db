import { GraphQLError } from 'graphql';
import { request } from 'undici';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { SANDBOX_SPAPI_APP } from '../../src/sandbox/sp-api/fixtures';
import { CreateFbaOrderDocument, CreateMcfOrderDocument } from '../__generated__/operations';
import { formatClientError } from '../../src/http/apollo-plugins';
import {
  DEMO_SELLER,
  SUBMIT_MUTATION,
  mcfInput,
  orderInput,
  shipmentInput,
  startTestApp,
  submitInput,
  testToken,
  type TestApp,
} from '../support/harness';

const get = async (url: string) => {
  const res = await request(url);
  return { status: res.statusCode, text: await res.body.text(), type: String(res.headers['content-type']) };
};

describe('operations endpoints', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());
  const base = () => app.url.replace(/\/graphql$/, '');

  it('answers /healthz and /readyz once the ERP token can be had', async () => {
    expect(await get(`${base()}/healthz`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    const ready = await get(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      checks: { store: 'ok' },
      upstreams: { lingxing: 'ok', 'sp-api': 'ok' },
    });
  });

  it('exports upstream calls, pacing waits and GraphQL durations on /metrics', async () => {
    await app.gql(`query Lookup { fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId } }`);
    const metrics = await get(`${base()}/metrics`);
    expect(metrics.type).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(
      /upstream_requests_total\{upstream="lingxing",operation="getFulfillmentResult",outcome="ok"\} 1/,
    );
    expect(metrics.text).toMatch(
      /upstream_requests_total\{upstream="lingxing",operation="accessToken",outcome="ok"\} 1/,
    );
    expect(metrics.text).toMatch(
      /upstream_pacing_wait_seconds_count\{upstream="lingxing",operation="getFulfillmentResult"\} 1/,
    );
    expect(metrics.text).toMatch(
      /graphql_operation_duration_seconds_count\{operation_name="Lookup",operation_type="query",outcome="ok"\} 1/,
    );
  });

  it('serves GraphiQL on a browser GET in development, from this server alone (no CDN)', async () => {
    const res = await request(app.url, { headers: { accept: 'text/html' } });
    const html = await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("tags an operation's own log lines with the caller's x-request-id and the caller", async () => {
    const token = await testToken();
    const res = await request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'req-log-1' },
      body: JSON.stringify({
        query: '{ fbaOutboundOrder(sellerId: "A0NOTCONFIGURED", sellerFulfillmentOrderId: "LOG-2") { status } }',
      }),
    });
    const answer = (await res.body.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(answer.errors[0].extensions.code).toBe('UNKNOWN_SELLER');
    const lines = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.requestId === 'req-log-1');
    // the error's line, written through the context's logger, and the access line
    expect(lines.find((l) => l.code === 'UNKNOWN_SELLER')).toMatchObject({ caller: 'ip:127.0.0.1' }); // authentication is off on the sandboxes
    expect(lines.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps tokens, signatures, the app secret and buyers' order data out of the logs", async () => {
    await app.gql(SUBMIT_MUTATION, {
      input: submitInput({ shipments: [shipmentInput({ trackingNumber: 'TRACK-SECRET-PII-1' })] }),
    });
    await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003085") { taskId } }`);
    await app.gql(CreateFbaOrderDocument, {
      input: orderInput('LOG-1', {
        destinationAddress: {
          name: 'Secret Buyer Name',
          addressLine1: '77 Private Lane',
          city: 'Seattle',
          postalCode: '98109',
          countryCode: 'US',
          phone: '206-555-0199',
        },
      }),
    });
    await app.gql(CreateFbaOrderDocument, {
      input: orderInput('LOG-1', {
        items: [{ sellerSku: 'DEMO-SKU-2', sellerFulfillmentOrderItemId: 'x', quantity: 1 }],
      }),
    });
    await app.gql(CreateMcfOrderDocument, {
      input: mcfInput('LOG-MCF-1', {
        recipient: { name: 'Private Recipient', email: 'private.person@example.com', phone: '555-0123' },
      }),
    });
    await app.gql(CreateMcfOrderDocument, {
      input: mcfInput('LOG-MCF-1', {
        recipient: { name: 'Private Recipient', email: 'private.person@example.com', phone: '555-0123' },
      }),
    });
    const text = app.logs.join('\n');
    expect(text).toContain('SP-API answered');
    expect(text).not.toMatch(/Private Recipient|private\.person@example\.com|555-0123|1 Autauga Rd/);
    expect(text).not.toMatch(/Atza\||Atzr\|/); // LWA access and refresh tokens
    expect(text).not.toContain(SANDBOX_SPAPI_APP.clientSecret);
    expect(text).not.toMatch(/Secret Buyer Name|77 Private Lane|206-555-0199/);
    expect(text).toContain('ERP answered'); // debug logging was on
    expect(text).not.toContain(SANDBOX_ERP_APP.appSecret);
    expect(text).not.toContain(await app.lingxing.tokens.get());
    expect(text).not.toMatch(/sign=|access_token=/);
    expect(text).not.toContain('TRACK-SECRET-PII-1');
  });
});

describe('a deployment with a wrong ERP secret', () => {
  let erp: LingxingSandbox;
  let app: TestApp;
  beforeAll(async () => {
    erp = await new LingxingSandbox({ latencyMs: 0 }).start();
    app = await startTestApp({
      env: {
        LINGXING_BASE_URL: erp.url,
        LINGXING_APP_ID: SANDBOX_ERP_APP.appId,
        LINGXING_APP_SECRET: 'wrong+secret/value=',
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await erp.close();
  });

  it("stays ready (an upstream fault is every replica's), and says which upstream fails", async () => {
    // the checks run in the background: wait for their first round
    let ready = await get(app.url.replace(/\/graphql$/, '/readyz'));
    for (let i = 0; i < 50 && ready.text.includes('pending'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      ready = await get(app.url.replace(/\/graphql$/, '/readyz'));
    }
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      checks: { store: 'ok' },
      upstreams: { lingxing: 'UPSTREAM_AUTH_FAILED', 'sp-api': 'ok' },
    });
  });

  it('answers queries with UPSTREAM_AUTH_FAILED and never echoes the secret', async () => {
    const res = await app.gql(`{ fulfillmentTask(sellerId: "${DEMO_SELLER}", taskId: "1003083") { taskId } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED', upstreamCode: '2001002' });
    expect(res.raw).not.toContain('wrong+secret');
    expect(app.logs.join('\n')).not.toContain('wrong+secret');
    expect(app.sandboxes.lingxing).toBeUndefined();
  });
});

describe('error masking', () => {
  it('turns an unexpected error into INTERNAL_SERVER_ERROR without its message', () => {
    const original = new TypeError("Cannot read properties of undefined (reading 'access_token')");
    const wrapped = new GraphQLError(original.message, { originalError: original });
    expect(
      formatClientError(
        { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
        wrapped,
      ),
    ).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
