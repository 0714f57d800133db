import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What a clone of the repository holds is all a reader has: every reason the code and the manual
// cite must be inside it.

const root = join(__dirname, '..');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(
    (f) => /\.(ts|md|js|mjs|yml|yaml|json)$/.test(f) && !f.startsWith('bench/mesh/') && !f.startsWith('reference/'),
  )
  .filter((f) => f !== 'package-lock.json');

describe('the repository', () => {
  it('cites no document a clone does not hold (the team notes, the seed pages, issue numbers)', () => {
    const outside =
      /\b(LINGXING\.md|SPAPI\.md|STYLE\.md|shared\/API\.md|shared\/reference|seeds? 00\d|[Ii]ssues? #?\d+)\b/;
    const found = tracked.flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${f}:${i + 1}`, line }))
        .filter(({ line }) => outside.test(line)),
    );
    expect(found.map((x) => `${x.at}: ${x.line.trim()}`)).toEqual([]);
  });

  it('cites only documents that exist: every docs/… path named in code, tests and the manual', () => {
    const cited = new Set<string>();
    for (const f of tracked)
      for (const m of readFileSync(join(root, f), 'utf8').matchAll(/\bdocs\/[\w./-]+\.md\b/g)) cited.add(m[0]);
    expect(cited.size).toBeGreaterThan(5);
    expect([...cited].filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('gives a reason beside every dependency and override in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      overrides: Record<string, string>;
      '//': Record<string, string>;
    };
    const keys = Object.keys(pkg['//']).flatMap((k) => k.split(', '));
    const explained = (name: string) =>
      keys.some((k) => k === name || (k.endsWith('*') && name.startsWith(k.slice(0, -1))));
    const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(names.filter((n) => !explained(n))).toEqual([]);
    expect(Object.keys(pkg.overrides).filter((n) => !explained(`overrides: ${n}`))).toEqual([]);
  });

  it('keeps the README a front door (at most 20 kB) with the manual in docs/', () => {
    expect(Buffer.byteLength(readFileSync(join(root, 'README.md')))).toBeLessThanOrEqual(20 * 1024);
    for (const doc of ['api.md', 'operations.md', 'architecture.md', 'upstreams/lingxing.md', 'upstreams/sp-api.md'])
      expect(existsSync(join(root, 'docs', doc))).toBe(true);
  });
});
