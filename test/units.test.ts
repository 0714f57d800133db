import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { MessageIdGenerator } from '../src/datasources/lingxing/message-ids';
import { inputPathForErpField } from '../src/datasources/lingxing/fulfillment';
import { taskStatusFrom } from '../src/datasources/lingxing/task-status';
import { backoffDelay } from '../src/datasources/shared/backoff';
import { Semaphore } from '../src/datasources/shared/semaphore';
import { TokenBucket } from '../src/datasources/shared/token-bucket';
import { FakeClock } from './support/fake-clock';

describe('Semaphore', () => {
  it('never lets more than its capacity run and serves waiters first come, first served', async () => {
    const s = new Semaphore(2);
    const order: number[] = [];
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await s.acquire();
        order.push(i);
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        release();
        release(); // a second release is a no-op
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.inFlight).toBe(0);
  });
});

describe('backoff', () => {
  it('grows exponentially up to its cap with full jitter', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3, 4].map((r) => backoffDelay(policy, r, () => 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });
});

describe('task status mapping', () => {
  it.each([
    ['pending', 'PENDING'],
    ['in_process', 'IN_PROCESS'],
    ['done', 'DONE'],
    ['fatal', 'FATAL'],
    ['cancelled', 'CANCELLED'],
    ['Complete', 'DONE'],
    ['IN_QUEUE', 'PENDING'],
    ['IN_PROGRESS', 'IN_PROCESS'],
    ['_DONE_', 'DONE'],
    ['CANCELLED', 'CANCELLED'],
    ['Something_New', 'UNKNOWN'],
  ])('maps %s to %s', (raw, status) => {
    expect(taskStatusFrom(raw)).toBe(status);
  });

  it('treats a failure with no status as FATAL', () => {
    expect(taskStatusFrom('', 'feed rejected')).toBe('FATAL');
    expect(taskStatusFrom(null, null)).toBe('UNKNOWN');
  });
});

describe('ERP field paths', () => {
  it('maps the ERP field names of a 102 message onto the input', () => {
    expect(inputPathForErpField('orderList[3].orderItem[1].orderItemNo')).toEqual([
      'shipments',
      '3',
      'items',
      '1',
      'orderItemId',
    ]);
    expect(inputPathForErpField('marketplaceId')).toEqual(['marketplaceId']);
  });
});

describe('generated message ids', () => {
  it('are strictly increasing positive integers of at most 19 digits that skip ids already taken', () => {
    const gen = new MessageIdGenerator(() => 1_800_000_000_000);
    const first = gen.next();
    const second = gen.next(new Set([(BigInt(first) + 1n).toString()]));
    expect(first).toMatch(/^[1-9][0-9]{0,18}$/);
    expect(BigInt(second)).toBe(BigInt(first) + 2n);
  });
});

describe('configuration', () => {
  it('uses the embedded sandbox when no ERP credentials are set', () => {
    expect(loadConfig({}).lingxing).toEqual({ mode: 'sandbox', timeoutMs: 15000, replicas: 1 });
    expect(loadConfig({}).port).toBe(4000);
  });

  it('reads the app secret from a file and trims the base URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'secret'), 'a+b/c=\n');
    const config = loadConfig({
      AUTH_MODE: 'off',
      LINGXING_APP_ID: 'ak_ABCDEFGHIJKLM',
      LINGXING_APP_SECRET_FILE: join(dir, 'secret'),
      LINGXING_BASE_URL: 'https://erp.example/',
    });
    expect(config.lingxing).toEqual({
      mode: 'live',
      appId: 'ak_ABCDEFGHIJKLM',
      appSecret: 'a+b/c=',
      baseUrl: 'https://erp.example',
      timeoutMs: 15000,
      replicas: 1,
    });
  });

  it('refuses half a credential pair and a malformed port', () => {
    expect(() => loadConfig({ LINGXING_APP_ID: 'ak_ABCDEFGHIJKLM' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a non-negative integer/);
  });
});

describe('TokenBucket', () => {
  it('lets a burst through at once, then one request per 1/rate seconds', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, 30, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 34 }, () => bucket.take().then(() => times.push(clock.now()))));
    expect(times.slice(0, 30)).toEqual(Array(30).fill(0));
    expect(times.slice(30)).toEqual([500, 1000, 1500, 2000]);
  });

  it('adopts a slower announced rate', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, 1, clock);
    await bucket.take();
    bucket.adoptRate(0.5);
    await bucket.take();
    expect(clock.now()).toBe(2000);
  });

  it('stretches every token by its safety margin', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, 1, clock, 0.04);
    await bucket.take();
    await bucket.take();
    expect(clock.now()).toBe(520);
  });
});
