import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runUntilExit } from '../support/server-process';
import { testStoreEnv } from '../support/stores';

// Mistakes an operator makes at start-up, run against the built server as `npm start` runs it:
// each exit names what is wrong, and what is allowed, in one line, without a stack or a secret.

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const dataDir = () => mkdtempSync(join(tmpdir(), 'fg-startup-'));

describe('configuration mistakes name the variable', () => {
  it.each([
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/],
    ['GRAPHQL_INTROSPECTION', 'yes', /GRAPHQL_INTROSPECTION must be true or false \(got "yes"\)/],
    ['ALLOW_SANDBOX', 'ture', /ALLOW_SANDBOX must be true or false/],
    ['MAX_DEPTH', 'deep', /MAX_DEPTH must be a non-negative integer \(got "deep"\)/],
    [
      'LINGXING_APP_SECRET_FILE',
      '/nonexistent/erp-secret',
      /LINGXING_APP_SECRET_FILE names a file that cannot be read: ENOENT/,
    ],
  ])('%s=%s exits 78 saying what is allowed', async (name, value, said) => {
    const { code, output } = await runUntilExit({ DATA_DIR: dataDir(), [name]: value });
    expect(code).toBe(78);
    expect(output).toMatch(said);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unreachable DATABASE_URL is tried for STARTUP_CONNECT_TIMEOUT_MS, then named with host:port, never the password', async () => {
    const started = Date.now();
    const { code, output } = await runUntilExit({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://gateway:s3cret-password@127.0.0.1:1/fulfillment',
      STARTUP_CONNECT_TIMEOUT_MS: '1500',
    });
    expect(code).toBe(69);
    expect(output).toContain('DATABASE_URL not reachable yet: trying again');
    expect(output).toMatch(/cannot start: DATABASE_URL: 127\.0\.0\.1:1 could not be reached within 1500 ms/);
    expect(output).not.toContain('s3cret-password');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('a DATABASE_URL that refuses the credentials exits 78 at once, naming the variable', async () => {
    const { code, output } = await runUntilExit({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://no_such_role_here:pw-not-shown@127.0.0.1:5432/test',
    });
    expect(code).toBe(78);
    expect(output).toMatch(/configuration error: DATABASE_URL: 127\.0\.0\.1:5432 refused the connection/);
    expect(output).not.toContain('pw-not-shown');
  });

  it('an unreachable REDIS_URL is named with host:port after STARTUP_CONNECT_TIMEOUT_MS, never the password', async () => {
    const store = await testStoreEnv('postgres');
    try {
      const { code, output } = await runUntilExit({
        ...store.env,
        REDIS_URL: 'redis://:r3dis-password@127.0.0.1:1',
        STARTUP_CONNECT_TIMEOUT_MS: '1500',
      });
      expect(code).toBe(69);
      expect(output).toMatch(/cannot start: REDIS_URL: 127\.0\.0\.1:1 could not be reached within 1500 ms/);
      expect(output).not.toContain('r3dis-password');
    } finally {
      await store.cleanup();
    }
  });
});

describe('the runtime', () => {
  // the machine's own Node (20 here) beside the project's Node 24
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find(existsSync);

  it('says in one line that Node 24 is needed when started on an older Node', async () => {
    expect(oldNode).toBeDefined();
    const version = (await run(oldNode!, ['--version'])).stdout.trim();
    expect(Number(version.slice(1).split('.')[0])).toBeLessThan(24);
    const result = await run(oldNode!, [join(root, 'dist', 'src', 'index.js')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(result).toMatchObject({ code: 1 });
    const lines = (result as { stderr: string }).stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^fulfillment-graph needs Node\.js 24 or later; this is v\d+/)]);
  });
});

describe('npm run token', () => {
  const cli = join(root, 'dist', 'src', 'auth', 'token-cli.js');

  it('--help names AUTH_JWT_SECRET and every option', async () => {
    const { stdout } = await run(process.execPath, [cli, '--help']);
    expect(stdout).toContain('AUTH_JWT_SECRET');
    for (const option of ['--sellers', '--stores', '--scope', '--sub', '--ttl']) expect(stdout).toContain(option);
  });

  it('refuses an unknown option with the usage, exit 64, no stack', async () => {
    const result = await run(process.execPath, [cli, '--seller', 'A1']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(result).toMatchObject({ code: 64 });
    expect((result as { stderr: string }).stderr).toMatch(/^Unknown option '--seller'/);
    expect((result as { stderr: string }).stderr).toContain('usage: npm run --silent token');
    expect((result as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
