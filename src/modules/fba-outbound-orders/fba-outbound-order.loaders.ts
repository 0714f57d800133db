import DataLoader from 'dataloader';
import type { FulfillmentOutboundV20200701 } from '../../upstreams/sp-api/v2020-07-01/fulfillment-outbound';
import type { FulfillmentOutbound } from './fba-outbound-order.datasource';
import type { FbaOutboundOrder } from './fba-outbound-order.type';
import { toFbaOutboundOrderWhole } from './v2020-07-01.to-schema';

/**
 * Whole FBA outbound orders of one seller by sellerFulfillmentOrderId. SP-API has no batch read:
 * the loader asks once per distinct id, and one failed id fails only its own slot.
 */
export function fbaOrderLoader(
  deps: { outbound: FulfillmentOutboundV20200701; orders?: FulfillmentOutbound },
  sellerId: string,
): DataLoader<string, FbaOutboundOrder | null> {
  return new DataLoader<string, FbaOutboundOrder | null>((ids) =>
    Promise.all(
      ids.map((id) =>
        (deps.orders
          ? deps.orders.getOrder(sellerId, id)
          : deps.outbound.getOrder(sellerId, id).then((r) => r && toFbaOutboundOrderWhole(sellerId, r))
        ).catch((error: Error) => error),
      ),
    ),
  );
}
