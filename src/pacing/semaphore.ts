import { rejectOnAbort } from '../platform/abortable';

interface Waiter {
  grant: () => void;
}

/**
 * A counting semaphore whose queue is fair across tenants. Lingxing's 令牌桶容量 is a cap on
 * requests in flight per (appId, path), shared by every seller of the appId (docs/upstreams/lingxing.md,
 * "Paths and their capacities"): waiters queue per tenant (seller or store) and a freed permit goes to the
 * next tenant in turn, so one seller's burst of a thousand calls cannot make another seller's
 * single call wait behind all of them. Within a tenant, first come first served. A waiter whose
 * operation ended (its signal fired) leaves the queue and is never granted.
 */
export class Semaphore {
  private available: number;
  private readonly queues = new Map<string, Waiter[]>();
  /** tenants with waiters, in the order they get their turn */
  private readonly ring: string[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.available = capacity;
  }

  get inFlight(): number {
    return this.capacity - this.available;
  }

  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Resolves with a release function once a permit is held; call it exactly once. */
  async acquire(options: { tenant?: string; signal?: AbortSignal } = {}): Promise<() => void> {
    const { tenant = '', signal } = options;
    if (signal?.aborted) throw signal.reason;
    if (this.available > 0 && this.ring.length === 0) {
      this.available--;
    } else {
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          grant: () => {
            detach();
            resolve();
          },
        };
        let queue = this.queues.get(tenant);
        if (!queue) {
          queue = [];
          this.queues.set(tenant, queue);
          this.ring.push(tenant);
        }
        queue.push(waiter);
        const detach = rejectOnAbort(signal, reject, () => this.remove(tenant, waiter));
      });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOver();
    };
  }

  /** A permit came back: the next tenant in turn gets it, or it becomes available. */
  private handOver(): void {
    const tenant = this.ring.shift();
    if (tenant === undefined) {
      this.available++;
      return;
    }
    const queue = this.queues.get(tenant)!;
    const waiter = queue.shift()!;
    if (queue.length) this.ring.push(tenant);
    else this.queues.delete(tenant);
    waiter.grant();
  }

  private remove(tenant: string, waiter: Waiter): void {
    const queue = this.queues.get(tenant);
    if (!queue) return;
    const i = queue.indexOf(waiter);
    if (i >= 0) queue.splice(i, 1);
    if (queue.length === 0) {
      this.queues.delete(tenant);
      const r = this.ring.indexOf(tenant);
      if (r >= 0) this.ring.splice(r, 1);
    }
  }
}
