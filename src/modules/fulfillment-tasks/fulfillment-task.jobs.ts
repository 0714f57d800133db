import PgBoss from 'pg-boss';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Refresher } from './fulfillment-task.refresher';
import type { Repository } from '../../store';

/** How long a batch's tasks wait for their queued poll job before a later pass may queue them again. */
const CLAIM_MS = 60_000;
const TICK = 'task-refresh-tick';
const POLL = 'task-poll';
const PURGE = 'personal-data-purge';

interface PollJob {
  sellerId: string;
  taskIds: string[];
}

/**
 * The refresher as durable jobs on PostgreSQL (pg-boss), for replicas sharing one store: every
 * replica offers a pass each interval but only one pass per interval is queued (a singleton slot);
 * that pass queues one job per batch of at most ten due tasks of a seller, and whichever replica
 * picks a job up polls it, with retries and backoff. The registry's next-poll times survive
 * restarts, so nothing is polled twice as often for running three replicas, and nothing is lost
 * when one dies. Personal-data purges run once per period across replicas the same way.
 */
export class DurableRefresher {
  private readonly boss: PgBoss;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      connectionString: string;
      schema: string;
      refresher: Refresher;
      repo: Repository;
      clock: Clock;
      logger: Logger;
      intervalMs: number;
    },
  ) {
    this.boss = new PgBoss({ connectionString: deps.connectionString, schema: deps.schema, max: 4 });
    this.boss.on('error', (error: Error) => deps.logger.error({ err: { message: error.message } }, 'job queue error'));
  }

  async start(): Promise<void> {
    if (this.deps.intervalMs <= 0) return;
    await this.boss.start();
    await this.boss.createQueue(TICK, { retryLimit: 0 });
    await this.boss.createQueue(POLL, { retryLimit: 5, retryDelay: 2, retryBackoff: true });
    await this.boss.createQueue(PURGE, { retryLimit: 3, retryDelay: 30, retryBackoff: true });
    const polling = { pollingIntervalSeconds: Math.max(0.5, this.deps.intervalMs / 2000) };
    await this.boss.work(TICK, polling, () => this.queueDueBatches());
    await this.boss.work<PollJob>(POLL, { ...polling, batchSize: 4 }, (jobs) =>
      Promise.all(jobs.map((job) => this.poll(job.data))),
    );
    await this.boss.work(PURGE, polling, async () => {
      const purged = await this.deps.refresher.purge(this.deps.clock.now());
      if (purged.mcfOrders || purged.idempotencyKeys) this.deps.logger.info({ purged }, 'personal data purged');
    });
    const offer = () => {
      const slot = Math.max(1, Math.round(this.deps.intervalMs / 1000));
      void Promise.all([
        this.boss.send(TICK, {}, { singletonSeconds: slot }),
        this.boss.send(PURGE, {}, { singletonSeconds: 60 }),
      ]).catch((error: Error) =>
        this.deps.logger.warn({ err: { message: error.message } }, 'could not offer a refresher pass'),
      );
    };
    offer();
    this.timer = setInterval(offer, this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.boss.stop({ graceful: true, timeout: 5_000, wait: true }).catch(() => undefined);
  }

  /** One pass: a job per batch of due tasks; their next poll is pushed back while the job waits. */
  private async queueDueBatches(): Promise<void> {
    const now = this.deps.clock.now();
    const batches = await this.deps.refresher.dueBatches(now);
    for (const { sellerId, tasks } of batches) {
      const taskIds = tasks.map((t) => t.taskId);
      await this.deps.repo.deferPolls(sellerId, taskIds, new Date(now + CLAIM_MS).toISOString());
      await this.boss.send(POLL, { sellerId, taskIds } satisfies PollJob, {
        singletonKey: `${sellerId}:${taskIds.join(',')}`,
      });
    }
  }

  private async poll({ sellerId, taskIds }: PollJob): Promise<void> {
    const stored = await this.deps.repo.tasksByIds(sellerId, taskIds);
    const tasks = taskIds.flatMap((id) => {
      const t = stored.get(id);
      return t && t.nextPollAt ? [t] : []; // finished meanwhile: nothing to do
    });
    if (tasks.length) await this.deps.refresher.pollBatch(sellerId, tasks, this.deps.clock.now());
  }
}

/** The jobs' schema: beside the store's (its search_path), or `pgboss`. */
export function jobsSchema(databaseUrl: string): string {
  const options = new URL(databaseUrl).searchParams.get('options') ?? '';
  const path = /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
  return path ? `${path}_jobs` : 'pgboss';
}
