import DataLoader from 'dataloader';
import type { Access } from '../../auth/principal';
import { ForbiddenError } from '../../errors';
import type { Repository } from '../../store';
import type { McfOrder } from './mcf-order.type';
import { toMcfOrder } from './mcf-order.service';

/** MCF orders this gateway created, by `mcfOrderKey`: one store query per batch, a store the caller may not act for refused. */
export function mcfOrderLoader(store: Repository, access: Access): DataLoader<string, McfOrder | null> {
  return new DataLoader<string, McfOrder | null>(
    async (keys) => {
      const wanted = keys.map((k) => ({ storeName: k.split('\u0000')[0], orderId: k.split('\u0000')[1] }));
      const found = await store.mcfOrdersByIds(wanted.filter((w) => access.mayActForStore(w.storeName)));
      return keys.map((k, i) => {
        if (!access.mayActForStore(wanted[i].storeName))
          return new ForbiddenError('The caller may not act for this store.');
        const o = found.get(k);
        return o ? toMcfOrder(o) : null;
      });
    },
    { maxBatchSize: 200 },
  );
}
