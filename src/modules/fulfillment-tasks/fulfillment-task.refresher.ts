import type { LingxingFulfillment, TaskResultRecord } from '../../upstreams/lingxing/fulfillment';
import type { Clock } from '../../platform/clock';
import { chunks } from '../../platform/chunks';
import type { Logger } from '../../platform/logger';
import type { TaskEvents } from './fulfillment-task.events';
import { isTerminalTaskStatus, resultOf } from './fulfillment-task.records';
import { FulfillmentTaskStatus } from './fulfillment-task-status.enum';
import type { Repository } from '../../store';
import type { StoredTask } from '../../store/repository';
/** Poll unfinished tasks 5 s after submission, then back off to every 5 minutes. */
const FIRST_POLL_MS = 5_000;
const MAX_POLL_INTERVAL_MS = 5 * 60_000;
/** A task the ERP still does not report after a day is given up on (status UNKNOWN, no more polls). */
const GIVE_UP_AFTER_MS = 24 * 3600_000;
const BATCH = 100;

export function nextPollDelay(attempts: number): number {
  return Math.min(MAX_POLL_INTERVAL_MS, FIRST_POLL_MS * 2 ** attempts);
}

/**
 * The background job of the task registry: polls unfinished tasks in batches of at most ten per
 * ERP call (through the same client, so under the same in-flight semaphore), writes terminal
 * states and stops polling them; then purges personal data past the retention period.
 */
export class Refresher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly deps: {
      repo: Repository;
      fulfillment: LingxingFulfillment;
      clock: Clock;
      logger: Logger;
      retentionDays: number;
      intervalMs: number;
      /** status changes become events; a subscribed task is polled at its fast interval */
      events?: TaskEvents;
    },
  ) {}

  start(): Promise<void> {
    if (this.deps.intervalMs <= 0) return Promise.resolve();
    const tick = () => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'refresher run failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.deps.intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.deps.intervalMs).unref();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass; returns what it did, for tests and logs. */
  async runOnce(): Promise<{
    polled: number;
    finished: number;
    purged: { mcfOrders: number; idempotencyKeys: number };
  }> {
    const now = this.deps.clock.now();
    const batches = await this.dueBatches(now);
    const finished = (await Promise.all(batches.map((b) => this.pollBatch(b.sellerId, b.tasks, now)))).reduce(
      (a, b) => a + b,
      0,
    );
    const polled = batches.reduce((n, b) => n + b.tasks.length, 0);
    const purged = await this.purge(now);
    if (polled || purged.mcfOrders || purged.idempotencyKeys)
      this.deps.logger.info({ polled, finished, purged }, 'refresher pass');
    return { polled, finished, purged };
  }

  /** The unfinished tasks due for a poll, per seller in batches of at most ten (one ERP call each). */
  async dueBatches(now: number): Promise<Array<{ sellerId: string; tasks: StoredTask[] }>> {
    const due = await this.deps.repo.dueTasks(iso(now), BATCH);
    const bySeller = new Map<string, StoredTask[]>();
    for (const t of due) bySeller.set(t.sellerId, [...(bySeller.get(t.sellerId) ?? []), t]);
    return [...bySeller].flatMap(([sellerId, tasks]) => chunks(tasks, 10).map((chunk) => ({ sellerId, tasks: chunk })));
  }

  /** Polls one batch (one getFulfillmentResult call) and records what it learnt; how many finished. */
  async pollBatch(sellerId: string, tasks: StoredTask[], now: number): Promise<number> {
    let found: Map<string, TaskResultRecord> | undefined;
    try {
      found = await this.deps.fulfillment.results(
        sellerId,
        tasks.map((t) => t.taskId),
      );
    } catch (error) {
      this.deps.logger.warn(
        { sellerId, tasks: tasks.length, code: (error as { code?: string }).code },
        'task refresh failed; will retry later',
      );
    }
    let finished = 0;
    for (const t of tasks) if (await this.record(t, found, now)) finished++;
    return finished;
  }

  /** Drops buyers' personal data past the retention period. */
  purge(now: number): Promise<{ mcfOrders: number; idempotencyKeys: number }> {
    return this.deps.repo.purgePersonalData(iso(now - this.deps.retentionDays * 86_400_000), iso(now));
  }

  /**
   * Writes what one poll learnt about a task: a terminal state ends polling; a task the ERP has
   * not reported for a day is given up (UNKNOWN); anything else, including a failed poll
   * (`found` undefined), is polled again after a longer wait. Returns whether the task finished.
   */
  private async record(t: StoredTask, found: Map<string, TaskResultRecord> | undefined, now: number): Promise<boolean> {
    const r = found?.get(t.taskId);
    const finished = r !== undefined && isTerminalTaskStatus(r.status);
    const givenUp = found !== undefined && r === undefined && now - Date.parse(t.createdAt) > GIVE_UP_AFTER_MS;
    if (givenUp)
      this.deps.logger.warn(
        { sellerId: t.sellerId, taskId: t.taskId },
        'the ERP has not reported this task for a day; no longer polling it',
      );
    const seen = r ?? t;
    const { events } = this.deps;
    const watched = events && t.watchedUntil && t.watchedUntil > iso(now);
    const patch = {
      status: givenUp ? FulfillmentTaskStatus.UNKNOWN : seen.status,
      failureReason: seen.failureReason,
      feedStatusCode: seen.feedStatusCode,
      finishedAt: finished ? iso(now) : null,
      nextPollAt:
        finished || givenUp ? null : iso(now + (watched ? events.watchedPollMs : nextPollDelay(t.pollAttempts + 1))),
      pollAttempts: t.pollAttempts + 1,
      updatedAt: iso(now),
      // a finished task keeps what the ERP said: read from the registry from now on
      result: finished && r ? resultOf({ ...r, taskId: t.taskId }) : null,
    };
    if (events && patch.status !== t.status) {
      // a transition: written only if nobody recorded it first, and then announced once
      const record = r ?? { ...t, shipTime: null, summary: null, results: [] };
      await events.transition(t, { ...record, taskId: t.taskId } as TaskResultRecord, patch);
    } else await this.deps.repo.updateTaskState(t.sellerId, t.taskId, patch);
    return finished;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
