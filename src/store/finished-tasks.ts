import { LRUCache } from 'lru-cache';

/**
 * The tasks this replica has seen finished and kept in the registry (their results included), so
 * the gate can price a read of them at 0 before it runs: such a read is answered from the
 * registry. A task this replica has not seen finished yet is priced as an ERP read (an upper
 * bound: the read itself still finds it in the registry). Bounded; forgetting costs only that.
 */
export class FinishedTasks {
  private readonly keys = new LRUCache<string, true>({ max: 100_000 });

  add(sellerId: string, taskId: string): void {
    this.keys.set(`${sellerId}\u0000${taskId}`, true);
  }

  has(sellerId: string, taskId: string): boolean {
    return this.keys.has(`${sellerId}\u0000${taskId}`);
  }
}
