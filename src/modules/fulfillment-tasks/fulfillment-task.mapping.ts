import type { FulfillmentTask } from './fulfillment-task.type';
import type { ShipmentConfirmationRecord, TaskResultRecord } from '../../upstreams/lingxing/fulfillment';

/** A task as the ERP reports it, joined with the shipments this gateway submitted, when known. */
export function toFulfillmentTask(
  sellerId: string,
  result: TaskResultRecord,
  shipments: ShipmentConfirmationRecord[] = [],
): FulfillmentTask {
  const byMessageId = new Map(shipments.map((s) => [s.messageId, s]));
  return {
    ...result,
    sellerId,
    shipments: shipments.map((s) => ({ ...s, sellerId, taskId: result.taskId })),
    // sellerId and taskId ride along (not in the schema) so MessageResult.shipment can find the submission
    results: result.results.map((r) => ({
      ...r,
      sellerId,
      taskId: result.taskId,
      shipment: byMessageId.get(r.messageId),
    })),
  };
}
