import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { orderInput } from '../support/harness';

// OpenTelemetry, turned on only by the standard OTEL_* variables, against an OTLP/HTTP (JSON)
// receiver this test runs: the router's trace id on the operation span, on the upstream client
// spans and on the log lines; no token, signature or buyer data in any span.

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
}
const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes?.find((a) => a.key === key)?.value;
  return v && (v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue);
};

describe('traces (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let receiver: Server;
  const bodies: string[] = [];
  let server: ServerProcess;
  const spans = () =>
    bodies.flatMap((b) =>
      (JSON.parse(b) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }).resourceSpans.flatMap(
        (r) => r.scopeSpans.flatMap((s) => s.spans),
      ),
    );
  const until = async (what: string, found: () => boolean) => {
    for (let i = 0; i < 200 && !found(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!found()) throw new Error(`${what}: ${JSON.stringify(spans().map((s) => s.name))}`);
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url === '/v1/traces') bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    server = await startServerProcess({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-otel-')),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'fulfillment-graph-under-test',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    receiver.close();
  });

  const gql = async (query: string, variables: object, traceId: string) => {
    const res = await request(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.body.json()) as { data?: unknown; errors?: unknown };
  };

  it("continues the router's trace: the operation span, one client span per upstream call, the log line", async () => {
    const traceId = randomBytes(16).toString('hex');
    const answer = await gql(
      'query Tasks($ids: [ID!]!) { fulfillmentTasks(sellerId: "A1MQMW3JWPNCBX", taskIds: $ids) { taskId status } }',
      { ids: ['1003083', '1003085'] },
      traceId,
    );
    expect(answer.errors).toBeUndefined();
    await until(
      'the operation and its upstream call',
      () =>
        spans().some((s) => s.traceId === traceId && s.name === 'lingxing getFulfillmentResult') &&
        spans().some((s) => s.traceId === traceId && s.name === 'operation query Tasks'),
    );
    const mine = spans().filter((s) => s.traceId === traceId);
    const operation = mine.find((s) => s.name === 'operation query Tasks')!;
    expect(attr(operation, 'graphql.operation.name')).toBe('Tasks');
    expect(attr(operation, 'graphql.operation.type')).toBe('query');
    expect(Number(attr(operation, 'graphql.cost.requested'))).toBe(1);
    expect(Number(attr(operation, 'graphql.cost.actual'))).toBe(1);
    // the client span descends from the operation's: the ERP call was made for it
    const byId = new Map(mine.map((s) => [s.spanId, s]));
    const ancestors: string[] = [];
    let up = byId.get(mine.find((x) => x.name === 'lingxing getFulfillmentResult')!.parentSpanId ?? '');
    while (up) {
      ancestors.push(up.name);
      up = byId.get(up.parentSpanId ?? '');
    }
    expect(ancestors).toContain('operation query Tasks');
    const call = mine.find((s) => s.name === 'lingxing getFulfillmentResult')!;
    expect(call.kind).toBe(3); // CLIENT
    expect(attr(call, 'url.path')).toBe('/pb/mp/order/getFulfillmentResult');
    expect(attr(call, 'http.response.status_code')).toBeDefined();
    expect(attr(call, 'fulfillment.upstream.request_id')).toEqual(expect.any(String));
    // the access line of the operation carries the trace
    const access = server
      .output()
      .split('\n')
      .filter((l) => l.includes('"msg":"operation"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(access.some((l) => l.trace_id === traceId && typeof l.span_id === 'string')).toBe(true);
  });

  it("puts an SP-API call's operation and Amazon's request id on its span", async () => {
    const traceId = randomBytes(16).toString('hex');
    await gql(
      '{ fbaOutboundOrder(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-COMPLETE-1") { status } }',
      {},
      traceId,
    );
    await until('the SP-API call', () =>
      spans().some((s) => s.traceId === traceId && s.name === 'sp-api getFulfillmentOrder'),
    );
    const call = spans().find((s) => s.traceId === traceId && s.name === 'sp-api getFulfillmentOrder')!;
    expect(attr(call, 'fulfillment.upstream.request_id')).toEqual(expect.any(String));
  });

  it("never puts a token, a signature or a buyer's data in a span", async () => {
    const traceId = randomBytes(16).toString('hex');
    const input = orderInput('TRACE-ORDER-1', {
      destinationAddress: {
        name: 'Traced Buyer Name',
        addressLine1: '9 Hidden Road',
        city: 'Seattle',
        postalCode: '98109',
        countryCode: 'US',
        phone: '206-555-0142',
      },
    });
    await gql(
      'mutation Create($input: CreateFbaOutboundOrderInput!) { createFbaOutboundOrder(input: $input) { order { status } userErrors { code } } }',
      { input },
      traceId,
    );
    // a GET with the document in its query string, and an ERP call (its URL carries token and signature)
    await request(
      `${server.url}?query=${encodeURIComponent('{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003090") { status } }')}`,
      {
        headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      },
    ).then((r) => r.body.dump());
    await until('the create', () => spans().some((s) => s.traceId === traceId && s.name.startsWith('sp-api create')));
    await new Promise((r) => setTimeout(r, 300));
    const everything = bodies.join('\n');
    expect(everything).not.toMatch(/Traced Buyer Name|9 Hidden Road|206-555-0142/);
    expect(everything).not.toMatch(/access_token|sign=|Atza\||Atzr\|/);
    expect(everything).not.toContain('taskId: \\"1003090\\"');
  });
});
