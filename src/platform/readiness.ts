import type { Logger } from './logger';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /**
   * `local` (the default): this replica's own dependencies (its store, Redis): a failure makes the
   * replica unready. `upstream`: the ERP and Amazon, shared by every replica: reported, never a
   * reason to take the replica out of service (an ERP outage would take every replica out at once,
   * and the callers' errors already say UPSTREAM_UNAVAILABLE).
   */
  kind?: 'local' | 'upstream';
}

export interface ReadinessReport {
  /** every local check passed */
  ready: boolean;
  /** the local checks' results (`ok`, `pending`, or an error code) */
  checks: Record<string, string>;
  /** the upstream checks' results, the same way */
  upstreams: Record<string, string>;
}

/**
 * Readiness from checks run in the background (docs/api.md: `/readyz` answers within 1 s
 * whatever the upstreams do). Each round runs every check with its own deadline; `/readyz` reads
 * the last report. Until the first round has finished, the service is not ready (`pending`).
 */
export class ReadinessMonitor {
  private report: ReadinessReport;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(
    private readonly checks: ReadinessCheck[],
    private readonly logger: Logger,
    private readonly options: { intervalMs?: number; checkTimeoutMs?: number } = {},
  ) {
    const pending = (kind: 'local' | 'upstream') =>
      Object.fromEntries(checks.filter((c) => (c.kind ?? 'local') === kind).map((c) => [c.name, 'pending']));
    this.report = { ready: false, checks: pending('local'), upstreams: pending('upstream') };
  }

  get current(): ReadinessReport {
    return this.report;
  }

  start(): void {
    void this.runRound();
    this.timer = setInterval(() => void this.runRound(), this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round of every check; at most one round at a time. */
  runRound(): Promise<void> {
    this.round ??= this.runChecks().finally(() => (this.round = undefined));
    return this.round;
  }

  private async runChecks(): Promise<void> {
    const timeoutMs = this.options.checkTimeoutMs ?? 2_000;
    const results = await Promise.all(
      this.checks.map(async (c): Promise<[string, string]> => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            c.check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), timeoutMs);
            }),
          ]);
          return [c.name, 'ok'];
        } catch (error) {
          const e = error as { code?: unknown; extensions?: { code?: unknown } };
          const code = e.extensions?.code ?? e.code;
          return [c.name, typeof code === 'string' ? code : 'failed'];
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const local = (c: ReadinessCheck) => (c.kind ?? 'local') === 'local';
    const checks = Object.fromEntries(results.filter((_, i) => local(this.checks[i])));
    const upstreams = Object.fromEntries(results.filter((_, i) => !local(this.checks[i])));
    const ready = Object.values(checks).every((r) => r === 'ok');
    const changed = ready !== this.report.ready || JSON.stringify(upstreams) !== JSON.stringify(this.report.upstreams);
    if (changed) this.logger.info({ ready, checks, upstreams }, ready ? 'ready' : 'not ready');
    this.report = { ready, checks, upstreams };
  }
}
