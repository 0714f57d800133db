import type { TaskResultRecord } from '../../upstreams/lingxing/fulfillment';
import type { Clock } from '../../platform/clock';
import { toFulfillmentTask } from './fulfillment-task.mapping';
import { NotFoundError, ThrottledError } from '../../errors';
import type { Logger } from '../../platform/logger';
import { FulfillmentTaskStatus } from './fulfillment-task-status.enum';
import type { FulfillmentTask } from './fulfillment-task.type';
import type { Repository } from '../../store';
import type { StoredTask } from '../../store/repository';
import type { FinishedTasks } from '../../store/finished-tasks';
import type { EventBus } from '../../events/bus';
import { openFeed, type Subscriber } from '../../events/feed';
import { finishedFromStored, fromStored, isTerminalTaskStatus, resultOf } from './fulfillment-task.records';

/** How long one mark of interest lasts; a live subscription renews it at half that. */
const WATCH_MS = 60_000;

export const taskTopic = (sellerId: string, taskId: string) => `task:${sellerId}:${taskId}`;

/** What travels on the bus: the task as the ERP reported it when its status changed. */
export interface TaskEvent {
  sellerId: string;
  record: TaskResultRecord;
}

/** A task subscription's subscriber, and how it reads the ERP (through its own request's loader, or afresh). */
export interface TaskSubscriber extends Subscriber {
  /** the task's ERP record as this subscription's first read sees it (its request's loader) */
  read(taskId: string): Promise<TaskResultRecord | null>;
  /** the task's ERP record read afresh, for a later state (charged to the subscriber first) */
  readAgain(taskId: string): Promise<TaskResultRecord | null>;
}

export type TaskStatePatch = Parameters<Repository['updateTaskState']>[2];

/**
 * Task status changes as events. A change is written to the registry only if the
 * registry still holds the state it changed from, so of the refresher, a read, and every replica,
 * exactly one writer announces each transition.
 */
export class TaskEvents {
  constructor(
    private readonly deps: {
      repo: Repository;
      bus: EventBus;
      clock: Clock;
      logger: Logger;
      /** how often a subscribed unfinished task is polled */
      watchedPollMs: number;
      /** how often a subscription renews its mark and rechecks the registry for a lost event (default 30 s) */
      recheckMs?: number;
      /** tasks seen finished: the gate prices reads of them at 0 */
      finishedTasks?: FinishedTasks;
    },
  ) {}

  /**
   * After a read at the ERP (the request loader's): records and announces any newer state it saw,
   * after the answer and never failing it. One function for every request, bound once.
   */
  readonly noticed = (sellerId: string, found: Map<string, TaskResultRecord>): void => {
    void this.observe(sellerId, found).catch((error: Error) =>
      this.deps.logger.warn({ err: { message: error.message } }, 'could not record a newer task state'),
    );
  };

  get watchedPollMs(): number {
    return this.deps.watchedPollMs;
  }

  /** Announces a task's state (its first one, at submission). */
  async announce(sellerId: string, record: TaskResultRecord): Promise<void> {
    await this.deps.bus
      .publish(taskTopic(sellerId, record.taskId), { sellerId, record } satisfies TaskEvent)
      .catch((error: Error) => this.deps.logger.warn({ err: { message: error.message } }, 'task event not published'));
  }

  /**
   * Writes `patch` if the task is still in `stored.status`; announces the new state when it did. A
   * finished task keeps what the ERP reported, so reading it again asks the ERP nothing.
   */
  async transition(stored: StoredTask, record: TaskResultRecord, patch: TaskStatePatch): Promise<boolean> {
    if (isTerminalTaskStatus(String(patch.status)) && !patch.result) patch = { ...patch, result: resultOf(record) };
    const won = await this.deps.repo.updateTaskState(stored.sellerId, stored.taskId, patch, stored.status);
    if (won && patch.result) this.deps.finishedTasks?.add(stored.sellerId, stored.taskId);
    if (won) await this.announce(stored.sellerId, { ...record, status: patch.status as FulfillmentTaskStatus });
    return won;
  }

