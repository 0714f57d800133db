import type { Logger } from './logger';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
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
    this.report = { ready: false, checks: Object.fromEntries(checks.map((c) => [c.name, 'pending'])) };
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
    const checks = Object.fromEntries(results);
    const ready = results.every(([, r]) => r === 'ok');
    if (ready !== this.report.ready) this.logger.info({ ready, checks }, ready ? 'ready' : 'not ready');
    this.report = { ready, checks };
  }
}
