import { spApiSandboxEnv } from '../../src/sandbox/gateway-env';
import { MockAgent } from 'undici';
import { loadConfig, ConfigError } from '../../src/config';
import { SpApiClient } from '../../src/upstreams/sp-api/client';
import { LwaTokens } from '../../src/upstreams/sp-api/lwa';
import { SellerRegistry } from '../../src/upstreams/sp-api/sellers';
import { FulfillmentOutboundV20200701 } from '../../src/upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import { SpApiSandbox } from '../../src/sandbox/sp-api/server';
import { SANDBOX_SPAPI_APP, SANDBOX_SPAPI_SELLERS } from '../../src/sandbox/sp-api/fixtures';
import { FakeClock } from '../support/fake-clock';
import { capturedLogger } from '../support/logs';
import { CreateFbaOrderDocument, FbaOrderDocument, SetSandboxStatusDocument } from '../__generated__/operations';
import { orderInput, startTestApp } from '../support/harness';

const seller = { sellerId: 'A1MQMW3JWPNCBX', region: 'NA' as const, refreshToken: 'Atzr|r1', sandbox: false };

describe('SP-API client', () => {
  it('adopts the rate Amazon announces in x-amzn-RateLimit-Limit', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://api.amazon.com')
      .intercept({ path: '/auth/o2/token', method: 'POST' })
      .reply(200, { access_token: 'Atza|t', token_type: 'bearer', expires_in: 3600 });
    agent
      .get('https://sellingpartnerapi-na.amazon.com')
      .intercept({ path: '/fba/outbound/2020-07-01/features?marketplaceId=ATVPDKIKX0DER', method: 'GET' })
      .reply(
        200,
        { payload: { features: [] } },
        { headers: { 'x-amzn-RateLimit-Limit': '0.5', 'x-amzn-RequestId': 'req-1' } },
      );
    const clock = new FakeClock();
    const { logger } = capturedLogger();
    const client = new SpApiClient({
      lwa: new LwaTokens({
        url: 'https://api.amazon.com/auth/o2/token',
        ...SANDBOX_SPAPI_APP,
        clock,
        logger,
        dispatcher: agent,
      }),
      logger,
      dispatcher: agent,
      clock,
    });
    const api = new FulfillmentOutboundV20200701(client, new SellerRegistry([seller]));
    await api.features(seller.sellerId, 'ATVPDKIKX0DER');
    expect(client.bucket(seller.sellerId, { operation: 'getFeatures', rate: 2, burst: 30 }).ratePerSecond).toBe(0.5);
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  it('keeps tokens and buckets per seller', async () => {
    const sandbox = await new SpApiSandbox().start();
    try {
      const { logger } = capturedLogger();
      const lwa = new LwaTokens({ url: sandbox.lwaUrl, ...SANDBOX_SPAPI_APP, clock: new FakeClock(), logger });
      const client = new SpApiClient({ lwa, logger, endpoint: sandbox.url });
      const api = new FulfillmentOutboundV20200701(client, new SellerRegistry(SANDBOX_SPAPI_SELLERS));
      const [na, fe] = SANDBOX_SPAPI_SELLERS;
      await Promise.all([
        api.features(na.sellerId, 'ATVPDKIKX0DER'),
        api.features(fe.sellerId, 'A1VC38T7YXB528'),
        api.features(na.sellerId, 'ATVPDKIKX0DER'),
      ]);
      expect(sandbox.lwaRequests).toBe(2);
      expect(new Set(sandbox.calls().map((c) => c.sellerId))).toEqual(new Set([na.sellerId, fe.sellerId]));
      const bucketNa = client.bucket(na.sellerId, { operation: 'getFeatures', rate: 2, burst: 30 });
      const bucketFe = client.bucket(fe.sellerId, { operation: 'getFeatures', rate: 2, burst: 30 });
      expect(bucketNa).not.toBe(bucketFe);
    } finally {
      await sandbox.close();
    }
  });
});

describe('SP-API through the gateway with configured sellers', () => {
  it('encodes order ids in the path, so "/" , "?" and spaces reach Amazon intact', async () => {
    const app = await startTestApp();
    try {
      const id = 'A/B?C 1';
      const created = await app.gql(CreateFbaOrderDocument, { input: orderInput(id) });
      expect(created.data!.createFbaOutboundOrder.userErrors).toEqual([]);
      expect(app.sandboxes.spApi!.calls('getFulfillmentOrder')[0].path).toBe(
        '/fba/outbound/2020-07-01/fulfillmentOrders/A%2FB%3FC%201',
      );
      const found = await app.gql(FbaOrderDocument, { sellerId: 'A1MQMW3JWPNCBX', id });
      expect(found.data!.fbaOutboundOrder!.sellerFulfillmentOrderId).toBe(id);
    } finally {
      await app.close();
    }
  });

  it('refuses the sandbox-only status update for a seller on a production endpoint', async () => {
    const amazon = await new SpApiSandbox().start();
    const app = await startTestApp({
      env: spApiSandboxEnv(amazon, [{ ...SANDBOX_SPAPI_SELLERS[0], sandbox: false }]),
    });
    try {
      const res = await app.gql(SetSandboxStatusDocument, {
        input: { sellerId: 'A1MQMW3JWPNCBX', sellerFulfillmentOrderId: 'DEMO-HOLD-1', status: 'COMPLETE' },
      });
      expect(res.data!.sandboxSetFbaOutboundOrderStatus.userErrors).toEqual([
        { field: ['sellerId'], code: 'SANDBOX_ONLY', message: 'seller A1MQMW3JWPNCBX is not on a sandbox endpoint' },
      ]);
      expect(amazon.calls()).toHaveLength(0);
      expect(app.sandboxes.spApi).toBeUndefined();
    } finally {
      await app.close();
      await amazon.close();
    }
  });
});

describe('SP-API configuration', () => {
  const base = { SPAPI_CLIENT_ID: 'amzn1.application-oa2-client.x', SPAPI_CLIENT_SECRET: 's', AUTH_MODE: 'off' };
  it('reads sellers from SPAPI_SELLERS with the production LWA URL by default', () => {
    const config = loadConfig({
      ...base,
      SPAPI_SELLERS: '[{"sellerId":"A1MQMW3JWPNCBX","region":"EU","refreshToken":"Atzr|x"}]',
    });
    expect(config.spApi).toMatchObject({
      mode: 'live',
      lwaUrl: 'https://api.amazon.com/auth/o2/token',
      sellers: [{ sellerId: 'A1MQMW3JWPNCBX', region: 'EU', sandbox: false }],
    });
  });

  it("takes a seller's marketplaces when it names them (what viewer lists for it)", () => {
    const config = loadConfig({
      ...base,
      SPAPI_SELLERS:
        '[{"sellerId":"A1MQMW3JWPNCBX","region":"na","refreshToken":"t","marketplaceIds":["ATVPDKIKX0DER"]}]',
    });
    expect(config.spApi).toMatchObject({
      sellers: [{ sellerId: 'A1MQMW3JWPNCBX', marketplaceIds: ['ATVPDKIKX0DER'] }],
    });
  });

  it.each([
    ['no sellers', {}, /SPAPI_SELLERS \(or SPAPI_SELLERS_FILE\) must list/],
    [
      'a bad region',
      { SPAPI_SELLERS: '[{"sellerId":"A1MQMW3JWPNCBX","region":"XX","refreshToken":"t"}]' },
      /SPAPI_SELLERS\[0\]\.region must be NA, EU or FE/,
    ],
    ['not JSON', { SPAPI_SELLERS: 'A1MQMW3JWPNCBX:NA' }, /must be a JSON array/],
    [
      'marketplaces of another region',
      {
        SPAPI_SELLERS:
          '[{"sellerId":"A1MQMW3JWPNCBX","region":"NA","refreshToken":"t","marketplaceIds":["ATVPDKIKX0DER","A1PA6795UKMFR9"]}]',
      },
      /SPAPI_SELLERS\[0\]\.marketplaceIds must list marketplace ids of the NA region/,
    ],
  ])('refuses %s', (_name, env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