  /**
   * A read saw these states: where the registry holds an unfinished task in an older state, the
   * newer one is recorded and announced (no extra upstream call: the read already happened).
   */
  async observe(sellerId: string, found: ReadonlyMap<string, TaskResultRecord>): Promise<void> {
    if (found.size === 0) return;
    const stored = await this.deps.repo.tasksByIds(sellerId, [...found.keys()]);
    const now = new Date(this.deps.clock.now()).toISOString();
    for (const [taskId, record] of found) {
      const t = stored.get(taskId);
      if (!t) continue;
      // finished before its result was kept (an older registry): keep it now, nothing to announce
      if (isTerminalTaskStatus(t.status) && !t.result && t.status === String(record.status)) {
        await this.deps.repo.storeTaskResult(sellerId, taskId, t.status, resultOf(record));
        this.deps.finishedTasks?.add(sellerId, taskId);
        continue;
      }
      if (t.nextPollAt === null || t.status === String(record.status)) continue;
      const terminal = isTerminalTaskStatus(record.status);
      await this.transition(t, record, {
        status: record.status,
        failureReason: record.failureReason,
        feedStatusCode: record.feedStatusCode,
        finishedAt: terminal ? now : null,
        nextPollAt: terminal ? null : t.nextPollAt,
        pollAttempts: t.pollAttempts,
        updatedAt: now,
      });
    }
  }

  /**
   * `fulfillmentTaskUpdated`: the task's state now, then each change to the final one. Only tasks
   * in the registry (the ones the refresher follows); a final task's results come from the
   * registry (or, for a task finished before the registry kept results, from one read).
   */
  async follow(
    sellerId: string,
    taskId: string,
    subscriber: TaskSubscriber,
  ): Promise<AsyncIterableIterator<FulfillmentTask>> {
    const { repo, bus, clock } = this.deps;
    return openFeed<TaskEvent, FulfillmentTask>({
      bus,
      topic: taskTopic(sellerId, taskId),
      subscriber,
      initial: async () => {
        const stored = (await repo.tasksByIds(sellerId, [taskId])).get(taskId);
        if (!stored)
          throw new NotFoundError(
            'This gateway follows only the tasks it submitted; query fulfillmentTask for others.',
            ['taskId'],
          );
        if (isTerminalTaskStatus(stored.status)) {
          // the final state with its results and summary: kept in the registry, else one read
          const kept = finishedFromStored(stored);
          if (kept) return toFulfillmentTask(sellerId, kept, stored.shipments);
          const record = await subscriber.read(taskId);
          if (record) return toFulfillmentTask(sellerId, record, stored.shipments);
        }
        return toFulfillmentTask(sellerId, fromStored(stored), stored.shipments);
      },
      onEvent: (event) =>
        // through Redis the event is JSON: the one date comes back as a string
        toFulfillmentTask(event.sellerId, {
          ...event.record,
          shipTime: event.record.shipTime ? new Date(event.record.shipTime) : null,
        }),
      isFinal: (task) => isTerminalTaskStatus(task.status) || task.status === FulfillmentTaskStatus.UNKNOWN,
      key: (task) => task.status,
      whileOpen: (deliver, lastKey) => {
        const mark = () => {
          const now = clock.now();
          void repo
            .watchTask(
              sellerId,
              taskId,
              new Date(now + WATCH_MS).toISOString(),
              new Date(now + this.deps.watchedPollMs).toISOString(),
            )
            .catch((error: Error) =>
              this.deps.logger.warn({ err: { message: error.message } }, 'could not mark a watched task'),
            );
        };
        // an event lost on the way (a Redis blip) is found again in the registry: a store read, and
        // for a final state one ERP read for its results
        const recheck = async (): Promise<FulfillmentTask | null> => {
          const stored = (await repo.tasksByIds(sellerId, [taskId])).get(taskId);
          if (!stored || stored.status === lastKey()) return null;
          if (isTerminalTaskStatus(stored.status)) {
            const kept = finishedFromStored(stored);
            if (kept) return toFulfillmentTask(sellerId, kept, stored.shipments);
            // the one ERP read a subscription may cause after its first state: charged to its caller
            const refused = await subscriber.charge(1);
            if (refused) throw refused;
            const record = await subscriber.readAgain(taskId);
            if (record) return toFulfillmentTask(sellerId, record, stored.shipments);
          }
          return toFulfillmentTask(sellerId, fromStored(stored), stored.shipments);
        };
        mark();
        const timer = setInterval(
          () => {
            mark();
            deliver(
              recheck().catch((error: Error) => {
                if (error instanceof ThrottledError) throw error; // the caller cannot pay: the subscription ends
                this.deps.logger.warn({ err: { message: error.message } }, 'could not recheck a watched task');
                return null;
              }),
            );
          },
          this.deps.recheckMs ?? WATCH_MS / 2,
        );
        timer.unref();
        return () => clearInterval(timer);
      },
    });
  }
}
