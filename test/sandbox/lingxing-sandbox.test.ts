import { request } from 'undici';
import { LingxingClient } from '../../src/upstreams/lingxing/client';
import { LINGXING_ENDPOINTS } from '../../src/upstreams/lingxing/endpoints';
import { canonicalJson } from '../../src/upstreams/lingxing/json';
import { sign } from '../../src/upstreams/lingxing/sign';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { DEMO_SELLER_ID, SANDBOX_ERP_APP } from '../../src/sandbox/lingxing/fixtures';
import { capturedLogger } from '../support/logs';

/** The double must refuse what the real ERP refuses, or gateway tests prove nothing. */
describe('ERP sandbox fidelity', () => {
  let sandbox: LingxingSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await new LingxingSandbox({ latencyMs: 100 }).start();
    token = await new LingxingClient({
      baseUrl: sandbox.url,
      ...SANDBOX_ERP_APP,
      logger: capturedLogger().logger,
    }).tokens.get();
  });
  afterAll(() => sandbox.close());

  const raw = async (body: Record<string, unknown>, tamper: (q: URLSearchParams) => void = () => {}) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const q = new URLSearchParams({
      access_token: token,
      app_key: SANDBOX_ERP_APP.appId,
      timestamp: String(timestamp),
    });
    q.set('sign', sign({ appId: SANDBOX_ERP_APP.appId, accessToken: token, timestamp, body: body as never }));
    tamper(q);
    const res = await request(`${sandbox.url}${LINGXING_ENDPOINTS.getFulfillmentResult.path}?${q.toString()}`, {
      method: 'POST',
      body: canonicalJson(body as never),
      headers: { 'content-type': 'application/json' },
    });
    return (await res.body.json()) as { code: number | string };
  };

  it("answers 3001008 to requests beyond a path's capacity of 10 in flight", async () => {
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => raw({ seller_id: DEMO_SELLER_ID, task_id: [1003083] })),
    );
    const codes = answers.map((a) => String(a.code));
    expect(codes.filter((c) => c === '0')).toHaveLength(10);
    expect(codes.filter((c) => c === '3001008')).toHaveLength(5);
  });

  it('rejects a signature over different bytes (2001006), a stale timestamp (2001007) and a missing param (3001001)', async () => {
    const body = { seller_id: DEMO_SELLER_ID, task_id: [1003083] };
    expect(
      (
        await raw(body, (q) =>
          q.set(
            'sign',
            q.get('sign')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
          ),
        )
      ).code,
    ).toBe('2001006');
    expect((await raw(body, (q) => q.set('timestamp', String(Math.floor(Date.now() / 1000) - 600)))).code).toBe(
      '2001007',
    );
    expect((await raw(body, (q) => q.delete('app_key'))).code).toBe('3001001');
  });

  it('answers 102 with the documented message for an empty task id list', async () => {
    const answer = (await raw({ seller_id: DEMO_SELLER_ID, task_id: [] })) as { code: number; message?: string };
    expect(answer).toMatchObject({ code: 102, message: 'taskId任务id数组不能为空' });
  });
});
