import DataLoader from 'dataloader';
import { MAX_TASK_IDS_PER_RESULT_CALL, type LingxingFulfillment, type TaskResultRecord } from './datasources/lingxing/fulfillment';

/**
 * Per-request DataLoaders, created in the context function: nothing is cached across requests.
 * Loaders are named by their key.
 */
export interface Loaders {
  /** FulfillmentTask results by task id, one loader per seller (the ERP call takes one seller). */
  taskById(sellerId: string): DataLoader<string, TaskResultRecord | null>;
}

export function createLoaders(deps: { fulfillment: LingxingFulfillment }): Loaders {
  const taskLoaders = new Map<string, DataLoader<string, TaskResultRecord | null>>();
  return {
    taskById(sellerId) {
      let loader = taskLoaders.get(sellerId);
      if (!loader) {
        loader = new DataLoader(
          async (taskIds) => {
            const found = await deps.fulfillment.results(sellerId, taskIds);
            // one entry per key, in key order; a task the ERP returns nothing for is null (not found)
            return taskIds.map((id) => found.get(id) ?? null);
          },
          // getFulfillmentResult takes at most ten task ids per call (seed 001); the loader's
          // cache makes each id asked for once per request.
          { maxBatchSize: MAX_TASK_IDS_PER_RESULT_CALL },
        );
        taskLoaders.set(sellerId, loader);
      }
      return loader;
    },
  };
}
