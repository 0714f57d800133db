import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptedPaths, baselineSchema, breakingChanges } from './breaking-changes';
import { buildAppSchema } from '../graphql/build-schema';
import { printAppSchema } from './print';

/**
 * `npm run schema:check` (part of `npm test`): fails when schema.graphql is not what the code
 * prints, or when it breaks the previous committed version without saying so.
 */
async function main(): Promise<number> {
  // --root DIR checks another checkout (the tests use it); by default, this project
  const rootArg = process.argv.indexOf('--root');
  const root = rootArg > 0 ? process.argv[rootArg + 1] : join(__dirname, '..', '..', '..');
  const committed = readFileSync(join(root, 'schema.graphql'), 'utf8');
  const current = await printAppSchema(await buildAppSchema());
  if (current !== committed) {
    process.stderr.write('schema.graphql is not what the code prints: run `npm run schema` and commit the result.\n');
    return 1;
  }
  let baseline: string | null;
  try {
    baseline = baselineSchema(root);
  } catch {
    process.stdout.write(
      'schema check: no git history here, so no earlier contract to compare with; drift check passed.\n',
    );
    return 0;
  }
  if (!baseline) {
    process.stdout.write('schema check: no earlier schema.graphql; drift check passed.\n');
    return 0;
  }
  const allowFile = join(root, 'schema.breaking-allowed');
  const accepted = existsSync(allowFile) ? acceptedPaths(readFileSync(allowFile, 'utf8')) : new Set<string>();
  const breaking = await breakingChanges(baseline, committed);
  const refused = breaking.filter((b) => !b.path || !accepted.has(b.path));
  for (const b of breaking) {
    process.stdout.write(
      `${refused.includes(b) ? 'BREAKING' : 'accepted'}: ${b.message}${b.reason ? `\n  why it breaks clients: ${b.reason}` : ''}\n`,
    );
  }
  if (refused.length) {
    process.stderr.write(
      `\n${refused.length} breaking change(s) against the previous schema.graphql. Deprecate first (@deprecated(reason:)) and remove later, ` +
        'or, if the break is intended and announced, list the path in schema.breaking-allowed with the reason.\n',
    );
    return 1;
  }
  process.stdout.write(
    `schema check: no drift, ${breaking.length ? `${breaking.length} accepted` : 'no'} breaking change(s).\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`schema check failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
