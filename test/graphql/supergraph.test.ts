import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { gql } from 'graphql-tag';
import { request } from 'undici';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { SUBMIT_MUTATION, startTestApp, submitInput, type TestApp } from '../support/harness';

/**
 * A small orders subgraph, as another team would write it: its AmazonOrder references our
 * FulfillmentTask, FbaOutboundOrder and McfOrder by their keys.
 */
const ORDERS_SDL = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type AmazonOrder @key(fields: "amazonOrderId") {
    amazonOrderId: ID!
    confirmationTasks: [FulfillmentTask!]!
    mcfFulfillment: FbaOutboundOrder
    erpMcfOrder: McfOrder
  }

  type FulfillmentTask @key(fields: "sellerId taskId", resolvable: false) {
    sellerId: String!
    taskId: ID!
  }

  type FbaOutboundOrder @key(fields: "sellerId sellerFulfillmentOrderId", resolvable: false) {
    sellerId: String!
    sellerFulfillmentOrderId: ID!
  }

  type McfOrder @key(fields: "storeName orderId", resolvable: false) {
    storeName: String!
    orderId: ID!
  }

  type Query {
    amazonOrders(count: Int!): [AmazonOrder!]!
  }
`;

const SELLER = 'A1MQMW3JWPNCBX';
/** the tasks the orders subgraph references: submitted for real before the tests */
const taskIds: string[] = [];

describe('the supergraph: this subgraph composed with an orders subgraph', () => {
  let app: TestApp;
  let orders: ApolloServer;
  let gateway: ApolloServer;
  let gatewayUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    for (let i = 0; i < 25; i++) {
      const res = await app.gql(SUBMIT_MUTATION, { input: submitInput() });
      taskIds.push(res.data!.submitFulfillment.task!.taskId);
    }
    orders = new ApolloServer({
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      schema: buildSubgraphSchema([
        {
          typeDefs: ORDERS_SDL,
          resolvers: {
            Query: {
              // order i references tasks i and i+1 (so references repeat) and one FBA order
              amazonOrders: (_: unknown, { count }: { count: number }) =>
                Array.from({ length: count }, (_x, i) => ({
                  amazonOrderId: `113-0000000-${String(i).padStart(7, '0')}`,
                  confirmationTasks: [
                    { sellerId: SELLER, taskId: taskIds[i] },
                    { sellerId: SELLER, taskId: taskIds[(i + 1) % count] },
                  ],
                  mcfFulfillment: {
                    sellerId: SELLER,
                    sellerFulfillmentOrderId: i % 2 ? 'DEMO-COMPLETE-1' : 'DEMO-HOLD-1',
                  },
                  erpMcfOrder: null,
                })),
            },
          },
        },
      ]),
    });
    const ordersUrl = (await startStandaloneServer(orders, { listen: { port: 0, host: '127.0.0.1' } })).url;

    // compose from the committed contract, as rover would: its @authenticated / @requiresScopes compose
    const ours = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    const compose = (sdl: string) =>
      composeServices([
        { name: 'fulfillment', typeDefs: gql(sdl), url: app.url },
        { name: 'orders', typeDefs: ORDERS_SDL, url: ordersUrl },
      ]);
    const withAuth = compose(ours);
    if (withAuth.errors) throw new Error(withAuth.errors.map((e) => e.message).join('\n'));
    expect(withAuth.supergraphSdl).toContain(
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
    );
    // the subscriptions compose into the supergraph, for Apollo Router's callback protocol
    expect(withAuth.supergraphSdl).toMatch(/type Subscription\s[^{]*\{[^}]*fulfillmentTaskUpdated\(/);
    expect(withAuth.supergraphSdl).toMatch(/type Subscription\s[^{]*\{[^}]*fbaOutboundOrderUpdated\(/);
    // @apollo/gateway (unlike Apollo Router) refuses supergraphs with SECURITY features; the subgraph
    // enforces the same rules itself, so the JS gateway gets the contract without those directives
    const composition = compose(
      ours.replace(/(?<!directive) @authenticated\b| @requiresScopes\(scopes: \[\[[^\]]*\]\]\)/g, ''),
    );
    if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
    gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composition.supergraphSdl }) });
    gatewayUrl = (await startStandaloneServer(gateway, { listen: { port: 0, host: '127.0.0.1' } })).url;
  });

  afterAll(async () => {
    await gateway?.stop();
    await orders?.stop();
    await app?.close();
  });

  const query = async (q: string) => {
    const res = await request(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q }),
    });
    return (await res.body.json()) as { data?: any; errors?: unknown[] };
  };

  it('resolves 25 task references (50 with repeats) in one operation with exactly 3 upstream calls', async () => {
    const erp = app.sandboxes.lingxing!;
    erp.resetStats();
    const res = await query(
      '{ amazonOrders(count: 25) { amazonOrderId confirmationTasks { taskId status shipments { amazonOrderId } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.amazonOrders).toHaveLength(25);
    expect(res.data.amazonOrders[3].confirmationTasks.map((t: { taskId: string }) => t.taskId)).toEqual([
      taskIds[3],
      taskIds[4],
    ]);
    expect(res.data.amazonOrders[0].confirmationTasks[0].shipments).toEqual([{ amazonOrderId: '113-1234567-1234567' }]);
    const calls = erp.businessRequests(LINGXING_ENDPOINTS.getFulfillmentResult.path).filter((r) => r.code === '0');
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => (c.body.task_id as unknown[]).length).sort()).toEqual([10, 10, 5]);
  });

  it('crosses into FBA orders through their keys, once per distinct order', async () => {
    const amazon = app.sandboxes.spApi!;
    amazon.resetStats();
    const res = await query(
      '{ amazonOrders(count: 4) { amazonOrderId mcfFulfillment { status shipments { fulfillmentShipmentStatus } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.amazonOrders.map((o: { mcfFulfillment: { status: string } }) => o.mcfFulfillment.status)).toEqual([
      'RECEIVED',
      'COMPLETE',
      'RECEIVED',
      'COMPLETE',
    ]);
    expect(amazon.calls('getFulfillmentOrder')).toHaveLength(2);
  });

  it('serves node(id) through the gateway for an entity found through a reference', async () => {
    const res = await query('{ amazonOrders(count: 2) { confirmationTasks { id taskId } mcfFulfillment { id } } }');
    const task = res.data.amazonOrders[0].confirmationTasks[0];
    const node = await query(
      `{ node(id: "${task.id}") { id ... on FulfillmentTask { taskId shipments { id amazonOrderId } } } }`,
    );
    expect(node.data.node).toMatchObject({
      id: task.id,
      taskId: taskIds[0],
      shipments: [{ amazonOrderId: '113-1234567-1234567' }],
    });
    const order = await query(
      `{ node(id: "${res.data.amazonOrders[0].mcfFulfillment.id}") { ... on FbaOutboundOrder { sellerFulfillmentOrderId status } } }`,
    );
    expect(order.data.node).toEqual({ sellerFulfillmentOrderId: 'DEMO-HOLD-1', status: 'RECEIVED' });
  });
});

describe('supergraph.yaml', () => {
  const root = join(__dirname, '..', '..');
  const config = parseYaml(readFileSync(join(root, 'supergraph.yaml'), 'utf8')) as {
    federation_version: string;
    subgraphs: Record<string, { routing_url: string; schema: { file?: string } }>;
  };
  const minor = (v: string) => v.replace(/^=/, '').split('.').slice(0, 2).map(Number);

  it('declares a composition version that can compose the federation spec the SDL links', () => {
    const sdl = readFileSync(join(root, 'schema.graphql'), 'utf8');
    const linked = /specs\.apollo\.dev\/federation\/v(\d+\.\d+)/.exec(sdl)![1];
    const [major, declared] = minor(config.federation_version);
    const [linkedMajor, linkedMinor] = minor(linked);
    expect(major).toBe(linkedMajor);
    expect(declared).toBeGreaterThanOrEqual(linkedMinor);
  });

  it('composes, with the composition version it declares, exactly the subgraph files it lists', () => {
    const installed = (
      JSON.parse(readFileSync(require.resolve('@apollo/composition/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(minor(config.federation_version)).toEqual(minor(installed));
    const services = Object.entries(config.subgraphs).map(([name, s]) => ({
      name,
      url: s.routing_url,
      typeDefs: gql(readFileSync(join(root, s.schema.file!), 'utf8')),
    }));
    const composed = composeServices(services);
    expect(composed.errors ?? []).toEqual([]);
    expect(composed.supergraphSdl).toContain('type FulfillmentTask');
  });
});
