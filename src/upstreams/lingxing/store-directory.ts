import { rejectOnAbort } from '../../platform/abortable';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { countUpstreamCall, currentSignal, operationScope } from '../../platform/operation-scope';
import type { ErpStoreRecord, LingxingStores } from './stores';

export interface StoreDirectoryOptions {
  stores: Pick<LingxingStores, 'list'>;
  clock: Clock;
  logger: Logger;
  /** ERP_STORES_REFRESH_MS: how long a fetched list is used before the next read fetches it again */
  refreshMs: number;
  /** a name the list does not hold fetches the list again, at most this often (a store added a moment ago) */
  missRefreshMs?: number;
}

interface Fetched {
  stores: readonly ErpStoreRecord[];
  byName: ReadonlyMap<string, ErpStoreRecord>;
  at: number;
}

/**
 * The ERP's store list, cached: the path's capacity is 1 and stores change rarely. One fetch at a
 * time (concurrent readers share it); a list older than `refreshMs` is fetched again when next
 * read; a fetch that fails while an older list exists serves the older one (and says so in the log).
 * The fetch belongs to no operation (one that ends early does not cancel it for the others
 * waiting); the operation that starts it is charged the call, and each reader stops waiting
 * when its own operation ends.
 */
export class StoreDirectory {
  private current?: Fetched;
  private inFlight?: Promise<Fetched>;

  constructor(private readonly options: StoreDirectoryOptions) {}

  /** Every store the ERP lists. */
  async list(): Promise<readonly ErpStoreRecord[]> {
    return (await this.fresh()).stores;
  }

  /** The store of this name, or null when the ERP does not list it (after one re-fetch, rate-limited). */
  async byName(name: string): Promise<ErpStoreRecord | null> {
    const fetched = await this.fresh();
    const found = fetched.byName.get(name);
    if (found) return found;
    const missRefreshMs = this.options.missRefreshMs ?? 60_000;
    if (this.options.clock.now() - fetched.at < missRefreshMs) return null;
    return (await this.fetch()).byName.get(name) ?? null;
  }

  /** The region of the store the ERP lists for this seller in this marketplace, or null. */
  async regionOf(sellerId: string, marketplaceId: string): Promise<ErpStoreRecord['region']> {
    const stores = await this.list();
    return stores.find((s) => s.sellerId === sellerId && s.marketplaceId === marketplaceId)?.region ?? null;
  }

  private async fresh(): Promise<Fetched> {
    const current = this.current;
    if (current && this.options.clock.now() - current.at < this.options.refreshMs) return current;
    return this.fetch();
  }

  private fetch(): Promise<Fetched> {
    if (!this.inFlight) countUpstreamCall();
    this.inFlight ??= operationScope
      .exit(() => this.options.stores.list())
      .then((stores) => {
        const fetched = { stores, byName: new Map(stores.map((s) => [s.name, s])), at: this.options.clock.now() };
        this.current = fetched;
        return fetched;
      })
      .catch((error: unknown) => {
        const previous = this.current;
        if (!previous) throw error;
        this.options.logger.warn(
          { err: error, ageMs: this.options.clock.now() - previous.at },
          'the ERP store list could not be fetched again: the previous list is used',
        );
        return previous;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return untilOperationEnds(this.inFlight);
  }
}

/** The shared fetch, for as long as the reader's operation lasts. */
function untilOperationEnds<T>(shared: Promise<T>): Promise<T> {
  const signal = currentSignal();
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  let detach = () => undefined as void;
  const ended = new Promise<never>((_, reject) => {
    detach = rejectOnAbort(signal, reject, () => undefined);
  });
  return Promise.race([shared, ended]).finally(() => detach());
}
