import { LingxingClient } from '../../src/upstreams/lingxing/client';
import { LingxingFulfillment } from '../../src/upstreams/lingxing/fulfillment';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import {
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamThrottledError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../../src/errors';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SANDBOX_ERP_APP, DEMO_SELLER_ID } from '../../src/sandbox/lingxing/fixtures';
import { FakeClock } from '../support/fake-clock';
import { capturedLogger } from '../support/logs';

const SUBMIT = LINGXING_ENDPOINTS.submitFulfillment.path;
const RESULTS = LINGXING_ENDPOINTS.getFulfillmentResult.path;

const shipment = (messageId: string) => ({
  messageId,
  amazonOrderId: '250-8182459-1815841',
  trackingNumber: 'GMQ6012738',
  carrierCode: 'AUSPOST',
  carrierName: 'Australia Post',
  items: [{ orderItemId: '33051859', quantity: 1 }],
});

describe('Lingxing client against the ERP sandbox', () => {
  let sandbox: LingxingSandbox;
  let clock: FakeClock;
  let logs: ReturnType<typeof capturedLogger>;

  const client = (overrides: Partial<ConstructorParameters<typeof LingxingClient>[0]> = {}) =>
    new LingxingClient({
      baseUrl: sandbox.url,
      ...SANDBOX_ERP_APP,
      logger: logs.logger,
      clock,
      random: () => 0.5,
      timeoutMs: 2_000,
      ...overrides,
    });

  beforeEach(async () => {
    clock = new FakeClock();
    logs = capturedLogger();
    sandbox = await new LingxingSandbox({
      now: () => clock.now(),
      latencyMs: 0,
      pendingMs: 100,
      processingMs: 100,
    }).start();
  });
  afterEach(() => sandbox.close());

  it('fetches one token for many concurrent first calls', async () => {
    const erp = new LingxingFulfillment(client());
    await Promise.all(Array.from({ length: 20 }, () => erp.results(DEMO_SELLER_ID, ['1003083'])));
    expect(sandbox.tokenRequests).toBe(1);
    expect(sandbox.businessRequests(RESULTS).filter((r) => r.code === '0')).toHaveLength(20);
  });

  it('refreshes the token once, 60 s before it expires, with the refresh token', async () => {
    const c = client();
    const erp = new LingxingFulfillment(c);
    await erp.results(DEMO_SELLER_ID, ['1003083']);
    clock.advance((7199 - 59) * 1000); // inside the 60 s skew
    sandbox.resetStats();
    await Promise.all([erp.results(DEMO_SELLER_ID, ['1003083']), erp.results(DEMO_SELLER_ID, ['1003085'])]);
    expect(sandbox.tokenRequests).toBe(1);
    expect(c.tokens.renewals).toBe(2);
    expect(sandbox.businessRequests(RESULTS).map((r) => r.code)).toEqual(['0', '0']);
  });

  it('re-fetches a superseded token (2001005) and retries once', async () => {
    const erp = new LingxingFulfillment(client());
    await erp.results(DEMO_SELLER_ID, ['1003083']);
    // another owner of the same appId takes a new token: ours is superseded
    await new LingxingFulfillment(client()).results(DEMO_SELLER_ID, ['1003083']);
    sandbox.resetStats();
    const result = await erp.results(DEMO_SELLER_ID, ['1003085']);
    expect(result.get('1003085')?.results[0].messageId).toBe('2725');
    expect(sandbox.businessRequests(RESULTS).map((r) => r.code)).toEqual(['2001005', '0']);
    expect(sandbox.tokenRequests).toBe(1);
  });

  it('falls back to the app secret when the refresh token has expired', async () => {
    const c = client();
    const erp = new LingxingFulfillment(c);
    await erp.results(DEMO_SELLER_ID, ['1003083']);
    clock.advance(3 * 3600 * 1000); // both the access and the refresh token are past their lives
    const result = await erp.results(DEMO_SELLER_ID, ['1003083']);
    expect(result.get('1003083')?.status).toBe('DONE');
    expect(c.tokens.renewals).toBe(2);
  });

  it('maps 3001008 and 103 to paced retries, not user errors', async () => {
    sandbox.injectFaults(RESULTS, { code: '3001008' }, { code: 103, message: '请求过于频繁,请稍后再试' });
    const result = await new LingxingFulfillment(client()).results(DEMO_SELLER_ID, ['1003083']);
    expect(result.get('1003083')).toBeDefined();
    expect(clock.sleeps).toHaveLength(2);
    expect(sandbox.businessRequests(RESULTS).map((r) => r.code)).toEqual(['3001008', '103', '0']);
  });

  it('gives up on a persistent throttle with UPSTREAM_THROTTLED', async () => {
    sandbox.injectFaults(RESULTS, ...Array.from({ length: 3 }, () => ({ code: '3001008' })));
    const c = client({ throttleBackoff: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 } });
    await expect(new LingxingFulfillment(c).results(DEMO_SELLER_ID, ['1003083'])).rejects.toBeInstanceOf(
      UpstreamThrottledError,
    );
  });

  it('turns a 102 answer into a rejection that names the input field', async () => {
    const erp = new LingxingFulfillment(client());
    const error = await erp
      .submit({
        region: 'NA',
        sellerId: DEMO_SELLER_ID,
        marketplaceId: 'ATVPDKIKX0DER',
        shipments: [shipment('1'), { ...shipment('2'), carrierCode: '' }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRejectedError);
    expect((error as UpstreamRejectedError).inputPath).toEqual(['shipments', '1', 'carrierCode']);
    expect((error as UpstreamRejectedError).message).toBe('orderList[1].carrierCode承运商code不能为空');
  });

  it('sends 19-digit message ids and task ids without losing digits', async () => {
    const erp = new LingxingFulfillment(client());
    const big = '9223372036854775807';
    const task = await erp.submit({
      region: 'NA',
      sellerId: DEMO_SELLER_ID,
      marketplaceId: 'ATVPDKIKX0DER',
      shipments: [shipment(big)],
    });
    const sent = sandbox.businessRequests(SUBMIT)[0].body as { order_list: Array<{ id: string }> };
    expect(sent.order_list[0].id).toBe(big);
    await erp.results(DEMO_SELLER_ID, [task.taskId, '99999999999999999999']);
    const asked = sandbox.businessRequests(RESULTS)[0].body as { task_id: Array<{ digits?: string } | number> };
    expect(asked.task_id[0]).toBe(Number(task.taskId));
    expect(asked.task_id[1]).toEqual({ digits: '99999999999999999999' });
  });

  it('retries a read after an HTML 502 but never resends a write whose answer was lost', async () => {
    const erp = new LingxingFulfillment(client());
    sandbox.injectFaults(RESULTS, { httpStatus: 502 });
    await expect(erp.results(DEMO_SELLER_ID, ['1003083'])).resolves.toBeInstanceOf(Map);
    expect(sandbox.businessRequests(RESULTS).map((r) => r.code)).toEqual(['502', '0']);

    sandbox.injectFaults(SUBMIT, { httpStatus: 502, afterProcessing: true });
    const tasksBefore = sandbox.tasks.size;
    await expect(
      erp.submit({
        region: 'NA',
        sellerId: DEMO_SELLER_ID,
        marketplaceId: 'ATVPDKIKX0DER',
        shipments: [shipment('7')],
      }),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(sandbox.businessRequests(SUBMIT)).toHaveLength(1);
    expect(sandbox.tasks.size).toBe(tasksBefore + 1);
  });

  it('reports a write that timed out as UPSTREAM_TIMEOUT without resending it', async () => {
    sandbox.injectFaults(SUBMIT, { delayMs: 500 });
    const erp = new LingxingFulfillment(client({ timeoutMs: 100 }));
    const error = await erp
      .submit({ region: 'NA', sellerId: DEMO_SELLER_ID, marketplaceId: 'ATVPDKIKX0DER', shipments: [shipment('8')] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect((error as Error).message).toMatch(/may or may not/);
    await new Promise((r) => setTimeout(r, 600));
    expect(sandbox.businessRequests(SUBMIT)).toHaveLength(1);
  });

  it('logs a signature rejection without the token, the secret or the signature', async () => {
    sandbox.injectFaults(RESULTS, { code: '2001006', message: 'sign not correct' });
    const c = client();
    await expect(new LingxingFulfillment(c).results(DEMO_SELLER_ID, ['1003083'])).rejects.toBeInstanceOf(
      UpstreamProtocolError,
    );
    const text = logs.lines.join('\n');
    expect(text).toContain('signedKeys');
    expect(text).not.toContain(SANDBOX_ERP_APP.appSecret);
    expect(text).not.toMatch(/access_token=[0-9a-f-]{36}/);
    expect(text).not.toMatch(/sign=/);
  });

  it('refuses an appId that is not 16 bytes at construction', () => {
    expect(() => client({ appId: 'too-short' })).toThrow(/16 bytes/);
  });
});
