import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config';
import { parseStartScript } from '../../bench/start-script';

// No container engine or cluster runs here: the deployment files are read as the tools would read
// them and held to what the server itself does (its configuration defaults, its endpoints).

const root = join(__dirname, '..', '..');
type Obj = Record<string, any>;
const manifests = parseAllDocuments(readFileSync(join(root, 'deploy', 'k8s', 'fulfillment-graph.yaml'), 'utf8')).map(
  (d) => d.toJSON() as Obj,
);
const deployment = manifests.find((m) => m.kind === 'Deployment')!;
const pod = deployment.spec.template.spec as Obj;
const container = pod.containers[0] as Obj;
const env = Object.fromEntries((container.env as Obj[]).filter((e) => 'value' in e).map((e) => [e.name, e.value]));
const defaults = loadConfig({});

describe('the Kubernetes manifests', () => {
  it('probe liveness on /healthz and readiness on /readyz, on the port the server listens on', () => {
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    const port = (container.ports as Obj[]).find((p) => p.name === container.readinessProbe.httpGet.port)!;
    expect(String(port.containerPort)).toBe(env.PORT ?? String(defaults.port));
  });

  it('give a stopping pod longer than the server takes to drain (delay + timeout + its last resort)', () => {
    const delayMs = Number(env.SHUTDOWN_DELAY_MS ?? defaults.shutdownDelayMs);
    const timeoutMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? defaults.shutdownTimeoutMs);
    // the server exits by itself at delay + timeout + 5 s at the latest (src/main.ts)
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(delayMs + timeoutMs + 5_000);
    // and the readiness probe notices the drain before the port closes
    expect(container.readinessProbe.periodSeconds * container.readinessProbe.failureThreshold * 1000).toBeLessThan(
      delayMs,
    );
  });

  it('run as a non-root user on a read-only root file system, with no privileges to gain', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    // the one writable place is DATA_DIR (and /tmp)
    const writable = (container.volumeMounts as Obj[]).filter((m) => !m.readOnly).map((m) => m.mountPath);
    expect(writable.sort()).toEqual([env.DATA_DIR, '/tmp'].sort());
  });

  it('mount secrets as files, read through the *_FILE variables, never as plain values', () => {
    const secretMount = (container.volumeMounts as Obj[]).find((m) => m.name === 'secrets')!;
    const fileVars = Object.entries(env).filter(([name]) => name.endsWith('_FILE'));
    expect(fileVars.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'DATABASE_URL_FILE',
        'LINGXING_APP_SECRET_FILE',
        'SPAPI_CLIENT_SECRET_FILE',
        'SPAPI_SELLERS_FILE',
      ]),
    );
    for (const [, path] of fileVars) expect(String(path).startsWith(`${secretMount.mountPath}/`)).toBe(true);
    for (const secret of ['DATABASE_URL', 'REDIS_URL', 'LINGXING_APP_SECRET', 'SPAPI_CLIENT_SECRET', 'AUTH_JWT_SECRET'])
      expect(env[secret]).toBeUndefined();
  });

  it('keep two of three replicas through a voluntary disruption, and size memory from the bench', () => {
    const pdb = manifests.find((m) => m.kind === 'PodDisruptionBudget')!;
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const mib = (v: string) => Number(/^(\d+)Mi$/.exec(v)![1]);
    // bench/README.md: up to about 290 MB resident after a burst of 10,000 requests
    expect(mib(container.resources.requests.memory)).toBeGreaterThanOrEqual(300);
    expect(mib(container.resources.limits.memory)).toBeGreaterThan(mib(container.resources.requests.memory));
  });
});

describe('the Dockerfile and the compose file', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

  it('build in stages on Node 24, ship production dependencies only, run as a non-root user', () => {
    const stages = dockerfile.match(/^FROM .*$/gm)!;
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of stages) expect(from).toMatch(/^FROM node:24/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/DATA_DIR=\/data/);
  });

  it('start node itself (no npm, no shell, no compiler) and check /healthz', () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.at(-1)).toBe('dist/src/index.js');
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });

  it('run node with the memory settings `npm start` uses: the same flags, the same malloc arenas', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toMatch(/^exec env (?:[A-Z_]+=\S+ )+node (?:--\S+ )+dist\/src\/index\.js$/);
    const start = parseStartScript(pkg.scripts.start);
    expect(pkg.scripts.serve).toBe(pkg.scripts.start);
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(cmd.slice(1, -1)).toEqual(start.flags);
    for (const [name, value] of Object.entries(start.env))
      expect(dockerfile).toMatch(new RegExp(`^ENV ${name}=${value}$`, 'm'));
  });

  it('compose three replicas on one PostgreSQL and one Redis, read-only, secrets as files', () => {
    const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8'), { merge: true }) as Obj; // compose resolves << merge keys
    const gateways = Object.entries(compose.services as Obj).filter(([name]) => name.startsWith('gateway-'));
    expect(gateways).toHaveLength(3);
    for (const [, g] of gateways) {
      expect(g.read_only).toBe(true);
      expect(g.environment.REDIS_URL).toMatch(/^redis:\/\/redis:/);
      expect(g.environment.DATABASE_URL_FILE).toMatch(/^\/run\/secrets\//);
      expect(Object.keys(g.depends_on)).toEqual(['postgres', 'redis']);
    }
    expect(compose.services.postgres.image).toMatch(/^postgres:/);
    expect(compose.services.redis.image).toMatch(/^redis:/);
  });
});
