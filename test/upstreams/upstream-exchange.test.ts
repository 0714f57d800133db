import { MockAgent } from 'undici';
import { OperationEndedError } from '../../src/errors';
import { operationScope } from '../../src/platform/operation-scope';
import { SpApiClient } from '../../src/upstreams/sp-api/client';
import { LwaTokens } from '../../src/upstreams/sp-api/lwa';
import { LingxingClient } from '../../src/upstreams/lingxing/client';
import { SANDBOX_SPAPI_APP } from '../../src/sandbox/sp-api/fixtures';
import { SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { FakeClock } from '../support/fake-clock';
import { capturedLogger } from '../support/logs';

// The steps both upstream clients share (src/upstreams/shared/exchange.ts), seen from outside:
// which requests reach the upstream, and what the caller gets.

const AMAZON = 'https://sellingpartnerapi-na.amazon.com';
const seller = { sellerId: 'A1MQMW3JWPNCBX', region: 'NA' as const, refreshToken: 'Atzr|r1', sandbox: false };
const createCall = {
  operation: 'createFulfillmentOrder',
  method: 'POST' as const,
  basePath: '/fba/outbound/2020-07-01',
  path: '/fulfillmentOrders',
  body: { sellerFulfillmentOrderId: 'X-1' },
  rate: 2,
  burst: 2,
  retrySafe: false,
};
const readCall = {
  ...createCall,
  operation: 'getFeatures',
  method: 'GET' as const,
  path: '/features',
  body: undefined,
  retrySafe: true,
};

function amazonClient(agent: MockAgent, backoffMs = 200, clock = new FakeClock()) {
  const { logger, lines } = capturedLogger();
  agent
    .get('https://api.amazon.com')
    .intercept({ path: '/auth/o2/token', method: 'POST' })
    .reply(200, { access_token: 'Atza|t', token_type: 'bearer', expires_in: 3600 })
    .persist();
  const lwa = new LwaTokens({
    url: 'https://api.amazon.com/auth/o2/token',
    ...SANDBOX_SPAPI_APP,
    clock,
    logger,
    dispatcher: agent,
  });
  // real waits for the backoff (a few ms), so an abort can land in the middle of one
  const client = new SpApiClient({
    lwa,
    logger,
    dispatcher: agent,
    retryBackoff: { maxAttempts: 5, baseDelayMs: backoffMs, maxDelayMs: backoffMs },
    random: () => 1,
  });
  return { client, lines };
}

const BUSY = { statusCode: 503, data: { errors: [{ code: 'ServiceUnavailable', message: 'busy' }] } };
const THROTTLED = { statusCode: 429, data: { errors: [{ code: 'QuotaExceeded', message: 'slow down' }] } };

/** Amazon's getFeatures answering the n-th request (from 1) with `answer(n)`; `sent.count` requests so far. */
function featuresAnswering(answer: (n: number) => { statusCode: number; data: object }) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const sent = { count: 0 };
  agent
    .get(AMAZON)
    .intercept({ path: '/fba/outbound/2020-07-01/features', method: 'GET' })
    .reply(() => answer(++sent.count))
    .persist();
  return { agent, sent };
}

describe('the upstream exchange', () => {
  it('sends a write again when its connection was refused (it never left), and only then', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(AMAZON);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    pool.intercept({ path: '/fba/outbound/2020-07-01/fulfillmentOrders', method: 'POST' }).replyWithError(refused);
    pool.intercept({ path: '/fba/outbound/2020-07-01/fulfillmentOrders', method: 'POST' }).reply(200, { payload: {} });
    const { client } = amazonClient(agent);
    const answer = await client.call(seller, createCall);
    expect(answer.status).toBe(200);
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  it('never resends a write that timed out or failed after it may have left', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    agent
      .get(AMAZON)
      .intercept({ path: '/fba/outbound/2020-07-01/fulfillmentOrders', method: 'POST' })
      .replyWithError(reset);
    const { client } = amazonClient(agent);
    await expect(client.call(seller, createCall)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await agent.close();
  });

  it('ends a backoff as soon as its operation ends: no retry is sent, and nothing waits out the delay', async () => {
    const { agent, sent } = featuresAnswering(() => BUSY);
    const { client } = amazonClient(agent, 10_000);
    const controller = new AbortController();
    const call = operationScope.run({ signal: controller.signal, upstreamCalls: 0 }, () =>
      client.call(seller, readCall),
    );
    // the first attempt is answered 503; the client then backs off 10 s before a second one
    while (sent.count < 1) await new Promise((r) => setTimeout(r, 5));
    const ended = performance.now();
    controller.abort(new OperationEndedError());
    await expect(call).rejects.toBeInstanceOf(OperationEndedError);
    // well before the 10 s backoff would have ended (a generous bound for a loaded machine)
    expect(performance.now() - ended).toBeLessThan(5_000);
    expect(sent.count).toBe(1);
    await agent.close();
  });

  it('spends one retry budget across throttling and 5xx answers of one SP-API call', async () => {
    const { agent, sent } = featuresAnswering((n) => (n % 2 ? THROTTLED : BUSY));
    const { client } = amazonClient(agent, 0);
    await expect(client.call(seller, readCall)).rejects.toMatchObject({ code: 'UPSTREAM_THROTTLED' });
    expect(sent.count).toBe(5); // maxAttempts in all, whichever kind each refusal was
    await agent.close();
  });

  it('counts an ERP answer over the size cap as a protocol fault, read no further', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const big = 'x'.repeat(5 * 1024 * 1024);
    agent
      .get('https://erp.example')
      .intercept({ path: /\/api\/auth-server\/oauth\/access-token/, method: 'POST' })
      .reply(200, big);
    const { logger, lines } = capturedLogger();
    const client = new LingxingClient({
      baseUrl: 'https://erp.example',
      appId: SANDBOX_ERP_APP.appId,
      appSecret: SANDBOX_ERP_APP.appSecret,
      logger,
      dispatcher: agent,
    });
    await expect(client.tokens.get()).rejects.toMatchObject({ code: 'UPSTREAM_PROTOCOL_ERROR' });
    expect(lines.join('\n')).toContain('ERP answer too large: discarded');
    await agent.close();
  });
});
