import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineSchema, breakingChanges } from '../../src/contract/breaking-changes';

const ROOT = join(__dirname, '..', '..');
const committed = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');

describe('breaking-change detection', () => {
  it('flags a removed field and says why it breaks clients', async () => {
    const after = committed.replace(/\n {2}failureReason: String\n/, '\n');
    expect(after).not.toBe(committed);
    const changes = await breakingChanges(committed, after);
    expect(changes).toEqual([
      expect.objectContaining({
        path: 'FulfillmentTask.failureReason',
        message: "Field 'failureReason' was removed from object type 'FulfillmentTask'",
      }),
    ]);
  });

  it('flags a removed enum value and an argument that became required', async () => {
    const after = committed
      .replace(/\n {2}CANCELLED\n/, '\n')
      .replace('updatedSince: DateTime\n', 'updatedSince: DateTime!\n');
    const paths = (await breakingChanges(committed, after)).map((c) => c.path);
    // the edits hit the first occurrences in the file: FbaOutboundOrderStatus's CANCELLED, featureInventory's updatedSince
    expect(paths.sort()).toEqual(['FbaOutboundOrderStatus.CANCELLED', 'Query.featureInventory.updatedSince']);
  });

  it('lets a field go once it was deprecated, and never flags additions', async () => {
    const deprecated = committed.replace(
      /\n {2}failureReason: String\n/,
      '\n  failureReason: String @deprecated(reason: "use feedStatusCode")\n',
    );
    const removed = committed.replace(/\n {2}failureReason: String\n/, '\n');
    expect(await breakingChanges(deprecated, removed)).toEqual([]);
    const added = committed.replace(/\n {2}failureReason: String\n/, '\n  failureReason: String\n  retries: Int\n');
    expect(await breakingChanges(committed, added)).toEqual([]);
  });
});

describe('npm run schema:check against a checkout', () => {
  const check = (root: string) =>
    spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'contract', 'check.js'), '--root', root], {
      encoding: 'utf8',
    });
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore' });

  /** A repository whose history holds `previous` and whose working copy holds `current` as schema.graphql. */
  function checkout(previous: string, current: string, allowed?: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'fg-contract-'));
    git(dir, 'init', '-q');
    writeFileSync(join(dir, 'schema.graphql'), previous);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'previous contract');
    writeFileSync(join(dir, 'schema.graphql'), current);
    if (allowed) writeFileSync(join(dir, 'schema.breaking-allowed'), allowed);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'this change');
    return dir;
  }

  it('passes for the code as committed', () => {
    const dir = checkout(committed, committed);
    const run = check(dir);
    expect(run.status).toBe(0);
  });

  it('fails on drift between the code and schema.graphql', () => {
    const edited = committed.replace(
      'type FulfillmentTask implements Node',
      '"""hand edit"""\ntype FulfillmentTask implements Node',
    );
    const dir = checkout(edited, edited);
    const run = check(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('schema.graphql is not what the code prints: run `npm run schema`');
  });

  it('fails when the contract broke the previous one, and explains what broke', () => {
    const previous = committed.replace(
      /\n {2}failureReason: String\n/,
      '\n  failureReason: String\n  legacyCode: String\n',
    );
    const dir = checkout(previous, committed);
    const run = check(dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("BREAKING: Field 'legacyCode' was removed from object type 'FulfillmentTask'");
    expect(run.stdout).toContain('why it breaks clients:');
    expect(run.stderr).toContain('Deprecate first');
  });

  it('accepts a removal that was deprecated first, or one listed in schema.breaking-allowed', () => {
    const deprecated = committed.replace(
      /\n {2}failureReason: String\n/,
      '\n  failureReason: String\n  legacyCode: String @deprecated(reason: "gone in 2027")\n',
    );
    expect(check(checkout(deprecated, committed)).status).toBe(0);
    const previous = committed.replace(
      /\n {2}failureReason: String\n/,
      '\n  failureReason: String\n  legacyCode: String\n',
    );
    const run = check(
      checkout(previous, committed, 'FulfillmentTask.legacyCode  # announced to the orders team on 2026-11-01\n'),
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("accepted: Field 'legacyCode' was removed");
  });

  it('compares with the committed contract while schema.graphql has uncommitted changes', () => {
    const older = committed.replace(
      /\n {2}failureReason: String\n/,
      '\n  failureReason: String\n  legacyCode: String\n',
    );
    const dir = checkout(older, committed);
    expect(baselineSchema(dir)).toBe(older); // clean: the version before the last change
    writeFileSync(join(dir, 'schema.graphql'), committed + '\n');
    expect(baselineSchema(dir)).toBe(committed); // dirty: what is committed now
  });
});

describe('npm run codegen:check', () => {
  /** A copy of what codegen reads, with the project's node_modules so its plugins resolve. */
  function copy(operations: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'fg-codegen-'));
    for (const f of [
      'codegen.yml',
      'schema.graphql',
      'codegen/federation.graphql',
      'test/__generated__/operations.ts',
      ...operations.map((o) => `test/operations/${o}`),
    ]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), readFileSync(join(ROOT, f)));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  }
  const codegenCheck = (cwd: string) =>
    spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.yml', '--check'],
      { cwd, encoding: 'utf8' },
    );

  it('passes when the generated types match the operations, and fails when they are stale', () => {
    expect(codegenCheck(copy(['fragments.graphql', 'fulfillment.graphql', 'fba.graphql', 'mcf.graphql'])).status).toBe(
      0,
    );
    const stale = codegenCheck(copy(['fragments.graphql', 'fulfillment.graphql', 'fba.graphql'])); // an operation file changed (here: went away)
    expect(stale.status).toBe(1);
    expect(stale.stdout + stale.stderr).toContain('stale files were detected');
  }, 30_000);
});
