import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { erpSandboxEnv, spApiSandboxEnv } from '../../src/sandbox/gateway-env';
import { LingxingSandbox } from '../../src/sandbox/lingxing/server';
import { SpApiSandbox } from '../../src/sandbox/sp-api/server';
import { startServerProcess, type ServerProcess } from '../support/server-process';

/**
 * What a process loads stays in its heap, and the heap's peak under load is a multiple of what
 * stays: the server loads a store's, Redis's or a sandbox's code only when its configuration uses it.
 */
describe('the modules a server process loads', () => {
  const dirs: string[] = [];
  let server: ServerProcess | undefined;
  afterEach(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    server = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** Starts the server as `npm start` does, serves one FBA query, stops it and lists what it loaded. */
  async function loadedBy(env: Record<string, string>): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'fg-modules-'));
    dirs.push(dir);
    const recordTo = join(dir, 'modules.json');
    server = await startServerProcess({
      DATA_DIR: dir,
      NODE_OPTIONS: `--require ${join(__dirname, '..', 'support', 'record-modules.js')}`,
      RECORD_MODULES_TO: recordTo,
      ...env,
    });
    const res = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ fbaOutboundOrder(sellerId: "A1MQMW3JWPNCBX", sellerFulfillmentOrderId: "DEMO-COMPLETE-1") { status } }',
      }),
    });
    expect(await res.body.json()).toMatchObject({ data: { fbaOutboundOrder: { status: 'COMPLETE' } } });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    return JSON.parse(readFileSync(recordTo, 'utf8')) as string[];
  }

  const packageOf = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];

  it('on SQLite, with both upstreams configured and no Redis: no PostgreSQL, Redis, notification or sandbox code', async () => {
    const erp = await new LingxingSandbox({ seed: true, latencyMs: 0 }).start();
    const amazon = await new SpApiSandbox().start();
    try {
      const loaded = await loadedBy({ ...erpSandboxEnv(erp), ...spApiSandboxEnv(amazon), AUTH_MODE: 'off' });
      const packages = new Set(loaded.map(packageOf));
      for (const absent of ['pg', 'pg-boss', 'ioredis', 'redis-semaphore', 'graphql-redis-subscriptions', 'ajv'])
        expect({ absent, loaded: packages.has(absent) }).toEqual({ absent, loaded: false });
      expect(loaded.filter((f) => f.includes('/dist/src/sandbox/'))).toEqual([]);
      // what it needs is there
      expect(packages.has('undici')).toBe(true);
      expect(loaded.some((f) => f.endsWith('/dist/src/upstreams/sp-api/client.js'))).toBe(true);
    } finally {
      await erp.close();
      await amazon.close();
    }
  });

  it('with no credentials: the embedded sandboxes and their notifications, still no PostgreSQL or Redis', async () => {
    const loaded = await loadedBy({});
    const packages = new Set(loaded.map(packageOf));
    expect(loaded.some((f) => f.endsWith('/dist/src/sandbox/sp-api/server.js'))).toBe(true);
    expect(loaded.some((f) => f.endsWith('/dist/src/sandbox/lingxing/server.js'))).toBe(true);
    expect(packages.has('ajv')).toBe(true); // the embedded SP-API sandbox posts its notifications
    for (const absent of ['pg', 'pg-boss', 'ioredis'])
      expect({ absent, loaded: packages.has(absent) }).toEqual({ absent, loaded: false });
  });
});
