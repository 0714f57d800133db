import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How package.json's `start` script runs node: `exec env VAR=value … node <flags>
 * dist/src/index.js`. The bench and the process tests start the gateway the same way from this.
 */
export interface StartCommand {
  /** the variables `env` sets (MALLOC_ARENA_MAX) */
  env: Record<string, string>;
  /** node's flags, in order */
  flags: string[];
}

/** How `npm start` runs node, read from the package.json in the project's root directory `root`. */
export function projectStartCommand(root: string): StartCommand {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return parseStartScript(pkg.scripts.start);
}

/** Parses the start script; throws if it is not of that form. */
export function parseStartScript(script: string): StartCommand {
  const m = /^(?:exec )?(?:env((?: [A-Z_]+=\S+)+) )?node((?: --\S+)*) dist\/src\/index\.js$/.exec(script);
  if (!m) throw new Error('package.json start script is not `exec [env VAR=value …] node <flags> dist/src/index.js`');
  const words = (group: string | undefined) => (group ?? '').split(' ').filter(Boolean);
  return {
    env: Object.fromEntries(words(m[1]).map((kv) => kv.split('=', 2) as [string, string])),
    flags: words(m[2]),
  };
}
