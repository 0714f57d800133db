import type DataLoader from 'dataloader';
import type { Access } from '../auth/principal';
import type { Repository } from '../store';
import type { FinishedTasks } from '../store/finished-tasks';
import type { StoredTask } from '../store/repository';
import type { LingxingFulfillment, TaskResultRecord } from '../upstreams/lingxing/fulfillment';
import type { FulfillmentOutboundV20200701 } from '../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import type { FulfillmentOutbound } from '../modules/fba-outbound-orders/fba-outbound-order.datasource';
import { fbaOrderLoader } from '../modules/fba-outbound-orders/fba-outbound-order.loaders';
import type { FbaOutboundOrder } from '../modules/fba-outbound-orders/fba-outbound-order.type';
import { storedTaskLoader, taskResultsLoader } from '../modules/fulfillment-tasks/fulfillment-task.loaders';
import { mcfOrderLoader } from '../modules/mcf-orders/mcf-order.loaders';
import type { McfOrder } from '../modules/mcf-orders/mcf-order.type';

/**
 * Per-request DataLoaders, created with the context: nothing is cached across requests. Each is
 * per seller, because every upstream call is; the batch functions live in their modules.
 */
export interface Loaders {
  /** FulfillmentTask results by task id: at most ten ids per getFulfillmentResult call. */
  taskById(sellerId: string): DataLoader<string, TaskResultRecord | null>;
  /** Whole FBA outbound orders by sellerFulfillmentOrderId: one getFulfillmentOrder per distinct id. */
  fbaOrderById(sellerId: string): DataLoader<string, FbaOutboundOrder | null>;
  /** Registry records of submitted tasks by task id: one store query per batch. */
  storedTaskById(sellerId: string): DataLoader<string, StoredTask | null>;
  /** MCF orders this gateway created, by `mcfOrderKey(storeName, orderId)`: one store query per batch. */
  mcfOrderById: DataLoader<string, McfOrder | null>;
}

export interface LoaderDeps {
  fulfillment: LingxingFulfillment;
  /** tasks seen finished (the gate prices reads of them at 0) */
  finishedTasks?: FinishedTasks;
  outbound: FulfillmentOutboundV20200701;
  /** whole orders through each seller's Fulfillment Outbound version */
  orders?: FulfillmentOutbound;
  store: Repository;
  access: Access;
  /** told what a task read saw at the ERP, after the answer */
  onTasksRead?: (sellerId: string, found: Map<string, TaskResultRecord>) => void;
}

export function createLoaders(deps: LoaderDeps): Loaders {
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
  const taskDeps = { ...deps, onRead: deps.onTasksRead };
  const loaders: Loaders = {
    taskById: perSeller((sellerId) => taskResultsLoader(taskDeps, sellerId, loaders.storedTaskById(sellerId))),
    fbaOrderById: perSeller((sellerId) => fbaOrderLoader(deps, sellerId)),
    storedTaskById: perSeller((sellerId) => storedTaskLoader(deps.store, sellerId)),
    mcfOrderById: mcfOrderLoader(deps.store, deps.access),
  };
  return loaders;
}
