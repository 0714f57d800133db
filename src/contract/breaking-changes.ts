import { execFileSync } from 'node:child_process';
import { CriticalityLevel, DiffRule, diff } from '@graphql-inspector/core';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';

/**
 * The committed contract (schema.graphql) and its history: drift between the code and the file,
 * and breaking changes between the previous committed version and this one. Removing a field
 * that was deprecated first is allowed (docs/api.md: rename or remove only with a deprecation).
 */
export interface BreakingChange {
  path?: string;
  message: string;
  reason?: string;
}

/** Subgraph SDL uses federation directives it does not define: build it without validating them. */
export function schemaFromSdl(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

export async function breakingChanges(before: string, after: string): Promise<BreakingChange[]> {
  const next = schemaFromSdl(after);
  const changes = await diff(schemaFromSdl(before), next, [DiffRule.suppressRemovalOfDeprecatedField]);
  // importing a federation directive through @link renames its definition (`@federation__x` → `@x`):
  // the same spec directive, not a change to the contract
  const imported = (c: { path?: string }) =>
    c.path?.startsWith('@federation__') && next.getDirective(c.path.slice('@federation__'.length)) !== undefined;
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking && !imported(c))
    .map((c) => ({ path: c.path, message: c.message, reason: c.criticality.reason }));
}

/** Breaking changes someone accepted on purpose: `schema.breaking-allowed`, one `path  # why` a line. */
export function acceptedPaths(text: string): Set<string> {
  return new Set(
    text
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

/**
 * The schema.graphql this change is compared with: the committed one when the working copy
 * differs from it, else the one before the last commit that changed it; `SCHEMA_BASELINE_REF`
 * (e.g. `origin/main`) overrides. Null when there is no earlier version.
 */
export function baselineSchema(
  repoDir: string,
  file = 'schema.graphql',
  ref = process.env.SCHEMA_BASELINE_REF,
): string | null {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const show = (rev: string) => {
    try {
      return git('show', `${rev}:${file}`);
    } catch {
      return null;
    }
  };
  if (ref) return show(ref);
  const dirty = git('status', '--porcelain', '--', file).trim() !== '';
  if (dirty) return show('HEAD');
  const last = git('log', '-1', '--format=%H', '--', file).trim();
  return last ? show(`${last}^`) : null;
}
