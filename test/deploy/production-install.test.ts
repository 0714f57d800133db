import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { projectStartCommand } from '../../bench/start-script';

// What the container image holds, tried without a container engine: the production dependency
// set alone (`npm ci --omit=dev`) beside the built server, started as a user who owns nothing of
// it (the tree is read-only to it) with DATA_DIR the one place it may write.

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const NOBODY = 65534;
/** the node flags and variables the image's command uses: the same as `npm start` (manifests.test.ts) */
const START = projectStartCommand(root);

describe('the production install', () => {
  let app: string;
  let data: string;
  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'fg-prod-'));
    for (const f of ['package.json', 'package-lock.json']) cpSync(join(root, f), join(app, f));
    cpSync(join(root, 'dist', 'src'), join(app, 'dist', 'src'), { recursive: true });
    cpSync(join(root, 'dist', 'reference'), join(app, 'dist', 'reference'), { recursive: true });
    cpSync(join(root, 'dist', 'ide'), join(app, 'dist', 'ide'), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app });
    chmodSync(app, 0o755);
    data = mkdtempSync(join(tmpdir(), 'fg-prod-data-'));
    chownSync(data, NOBODY, NOBODY);
  }, 180_000);
  afterAll(() => {
    rmSync(app, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('holds no compiler and no test tool', async () => {
    const { stdout } = await run('npm', ['ls', '--omit=dev', '--depth=0', '--parseable'], { cwd: app });
    expect(stdout).not.toMatch(/typescript|jest|eslint|prettier/);
  });

  it('starts as a non-root user on a read-only tree, writes only DATA_DIR, answers /readyz, a query and the IDE', async () => {
    const port = await freePort();
    const probe = join(app, 'written-by-the-server');
    const server = spawn(
      'setpriv',
      [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        process.execPath,
        ...START.flags,
        'dist/src/index.js',
      ],
      {
        cwd: app,
        env: {
          PATH: process.env.PATH,
          ...START.env, // as the image's ENV sets it
          NODE_ENV: 'production',
          ALLOW_SANDBOX: 'true',
          AUTH_MODE: 'off',
          // the IDE as an operator may turn it on in production: built files only, no build tools
          GRAPHQL_IDE: 'true',
          GRAPHQL_INTROSPECTION: 'true',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: data,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    server.stdout.on('data', (c: Buffer) => (output += c.toString()));
    server.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((r) => server.once('exit', r));
    try {
      const base = `http://127.0.0.1:${port}`;
      let ready = 0;
      for (let i = 0; i < 200 && ready !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await request(`${base}/readyz`).then(
          async (res) => (await res.body.dump(), res.statusCode),
          () => 0,
        );
      }
      expect({ ready, output: ready === 200 ? '' : output }).toEqual({ ready: 200, output: '' });
      const res = await request(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003083") { status } }',
        }),
      });
      expect(await res.body.json()).toMatchObject({ data: { fulfillmentTask: { status: 'DONE' } } });
      const page = await request(`${base}/graphql`, { headers: { accept: 'text/html' } });
      const script = /src="(graphql\/ide\/main\.js)/.exec(await page.body.text())?.[1];
      const asset = await request(`${base}/${script}`);
      expect({ page: page.statusCode, asset: asset.statusCode }).toEqual({ page: 200, asset: 200 });
      await asset.body.dump();
      // the user it runs as cannot write the tree it runs from
      await expect(
        run('setpriv', [
          `--reuid=${NOBODY}`,
          `--regid=${NOBODY}`,
          '--clear-groups',
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(probe)}, 'x')`,
        ]),
      ).rejects.toMatchObject({ stderr: expect.stringContaining('EACCES') });
      const { stdout } = await run('ls', [data]);
      expect(stdout).toContain('fulfillment-graph.sqlite');
    } finally {
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}
