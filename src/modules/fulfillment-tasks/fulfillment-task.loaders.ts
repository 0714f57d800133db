import DataLoader from 'dataloader';
import { chunks } from '../../platform/chunks';
import type { Repository } from '../../store';
import type { FinishedTasks } from '../../store/finished-tasks';
import type { StoredTask } from '../../store/repository';
import {
  MAX_TASK_IDS_PER_RESULT_CALL,
  type LingxingFulfillment,
  type TaskResultRecord,
} from '../../upstreams/lingxing/fulfillment';
import { finishedFromStored } from './fulfillment-task.records';

export interface TaskLoaderDeps {
  fulfillment: LingxingFulfillment;
  store: Repository;
  /** tasks seen finished (the gate prices reads of them at 0) */
  finishedTasks?: FinishedTasks;
  /** told what a batch read at the ERP, after the answer (the task module records newer states) */
  onRead?: (sellerId: string, found: Map<string, TaskResultRecord>) => void;
}

/**
 * FulfillmentTask results of one seller by task id. A finished task the registry holds is
 * answered from it; the rest go to the ERP, ten ids per getFulfillmentResult call, the calls side
 * by side, a failed call failing only its own ids. The registry rows read on the way prime
 * `registry` (the registry-record loader), so shipments cost no second store read.
 */
export function taskResultsLoader(
  deps: TaskLoaderDeps,
  sellerId: string,
  registry: DataLoader<string, StoredTask | null>,
): DataLoader<string, TaskResultRecord | null> {
  return new DataLoader<string, TaskResultRecord | null>(
    async (taskIds) => {
      const kept = await fromRegistry(deps, sellerId, taskIds, registry);
      const ask = taskIds.filter((id) => !kept.has(id));
      const answers = await Promise.all(
        chunks(ask, MAX_TASK_IDS_PER_RESULT_CALL).map((ids) =>
          deps.fulfillment.results(sellerId, ids).then(
            (found) => ({ ids, found }),
            (error: Error) => ({ ids, error }),
          ),
        ),
      );
      const found = new Map<string, TaskResultRecord>();
      const failed = new Map<string, Error>();
      for (const a of answers)
        if ('found' in a) for (const [id, r] of a.found) found.set(id, r);
        else for (const id of a.ids) failed.set(id, a.error);
      deps.onRead?.(sellerId, found);
      // one entry per key, in key order; a task the ERP returns nothing for is null (not found)
      return taskIds.map((id) => kept.get(id) ?? failed.get(id) ?? found.get(id) ?? null);
    },
    // one batch per tick (the loader's cache makes each id asked for once per request)
    { maxBatchSize: 500 },
  );
}

/**
 * The finished tasks of a batch the registry holds: from this replica's memory, else from one store
 * read (which also learns which ids the registry does not hold, so the next read skips the store).
 */
async function fromRegistry(
  deps: TaskLoaderDeps,
  sellerId: string,
  taskIds: readonly string[],
  registry: DataLoader<string, StoredTask | null>,
): Promise<Map<string, TaskResultRecord>> {
  const known = deps.finishedTasks;
  const kept = new Map<string, TaskResultRecord>();
  const lookUp: string[] = [];
  for (const id of taskIds) {
    const record = known?.record(sellerId, id);
    if (record) kept.set(id, record);
    else if (!known?.isAbsent(sellerId, id)) lookUp.push(id);
  }
  const stored = await deps.store.tasksByIds(sellerId, lookUp);
  for (const id of lookUp) {
    const t = stored.get(id);
    registry.prime(id, t ?? null);
    if (!t) {
      known?.markAbsent(sellerId, id);
      continue;
    }
    const record = finishedFromStored(t);
    if (record) {
      kept.set(id, record);
      known?.add(sellerId, id, record);
    }
  }
  return kept;
}

/** Registry records of submitted tasks of one seller by task id: one store query per batch. */
export function storedTaskLoader(store: Repository, sellerId: string): DataLoader<string, StoredTask | null> {
  return new DataLoader<string, StoredTask | null>(
    async (taskIds) => {
      const found = await store.tasksByIds(sellerId, taskIds);
      return taskIds.map((id) => found.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}
