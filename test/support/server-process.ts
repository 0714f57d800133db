import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectStartCommand } from '../../bench/start-script';
import { CAPTURED_LINES } from './logs';

const ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'index.js');

export interface ServerProcess {
  child: ChildProcess;
  /** the /graphql URL from the "listening" log line */
  url: string;
  /** everything the process wrote so far, stdout and stderr */
  output(): string;
  /** resolves with the exit code once the process has exited */
  exited: Promise<number | null>;
}

/**
 * The environment a user's shell would give `npm start`: this one, less what a test runner adds
 * (jest's NODE_ENV=test switches Apollo's own signal handling off) and less any upstream or store
 * setting, plus `env`.
 */
export function userEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  for (const k of Object.keys(base))
    if (/^(NODE_ENV|JEST_|LINGXING_|SPAPI_|DATABASE_URL|AUTH_|REDIS_URL|ALLOW_SANDBOX)/.test(k)) delete base[k];
  return { ...base, ...env };
}

/** How `npm start` runs node: the environment it sets and the node flags it passes. */
const START = projectStartCommand(join(__dirname, '..', '..'));

function spawnServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [...START.flags, ENTRY], {
    env: { ...START.env, ...userEnv(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // what the process logged joins the file's captured lines (checked for buyer data after the file)
  void exited.then(() => CAPTURED_LINES.push(...output.split('\n').filter(Boolean)));
  return { child, output: () => output, exited };
}

/** Starts the built server (`node dist/src/index.js`, what `npm start` runs) and waits until it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const server = spawnServer(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${server.output()}`)), 15_000);
    const look = () => {
      const line = server
        .output()
        .split('\n')
        .find((l) => l.includes('fulfillment graph listening'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    };
    server.child.stdout.on('data', look);
    void server.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)} before listening:\n${server.output()}`));
    });
  });
  return { ...server, url };
}

/** Runs the built server until it exits by itself (a refused configuration). */
export async function runUntilExit(env: Record<string, string>, timeoutMs = 15_000) {
  const server = spawnServer(env);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
  const code = await server.exited;
  clearTimeout(timer);
  return { code, output: server.output() };
}
