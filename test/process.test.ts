import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';

/** `npm start` as a user runs it: the built server in its own process, on the embedded sandbox. */
describe('the server process', () => {
  let child: ChildProcess;
  let output = '';

  afterEach(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts on the embedded sandbox with no credentials, serves a query, and stops cleanly on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-process-')),
    };
    for (const k of Object.keys(env)) if (/^(LINGXING_|SPAPI_|DATABASE_URL)/.test(k)) delete env[k];
    child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'src', 'index.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in:\n${output}`)), 15_000);
      child.stdout!.on('data', () => {
        const line = output.split('\n').find((l) => l.includes('fulfillment graph listening'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line).url);
        }
      });
    });
    expect(output).toContain('using the embedded ERP sandbox');
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ fulfillmentTask(sellerId: "A1MQMW3JWPNCBX", taskId: "1003085") { status results { messageId } } }',
      }),
    });
    expect(await res.body.json()).toEqual({
      data: { fulfillmentTask: { status: 'DONE', results: [{ messageId: '2725' }] } },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
