import DataLoader from 'dataloader';
import type { Access } from '../auth/principal';
import { ForbiddenError } from '../errors';
import {
  MAX_TASK_IDS_PER_RESULT_CALL,
  type LingxingFulfillment,
  type TaskResultRecord,
} from '../upstreams/lingxing/fulfillment';
import { toFbaOutboundOrderWhole } from '../modules/fba-outbound-orders/v2020-07-01.to-schema';
import type { FulfillmentOutboundV20200701 } from '../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import type { FbaOutboundOrder } from '../modules/fba-outbound-orders/fba-outbound-order.type';
import type { Repository } from '../store';
import { finishedFromStored, type TaskEvents } from '../modules/fulfillment-tasks/fulfillment-task.events';
import { chunks } from '../platform/chunks';
import type { FinishedTasks } from '../store/finished-tasks';
import type { FulfillmentOutbound } from '../modules/fba-outbound-orders/fba-outbound-order.datasource';
import type { Logger } from '../platform/logger';
import type { StoredTask } from '../store/repository';
import type { McfOrder } from '../modules/mcf-orders/mcf-order.type';
import { toMcfOrder } from '../modules/mcf-orders/mcf-order.service';

/**
 * Per-request DataLoaders, created in the context function: nothing is cached across requests.
 * Loaders are named by their key; each is per seller, because every upstream call is.
 */
export interface Loaders {
  /** FulfillmentTask results by task id: at most ten ids per getFulfillmentResult call. */
  taskById(sellerId: string): DataLoader<string, TaskResultRecord | null>;
  /** Whole FBA outbound orders by sellerFulfillmentOrderId: one getFulfillmentOrder per distinct id. */
  fbaOrderById(sellerId: string): DataLoader<string, FbaOutboundOrder | null>;
  /** Registry records of submitted tasks by task id: one store query per batch. */
  storedTaskById(sellerId: string): DataLoader<string, StoredTask | null>;
  /** MCF orders this gateway created, by "storeName\u0000orderId": one store query per batch. */
  mcfOrderById: DataLoader<string, McfOrder | null>;
}

export function createLoaders(deps: {
  fulfillment: LingxingFulfillment;
  /** tasks seen finished (the gate prices reads of them at 0) */
  finishedTasks?: FinishedTasks;
  outbound: FulfillmentOutboundV20200701;
  /** whole orders through each seller's Fulfillment Outbound version */
  orders?: FulfillmentOutbound;
  store: Repository;
  access: Access;
  /** a read that sees a newer task state records and announces it */
  taskEvents?: TaskEvents;
  logger?: Logger;
}): Loaders {
  const perSeller = <V>(make: (sellerId: string) => DataLoader<string, V>) => {
    const loaders = new Map<string, DataLoader<string, V>>();
    return (sellerId: string) => {
      // every read for a seller passes here: nested fields and references too (the entry guard asked first)
      deps.access.requireSeller(sellerId);
      let loader = loaders.get(sellerId);
      if (!loader) {
        loader = make(sellerId);
        loaders.set(sellerId, loader);
      }
      return loader;
    };
  };
  const loaders: Loaders = {
    taskById: perSeller(
      (sellerId) =>
        new DataLoader<string, TaskResultRecord | null>(
          async (taskIds) => {
            // a finished task the registry holds never changes at the ERP: answered from the registry
            // (or this replica's copy of it); ids the registry did not hold a moment ago skip it
            const known = deps.finishedTasks;
            const kept = new Map<string, TaskResultRecord>();
            const lookUp: string[] = [];
            for (const id of taskIds) {
              const record = known?.record(sellerId, id);
              if (record) kept.set(id, record);
              else if (!known?.isAbsent(sellerId, id)) lookUp.push(id);
            }
            const stored = await deps.store.tasksByIds(sellerId, lookUp);
            // the same rows answer the registry fields (shipments) of these tasks: one store read
            const registry = loaders.storedTaskById(sellerId);
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
            const ask = taskIds.filter((id) => !kept.has(id));
            // the rest from the ERP, ten ids per getFulfillmentResult call (seed 001), the calls
            // side by side; a failed call fails only its own ids
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
            // after the answer, not before it: the registry and subscribers learn what this read saw
            if (deps.taskEvents)
              void deps.taskEvents
                .observe(sellerId, found)
                .catch((error: Error) =>
                  deps.logger?.warn({ err: { message: error.message } }, 'could not record a newer task state'),
                );
            // one entry per key, in key order; a task the ERP returns nothing for is null (not found)
            return taskIds.map((id) => kept.get(id) ?? failed.get(id) ?? found.get(id) ?? null);
          },
          // one batch per tick (the loader's cache makes each id asked for once per request)
          { maxBatchSize: 500 },
        ),
    ),
    fbaOrderById: perSeller(
      (sellerId) =>
        // SP-API has no batch read: the loader's job is to ask once per distinct id and let one
        // failed id fail only its own slot.
        new DataLoader<string, FbaOutboundOrder | null>((ids) =>
          Promise.all(
            ids.map((id) =>
              (deps.orders
                ? deps.orders.getOrder(sellerId, id)
                : deps.outbound.getOrder(sellerId, id).then((r) => r && toFbaOutboundOrderWhole(sellerId, r))
              ).catch((error: Error) => error),
            ),
          ),
        ),
    ),
    storedTaskById: perSeller(
      (sellerId) =>
        new DataLoader<string, StoredTask | null>(
          async (taskIds) => {
            const found = await deps.store.tasksByIds(sellerId, taskIds);
            return taskIds.map((id) => found.get(id) ?? null);
          },
          { maxBatchSize: 500 },
        ),
    ),
    mcfOrderById: new DataLoader<string, McfOrder | null>(
      async (keys) => {
        const wanted = keys.map((k) => ({ storeName: k.split('\u0000')[0], orderId: k.split('\u0000')[1] }));
        const found = await deps.store.mcfOrdersByIds(wanted.filter((w) => deps.access.mayActForStore(w.storeName)));
        return keys.map((k, i) => {
          if (!deps.access.mayActForStore(wanted[i].storeName))
            return new ForbiddenError('The caller may not act for this store.');
          const o = found.get(k);
          return o ? toMcfOrder(o) : null;
        });
      },
      { maxBatchSize: 200 },
    ),
  };
  return loaders;
}
