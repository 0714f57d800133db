import { LRUCache } from 'lru-cache';
import type { TaskResultRecord } from '../upstreams/lingxing/fulfillment';

/**
 * What this replica knows of tasks and the registry, to spare reads:
 * - tasks seen finished with their results kept (the record itself for the most recent ones), so
 *   the gate prices a read of them at 0 and the loader answers without asking the store again;
 * - task ids the registry did not hold a moment ago (ids this gateway never submitted, such as
 *   another tool's), so their reads go straight to the ERP for a minute.
 * Being wrong costs only a read: a task priced as unfinished is still answered from the registry,
 * and one thought absent is read from the ERP, which is never wrong about a task.
 */
export class FinishedTasks {
  private readonly finished = new LRUCache<string, true>({ max: 100_000 });
  private readonly records = new LRUCache<string, TaskResultRecord>({ max: 5_000 });
  private readonly absent = new LRUCache<string, true>({ max: 20_000, ttl: 60_000 });

  add(sellerId: string, taskId: string, record?: TaskResultRecord): void {
    const key = `${sellerId}\u0000${taskId}`;
    this.finished.set(key, true);
    this.absent.delete(key);
    if (record) this.records.set(key, record);
  }

  has(sellerId: string, taskId: string): boolean {
    return this.finished.has(`${sellerId}\u0000${taskId}`);
  }

  /** The finished task's record, if this replica still holds it. */
  record(sellerId: string, taskId: string): TaskResultRecord | undefined {
    return this.records.get(`${sellerId}\u0000${taskId}`);
  }

  /** The registry does not hold this task (an id this gateway never submitted). */
  markAbsent(sellerId: string, taskId: string): void {
    this.absent.set(`${sellerId}\u0000${taskId}`, true);
  }

  isAbsent(sellerId: string, taskId: string): boolean {
    return this.absent.has(`${sellerId}\u0000${taskId}`);
  }
}
