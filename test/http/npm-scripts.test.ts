import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { userEnv } from '../support/server-process';

// The commands the README gives, run through npm as a terminal, a process manager or a container
// runtime runs them, and stopped by a signal sent to npm itself, not to the process group.
// (`--ignore-scripts` skips only the `pre` build: `npm test` has just built dist/.)

const root = join(__dirname, '..', '..');

interface Run {
  npm: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function npmRun(args: readonly string[], env: Record<string, string>): Run {
  const npm = spawn('npm', [...args, '--ignore-scripts'], {
    cwd: root,
    env: userEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
  npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  return { npm, output: () => output, exited };
}

async function until(what: string, run: Run, seen: (output: string) => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!seen(run.output())) {
    if (Date.now() > deadline || run.npm.exitCode !== null) throw new Error(`${what}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Whether anything still answers on the port. */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await request(url, { headersTimeout: 1_000, bodyTimeout: 1_000 });
    await res.body.dump();
    return true;
  } catch {
    return false;
  }
}

describe('a signal sent to npm reaches the server', () => {
  const runs: Run[] = [];
  afterEach(async () => {
    // npm passes SIGTERM on to the server (what these tests show); SIGKILL would orphan it
    for (const r of runs.splice(0))
      if (r.npm.exitCode === null) {
        r.npm.kill('SIGTERM');
        await Promise.race([r.exited, new Promise((done) => setTimeout(done, 15_000))]);
      }
  });

  it.each([
    ['npm start', ['start'], 'SIGTERM'],
    ['npm start', ['start'], 'SIGINT'],
    ['npm run serve (the production start, no compiler)', ['run', 'serve'], 'SIGTERM'],
  ] as const)('%s stops on %s to npm: drained, exit 0, the port freed', async (_name, args, signal) => {
    const port = await freePort();
    const run = npmRun(args, { PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-npm-')) });
    runs.push(run);
    await until('the server did not start', run, (o) => o.includes('fulfillment graph listening'));
    expect(await answers(`http://127.0.0.1:${port}/healthz`)).toBe(true);
    const sent = Date.now();
    run.npm.kill(signal);
    expect(await run.exited).toBe(0);
    // well within SHUTDOWN_TIMEOUT_MS (10 s by default)
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(run.output()).toContain('"msg":"stopped"');
    expect(await answers(`http://127.0.0.1:${port}/healthz`)).toBe(false);
  });

  it('npm run sandbox prints an environment that starts a gateway as printed, and stops on SIGTERM to npm', async () => {
    const [erpPort, amazonPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const sandbox = npmRun(['run', 'sandbox'], {
      LINGXING_SANDBOX_PORT: String(erpPort),
      SPAPI_SANDBOX_PORT: String(amazonPort),
    });
    runs.push(sandbox);
    await until('the sandbox did not print its environment', sandbox, (o) => / npm start\n/.test(o));
    // the printed line, as a user pastes it: NAME='value' pairs, then `npm start`
    const printed = sandbox.output().slice(sandbox.output().indexOf('point the gateway at it with'));
    const env = Object.fromEntries([...printed.matchAll(/([A-Z_]+)='([^']*)'/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['LINGXING_BASE_URL', 'SPAPI_ENDPOINT', 'AUTH_MODE']));
    const gateway = npmRun(['start'], {
      ...env,
      PORT: String(gatewayPort),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-npm-')),
    });
    runs.push(gateway);
    await until('the gateway did not start on the printed environment', gateway, (o) =>
      o.includes('fulfillment graph listening'),
    );
    const res = await request(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003083") { status } }' }),
    });
    expect(await res.body.json()).toMatchObject({ data: { fulfillmentTask: { status: 'DONE' } } });
    gateway.npm.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    sandbox.npm.kill('SIGTERM');
    expect(await sandbox.exited).toBe(0);
    expect(await answers(`http://127.0.0.1:${erpPort}/`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${amazonPort}/`)).toBe(false);
  });
});
