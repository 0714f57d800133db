import { createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema } from 'graphql';
import { Agent, request } from 'undici';

/**
 * The floor of the gateway's own stack, for `npm run bench` only: the bench's fbaOutboundOrder
 * query through Apollo Server on Node's HTTP server, resolved by one undici GET to the SP-API
 * double and a mapping of its answer, and nothing else: no gate, authentication, cost, pacing,
 * retries, deadlines, logs, metrics, type-graphql or federation. What the gateway costs above this
 * is what its features cost; what this costs is the machine's (sockets, the kernel, V8).
 *
 * Environment: PORT, SPAPI_ENDPOINT, SPAPI_ACCESS_TOKEN (an LWA token the bench fetched).
 */
const endpoint = process.env.SPAPI_ENDPOINT ?? '';
const accessToken = process.env.SPAPI_ACCESS_TOKEN ?? '';
const agent = new Agent({ connections: 64 });

const schema = buildSchema(`
  type Query { fbaOutboundOrder(sellerId: ID!, sellerFulfillmentOrderId: ID!): FbaOutboundOrder }
  type FbaOutboundOrder { sellerFulfillmentOrderId: ID! status: String! items: [Item!]! shipments: [Shipment!]! }
  type Item { sellerSku: String! quantity: Int! }
  type Shipment { amazonShipmentId: String! packages: [Package!]! }
  type Package { packageNumber: Int! }
`);

interface AmazonOrder {
  fulfillmentOrder: { sellerFulfillmentOrderId: string; fulfillmentOrderStatus: string };
  fulfillmentOrderItems?: Array<{ sellerSku: string; quantity: number }>;
  fulfillmentShipments?: Array<{
    amazonShipmentId: string;
    fulfillmentShipmentPackage?: Array<{ packageNumber: number }>;
  }>;
}

const rootValue = {
  async fbaOutboundOrder({ sellerFulfillmentOrderId }: { sellerFulfillmentOrderId: string }) {
    const res = await request(
      `${endpoint}/fba/outbound/2020-07-01/fulfillmentOrders/${encodeURIComponent(sellerFulfillmentOrderId)}`,
      { dispatcher: agent, headers: { 'x-amz-access-token': accessToken, accept: 'application/json' } },
    );
    const { payload } = (await res.body.json()) as { payload: AmazonOrder };
    return {
      sellerFulfillmentOrderId: payload.fulfillmentOrder.sellerFulfillmentOrderId,
      status: payload.fulfillmentOrder.fulfillmentOrderStatus.toUpperCase(),
      items: payload.fulfillmentOrderItems ?? [],
      shipments: (payload.fulfillmentShipments ?? []).map((s) => ({
        amazonShipmentId: s.amazonShipmentId,
        packages: s.fulfillmentShipmentPackage ?? [],
      })),
    };
  },
};

async function main(): Promise<void> {
  const apollo = new ApolloServer({ schema, rootValue });
  await apollo.start();
  const server = createServer((req, res) => {
    if (req.url === '/healthz') return void res.end('ok');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      void apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: req.method ?? 'POST',
            headers,
            search: '',
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          },
          context: () => Promise.resolve({}),
        })
        .then((answer) => {
          for (const [k, v] of answer.headers) res.setHeader(k, v);
          res.statusCode = answer.status ?? 200;
          res.end(answer.body.kind === 'complete' ? answer.body.string : '');
        });
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

void main();
